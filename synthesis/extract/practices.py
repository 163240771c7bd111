"""Best practices: "City X presented / launched / runs initiative Y".

They look back or describe what exists, unlike commitments, which look
forward. The `summit_best_practices` component stores them in
`doc._.best_practices`; the rules are data (data/practices.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from synthesis.datafiles import language_section
from synthesis.extract.actors import Actor, ActorFinder, Candidate
from synthesis.extract.gazetteer import load_gazetteer
from synthesis.extract.lexicon import expand_first_token, load_lexicon
from synthesis.models import Language as Lang

DATA = Path(__file__).parent / "data" / "practices.yaml"
# Apostrophes are not quotes here: French elides with them (l'école).
_QUOTED = re.compile(r"[«\"“„]\s*([^«»\"“”„]{3,80}?)\s*[»\"”“]")
_YEAR = re.compile(r"^(19|20)\d{2}$")

if not Doc.has_extension("best_practices"):
    Doc.set_extension("best_practices", default=[])


@dataclass(frozen=True, slots=True)
class PracticeMatch:
    sentence: Span
    city: Actor
    initiative: str


@cache
def _rules(language: Lang, path: str | None = None) -> dict[str, Any]:
    """The rules of `language`, with the lists of the `shared` section; `path` replaces our rule file."""
    return language_section(Path(path) if path else DATA, language)


class PracticeExtractor:
    def __init__(
        self, vocab: Any, language: Lang, make_doc: Callable[[str], Doc], path: str | None = None
    ) -> None:
        self.rules = _rules(language, path)
        self.language = language
        self.lexicon = load_lexicon(language)
        self.actors = ActorFinder(vocab, self.lexicon, load_gazetteer(), make_doc)
        self.matcher = Matcher(vocab)
        self.matcher.add("practice", expand_first_token(self.rules["triggers"]))
        self.stop = frozenset(w.lower() for w in self.rules["stop_before"])
        self.speaker_city: str | None = None
        self.markers = tuple(m.lower() for m in self.rules["markers"])
        self.called = frozenset(self.rules["called"])
        self.connectors = frozenset(self.rules["name_connectors"])
        self.trailing = self.connectors | frozenset(self.rules["name_trailing"])
        self.leading = frozenset(self.rules["leading_prepositions"])
        self.name_punctuation = frozenset(self.rules["name_punctuation"])

    def __call__(self, doc: Doc, *, speaker_city: str | None = None) -> list[PracticeMatch]:
        self.speaker_city = speaker_city
        sources = ("place", "name", "first_person") if speaker_city else ("place", "name")
        # The commitment component has found the candidates already (around its triggers).
        reserved, weak = self.actors.cached_triggers(doc)
        candidates = [c for c in self.actors.candidates(doc, reserved, weak) if c.source in sources]
        pledged = {m.sentence.start for m in doc._.commitments}
        modals = frozenset(m.lower() for m in self.rules["modals"])
        found: dict[tuple[int, str], PracticeMatch] = {}
        triggers = sorted(((start, end) for _, start, end in self.matcher(doc)), key=lambda m: (m[0], -m[1]))
        for start, end in triggers:
            sentence = doc[start].sent
            before = doc[max(sentence.start, start - 2) : start]
            if "?" in sentence.text or sentence.start in pledged or doc[start].is_upper:
                continue  # questions, pledges ("Sousse will set up ..."), shouted headings
            if any(t.lower_ in modals for t in before):
                continue
            city = self._city(doc, sentence, start, end, candidates)
            if city is None:
                continue
            initiative = self._initiative(doc, sentence, start, end, city)
            key = (sentence.start, city.id or city.text)
            if initiative and key not in found:
                found[key] = PracticeMatch(sentence, city, initiative)
        for sentence in doc.sents:
            head = sentence.text.strip().lower()
            if any(head.startswith(m) for m in self.markers):
                self._marked(doc, sentence, candidates, found)
        return sorted(found.values(), key=lambda p: p.sentence.start)

    def _resolve(self, doc: Doc, candidate: Candidate, candidates: list[Candidate]) -> Actor | None:
        actor = self.actors.resolve(doc, candidate, speaker_city=self.speaker_city, all_candidates=candidates)
        return actor if actor and actor.kind in ("city", "organisation", "unresolved") else None

    def _city(
        self, doc: Doc, sentence: Span, start: int, end: int, candidates: list[Candidate]
    ) -> Actor | None:
        in_sentence = [c for c in candidates if sentence.start <= c.start < sentence.end]
        left = [c for c in in_sentence if c.end <= start]
        right = [c for c in in_sentence if end <= c.start <= end + 2]
        if self.language == "de" and right and (not left or left[-1].end < start - 1):
            return self._resolve(doc, right[0], candidates)  # "Dann stellte Genf ... vor"
        if left and start - left[-1].end <= 6:
            return self._resolve(doc, left[-1], candidates)
        return None

    def _initiative(self, doc: Doc, sentence: Span, start: int, end: int, city: Actor) -> str:
        tail = doc[end : sentence.end]
        if self.language == "de" and end - start > 2:
            tail = doc[start + 1 : end - 1]  # "hat einen Bürgerrat eingerichtet"
        quoted = _QUOTED.search(tail.text)
        if quoted and quoted.start() < 60:
            return quoted.group(1).strip()
        tokens: list[Token] = []
        particles = {p.lower() for p in self.rules.get("particles", [])}
        for token in tail:
            lower = token.lower_
            skip_leading = (
                self.lexicon.has("determiners", lower)
                or lower in self.rules["possessive"]
                or (_YEAR.match(token.text) or lower in self.leading)
            )
            if (city.start <= token.i < city.end or skip_leading) and not tokens:
                continue
            if tokens and (
                lower in self.stop
                or (lower in particles and self.language == "de")
                or _YEAR.match(token.text)
            ):
                break
            if token.is_punct and token.text not in self.name_punctuation:
                break
            tokens.append(token)
            if len(tokens) >= 12:
                break
        while tokens and tokens[-1].lower_ in self.trailing:
            tokens.pop()
        return self._proper_name(tokens)

    def _proper_name(self, tokens: list[Token]) -> str:
        """'la plateforme Namur Bénévolat' names 'Namur Bénévolat'; else the whole phrase."""
        called = next((i for i, t in enumerate(tokens) if t.lower_ in self.called), None)
        if called is not None and called + 1 < len(tokens):
            tokens = tokens[called + 1 :]  # "an initiative called Laneway Commons"
            return "".join(t.text_with_ws for t in tokens).strip()
        heads = {h.lower() for h in self.rules["initiative_heads"]}
        if len(tokens) > 1 and tokens[0].lower_ in heads and tokens[1].text[:1].isupper():
            name = [tokens[1]]
            for token in tokens[2:]:
                if not (
                    token.text[:1].isupper()
                    or token.lower_ in self.connectors
                    or (token.is_lower and name[-1].lower_ in self.connectors)
                ):
                    break
                name.append(token)
            return "".join(t.text_with_ws for t in name).strip()
        return "".join(t.text_with_ws for t in tokens).strip()

    def _marked(
        self,
        doc: Doc,
        sentence: Span,
        candidates: list[Candidate],
        found: dict[tuple[int, str], PracticeMatch],
    ) -> None:
        in_sentence = [c for c in candidates if sentence.start <= c.start < sentence.end]
        if not in_sentence:
            return
        city = self._resolve(doc, in_sentence[0], candidates)
        if city is None or (sentence.start, city.id or city.text) in found:
            return
        initiative = self._initiative(doc, sentence, in_sentence[0].end, in_sentence[0].end, city)
        if initiative:
            found[(sentence.start, city.id or city.text)] = PracticeMatch(sentence, city, initiative)


class PracticeComponent:
    def __init__(self, nlp: Language, name: str, path: str | None = None) -> None:
        self.name = name
        self.extract = PracticeExtractor(nlp.vocab, nlp.lang, nlp.make_doc, path)  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        doc._.best_practices = self.extract(doc, speaker_city=doc._.speaker_city)
        return doc


@Language.factory(
    "summit_best_practices",
    default_config={"path": None},  # None: our data/practices.yaml
    requires=["doc.sents"],
    assigns=["doc._.best_practices"],
)
def make_practices(nlp: Language, name: str, path: str | None) -> PracticeComponent:
    return PracticeComponent(nlp, name, path)
