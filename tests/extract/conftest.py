"""Fixtures of the extraction tests: the spaCy pipelines load once per test session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from synthesis.extract import Pipelines, TextRecord, extract_texts
from synthesis.models import Language, NoteExtraction

SESSION = date(2019, 8, 31)

Extract = Callable[..., NoteExtraction]


@pytest.fixture(scope="session")
def pipelines() -> Pipelines:
    """One pipeline per language, loaded on first use and shared by every test."""
    return Pipelines()


@pytest.fixture(scope="session")
def extract(pipelines: Pipelines) -> Extract:
    """`extract(text, lang, session=..., city=...)`: the NoteExtraction of one text."""

    def run(text: str, lang: Language, session: date = SESSION, city: str | None = None) -> NoteExtraction:
        record = TextRecord(id="t", text=text, language=lang, session_date=session, speaker_city=city)
        [(item, language, extraction)] = list(extract_texts([record], pipelines, sentences=True))
        assert item is record and language == lang
        return extraction

    return run
