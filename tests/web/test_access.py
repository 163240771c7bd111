from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from web.access import (
    AccessError,
    SignInLimiter,
    close_session,
    create_token,
    list_tokens,
    open_session,
    principal_for_session,
    principal_for_token,
    revoke_token,
)
from web.db import Base, DatabaseError, Token, WebSession, open_database

NOW = datetime(2019, 8, 31, 9, 0, tzinfo=UTC)
WORKSHOPS = ("healthy", "resilient", "connective")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_database(tmp_path / "state" / "summit.db")
    yield engine
    engine.dispose()


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session, session.begin():
        yield session


def _rapporteur(db: Session, *workshops: str) -> tuple[str, int]:
    token, principal = create_token(
        db, summit_id="dusseldorf-2019", role="rapporteur", workshops=workshops or ["healthy"],
        name="Claire Dubois", now=NOW, known_workshops=WORKSHOPS,
    )  # fmt: skip
    return token, principal.token_id


# --- The database ---------------------------------------------------------------------


def test_migrations_make_the_schema_in_wal_mode_and_run_once(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "summit.db"
    engine = open_database(path)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0002"
    with Session(engine) as db, db.begin():
        _rapporteur(db)
    engine.dispose()

    again = open_database(path)  # already at head: nothing changes, nothing is lost
    with Session(again) as db:
        assert [t.name for t in list_tokens(db)] == ["Claire Dubois"]
    again.dispose()


def test_a_database_of_the_first_schema_keeps_its_tokens_and_never_reuses_their_ids(tmp_path: Path) -> None:
    from alembic import command

    from web.db import alembic_config, migration_engine

    path = tmp_path / "summit.db"
    config, old = alembic_config(path), migration_engine(f"sqlite:///{path}")
    with old.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO tokens (id, summit_id, role, workshops, name, token_hash, created_at)"
            " VALUES (7, 'dusseldorf-2019', 'rapporteur', '[\"healthy\"]', 'Old', 'x', '2019-08-30')"
        )
        connection.exec_driver_sql("DELETE FROM tokens")  # id 7 is used up, as after a revocation purge
    old.dispose()
    engine = open_database(path)
    with Session(engine) as db, db.begin():
        _, principal = create_token(db, summit_id="dusseldorf-2019", role="translator", workshops=(),
                                    name="Tess", now=NOW, languages=("fr",))  # fmt: skip
    assert principal.token_id == 8 and principal.languages == ("fr",)
    engine.dispose()


