"""Proper names the gazetteer does not know, as actor candidates ("Emmaüs Connect ouvrira").

With a tagger, a name is a run of PROPN; without one, a capitalised word that does
not open its sentence (English, French). German capitalises every noun, so there a
name must open its clause and touch a commitment trigger ("Köln wird", "dass Venlo").
"""

from __future__ import annotations

from spacy.attrs import POS
from spacy.tokens import Doc, Span, Token

from synthesis.extract.actor_types import Candidate
from synthesis.extract.german_names import german_compound_name, names_before_verbs, reported_sources
from synthesis.extract.lexicon import Lexicon


def proper_names(
    lexicon: Lexicon, doc: Doc, reserved: frozenset[int], weak: frozenset[int] = frozenset()
) -> list[Candidate]:
    """Name candidates of the doc; `reserved` are the tokens of commitment triggers, `weak` the
    verbs of those that pledge only with a deadline ahead."""
    found: list[Candidate] = []
    if lexicon.language == "de":
        # German names only count next to a trigger or after "dass": look only there.
        spots = {j for i in reserved | weak for j in (i - 1, i + 1, i - 3)} | {
            t.i + 1 for t in doc if lexicon.has("complementizers", t.text)
        }
        for i in sorted(j for j in spots if 0 <= j < len(doc)):
            start = doc[i].sent.start
            if _name_token(lexicon, doc, i, start, reserved=reserved, weak=weak):
                # Found only beside a deadline-bound present tense, it serves that trigger alone.
                only_weak = not ({i - 1, i + 1} & reserved) and not (
                    i > start and lexicon.has("complementizers", doc[i - 1].text)
                )
                organisation = _organisation(lexicon, doc[i : i + 1])
                found.append(Candidate(i, i + 1, "name", organisation=organisation, weak=only_weak))
            elif i + 1 in reserved | weak and (start_of_name := german_compound_name(lexicon, doc, i)):
                found.append(Candidate(start_of_name, i + 1, "name", organisation=True))
        # „Die Katholische Pfarrei St. Anna und der Jugendmigrationsdienst werden": the first of two.
        verbs = reserved | weak
        for t in doc:
            joined = t.i > 0 and lexicon.has("infinitive_conjunctions", t.text)
            before_verb = joined and any(t.i < v < t.sent.end for v in verbs)
            if before_verb and (start_of_name := german_compound_name(lexicon, doc, t.i - 1)):
                found.append(Candidate(start_of_name, t.i, "name", organisation=True))
        found += [
            Candidate(a, b, "name", organisation=True)
            for a, b in [*names_before_verbs(lexicon, doc, reserved | weak), *reported_sources(lexicon, doc)]
        ]
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
            j = _propn_run_end(lexicon, doc, tags, i, propn)
            # A trigger the tagger took for a name ("Habitat et Humanisme prévoit") ends it.
            j = next((k for k in range(i, j) if k in reserved), j)
            if j > i and _name_token(lexicon, doc, i, doc[i].sent.start, reserved=reserved):
                found.append(Candidate(i, j, "name", organisation=_organisation(lexicon, doc[i:j])))
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


def titled_persons(
    lexicon: Lexicon, doc: Doc, reserved: frozenset[int], places: list[Candidate]
) -> list[Candidate]:
    """People named with a title, in any language: "Cllr Mensah", « Mme Lefèvre », „Herr Dr. Kaya".

    The title makes the name a person's, wherever it stands, even in German where a
    capitalised word alone could be any noun („Jede Frau" is no one: a determiner comes first).
    A person with their place in brackets stands for it, brackets included: "Ms Haddad (Sousse)".
    """
    place_at = {c.start: c for c in places if c.place_id}
    found: list[Candidate] = []
    i = 0
    while i < len(doc):
        if not _title(lexicon, doc, i) or (i > 0 and lexicon.has("determiners", doc[i - 1].text)):
            i += 1
            continue
        j = i
        while j < len(doc) and (_title(lexicon, doc, j) or (j > i and doc[j].text == ".")):
            j += 1
        end = j
        while end < len(doc) and end - j < 3 and end not in reserved and _person_word(doc[end]):
            end += 1
        place = place_at.get(end + 1) if end > j and end < len(doc) and doc[end].text == "(" else None
        if place and place.end < len(doc) and doc[place.end].text == ")":
            found.append(Candidate(i, place.end + 1, "place", place.place_id))
        elif end > j:
            found.append(Candidate(i, end, "name"))
        i = max(end, i + 1)
    return found


def _title(lexicon: Lexicon, doc: Doc, i: int) -> bool:
    word = doc[i].text
    return word[:1].isupper() and lexicon.has("person_titles", word.rstrip("."))


def _person_word(token: Token) -> bool:
    word = token.text
    return word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha() and not token.is_stop


