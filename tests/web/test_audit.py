from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from web.access import create_token
from web.audit import events, record
from web.db import AuditEvent, open_database

NOW = datetime(2019, 8, 31, 9, 0, tzinfo=UTC)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_database(tmp_path / "summit.db")
    yield engine
    engine.dispose()


def _record_three(engine: Engine) -> None:
    with Session(engine) as db, db.begin():
        for minute, action in enumerate(("upload", "replace", "withdraw")):
            record(
                db, summit_id="dusseldorf-2019", actor="cli:alice", action=action,
                target="notes/healthy/a.md", now=NOW + timedelta(minutes=minute),
            )  # fmt: skip


def test_events_are_the_summits_newest_first(engine: Engine) -> None:
    _record_three(engine)
    with Session(engine) as db, db.begin():
        record(db, summit_id="lyon-2020", actor="cli:bob", action="run", target="", now=NOW)
        record(
            db, summit_id="", actor="anonymous", action="sign-in-failed", target="", address="::1", now=NOW
        )
    with Session(engine) as db:
        assert [e.action for e in events(db, "dusseldorf-2019")] == ["withdraw", "replace", "upload"]
        assert [e.action for e in events(db, "dusseldorf-2019", limit=1)] == ["withdraw"]
        [failed] = events(db, "")
    assert (failed.actor, failed.role, failed.address, failed.at) == ("anonymous", None, "::1", NOW)


def test_a_token_holder_is_named_with_the_token_and_role(engine: Engine) -> None:
    with Session(engine) as db, db.begin():
        _, principal = create_token(
            db, summit_id="dusseldorf-2019", role="rapporteur", workshops=["healthy"], name="Claire Dubois",
            now=NOW,
        )  # fmt: skip
        entry = record(
            db, summit_id="dusseldorf-2019", actor=principal, action="upload", target="notes/healthy/a.md",
            detail="x" * 5000, address="192.0.2.7", now=NOW,
        )  # fmt: skip
    assert entry.actor == f"Claire Dubois (token {principal.token_id})"
    assert entry.role == "rapporteur"
    assert len(entry.detail) == 4000 and entry.detail.endswith("…")  # cut, not refused


def test_an_action_is_a_short_verb(engine: Engine) -> None:
    with Session(engine) as db, pytest.raises(ValueError, match="is not an audit action"):
        record(db, summit_id="dusseldorf-2019", actor="cli:alice", action="Drop Table", target="", now=NOW)


def test_an_event_is_kept_only_if_the_caller_commits(engine: Engine) -> None:
    # record() flushes but does not commit: an event goes with the action the caller commits.
    with Session(engine) as db:
        record(db, summit_id="dusseldorf-2019", actor="cli:alice", action="upload", target="", now=NOW)
        db.rollback()
        assert events(db, "dusseldorf-2019") == []


def test_the_database_refuses_to_change_the_trail(engine: Engine) -> None:
    _record_three(engine)
    with Session(engine) as db, pytest.raises(IntegrityError, match="audit_events is append-only"):
        db.execute(update(AuditEvent).values(actor="someone else"))
    with Session(engine) as db, pytest.raises(IntegrityError, match="audit_events is append-only"):
        db.execute(delete(AuditEvent).where(AuditEvent.action == "upload"))
    with engine.connect() as connection, pytest.raises(IntegrityError, match="append-only"):
        connection.exec_driver_sql("UPDATE audit_events SET detail = 'nothing happened'")
    with Session(engine) as db:
        assert [e.actor for e in events(db, "dusseldorf-2019")] == ["cli:alice"] * 3
