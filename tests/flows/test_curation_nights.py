"""Organisers' decisions over real nights: kept by a re-run, carried over a typo fix, orphaned not lost."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from flows.nightly import nightly
from synthesis.config import RunOptions
from synthesis.curation import anchor_of, apply_curation, load_curation, match_decisions, save_curation
from synthesis.models import Commitment, Curation, Decision, SummitSynthesis
from synthesis.publish import latest_run
from tests.conftest import write_note

BODY = (
    "Lyon will plant 3,000 street trees along the river by the end of 2020.\n\n"
    "Lyon will open two cooling rooms for older residents before next summer.\n"
)
TYPO_FIXED = BODY.replace("3,000 street trees along the river", "3,000 street-trees along the riverbank")


def night(summit_dir: Path, tmp_path: Path) -> SummitSynthesis:
    folders = {"outputs_dir": tmp_path / "outputs", "state_dir": tmp_path / "state"}
    options = RunOptions(**folders, run_date=date(2019, 9, 1), runner="thread")
    nightly(summit_dir=summit_dir, options=options)
    folder = latest_run(tmp_path / "outputs" / "dusseldorf-2019")
    assert folder is not None
    return SummitSynthesis.model_validate_json((folder / "synthesis.json").read_text("utf-8"))


def pledges(synthesis: SummitSynthesis) -> dict[str, Commitment]:
    return {c.source.quote.split(" ")[3]: c for w in synthesis.workshops for c in w.commitments}


def printed(synthesis: SummitSynthesis, summit_dir: Path) -> set[str]:
    curated = apply_curation(synthesis, load_curation(summit_dir), rule="all")
    return {c.source.quote for w in curated.workshops for c in w.commitments}


def test_a_decision_survives_a_rerun_and_a_typo_fix_and_an_orphan_is_kept(
    summit_dir: Path, tmp_path: Path
) -> None:
    notes = summit_dir / "notes" / "resilient"
    write_note(notes, "lyon.md", BODY, language="en", city="Lyon")
    first = night(summit_dir, tmp_path)
    trees = pledges(first)["3,000"]
    decision = Decision(kind="commitment", item_id=trees.id, review="rejected", by="Ada",
                        at=datetime(2019, 9, 1, 9, tzinfo=UTC),
                        anchor=anchor_of(trees, {n.id: n.source for n in first.notes}))  # fmt: skip
    save_curation(summit_dir, Curation(decisions=(decision,)))
    assert trees.source.quote not in printed(first, summit_dir)

    again = night(summit_dir, tmp_path)  # nothing changed: the same ids, the same decision
    assert pledges(again)["3,000"].id == trees.id and trees.source.quote not in printed(again, summit_dir)

    write_note(notes, "lyon.md", TYPO_FIXED, language="en", city="Lyon")
    fixed = night(summit_dir, tmp_path)
    retyped = pledges(fixed)["3,000"]
    assert retyped.id != trees.id, "the fix changed the pledge's id"
    assert match_decisions(load_curation(summit_dir), fixed).moved == {decision.id: retyped.id}
    assert retyped.source.quote not in printed(fixed, summit_dir)
    assert pledges(fixed)["two"].source.quote in printed(fixed, summit_dir)

    write_note(notes, "lyon.md", "Lyon will open two cooling rooms for older residents before next summer.\n",
               language="en", city="Lyon")  # fmt: skip
    rewritten = night(summit_dir, tmp_path)
    assert match_decisions(load_curation(summit_dir), rewritten).orphans == [decision]
    assert load_curation(summit_dir).decisions == (decision,)


def test_an_address_keeps_working_after_its_note_is_reworded(summit_dir: Path, tmp_path: Path) -> None:
    notes = summit_dir / "notes" / "resilient"
    write_note(notes, "lyon.md", BODY, language="en", city="Lyon")
    trees = pledges(night(summit_dir, tmp_path))["3,000"]
    write_note(notes, "lyon.md", TYPO_FIXED, language="en", city="Lyon")
    retyped = pledges(night(summit_dir, tmp_path))["3,000"]
    site = site_of(tmp_path)
    old_page = (site / "commitments" / f"{trees.id}.html").read_text("utf-8")
    assert f'href="../commitments/{retyped.id}.html"' in old_page and "was reworded" in old_page
    assert (site / "commitments" / f"{retyped.id}.html").is_file()

    write_note(notes, "lyon.md", "Lyon will open two cooling rooms for older residents before next summer.\n",
               language="en", city="Lyon")  # fmt: skip
    night(summit_dir, tmp_path)
    site = site_of(tmp_path)
    for gone in (trees.id, retyped.id):  # the first address is carried on from night to night
        page = (site / "commitments" / f"{gone}.html").read_text("utf-8")
        assert "no longer in the synthesis" in page and 'href="../register/index.html"' in page


def site_of(tmp_path: Path) -> Path:
    folder = latest_run(tmp_path / "outputs" / "dusseldorf-2019")
    assert folder is not None
    return folder / "site"