def _names_before_triggers(
    lexicon: Lexicon, doc: Doc, reserved: frozenset[int], found: list[Candidate]
) -> list[Candidate]:
    """'TotalEnergies s'engage', 'Emmaüs Connect ouvrira': a capitalised run right before a trigger.

    The tagger reads an unknown name that opens a sentence as a noun; standing right
    before a commitment trigger, it is the organisation that commits.
    """
    taken = {i for c in found for i in range(c.start, c.end)}
    names: list[Candidate] = []
    for trigger in sorted(reserved):
        # "Emmaüs Connect s'est donné pour mission", "Orange Sénégal a accepté de": past a clitic
        # and an auxiliary.
        end = trigger
        while end > trigger - 2 and end > 0 and lexicon.has("name_gap_words", doc[end - 1].text):
            end -= 1
        start = end
        while start > 0 and start - 1 not in taken and _capitalised(doc[start - 1]):
            start -= 1
            # "Le Secours du Quartier offre ...", "Habitat et Humanisme prévoit ...": across "du",
            # "for", "et" inside the name.
            if (
                start >= 2
                and (
                    lexicon.has("name_connectors", doc[start - 1].text)
                    or lexicon.has("name_conjunctions", doc[start - 1].text)
                )
                and _capitalised(doc[start - 2])
                and not {start - 1, start - 2} & taken
            ):
                start -= 2
        opening = doc[start].sent.start
        if start < end and (
            start == opening
            or lexicon.has("clause_separators", doc[start - 1].text)
            or (start - 1 == opening and lexicon.has("determiners", doc[opening].text))
        ):
            names.append(Candidate(start, end, "name", organisation=_organisation(lexicon, doc[start:end])))
    return names


def _organisation(lexicon: Lexicon, name: Span) -> bool:
    """A name shaped like an organisation's: "TotalEnergies", "UNHCR", "Emmaüs Connect",
    "Habitat for Humanity". A plain capitalised word ("Valparaíso") may as well be a city."""
    words = [t.text for t in name]
    return any(
        (len(w) > 1 and w.isupper())
        or any(c.isupper() for c in w[1:])
        or lexicon.has("organisation_words", w)
        or lexicon.has("organisation_connectors", w)
        for w in words
    )


def _propn_run_end(lexicon: Lexicon, doc: Doc, tags: list[int], i: int, propn: int) -> int:
    """The end of the name that starts at `i`: its PROPN run, across "for", "du", "für" when a
    capitalised word follows ("Habitat for Humanity", "Médecins du Monde")."""
    j = i
    while j < len(tags):
        if tags[j] == propn and doc[j].is_alpha:
            j += 1
        elif (
            j > i
            and j + 1 < len(tags)
            and lexicon.has("name_connectors", doc[j].text)
            and doc[j + 1].is_alpha
            and doc[j + 1].text[0].isupper()
        ):
            j += 2
        else:
            break
    # "Save the Rivers and Lakes Alliance", "Habitat et Humanisme Services": across "and" when
    # the whole ends as an organisation's name does; "Venlo and Palermo" stay two names.
    if j > i and j + 1 < len(tags) and lexicon.has("name_conjunctions", doc[j].text) and doc[j + 1].is_title:
        end = _propn_run_end(lexicon, doc, tags, j + 1, propn)
        last = doc[end - 1].lower_
        if end > j + 1 and (lexicon.has("organisation_words", last) or lexicon.has("agent_heads", last)):
            return end
    return j


def _capitalised(token: Token) -> bool:
    # The tagger reads unknown name words as anything ("Emmaüs Connect": ADV); not as function words.
    return (
        token.is_alpha
        and token.text[0].isupper()
        and not token.is_stop
        and token.pos_ in ("NOUN", "PROPN", "X", "ADV", "ADJ")
    )


def _name_token(
    lexicon: Lexicon,
    doc: Doc,
    i: int,
    sent_start: int,
    inside: bool = False,
    reserved: frozenset[int] = frozenset(),
    weak: frozenset[int] = frozenset(),
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
        # „Die Caritas eröffnet im Oktober ...", „Die Arbeiterwohlfahrt kündigte an": an article that
        # opens the sentence, before a verb only a body does. Before "wird", „Das Wetter" is no
        # more than a noun.
        verb = doc[i + 1] if i + 1 < len(doc) else None
        acts = i + 1 in weak or (
            i + 1 in reserved and verb is not None and not lexicon.has("trigger_auxiliaries", verb.text)
        )
        opens_clause = (
            previous is None
            or lexicon.has("name_openers", previous.text)
            or (previous.i == sent_start and acts and lexicon.has("name_articles", previous.text))
        )
        # Any capitalised noun could open a clause, so a name must also touch a
        # trigger ("Köln wird", "wird Venlo") or follow "dass".
        # „Zürich und Genf richten ... aus": the first of two names joined before the verb touches it too.
        joined = (
            i + 3 < len(doc)
            and lexicon.has("name_conjunctions", doc[i + 1].text)
            and i + 3 in reserved | weak
        )
        touches = (
            bool({i - 1, i + 1} & (reserved | weak))
            or joined
            or (previous is not None and lexicon.has("complementizers", previous.text))
        )
        return (
            not inside
            and opens_clause
            and touches
            and (not lexicon.has("prefield_openers", token.text) and token.lemma_ in ("", token.text))
        )
    return inside or i > sent_start


def prefer_whole_names(found: list[Candidate]) -> list[Candidate]:
    """An organisation's whole name over the common noun inside it: „Die Stadtwerke Neuss GmbH"
    over „Die Stadtwerke", which would otherwise win as an agent."""
    names = [c for c in found if c.source == "name" and c.organisation]
    return [
        c
        for c in found
        if c.source != "agent"
        # The agent may hold the article the name leaves out.
        or not any(n.start - 1 <= c.start and c.end <= n.end for n in names)
    ]
