"""`summit curation export|import`: exit codes, messages, and what reaches the database and the file."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session
from typer.testing import CliRunner

from synthesis.curation import load_curation, save_curation
from synthesis.models import Curation, Decision, ItemAnchor
from tests.conftest import SAMPLE_SUMMIT
from web.audit import events
from web.curation_cli import curation_app
from web.db import open_database
from web.decisions import load_decisions

runner = CliRunner()
DECISION = Decision(
    kind="commitment",
    item_id="2b469c754b2a5d6b",
    review="rejected",
    by="Ada",
    at=datetime(2019, 9, 1, 10, 0, tzinfo=UTC),
    anchor=ItemAnchor(
        note="notes/communicative/a.md", actor="montreal", sentence="We will extend the tables."
    ),
)


def _summit(tmp_path: Path, name: str = "dusseldorf-2019") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE_SUMMIT / "summit.yaml", folder / "summit.yaml")
    return folder


def test_import_then_export_moves_the_decisions_between_servers(tmp_path: Path) -> None:
    here, there = _summit(tmp_path), _summit(tmp_path / "other")
    save_curation(here, Curation(decisions=(DECISION,)))
    db = tmp_path / "there.db"
    imported = runner.invoke(
        curation_app, ["import", str(there), "--db", str(db), "--from", str(here / "curation.yaml")]
    )
    assert imported.exit_code == 0, imported.output
    assert "Imported 1 decision into dusseldorf-2019." in imported.output
    assert load_curation(there).decisions == (DECISION,)
    engine = open_database(db)
    with Session(engine) as session:
        assert load_decisions(session, "dusseldorf-2019").decisions == (DECISION,)
        assert [e.action for e in events(session, "dusseldorf-2019")] == ["curation-import"]
    engine.dispose()
    (there / "curation.yaml").unlink()
    exported = runner.invoke(curation_app, ["export", str(there), "--db", str(db)])
    assert exported.exit_code == 0 and "Wrote 1 decision of dusseldorf-2019" in exported.output
    assert load_curation(there).decisions == (DECISION,)


def test_a_broken_file_is_refused_in_one_line_and_the_database_keeps_its_decisions(tmp_path: Path) -> None:
    summit = _summit(tmp_path)
    db = tmp_path / "summit.db"
    save_curation(summit, Curation(decisions=(DECISION,)))
    assert runner.invoke(curation_app, ["import", str(summit), "--db", str(db)]).exit_code == 0
    (summit / "curation.yaml").write_text(
        "decisions:\n  - kind: commitment\n    review: maybe\n", encoding="utf-8"
    )
    result = runner.invoke(curation_app, ["import", str(summit), "--db", str(db)])
    assert result.exit_code == 1
    assert "curation.yaml" in result.output and "Hint:" in result.output and "Traceback" not in result.output
    engine = open_database(db)
    with Session(engine) as session:
        assert load_decisions(session, "dusseldorf-2019").decisions == (DECISION,)
    engine.dispose()


def test_export_without_a_database_says_where_it_looked(tmp_path: Path) -> None:
    result = runner.invoke(
        curation_app, ["export", str(_summit(tmp_path)), "--db", str(tmp_path / "none.db")]
    )
    assert result.exit_code == 1 and "there is no database" in result.output
