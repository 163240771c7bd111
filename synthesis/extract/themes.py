"""Themes: concepts of the controlled vocabulary, and keyphrases ranked per workshop.

The vocabulary (data/vocabulary.yaml) is a small SKOS-style thesaurus: each
concept has labels and lemmas in en/fr/de and a broader concept (a summit
workshop or a programme area of City Policies). The `summit_themes` component
marks concept mentions in `doc.spans["concepts"]` (`doc._.concepts`) and keeps
lemmatised noun phrases in `doc._.keyphrases` for ranking across workshops.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from synthesis.datafiles import load_data_yaml
from synthesis.models import LANGUAGES
from synthesis.models import Language as Lang

DATA = Path(__file__).parent / "data" / "vocabulary.yaml"
SPAN_KEY = "concepts"
MAX_PHRASE_TOKENS = 4

if not Doc.has_extension("concepts"):
    Doc.set_extension("concepts", getter=lambda doc: list(doc.spans.get(SPAN_KEY, [])))
if not Doc.has_extension("keyphrases"):
    Doc.set_extension("keyphrases", default=[])


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    broader: str | None
    labels: dict[str, str]  # preferred label per language
    alt: dict[str, tuple[str, ...]]
    lemmas: dict[str, tuple[str, ...]]
    kind: str  # "concept", "workshop" or "programme_area"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    concepts: dict[str, Concept]
    stopwords: dict[str, frozenset[str]]

    @property
    def top_concepts(self) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind != "concept"]

    def label(self, concept_id: str, language: Lang) -> str:
        return self.concepts[concept_id].labels[language]

    def concept_for_phrase(self, lemmas: str, language: Lang) -> str | None:
        """The concept whose lemma sequence occurs in a keyphrase, longest first."""
        padded = f" {lemmas.lower()} "
        best: tuple[int, str] | None = None
        for concept in self.concepts.values():
            for entry in concept.lemmas.get(language, ()):
                if f" {entry.lower()} " in padded and (best is None or len(entry) > best[0]):
                    best = (len(entry), concept.id)
        return best[1] if best else None


def _concept(entry: dict[str, Any], kind: str) -> Concept:
    def per_language(key: str) -> dict[str, tuple[str, ...]]:
        values = entry.get(key) or {}
        return {lang: tuple(values.get(lang) or ()) for lang in LANGUAGES}

    return Concept(
        id=entry["id"],
        broader=entry.get("broader"),
        labels=dict(entry["pref"]),
        alt=per_language("alt"),
        lemmas=per_language("lemmas"),
        kind=kind,
    )


@cache
def load_vocabulary(path: Path = DATA) -> Vocabulary:
    data: dict[str, Any] = load_data_yaml(path)
    concepts = {e["id"]: _concept(e, e.get("kind", "workshop")) for e in data["top_concepts"]}
    concepts.update({e["id"]: _concept(e, "concept") for e in data["concepts"]})
    stopwords = {lang: frozenset(words) for lang, words in (data.get("keyphrase_stopwords") or {}).items()}
    return Vocabulary(concepts, stopwords)


def _phrase_lemmas(tokens: list[Token]) -> str:
    return " ".join((t.lemma_ or t.text).lower() for t in tokens)


class ThemeTagger:
    def __init__(self, nlp: Language, name: str, path: str | None) -> None:
        self.name = name
        self.language: Lang = nlp.lang  # type: ignore[assignment]
        self.vocabulary = load_vocabulary(Path(path) if path else DATA)
        self.stopwords = self.vocabulary.stopwords.get(self.language, frozenset())
        self.surface = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        for concept in self.vocabulary.concepts.values():
            if concept.kind != "concept":
                continue
            labels = {concept.labels[self.language], *concept.alt[self.language]}
            self.surface.add(concept.id, [nlp.make_doc(label) for label in labels])
            patterns = []
            for entry in concept.lemmas[self.language]:
                words = entry.split()
                pattern = Doc(nlp.vocab, words=words, lemmas=words)
                patterns.append(pattern)
            self.lemma.add(concept.id, patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            Span(doc, start, end, label=match_id)
            for matcher in (self.surface, self.lemma)
            for match_id, start, end in matcher(doc)
        ]
        doc.spans[SPAN_KEY] = filter_spans(spans)
        doc._.keyphrases = self.keyphrases(doc)
        return doc

    def keyphrases(self, doc: Doc) -> list[tuple[str, str]]:
        """(lemmas, as written) of noun phrases, without determiners, places or stop words."""
        places = {i for span in doc.spans.get("places", []) for i in range(span.start, span.end)}
        chunks: list[list[Token]] = []
        if doc.has_annotation("DEP") and self.language != "de":
            chunks = [list(chunk) for chunk in doc.noun_chunks]
        else:
            chunks = self._german_chunks(doc)
        phrases = []
        for chunk in chunks:
            tokens = [t for t in chunk if t.i not in places]
            while tokens and (
                tokens[0].is_stop or not tokens[0].is_alpha or tokens[0].pos_ in ("DET", "PRON")
            ):
                tokens.pop(0)
            while tokens and (tokens[-1].is_stop or not tokens[-1].is_alpha):
                tokens.pop()
            key = _phrase_lemmas(tokens)
            if (
                tokens
                and len(tokens) <= MAX_PHRASE_TOKENS
                and any(len(t) > 3 for t in tokens)
                and (key not in self.stopwords)
            ):
                phrases.append((key, " ".join(t.text for t in tokens)))
        return phrases

    @staticmethod
    def _german_chunks(doc: Doc) -> list[list[Token]]:
        """Without a parser: adjectives followed by a capitalised noun, inside a sentence."""
        chunks = []
        for token in doc:
            if not (token.is_alpha and token.text[0].isupper() and len(token) > 3) or token.is_sent_start:
                continue
            chunk = [token]
            previous = token.i - 1
            while (
                previous >= 0
                and doc[previous].is_lower
                and doc[previous].is_alpha
                and (doc[previous].lemma_ not in ("", doc[previous].text) and not doc[previous].is_stop)
            ):
                chunk.insert(0, doc[previous])
                previous -= 1
            chunks.append(chunk)
        return chunks


@Language.factory("summit_themes", default_config={"path": None}, assigns=["doc._.concepts"])
def make_theme_tagger(nlp: Language, name: str, path: str | None) -> ThemeTagger:
    return ThemeTagger(nlp, name, path)


@dataclass(frozen=True, slots=True)
class RankedPhrase:
    phrase: str  # the most frequent way it was written
    score: float
    count: int
    concept: str | None


def rank_keyphrases(
    phrases_by_workshop: Mapping[str, Counter[tuple[str, str]]],
    *,
    vocabulary: Vocabulary | None = None,
    top: int = 15,
    min_count: int = 2,
) -> dict[str, list[RankedPhrase]]:
    """Keyphrases of each workshop, scored against the others (class-based TF-IDF).

    Phrases are counted by lemmas, shown as most often written. A phrase scores
    high when it is frequent in one workshop and rare in the rest; it is mapped
    to a concept of the vocabulary where one fits.
    """
    vocabulary = vocabulary or load_vocabulary()
    workshops = len(phrases_by_workshop) or 1
    by_key: dict[str, Counter[str]] = {}
    for pairs in phrases_by_workshop.values():
        for (key, written), count in pairs.items():
            by_key.setdefault(key, Counter())[written] += count
    spread = Counter(key for pairs in phrases_by_workshop.values() for key in {k for k, _ in pairs})
    ranked: dict[str, list[RankedPhrase]] = {}
    for workshop, pairs in phrases_by_workshop.items():
        counts: Counter[str] = Counter()
        for (key, _), count in pairs.items():
            counts[key] += count
        total = sum(counts.values()) or 1
        scored = [
            (round(count / total * math.log(1 + workshops / spread[key]) * 1000, 2), key, count)
            for key, count in counts.items()
            if count >= min_count
        ]
        best = sorted(
            ((s, by_key[k].most_common(1)[0][0], k, c) for s, k, c in scored), key=lambda r: (-r[0], r[1])
        )
        # Mapping a phrase to a concept scans the vocabulary: done for the shown phrases only.
        ranked[workshop] = [
            RankedPhrase(phrase, score, count, _concept_in_any_language(key, vocabulary, None))
            for score, phrase, key, count in best[:top]
        ]
    return ranked


def _concept_in_any_language(phrase: str, vocabulary: Vocabulary, language: Lang | None) -> str | None:
    for lang in (language,) if language else LANGUAGES:
        concept = vocabulary.concept_for_phrase(phrase, lang)
        if concept:
            return concept
    return None
