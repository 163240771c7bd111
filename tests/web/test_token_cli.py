import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from tests.conftest import SAMPLE_SUMMIT
from web.access import principal_for_token
from web.audit import events
from web.cli import token_app
from web.db import open_database

runner = CliRunner()
BASE = "https://summit.example.org"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs" / "dusseldorf-2019"
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE_SUMMIT / "summit.yaml", folder / "summit.yaml")
    return folder.parent


def _create(inputs: Path, db: Path, *options: str) -> tuple[int, str, str]:
    """Exit code, all output, and the token from the sign-in link."""
    result = runner.invoke(
        token_app,
        ["create", "dusseldorf-2019", "--inputs", str(inputs), "--db", str(db),
         "--base-url", BASE + "/", *options],
    )  # fmt: skip
    links = [line for line in result.stdout.splitlines() if line.startswith(f"Link:  {BASE}/signin/")]
    token = links[0].removeprefix(f"Link:  {BASE}/signin/") if links else ""
    return result.exit_code, result.output, token


def test_create_prints_the_token_and_its_link_once_and_records_it(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "state" / "summit.db"
    code, output, token = _create(
        inputs, db, "--role", "rapporteur", "--workshop", "healthy", "--workshop", "resilient",
        "--name", "Claire Dubois",
    )  # fmt: skip
    assert code == 0, output
    assert len(token) == 43 and output.count(token) == 2  # the token, then inside its link
    assert f"Token: {token}" in output
    assert "Created token 1 for Claire Dubois, rapporteur of healthy, resilient at dusseldorf-2019." in output
    assert "summit token revoke 1" in output
    engine = open_database(db)
    with Session(engine) as session:
        principal = principal_for_token(session, token, now=datetime.now(UTC))
        [event] = events(session, "dusseldorf-2019")
    engine.dispose()
    assert principal is not None and principal.workshops == ("healthy", "resilient")
    assert (event.action, event.target, event.role) == ("token-create", "token 1", None)
    assert event.actor.startswith("cli:") and token not in event.detail


def test_list_and_revoke(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "summit.db"
    _, _, rapporteur = _create(
        inputs, db, "--role", "rapporteur", "--workshop", "healthy", "--name", "Claire"
    )
    _, _, organiser = _create(inputs, db, "--role", "organiser", "--name", "Org")

    listed = runner.invoke(token_app, ["list", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert "2 tokens" in listed.output
    assert "Claire" in listed.output and "every workshop" in listed.output
    assert rapporteur not in listed.output and organiser not in listed.output

    revoked = runner.invoke(token_app, ["revoke", "1", "--db", str(db)])
    assert revoked.exit_code == 0, revoked.output
    assert "Revoked token 1 (Claire, rapporteur at dusseldorf-2019)" in revoked.output
    again = runner.invoke(token_app, ["revoke", "1", "--db", str(db)])
    assert again.exit_code == 0 and "Already revoked: token 1" in again.output

    engine = open_database(db)
    with Session(engine) as session:
        assert principal_for_token(session, rapporteur, now=datetime.now(UTC)) is None
        assert principal_for_token(session, organiser, now=datetime.now(UTC)) is not None
        actions = [e.action for e in events(session, "dusseldorf-2019")]
    engine.dispose()
    assert actions == ["token-revoke", "token-create", "token-create"]  # revoking twice is recorded once

    listed = runner.invoke(token_app, ["list", "dusseldorf-2019", "--db", str(db)])
    [claire] = [line for line in listed.output.splitlines() if "Claire" in line]
    assert "UTC" in claire.split("Claire")[1].split("│", 3)[2]  # the Revoked column has a date
    assert (
        "No tokens for lyon-2020." in runner.invoke(token_app, ["list", "lyon-2020", "--db", str(db)]).output
    )


def test_revoking_an_unknown_token_is_one_line_with_a_hint(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "summit.db"
    _create(inputs, db, "--role", "organiser", "--name", "Org")
    result = runner.invoke(token_app, ["revoke", "7", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: there is no token 7",
        "Hint: see the ids with `summit token list`",
    ]


@pytest.mark.parametrize(
    ("arguments", "error", "hint"),
    [
        (["lyon-2020", "--role", "organiser"], "there is no summit 'lyon-2020' under", "--inputs"),
        (
            ["../dusseldorf-2019", "--role", "organiser"],
            "'../dusseldorf-2019' is not a summit id",
            "lowercase",
        ),
        (
            ["dusseldorf-2019", "--role", "rapporteur", "--workshop", "sleepy"],
            "'sleepy' is not a workshop of dusseldorf-2019",
            "its workshops are: communicative, healthy, resilient, connective, inclusive",
        ),
        (["dusseldorf-2019", "--role", "rapporteur"], "a rapporteur's token needs a workshop", "workshop(s)"),
        (
            ["dusseldorf-2019", "--role", "admin"],
            "'admin' is not a role",
            "rapporteur, organiser or translator",
        ),
    ],
)
def test_create_refuses_with_a_hint(
    inputs: Path, tmp_path: Path, arguments: list[str], error: str, hint: str
) -> None:
    db = tmp_path / "summit.db"
    result = runner.invoke(
        token_app, ["create", *arguments, "--name", "X", "--inputs", str(inputs), "--db", str(db)]
    )
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Error: {error}") and lines[1].startswith("Hint: ") and hint in lines[1]
    assert "signin" not in result.output


def test_the_database_defaults_to_summit_db(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "elsewhere" / "web.db"
    monkeypatch.setenv("SUMMIT_DB", str(db))
    result = runner.invoke(
        token_app,
        ["create", "dusseldorf-2019", "--role", "organiser", "--name", "Org", "--inputs", str(inputs)],
    )
    assert result.exit_code == 0, result.output
    assert db.is_file()
    assert "Org" in runner.invoke(token_app, ["list"]).output


def test_listing_without_a_database_says_where_it_looked(tmp_path: Path) -> None:
    result = runner.invoke(token_app, ["list", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert f"Error: there is no database at {tmp_path / 'missing.db'}" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_a_missing_option_is_a_usage_error(inputs: Path) -> None:
    result = runner.invoke(token_app, ["create", "dusseldorf-2019", "--name", "Org"])
    assert result.exit_code == 2
    assert "--role" in result.output
