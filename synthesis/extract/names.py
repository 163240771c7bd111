"""Proper names the gazetteer does not know, as actor candidates ("Emmaüs Connect ouvrira").

With a tagger, a name is a run of PROPN; without one, a capitalised word that does
not open its sentence (English, French). German capitalises every noun, so there a
name must open its clause and touch a commitment trigger ("Köln wird", "dass Venlo").
"""

from __future__ import annotations

from spacy.attrs import POS
from spacy.tokens import Doc, Token

from synthesis.extract.actor_types import Candidate
from synthesis.extract.lexicon import Lexicon


def proper_names(lexicon: Lexicon, doc: Doc, reserved: frozenset[int]) -> list[Candidate]:
    """Name candidates of the doc; `reserved` are the tokens of commitment triggers."""
    found: list[Candidate] = []
    if lexicon.language == "de":
        # German names only count next to a trigger or after "dass": look only there.
        spots = {j for i in reserved for j in (i - 1, i + 1)} | {
            t.i + 1 for t in doc if lexicon.has("complementizers", t.text)
        }
        for i in sorted(j for j in spots if 0 <= j < len(doc)):
            start = doc[i].sent.start
            if _name_token(lexicon, doc, i, start, reserved=reserved):
                found.append(Candidate(i, i + 1, "name"))
        return found
    if doc.has_annotation("POS"):
        # With a tagger, names are runs of PROPN, read off the tag array.
        propn = doc.vocab.strings["PROPN"]
        tags = doc.to_array(POS).tolist()
        i = 0
        while i < len(tags):
            if tags[i] != propn:
                i += 1
                continue
            j = i
            while j < len(tags) and tags[j] == propn and doc[j].is_alpha:
                j += 1
            if j > i and _name_token(lexicon, doc, i, doc[i].sent.start, reserved=reserved):
                found.append(Candidate(i, j, "name"))
            i = max(j, i + 1)
        return found + _names_before_triggers(lexicon, doc, reserved, found)
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            if _name_token(lexicon, doc, i, sent.start, reserved=reserved):
                j = i + 1
                while j < sent.end and _name_token(lexicon, doc, j, sent.start, inside=True):
                    j += 1
                found.append(Candidate(i, j, "name"))
                i = j
            else:
                i += 1
    return found


def _names_before_triggers(
    lexicon: Lexicon, doc: Doc, reserved: frozenset[int], found: list[Candidate]
) -> list[Candidate]:
    """'TotalEnergies s'engage', 'Emmaüs Connect ouvrira': a capitalised run right before a trigger.

    The tagger reads an unknown name that opens a sentence as a noun; standing right
    before a commitment trigger, it is the organisation that commits.
    """
    taken = {i for c in found for i in range(c.start, c.end)}
    names: list[Candidate] = []
    for end in sorted(reserved):
        start = end
        while start > 0 and start - 1 not in taken and _capitalised(doc[start - 1]):
            start -= 1
        if start < end and (
            start == doc[start].sent.start or lexicon.has("clause_separators", doc[start - 1].text)
        ):
            names.append(Candidate(start, end, "name"))
    return names


def _capitalised(token: Token) -> bool:
    return (
        token.is_alpha
        and token.text[0].isupper()
        and not token.is_stop
        and token.pos_ in ("NOUN", "PROPN", "X")
    )


def _name_token(
    lexicon: Lexicon,
    doc: Doc,
    i: int,
    sent_start: int,
    inside: bool = False,
    reserved: frozenset[int] = frozenset(),
) -> bool:
    token = doc[i]
    if not token.is_alpha or not token.text[0].isupper() or (token.is_stop and not inside):
        return False
    if token.pos_:
        return token.pos_ == "PROPN"
    if lexicon.language == "de":
        # German capitalises every noun. A name stands without an article, and as a
        # subject it opens its clause (Köln wird ..., dass Venlo ... wird).
        previous = doc[i - 1] if i > sent_start else None
        opens_clause = previous is None or lexicon.has("name_openers", previous.text)
        # Any capitalised noun could open a clause, so a name must also touch a
        # trigger ("Köln wird", "wird Venlo") or follow "dass".
        touches = (
            i + 1 in reserved
            or i - 1 in reserved
            or (previous is not None and lexicon.has("complementizers", previous.text))
        )
        return (
            not inside
            and opens_clause
            and touches
            and (not lexicon.has("prefield_openers", token.text) and token.lemma_ in ("", token.text))
        )
    return inside or i > sent_start
