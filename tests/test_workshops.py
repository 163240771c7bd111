"""Each workshop's quotes kept between nights: taken again only while what they come from is the same."""

from __future__ import annotations

from pathlib import Path

import pytest

import synthesis.workshops as workshops
from synthesis.models import Note, NoteExtraction, Quote, SummitConfig
from synthesis.store import RecordStore
from synthesis.workshops import StoredQuotes, summarise_workshops
from tests.test_digest import _note

SENTENCES = (
    "Heat waves hit elderly residents living alone in dense districts.",
    "Cities shared heat plans for elderly residents and care homes during heat waves.",
    "Heat plans must reach elderly residents who live alone, said Geneva.",
    "The coffee break was short because the room was needed for another session.",
)


def notes_of(workshop: str, count: int) -> list[tuple[Note, NoteExtraction]]:
    made = []
    for number in range(count):
        note, extraction = _note(f"{workshop}{number}", "  ".join(SENTENCES[number % 2 :]))
        meta = note.meta.model_copy(update={"workshop": workshop})
        made.append((note.model_copy(update={"meta": meta}), extraction))
    return made


def test_stored_quotes_are_chosen_again_for_a_changed_workshop_only(
    summit: SummitConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = notes_of("healthy", 3) + notes_of("connective", 2)
    notes, extractions = [n for n, _ in pairs], [e for _, e in pairs]
    chosen: list[str] = []
    real = workshops.representative_quotes

    def counted(own, found):  # type: ignore[no-untyped-def]
        chosen.extend(n.workshop for n in own[:1])  # workshops without notes: nothing to tell
        result: tuple[Quote, ...] = real(own, found)
        return result

    monkeypatch.setattr(workshops, "representative_quotes", counted)
    stored = StoredQuotes(RecordStore(tmp_path, "quotes"))
    first = summarise_workshops(notes, extractions, summit, quotes=stored)
    assert first == summarise_workshops(notes, extractions, summit, quotes=real)
    assert sorted(chosen) == ["connective", "healthy"]
    chosen.clear()
    assert summarise_workshops(notes, extractions, summit, quotes=stored) == first and chosen == []

    # A note of one workshop loses its most quotable sentence: that workshop's quotes are chosen again.
    healthy = next(w for w in first if w.workshop == "healthy")
    best = healthy.quotes[0].source
    changed = [
        e.model_copy(update={"sentences": tuple(s for s in e.sentences if s.start != best.start)})
        if e.note_id == best.note_id
        else e
        for e in extractions
    ]
    again = summarise_workshops(notes, changed, summit, quotes=stored)
    assert chosen == ["healthy"]
    assert again == summarise_workshops(notes, changed, summit, quotes=real)
    assert [w.quotes for w in again if w.workshop == "healthy"] != [healthy.quotes]
    assert [w.quotes for w in again if w.workshop != "healthy"] == [
        w.quotes for w in first if w.workshop != "healthy"
    ]
    # Its text changed (its id is a hash of it): chosen again too.
    chosen.clear()
    edited = [
        n.model_copy(update={"id": "connective0-edited"}) if n.id == "connective0" else n for n in notes
    ]
    moved = [
        e.model_copy(update={"note_id": "connective0-edited"}) if e.note_id == "connective0" else e
        for e in changed
    ]
    summarise_workshops(edited, moved, summit, quotes=stored)
    assert chosen == ["connective"]
