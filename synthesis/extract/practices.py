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

import yaml
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from synthesis.extract.actors import Actor, ActorFinder, Candidate
from synthesis.extract.gazetteer import load_gazetteer
from synthesis.extract.lexicon import load_lexicon
from synthesis.models import Language as Lang

DATA = Path(__file__).parent / "data" / "practices.yaml"
_QUOTED = re.compile(r"[«\"“„‚']\s*([^«»\"“”„‚'‘’]{3,80}?)\s*[»\"”“‘']")

if not Doc.has_extension("best_practices"):
    Doc.set_extension("best_practices", default=[])


@dataclass(frozen=True, slots=True)
class PracticeMatch:
    sentence: Span
    city: Actor
    initiative: str


@cache
def _rules(language: Lang) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))[language]
    return data


class PracticeExtractor:
    def __init__(self, vocab: Any, language: Lang, make_doc: Callable[[str], Doc]) -> None:
        self.rules = _rules(language)
        self.language = language
        self.lexicon = load_lexicon(language)
        self.actors = ActorFinder(vocab, self.lexicon, load_gazetteer(), make_doc)
        self.matcher = Matcher(vocab)
        self.matcher.add("practice", self.rules["triggers"])
        self.stop = frozenset(w.lower() for w in self.rules["stop_before"])
        self.markers = tuple(m.lower() for m in self.rules["markers"])

    def __call__(self, doc: Doc) -> list[PracticeMatch]:
        candidates = [c for c in self.actors.candidates(doc) if c.source in ("place", "name")]
        found: dict[tuple[int, str], PracticeMatch] = {}
        triggers = sorted(
            ((start, end) for _, start, end in self.matcher(doc)), key=lambda m: (m[0], -m[1])
        )
        for start, end in triggers:
            sentence = doc[start].sent
            if "?" in sentence.text:
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
        actor = self.actors.resolve(doc, candidate, speaker_city=None, all_candidates=candidates)
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
        quoted = _QUOTED.search(tail.text)
        if quoted and quoted.start() < 60:
            return quoted.group(1).strip()
        words: list[str] = []
        particles = {p.lower() for p in self.rules.get("particles", [])}
        for token in tail:
            if city.start <= token.i < city.end and not words:
                continue
            lower = token.lower_
            if not words and (self.lexicon.has("determiners", lower) or lower in self.rules["possessive"]):
                continue
            if words and (lower in self.stop or lower in particles and self.language == "de"):
                break
            if token.is_punct and token.text not in ("-", "'", "’") and token.text != "&":
                break
            words.append(token.text_with_ws)
            if len(words) >= 12:
                break
        return "".join(words).strip()

    def _marked(
        self, doc: Doc, sentence: Span, candidates: list[Candidate], found: dict[tuple[int, str], PracticeMatch]
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
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.extract = PracticeExtractor(nlp.vocab, nlp.lang, nlp.make_doc)  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        doc._.best_practices = self.extract(doc)
        return doc


@Language.factory("summit_best_practices", requires=["doc.sents"], assigns=["doc._.best_practices"])
def make_practices(nlp: Language, name: str) -> PracticeComponent:
    return PracticeComponent(nlp, name)
