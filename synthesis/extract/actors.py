"""Who acts: the candidates for the subject of a commitment, and how they resolve.

A candidate is a stretch of tokens that can commit: a gazetteer place, a
first-person phrase ("we", "notre ville"), a collective ("les participants"),
an anaphor ("it", "the city", "die Stadt") resolved to an earlier place, an
agent noun phrase ("the regional transport authority", "la Ville de Genève")
or a proper name the gazetteer does not know. Finding the subject works on
token positions, so it needs no parser and behaves alike in all languages.

`ActorFinder` finds the candidates of a doc and finds agent noun phrases itself;
proper names are found by names.py, and resolution.py says whom a candidate names.
"""

from __future__ import annotations

import re

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from synthesis.extract import resolution
from synthesis.extract.actor_types import PARTICIPANTS, Actor, ActorKind, Candidate
from synthesis.extract.gazetteer import SPAN_KEY, Gazetteer
from synthesis.extract.german_names import german_name_end
from synthesis.extract.lexicon import Lexicon
from synthesis.extract.names import prefer_whole_names, proper_names, titled_persons

__all__ = ["PARTICIPANTS", "Actor", "ActorFinder", "ActorKind", "Candidate"]

_CACHE_KEY = "summit_actor_candidates"
_ACRONYM = {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2, "<=": 6}}
_PRIORITY = {
    "agent_place": -1,
    "place": 0,
    "first_person": 1,
    "collective": 2,
    "anaphora": 3,
    "agent": 4,
    "name": 5,
}


