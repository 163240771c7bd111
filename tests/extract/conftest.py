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


def pledges(
    extract: Extract, text: str, lang: Language, city: str | None = None
) -> list[tuple[str, str, str | None]]:
    """(actor id or, when unresolved, its text; strength; deadline) of each commitment of `text`."""
    return [
        (c.actor.id or c.actor.text, c.strength, c.deadline)
        for c in extract(text, lang, city=city).commitments
    ]


def assert_twin_pledges_and_text_does_not(
    extract: Extract, lang: Language, pledge: str, not_a_pledge: str
) -> None:
    """A pair that shows the rule that removes a pledge: the twin must pledge, or it shows nothing."""
    assert extract(pledge, lang, city="lyon").commitments, "the twin must pledge, or the test shows nothing"
    assert extract(not_a_pledge, lang, city="lyon").commitments == ()