def test_the_models_and_the_migrated_schema_do_not_drift(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_a_file_that_is_not_a_database_is_one_error_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "summit.db"
    path.write_bytes(b"not a database, just some bytes" * 100)
    with pytest.raises(DatabaseError, match="cannot open the database") as caught:
        open_database(path)
    assert "SUMMIT_DB" in caught.value.hint


def test_foreign_keys_are_enforced(db: Session) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        db.add(WebSession(id_hash="x" * 64, token_id=999, created_at=NOW, expires_at=NOW))
        db.flush()


def test_naive_datetimes_are_refused(db: Session) -> None:
    with pytest.raises(ValueError, match="no time zone"):
        create_token(
            db, summit_id="dusseldorf-2019", role="organiser", workshops=[], name="A", now=datetime.now()
        )


# --- Tokens ---------------------------------------------------------------------------


def test_a_token_signs_in_as_its_holder(db: Session) -> None:
    token, token_id = _rapporteur(db, "healthy", "resilient", "healthy")
    principal = principal_for_token(db, token, now=NOW)
    assert principal is not None
    assert (principal.token_id, principal.summit_id, principal.role) == (
        token_id,
        "dusseldorf-2019",
        "rapporteur",
    )
    assert principal.workshops == ("healthy", "resilient")  # the repeated one once
    assert principal.can_write("healthy") and not principal.can_write("connective")
    assert not principal.is_organiser
    assert principal_for_token(db, token + "x", now=NOW) is None
    assert principal_for_token(db, "", now=NOW) is None


def test_an_organiser_writes_every_workshop(db: Session) -> None:
    token, _ = create_token(
        db, summit_id="dusseldorf-2019", role="organiser", workshops=[], name="Org", now=NOW
    )
    principal = principal_for_token(db, token, now=NOW)
    assert principal is not None and principal.is_organiser
    assert all(principal.can_write(w) for w in WORKSHOPS)


@pytest.mark.parametrize(
    ("summit_id", "role", "workshops", "name", "message", "hint"),
    [
        ("Düsseldorf 2019", "rapporteur", ["healthy"], "A", "is not a summit id", "lowercase"),
        ("../etc", "rapporteur", ["healthy"], "A", "is not a summit id", "lowercase"),
        ("dusseldorf-2019", "admin", [], "A", "'admin' is not a role", "rapporteur, organiser or translator"),
        ("dusseldorf-2019", "rapporteur", [], "A", "needs a workshop", "the rapporteur writes for"),
        ("dusseldorf-2019", "organiser", ["healthy"], "A", "takes no workshop", "give them none"),
        (
            "dusseldorf-2019",
            "rapporteur",
            ["sleepy"],
            "A",
            "'sleepy' is not a workshop",
            "healthy, resilient",
        ),
        ("dusseldorf-2019", "rapporteur", ["healthy"], "  ", "1 to 200 characters", "Claire Dubois"),
        ("dusseldorf-2019", "rapporteur", ["healthy"], "x" * 201, "1 to 200 characters", "Claire Dubois"),
        ("dusseldorf-2019", "rapporteur", ["healthy"], "A\nB", "control characters", "one line"),
        ("dusseldorf-2019", "rapporteur", ["healthy"], "A\u202eB", "control characters", "one line"),
    ],
)
def test_invalid_tokens_are_refused_with_a_hint(
    db: Session, summit_id: str, role: str, workshops: list[str], name: str, message: str, hint: str
) -> None:
    with pytest.raises(AccessError, match=message) as caught:
        create_token(
            db, summit_id=summit_id, role=role, workshops=workshops, name=name, now=NOW,
            known_workshops=WORKSHOPS,
        )  # fmt: skip
    assert hint in caught.value.hint
    assert list_tokens(db) == []


def test_only_hashes_are_stored(tmp_path: Path) -> None:
    path = tmp_path / "summit.db"
    engine = open_database(path)
    with Session(engine) as db, db.begin():
        token, _ = _rapporteur(db)
        cookie = open_session(db, principal_for_token(db, token, now=NOW) or pytest.fail(), now=NOW)
        stored = db.scalars(select(Token.token_hash)).one()
    engine.dispose()
    files = b"".join(p.read_bytes() for p in tmp_path.glob("summit.db*"))  # the WAL too
    assert token.encode() not in files and cookie.encode() not in files
    assert stored.encode() in files and len(stored) == 64


def test_list_tokens_by_summit_never_shows_hashes(db: Session) -> None:
    _rapporteur(db)
    create_token(db, summit_id="lyon-2020", role="organiser", workshops=[], name="Org", now=NOW)
    [info] = list_tokens(db, "lyon-2020")
    assert (info.summit_id, info.role, info.workshops, info.name) == ("lyon-2020", "organiser", (), "Org")
    assert info.created_at == NOW and info.revoked_at is None
    assert not hasattr(info, "token_hash")
    assert len(list_tokens(db)) == 2


def test_a_revoked_token_and_its_sessions_stop_working(db: Session) -> None:
    token, token_id = _rapporteur(db)
    principal = principal_for_token(db, token, now=NOW)
    assert principal is not None
    cookie = open_session(db, principal, now=NOW)
    later = NOW + timedelta(minutes=5)
    info = revoke_token(db, token_id, now=later)
    assert info.revoked_at == later
    assert principal_for_token(db, token, now=later) is None
    assert principal_for_session(db, cookie, now=later) is None
    assert (
        revoke_token(db, token_id, now=later + timedelta(days=1)).revoked_at == later
    )  # the first one stays
    with pytest.raises(AccessError, match="there is no token 999") as caught:
        revoke_token(db, 999, now=later)
    assert "summit token list" in caught.value.hint


# --- Sessions -------------------------------------------------------------------------


def test_a_session_lasts_its_lifetime(db: Session) -> None:
    token, _ = _rapporteur(db)
    principal = principal_for_token(db, token, now=NOW)
    assert principal is not None
    cookie = open_session(db, principal, now=NOW, lifetime=timedelta(hours=1))
    assert cookie != token
    assert principal_for_session(db, cookie, now=NOW + timedelta(minutes=59)) == principal
    assert principal_for_session(db, cookie, now=NOW + timedelta(hours=1)) is None
    assert principal_for_session(db, "not-a-cookie", now=NOW) is None


def test_a_closed_session_signs_nobody_in(db: Session) -> None:
    token, _ = _rapporteur(db)
    principal = principal_for_token(db, token, now=NOW)
    assert principal is not None
    cookie, other = open_session(db, principal, now=NOW), open_session(db, principal, now=NOW)
    close_session(db, cookie)
    assert principal_for_session(db, cookie, now=NOW) is None
    assert principal_for_session(db, other, now=NOW) == principal  # another browser stays signed in


# --- The sign-in limiter --------------------------------------------------------------


def test_the_limiter_refuses_after_five_failures_until_the_window_passes() -> None:
    limiter = SignInLimiter()
    for second in range(5):
        assert limiter.allowed("10.0.0.1", float(second))
        limiter.failed("10.0.0.1", float(second))
    assert not limiter.allowed("10.0.0.1", 5.0)
    assert not limiter.allowed("10.0.0.1", 599.0)
    assert limiter.allowed("10.0.0.2", 5.0)  # per address
    assert limiter.allowed("10.0.0.1", 600.0)  # the first failure is ten minutes old


def test_a_success_clears_the_failures() -> None:
    limiter = SignInLimiter(max_failures=2, window=60)
    limiter.failed("::1", 0.0)
    limiter.succeeded("::1")
    limiter.failed("::1", 1.0)
    assert limiter.allowed("::1", 2.0)
    limiter.failed("::1", 2.0)
    assert not limiter.allowed("::1", 3.0)


def test_the_limiter_tracks_a_bounded_number_of_addresses() -> None:
    limiter = SignInLimiter(max_failures=1, window=60, max_addresses=3)
    for number in range(10):
        limiter.failed(f"10.0.0.{number}", float(number))
    assert not limiter.allowed("10.0.0.9", 9.0)
    assert sum(not limiter.allowed(f"10.0.0.{n}", 9.0) for n in range(10)) == 3
