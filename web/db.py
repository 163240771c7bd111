"""The web app's SQLite database: one file per deployment, its schema made only by Alembic migrations.

Open it with `open_database(path)`, which migrates it to the newest schema first; then work in
`with Session(engine) as db, db.begin(): ...`. Functions of web.access and web.audit flush but
never commit: the caller's transaction decides what is kept together.

A new migration after changing the models below:
    alembic.command.revision(alembic_config(Path("scratch.db")), "what changed", autogenerate=True)
on a scratch database migrated to head, then review the file it writes under web/migrations/versions/.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Connection,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    create_engine,
    event,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry, NullPool
from sqlalchemy.types import TypeDecorator

from synthesis.errors import SynthesisError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 5_000  # a writer waits this long for another process's write to finish


class DatabaseError(SynthesisError):
    """The database file cannot be opened, migrated or used."""


def require_aware(moment: datetime) -> datetime:
    """The moment itself; naive datetimes are refused, as they are ambiguous once stored."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone; pass e.g. datetime.now(UTC)")
    return moment


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC text (SQLite has no time zones), read back as aware UTC datetimes.

    One stored format means string comparison in SQL (`expires_at > :now`) is time comparison.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return require_aware(value).astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


# Named constraints, so that later migrations (SQLite batch mode) can refer to them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Token(Base):
    """A sign-in token. Only its sha256 is stored: the token itself is shown once, when created."""

    __tablename__ = "tokens"
    # AUTOINCREMENT: ids are never reused, so "token 3" in the audit trail names one token forever.
    __table_args__ = (
        CheckConstraint("role IN ('rapporteur', 'organiser', 'translator')", name="role"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    summit_id: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str] = mapped_column(String(16))
    workshops: Mapped[list[str]] = mapped_column(JSON)  # empty for organisers, who write them all
    languages: Mapped[list[str]] = mapped_column(JSON, server_default="[]")  # a translator's targets
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WebSession(Base):
    """A signed-in browser. Only the sha256 of its cookie value is stored."""

    __tablename__ = "web_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    token_id: Mapped[int] = mapped_column(ForeignKey("tokens.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuditEvent(Base):
    """Who did what, when. Append-only: the migration adds triggers that abort UPDATE and DELETE."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_summit_id_id", "summit_id", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    summit_id: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(300))
    role: Mapped[str | None] = mapped_column(String(16))  # None when the actor is not a token
    action: Mapped[str] = mapped_column(String(32))
    target: Mapped[str] = mapped_column(String(500))
    detail: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(String(64))


class Upload(Base):
    """A note received through the web, and what became of it."""

    __tablename__ = "uploads"
    __table_args__ = (
        Index("ix_uploads_summit_id_workshop", "summit_id", "workshop"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    summit_id: Mapped[str] = mapped_column(String(64))
    workshop: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    token_id: Mapped[int | None] = mapped_column(ForeignKey("tokens.id"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)


class StoredDecision(Base):
    """An organiser's curation decision (synthesis.models.Decision as JSON), the latest per item.

    Every change is also an audit event, so the history of a decision is in the audit trail.
    """

    __tablename__ = "decisions"

    summit_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    decision_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    data: Mapped[dict[str, object]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


def database_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL: the web's readers never wait for the night's or the CLI's writer, nor block it.
        (mode,) = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
        if str(mode).lower() != "wal":
            raise DatabaseError(
                f"the database cannot use write-ahead logging (journal mode stays '{mode}')",
                hint="put SUMMIT_DB on a local disk, not a network share",
            )
        cursor.execute("PRAGMA foreign_keys=ON")  # off by default in SQLite, per connection
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def migration_engine(url: URL | str) -> Engine:
    """An engine whose transactions are real SQLite transactions that take the write lock at BEGIN.

    Python's sqlite3 does not BEGIN before DDL, so without this a migration would not be atomic,
    and two processes opening a new database at once could both try to create the tables.
    """
    engine = create_engine(url, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None  # the driver leaves BEGIN to the listener below
        _set_pragmas(dbapi_connection, record)

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(path: Path) -> Config:
    """Alembic's configuration, in code: there is no alembic.ini."""
    from alembic.config import Config  # Alembic is imported when needed: `summit --help` stays fast

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # The configuration is a ConfigParser: a literal '%' in the path must be doubled.
    url = database_url(path).render_as_string(hide_password=False)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_database(path: Path) -> None:
    """`alembic upgrade head`, in one transaction that holds the write lock throughout."""
    from alembic import command

    config = alembic_config(path)
    engine = migration_engine(database_url(path))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection  # env.py migrates within this transaction
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def open_database(path: Path) -> Engine:
    """The deployment's database, created if need be and migrated to the newest schema."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        upgrade_database(path)
    except OSError as error:
        raise DatabaseError(
            f"cannot create the database folder {path.parent}: {error.strerror or error}",
            hint="set SUMMIT_DB (or --db) to a writable path",
        ) from error
    except SQLAlchemyError as error:
        first_line = (str(error.orig if hasattr(error, "orig") else error).splitlines() or [""])[0]
        raise DatabaseError(
            f"cannot open the database {path}: {first_line}",
            hint="check that SUMMIT_DB (or --db) names this deployment's SQLite file",
        ) from error
    engine = create_engine(database_url(path))
    event.listen(engine, "connect", _set_pragmas)
    return engine
