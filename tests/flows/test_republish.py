"""`summit publish`: documents made again from the latest synthesis, with curation and new translations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from flows.republish import republish
from synthesis.config import RunOptions
from synthesis.curation import anchor_of, save_curation
from synthesis.models import Curation, Decision, SummitSynthesis
from synthesis.publish import NothingPublished, latest_run
from synthesis.translate.base import Segment
from synthesis.translate.memory import save_translation
from tests.web.conftest import SAMPLE_SYNTHESIS, publish_sample

SAMPLE = SummitSynthesis.model_validate_json(SAMPLE_SYNTHESIS.read_text(encoding="utf-8"))
AT = datetime(2019, 9, 2, 8, 0, tzinfo=UTC)


def again(summit_dir: Path, tmp_path: Path) -> tuple[int, Path]:
    """Publish again; the run's count of untranslated segments, and its folder."""
    options = RunOptions(
        outputs_dir=tmp_path / "outputs", state_dir=tmp_path / "state", run_date=date(2019, 9, 2)
    )
    report = republish(summit_dir=summit_dir, options=options)
    folder = latest_run(tmp_path / "outputs" / "dusseldorf-2019")
    assert folder is not None and folder.name == report.run and report.exit_code == 0
    return report.translations.get("original", 0), folder


def booklet(folder: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(folder / "booklet-en-fr.pdf").pages).split())


def test_nothing_to_publish_before_the_first_run(summit_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(NothingPublished):
        again(summit_dir, tmp_path)


def test_a_desk_translation_and_a_rejection_reach_the_next_publications(
    summit_dir: Path, tmp_path: Path
) -> None:
    publish_sample(tmp_path / "outputs")
    missing, first = again(summit_dir, tmp_path)
    assert (first / "synthesis.json").is_file() and (first / "site" / "index.html").is_file()
    english = [c for w in SAMPLE.workshops for c in w.commitments if c.language == "en"]
    translated, rejected = english[0], english[1]

    french = "Nous étendrons les tables de quartier aux deux grands sites de l'est d'ici fin 2020."
    save_translation(summit_dir / "translations", Segment(translated.source.quote, "en", "fr"), french,
                     by="Tess", at=AT)  # fmt: skip
    after_desk, second = again(summit_dir, tmp_path)
    assert french not in booklet(first) and french in booklet(second)
    assert after_desk == missing - 1
    # The other workshops' posters do not print it: linked from the first publication, not rendered.
    workshop = next(w.workshop for w in SAMPLE.workshops if translated in w.commitments)
    others = [p.name for p in first.glob("poster-*.pdf") if not p.name.startswith(f"poster-{workshop}-")]
    assert len(others) == len(SAMPLE.workshops) - 1
    assert all((second / name).stat().st_ino == (first / name).stat().st_ino for name in others)
    assert (second / "booklet-en-fr.pdf").stat().st_ino != (first / "booklet-en-fr.pdf").stat().st_ino
    assert f"- {len(others)} documents reused from the latest run" in (second / "report.md").read_text()

    assert rejected.source.quote in booklet(second)
    sources = {n.id: n.source for n in SAMPLE.notes}
    decision = Decision(kind="commitment", item_id=rejected.id, anchor=anchor_of(rejected, sources),
                        review="rejected", by="Ada", at=AT)  # fmt: skip
    save_curation(summit_dir, Curation(decisions=(decision,)))
    _, third = again(summit_dir, tmp_path)
    assert rejected.source.quote not in booklet(third)
    assert rejected.id not in (third / "commitments.csv").read_text("utf-8")
    assert not any(rejected.id in p.read_text("utf-8") for p in (third / "site").rglob("*.html"))
    # What the night extracted is kept as it was: the decisions apply to the documents only.
    assert (third / "synthesis.json").read_text("utf-8") == (first / "synthesis.json").read_text("utf-8")
