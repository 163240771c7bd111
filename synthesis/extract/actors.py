"""Who acts: the candidates for the subject of a commitment, and how they resolve.

A candidate is a stretch of tokens that can commit: a gazetteer place, a
first-person phrase ("we", "notre ville"), a collective ("les participants"),
an anaphor ("it", "the city", "die Stadt") resolved to an earlier place, an
agent noun phrase ("the regional transport authority", "la Ville de Genève")
or a proper name the gazetteer does not know. Finding the subject works on
token positions, so it needs no parser and behaves alike in all languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from spacy.attrs import POS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from synthesis.extract.gazetteer import SPAN_KEY, Gazetteer
from synthesis.extract.lexicon import Lexicon

ActorKind = Literal["city", "organisation", "collective", "first_person", "unresolved"]
PARTICIPANTS = "participants"
# Nouns that refer back to a city (the pronouns may refer to an organisation as well).
_CITY_ANAPHORA = frozenset(
    {"city", "municipality", "town", "mayor", "capital", "ville", "municipalité", "commune",
     "maire", "mairesse", "mairie", "stadt", "kommune", "gemeinde", "bürgermeister",
     "bürgermeisterin", "oberbürgermeister", "oberbürgermeisterin", "hauptstadt", "capitale"}
)  # fmt: skip
_CACHE_KEY = "summit_actor_candidates"
_PRIORITY = {
    "agent_place": -1,
    "place": 0,
    "first_person": 1,
    "collective": 2,
    "anaphora": 3,
    "agent": 4,
    "name": 5,
}


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    id: str | None  # canonical place id, "participants", or None when unresolved
    kind: ActorKind
    start: int  # token offsets in the doc
    end: int

    @property
    def resolved(self) -> bool:
        return self.id is not None

    @property
    def key(self) -> str:
        return self.id or self.text.casefold()


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    source: str  # a key of _PRIORITY
    place_id: str | None = None


class ActorFinder:
    def __init__(self, vocab: Vocab, lexicon: Lexicon, gazetteer: Gazetteer, make_doc: object) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        heads = sorted(
            (h for h in lexicon.words.get("agent_heads", ()) if len(h) >= 4), key=len, reverse=True
        )
        self.compound_heads = (
            re.compile(f"(?:{'|'.join(map(re.escape, heads))})$") if lexicon.language == "de" else None
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
        self.phrases = PhraseMatcher(vocab, attr="LOWER")
        for name in ("first_person", "collectives", "anaphora"):
            # A one-word entry is one token as written: alone, the tokenizer would split "j'" in two.
            patterns = [
                make_doc(p) if " " in p else Doc(vocab, words=[p])  # type: ignore[operator]
                for p in lexicon.phrases.get(name, ())
            ]
            self.phrases.add(name, patterns)

    # -- candidates ---------------------------------------------------------

    def candidates(self, doc: Doc, reserved: frozenset[int] = frozenset()) -> list[Candidate]:
        """Every actor candidate in the doc, without overlaps, in text order.

        `reserved` tokens (the commitment triggers) never become part of a candidate.
        Computed once per doc and reserved set: the components share them.
        """
        cached = doc.user_data.get(_CACHE_KEY)
        if cached is not None and cached[0] == reserved:
            return list(cached[1])
        found = self._find(doc, reserved)
        doc.user_data[_CACHE_KEY] = (reserved, tuple(found))
        return found

    def _find(self, doc: Doc, reserved: frozenset[int]) -> list[Candidate]:
        found = [
            Candidate(span.start, span.end, "place", span.kb_id_) for span in doc.spans.get(SPAN_KEY, [])
        ]
        for match_id, start, end in self.phrases(doc):
            name = doc.vocab.strings[match_id]
            source = {"first_person": "first_person", "collectives": "collective"}.get(name, "anaphora")
            found.append(Candidate(start, end, source))
        found.extend(self._agent_phrases(doc, found, reserved))
        found.extend(self._proper_names(doc, reserved))
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

    def _agent_phrases(self, doc: Doc, places: list[Candidate], reserved: frozenset[int]) -> list[Candidate]:
        place_at = {c.start: c for c in places if c.source == "place"}
        found = []
        matches = [*self.heads(doc), *self.compounds(doc)] if len(self.compounds) else list(self.heads(doc))
        if doc.has_annotation("LEMMA"):
            matches += self.head_lemmas(doc)
        heads = sorted({start for _, start, _ in matches})
        for index in heads:
            token = doc[index]
            if not self._is_agent_head(token):
                continue
            start = token.i
            while (
                start > 0
                and start - 1 not in reserved
                and self._np_modifier(doc[start - 1])
                and token.i - start < 4
            ):
                start -= 1
            end = token.i + 1
            # "the mayor of Lyon", "la Ville de Genève", "die Stadt Genf": the place is the actor;
            # "a local NGO from Düsseldorf" is an NGO, named with its place.
            after = end + 1 if end < len(doc) and self.lexicon.has("prepositions_of", doc[end].text) else end
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

    def _is_proxy(self, token: Token) -> bool:
        return self.lexicon.has("proxy_heads", token.text) or self.lexicon.has("proxy_heads", token.lemma_)

    def _is_agent_head(self, token: Token) -> bool:
        if token.pos_ in ("VERB", "AUX", "ADP"):
            return False
        if self.lexicon.has("agent_heads", token.text) or (
            token.lemma_ != "" and self.lexicon.has("agent_heads", token.lemma_)
        ):
            return True
        # German compounds end in their head: Bezirksregierung, Stadtverwaltung, Sportverband.
        return (
            self.compound_heads is not None
            and token.text[:1].isupper()
            and bool(self.compound_heads.search(token.lower_))
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
                or self._trigger_word(token)
            )
        )

    def _trigger_word(self, token: Token) -> bool:
        return self.lexicon.has("reporting_verbs", token.text) or token.lower_ in {
            "will", "wird", "werden", "va", "vont", "shall", "would"
        }  # fmt: skip

    def _proper_names(self, doc: Doc, reserved: frozenset[int]) -> list[Candidate]:
        found: list[Candidate] = []
        if self.lexicon.language == "de":
            # German names only count next to a trigger or after "dass": look only there.
            spots = {j for i in reserved for j in (i - 1, i + 1)} | {
                t.i + 1 for t in doc if t.lower_ in ("dass", "daß")
            }  # fmt: skip
            for i in sorted(j for j in spots if 0 <= j < len(doc)):
                start = doc[i].sent.start
                if self._name_token(doc, i, start, reserved=reserved):
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
                if j > i and self._name_token(doc, i, doc[i].sent.start, reserved=reserved):
                    found.append(Candidate(i, j, "name"))
                i = max(j, i + 1)
            return found + self._names_before_triggers(doc, reserved, found)
        for sent in doc.sents:
            i = sent.start
            while i < sent.end:
                if self._name_token(doc, i, sent.start, reserved=reserved):
                    j = i + 1
                    while j < sent.end and self._name_token(doc, j, sent.start, inside=True):
                        j += 1
                    found.append(Candidate(i, j, "name"))
                    i = j
                else:
                    i += 1
        return found

    def _names_before_triggers(
        self, doc: Doc, reserved: frozenset[int], found: list[Candidate]
    ) -> list[Candidate]:
        """'TotalEnergies s'engage', 'Emmaüs Connect ouvrira': a capitalised run right before a trigger.

        The tagger reads an unknown name that opens a sentence as a noun; standing right
        before a commitment trigger, it is the organisation that commits.
        """
        taken = {i for c in found for i in range(c.start, c.end)}
        names: list[Candidate] = []
        for end in sorted(reserved):
            start = end
            while start > 0 and start - 1 not in taken and self._capitalised(doc[start - 1]):
                start -= 1
            if start < end and (start == doc[start].sent.start or doc[start - 1].text in (",", ":", ";")):
                names.append(Candidate(start, end, "name"))
        return names

    @staticmethod
    def _capitalised(token: Token) -> bool:
        return (
            token.is_alpha
            and token.text[0].isupper()
            and not token.is_stop
            and token.pos_ in ("NOUN", "PROPN", "X")
        )

    def _name_token(
        self,
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
        if self.lexicon.language == "de":
            # German capitalises every noun. A name stands without an article, and as a
            # subject it opens its clause (Köln wird ..., dass Venlo ... wird).
            previous = doc[i - 1] if i > sent_start else None
            opens_clause = (
                previous is None
                or previous.text in (",", ":", ";", "-", "–")
                or previous.lower_ in ("dass", "daß", "sondern", "ob", "weil", "wenn")
            )
            # Any capitalised noun could open a clause, so a name must also touch a
            # trigger ("Köln wird", "wird Venlo") or follow "dass".
            touches = (
                i + 1 in reserved
                or i - 1 in reserved
                or (previous is not None and previous.lower_ in ("dass", "daß"))
            )
            return (
                not inside
                and opens_clause
                and touches
                and (
                    not self.lexicon.has("prefield_openers", token.text) and token.lemma_ in ("", token.text)
                )
            )
        return inside or i > sent_start

    def can_be_subject(self, doc: Doc, candidate: Candidate) -> bool:
        """Not inside a prepositional phrase ("prices in Geneva"), not a mere possessor
        ("Tel Aviv's population"); "Lyon's representative" still counts as Lyon."""
        if candidate.start > 0:
            before = doc[candidate.start - 1]
            if self.lexicon.has("prepositions", before.text) and not self.lexicon.has(
                "agent_prepositions", before.text
            ):
                return False
        if candidate.end + 1 < len(doc) and doc[candidate.end].text in ("'s", "’s"):
            return self._is_agent_head(doc[candidate.end + 1])
        return True

    # -- resolution ---------------------------------------------------------

    def resolve(
        self,
        doc: Doc,
        candidate: Candidate,
        *,
        speaker_city: str | None,
        all_candidates: list[Candidate],
    ) -> Actor | None:
        span = doc[candidate.start : candidate.end]
        text = span.text
        if candidate.source == "place" and candidate.place_id:
            place = self.gazetteer.places[candidate.place_id]
            kind: ActorKind = "city" if place.kind == "city" else "organisation"
            return Actor(text, place.id, kind, candidate.start, candidate.end)
        if candidate.source == "collective":
            return Actor(text, PARTICIPANTS, "collective", candidate.start, candidate.end)
        if candidate.source == "first_person":
            city = self._place_id(speaker_city)
            if city:
                return Actor(text, city, "city", candidate.start, candidate.end)
            return Actor(text, None, "first_person", candidate.start, candidate.end)
        if candidate.source == "anaphora" and span.text.lower() == "on" and speaker_city:
            city = self._place_id(speaker_city)  # colloquial French "on" = "nous"
            if city:
                return Actor(text, city, "city", candidate.start, candidate.end)
        if candidate.source == "anaphora":
            antecedent = self._antecedent(doc, candidate, span, all_candidates)
            if antecedent:
                # A known place is named by its id; an unknown one keeps its own name.
                named = text if antecedent.resolved else antecedent.text
                return replace(antecedent, text=named, start=candidate.start, end=candidate.end)
            if speaker_city and any(t.lower_ in _CITY_ANAPHORA for t in span):
                city = self._place_id(speaker_city)
                if city:
                    return Actor(text, city, "city", candidate.start, candidate.end)
            if self.lexicon.has("pronouns_without_antecedent", span.text):
                # Impersonal ("on va", "it will rain") or someone the note never named ("they'll
                # make the changes"): a pronoun is never shown as an actor.
                return None
            return Actor(text, None, "unresolved", candidate.start, candidate.end)
        return Actor(text, None, "unresolved", candidate.start, candidate.end)

    def _antecedent(
        self, doc: Doc, candidate: Candidate, span: Span, all_candidates: list[Candidate]
    ) -> Actor | None:
        city_only = any(t.lower_ in _CITY_ANAPHORA for t in span)
        sentence_start = span.sent.start
        previous_sentences = [s for s in doc.sents if s.end <= sentence_start][-2:]
        window_start = previous_sentences[0].start if previous_sentences else sentence_start
        for other in reversed(all_candidates):
            if other.end > candidate.start or other.start < window_start:
                continue
            if other.source == "place" and other.place_id:
                place = self.gazetteer.places[other.place_id]
                if city_only and place.kind != "city":
                    continue
                kind: ActorKind = "city" if place.kind == "city" else "organisation"
                return Actor(doc[other.start : other.end].text, place.id, kind, other.start, other.end)
            if other.source == "name" or (other.source.startswith("agent") and not city_only):
                # A city the gazetteer does not know ("Marseille ... his city"), or an
                # organisation ("A local NGO ... announced that it will").
                return Actor(doc[other.start : other.end].text, None, "unresolved", other.start, other.end)
        return None

    def _place_id(self, name: str | None) -> str | None:
        if not name:
            return None
        if name in self.gazetteer.places:
            return name
        lowered = {variant.lower(): pid for variant, pid in self.gazetteer.variants.items()}
        return lowered.get(name.strip().lower())