class ActorFinder:
    """The actor candidates of a doc in one language, and whom they stand for."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon, gazetteer: Gazetteer, make_doc: object) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        heads = sorted(
            (h for h in lexicon.words.get("agent_heads", ()) if len(h) >= 4), key=len, reverse=True
        )
        self.compound_heads = (
            re.compile(f"(?:{'|'.join(map(re.escape, heads))})$") if lexicon.language == "de" else None
        )
        proxies = sorted(
            (h for h in lexicon.words.get("proxy_heads", ()) if len(h) >= 6), key=len, reverse=True
        )
        self.proxy_compounds = (
            re.compile(f"(?:{'|'.join(map(re.escape, proxies))})$") if lexicon.language == "de" else None
        )
        # PhraseMatchers are much faster than Matcher predicates over every token.
        words = sorted(lexicon.words.get("agent_heads", ()))
        self.heads = PhraseMatcher(vocab, attr="LOWER")
        self.heads.add("head", [make_doc(w) for w in words])  # type: ignore[operator]
        self.head_lemmas = PhraseMatcher(vocab, attr="LEMMA")
        self.head_lemmas.add("head", [Doc(vocab, words=[w], lemmas=[w]) for w in words])
        self.compounds = Matcher(vocab)
        if self.compound_heads is not None:
            self.compounds.add(
                "compound", [[{"IS_TITLE": True, "LOWER": {"REGEX": self.compound_heads.pattern}}]]
            )
            # „die AWO", „der ADFC", „das DRK": an acronym after an article names a body.
            self.compounds.add(
                "acronym", [[{"LOWER": {"IN": sorted(lexicon.words["determiners"])}}, _ACRONYM]]
            )
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        for name in ("first_person", "collectives", "anaphora"):
            # A one-word entry is one token as written: alone, the tokenizer would split "j'" in two.
            patterns = [
                make_doc(p) if " " in p else Doc(vocab, words=[p])  # type: ignore[operator]
                for p in lexicon.phrases.get(name, ())
            ]
            self.phrases.add(name, patterns)

    # -- candidates ---------------------------------------------------------

    def candidates(
        self, doc: Doc, reserved: frozenset[int] = frozenset(), weak: frozenset[int] = frozenset()
    ) -> list[Candidate]:
        """Every actor candidate in the doc, without overlaps, in text order.

        `reserved` tokens (the commitment triggers) never become part of a candidate; `weak`
        are the verbs of triggers that pledge only with a deadline, where a German name may
        come with its article. Computed once per doc: the components share them.
        """
        cached = doc.user_data.get(_CACHE_KEY)
        if cached is not None and cached[:2] == (reserved, weak):
            return list(cached[2])
        found = self._find(doc, reserved, weak)
        doc.user_data[_CACHE_KEY] = (reserved, weak, tuple(found))
        return found

    def cached_triggers(self, doc: Doc) -> tuple[frozenset[int], frozenset[int]]:
        """The reserved and weak tokens the commitment component found candidates with."""
        cached = doc.user_data.get(_CACHE_KEY)
        return (cached[0], cached[1]) if cached else (frozenset(), frozenset())

    def _find(self, doc: Doc, reserved: frozenset[int], weak: frozenset[int]) -> list[Candidate]:
        found = [
            Candidate(span.start, span.end, "place", span.kb_id_) for span in doc.spans.get(SPAN_KEY, [])
        ]
        for match_id, start, end in self.phrases(doc):
            name = doc.vocab.strings[match_id]
            source = {"first_person": "first_person", "collectives": "collective"}.get(name, "anaphora")
            found.append(Candidate(start, end, source))
        found.extend(self._agent_phrases(doc, found, reserved, weak))
        found.extend(proper_names(self.lexicon, doc, reserved, weak))
        found = prefer_whole_names([*found, *titled_persons(self.lexicon, doc, reserved, found)])
        # Keep the most specific candidate where several overlap.
        found.sort(key=lambda c: (_PRIORITY[c.source], -(c.end - c.start), c.start))
        kept: list[Candidate] = []
        taken: set[int] = set()
        for candidate in found:
            tokens = set(range(candidate.start, candidate.end))
            if not tokens & taken and not tokens & reserved:
                kept.append(candidate)
                taken |= tokens
        return sorted(kept, key=lambda c: c.start)

    def _agent_phrases(
        self, doc: Doc, places: list[Candidate], reserved: frozenset[int], weak: frozenset[int]
    ) -> list[Candidate]:
        place_at = {c.start: c for c in places if c.source == "place"}
        found = []
        matches = [*self.heads(doc), *self.compounds(doc)] if len(self.compounds) else list(self.heads(doc))
        if doc.has_annotation("LEMMA"):
            matches += self.head_lemmas(doc)
        heads = sorted({end - 1 for _, _, end in matches})
        for index in heads:
            token = doc[index]
            if not self.is_agent_head(token) or (index > 0 and doc[index - 1].text == "-"):
                continue  # "centre-ville" is a place in town, not the town
            outer = token.i
            while (
                outer > 0
                and outer - 1 not in reserved
                and self._np_modifier(doc[outer - 1])
                and token.i - outer < 4
            ):
                outer -= 1
            if any(self.lexicon.has("thing_heads", t.text) for t in doc[outer : token.i]):
                continue  # "la population de l'agglomération atteindra ...": a thing, not a body
            # The phrase starts at its article: „die Caritas und die AWO" are two phrases.
            articles = [i for i in range(outer, token.i) if self.lexicon.has("determiners", doc[i].text)]
            start = articles[-1] if articles else outer
            start = self._across_conjunction(doc, start, reserved)
            end = token.i + 1
            named_after = next((c for c in places if start <= c.start and c.end < end), None)
            titled = all(t.is_title for t in doc[named_after.end : end]) if named_after else False
            if named_after and titled and not self._is_proxy(token):
                # "Victoria Housing Trust", "Gatineau Public Library": a body named after its place.
                found.append(Candidate(named_after.start, end, "agent_place"))
                continue
            # "the mayor of Lyon", "la Ville de Genève", "die Stadt Genf": the place is the actor;
            # "a local NGO from Düsseldorf" is an NGO, named with its place.
            after = end + 1 if end < len(doc) and self.lexicon.has("prepositions_of", doc[end].text) else end
            if (
                after < len(doc)
                and after not in place_at
                and self.lexicon.has("determiners", doc[after].text)
            ):
                after += 1  # « la coordinatrice de l'ICCAR »
            if after in place_at or end in place_at:
                place = place_at.get(after) or place_at[end]
                if self._is_proxy(token):
                    found.append(Candidate(start, place.end, "place", place.place_id))
                else:
                    found.append(Candidate(start, place.end, "agent_place"))
                continue
            while (
                end < len(doc)
                and end not in reserved
                and doc[end].pos_ == "ADJ"
                and self.lexicon.language == "fr"
            ):
                end += 1
            end = self._name_after_head(doc, end, reserved, weak)
            # "le conseil municipal de Douala": the place after the head's adjectives.
            council_of = place_at.get(end + 1)
            if council_of and self.lexicon.has("prepositions_of", doc[end].text) and self._is_proxy(token):
                found.append(Candidate(start, council_of.end, "place", council_of.place_id))
                continue
            # "l'autorité régionale des transports", "the Ministry of Health"
            if (
                end + 1 < len(doc)
                and self.lexicon.has("prepositions_of", doc[end].text)
                and end + 1 not in reserved
            ):
                following = doc[end + 1]
                if following.pos_ in ("NOUN", "PROPN") or (
                    following.pos_ == "DET"
                    and end + 2 < len(doc)
                    and (doc[end + 2].pos_ in ("NOUN", "PROPN"))
                ):
                    end += 2 if following.pos_ != "DET" else 3
            found.append(Candidate(start, end, "agent"))
        return found

    def _across_conjunction(self, doc: Doc, start: int, reserved: frozenset[int]) -> int:
        """ "the Parks and Recreation Department": a capitalised name takes in "X and"."""
        while (
            start >= 2
            and doc[start].is_title
            and self.lexicon.has("name_conjunctions", doc[start - 1].text)
            and doc[start - 2].is_title
            and doc[start - 2].pos_ in ("PROPN", "NOUN", "")
            and not {start - 1, start - 2} & reserved
        ):
            start -= 2
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "NOUN", ""):
                start -= 1
        return start

    def _name_after_head(self, doc: Doc, end: int, reserved: frozenset[int], weak: frozenset[int]) -> int:
        """ "la mutuelle Solidaires et Unis", "the charity Crisis", „die Stiftung „Zukunft
        Nachbarschaft“": a common noun, then the name. German capitalises every noun, so there
        the name is quoted, or one word right before the verb („Der Versorger Nordstrom plant")."""
        if end < len(doc) and self.lexicon.has("opening_quotes", doc[end].text):
            quoted = doc[end + 1 : end + 8]
            closing = next((t.i for t in quoted if self.lexicon.has("closing_quotes", t.text)), None)
            if closing is not None:
                return closing + 1
        if self.lexicon.language == "de":
            return german_name_end(self.lexicon, doc, end, reserved | weak)
        while end < len(doc) and end not in reserved:
            if doc[end].is_title and doc[end].is_alpha:
                end += 1
            elif (
                end + 1 < len(doc)
                and doc[end - 1].is_title
                and self.lexicon.has("name_conjunctions", doc[end].text)
                and doc[end + 1].is_title
                and end + 1 not in reserved
            ):
                end += 2
            else:
                break
        return end

    def _is_proxy(self, token: Token) -> bool:
        if self.lexicon.has("proxy_heads", token.text) or self.lexicon.has("proxy_heads", token.lemma_):
            return True
        # German compounds end in their head: Vizebürgermeister, Stadtpräsidentin, Finanzschöffe.
        return self.proxy_compounds is not None and bool(self.proxy_compounds.search(token.lower_))

    def is_agent_head(self, token: Token) -> bool:
        if token.pos_ in ("VERB", "AUX", "ADP"):
            return False
        if self.lexicon.has("agent_heads", token.text) or (
            token.lemma_ != "" and self.lexicon.has("agent_heads", token.lemma_)
        ):
            return True
        # German compounds end in their head: Bezirksregierung, Stadtverwaltung, Sportverband.
        return self.compound_heads is not None and (
            (token.text[:1].isupper() and bool(self.compound_heads.search(token.lower_)))
            or (token.is_upper and token.is_alpha and 2 <= len(token) <= 6)
        )

    def _np_modifier(self, token: Token) -> bool:
        if token.is_punct or token.is_space or (token.like_num and len(token) == 4):
            return False
        if self.lexicon.has("determiners", token.text):
            return True
        if token.pos_:
            return token.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "DET")
        # Without a tagger: lower-case words (English) or adjective-like forms (German).
        return (
            token.is_alpha
            and not self.lexicon.has("subordinators", token.text)
            and (token.is_lower or self.lexicon.language == "de")
            and not (
                self.lexicon.has("negations", token.text)
                or self.lexicon.has("prepositions", token.text)
                or self.lexicon.has("conjunctions", token.text)
                or self._trigger_word(token)
            )
        )

    def _trigger_word(self, token: Token) -> bool:
        return any(
            self.lexicon.has(words, token.text)
            for words in ("reporting_verbs", "trigger_auxiliaries", "attribution_after_comma")
        )

    # -- resolution ---------------------------------------------------------

    def resolve(
        self, doc: Doc, candidate: Candidate, *, speaker_city: str | None, all_candidates: list[Candidate]
    ) -> Actor | None:
        return resolution.resolve(
            doc, candidate, lexicon=self.lexicon, gazetteer=self.gazetteer,
            speaker_city=speaker_city, all_candidates=all_candidates,
        )  # fmt: skip
