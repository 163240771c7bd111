"""Alembic's environment. Migrations run through web.db.upgrade_database (see web/db.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from web.db import Base, migration_engine

config = context.config


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters a table by copying it; autogenerate should say so
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        # upgrade_database's connection, already in the transaction that holds the write lock.
        _migrate(given)
        return
    engine = migration_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.begin() as connection:
            _migrate(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported: SQLite is migrated in place")
run_migrations_online()
