"""`summit token ...`: create, list and revoke the web app's sign-in tokens.

synthesis/cli.py registers `token_app` at import time, so this module cannot import it back:
errors become one-line messages with a hint through the same pattern as its `friendly_errors`.
The database modules (SQLAlchemy, Alembic) are imported inside the commands, so that every
other `summit` command starts as fast as before.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from synthesis.escape import rich_text
from synthesis.settings import Settings
from synthesis.summit import SUMMIT_FILE, load_summit

token_app = typer.Typer(help="Sign-in tokens for the web app.", no_args_is_help=True)
out = Console(width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="the web app's database (default SUMMIT_DB, .summit-state/summit.db)"),
]


@contextmanager
def _friendly_errors(code: int = 1) -> Iterator[None]:
    # synthesis.cli registers this app, so its helper is imported when a command runs, not before.
    from synthesis.cli import friendly_errors

    with friendly_errors(code):
        yield


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"


def _database_path(db: Path | None, *, must_exist: bool) -> Path:
    from web.access import AccessError

    path = db or Settings().db  # SUMMIT_DB is read here, at the edge, and nowhere in web.access
    if must_exist and not path.is_file():
        raise AccessError(
            f"there is no database at {path}",
            hint="create a token first, or point --db (or SUMMIT_DB) at this deployment's database",
        )
    return path


def _summit_workshops(inputs: Path, summit_id: str) -> tuple[str, ...]:
    from web.access import AccessError, check_summit_id

    summit_dir = inputs / check_summit_id(summit_id)
    if not (summit_dir / SUMMIT_FILE).is_file():
        raise AccessError(
            f"there is no summit '{summit_id}' under {inputs}",
            hint=f"check the id, or give --inputs, the folder that holds {summit_id}/{SUMMIT_FILE}",
        )
    summit = load_summit(summit_dir)
    if summit.id != summit_id:
        raise AccessError(
            f"{summit_dir / SUMMIT_FILE} describes summit '{summit.id}', not '{summit_id}'",
            hint="the folder's name and the id in summit.yaml must be the same",
        )
    return summit.workshop_ids


def _when(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if moment else ""


def _scope(role: str, workshops: tuple[str, ...], languages: tuple[str, ...] = ()) -> str:
    if role == "translator":
        return "translations into " + ", ".join(languages)
    return "every workshop" if role == "organiser" else ", ".join(workshops)


@token_app.command("create")
def create(
    summit_id: Annotated[
        str, typer.Argument(help="the summit's id, e.g. dusseldorf-2019", show_default=False)
    ],
    role: Annotated[str, typer.Option(help="rapporteur, organiser or translator", show_default=False)],
    name: Annotated[str, typer.Option(help="who holds the token, e.g. 'Claire Dubois'", show_default=False)],
    workshop: Annotated[
        list[str] | None, typer.Option("--workshop", help="a rapporteur's workshop id (repeatable)")
    ] = None,
    language: Annotated[
        list[str] | None, typer.Option("--language", help="a translator's target language (repeatable)")
    ] = None,
    inputs: Annotated[Path, typer.Option(help="the folder of summits")] = Path("inputs"),
    db: DbOption = None,
    base_url: Annotated[str, typer.Option(help="the web app's address, for the sign-in link")] = (
        "http://127.0.0.1:8000"
    ),
) -> None:
    """Create a sign-in token and print it, with its sign-in link; both are shown only now."""
    from sqlalchemy.orm import Session

    from web import audit
    from web.access import AccessError, create_token
    from web.db import open_database

    with _friendly_errors():
        if not base_url.startswith(("http://", "https://")):
            raise AccessError(
                f"--base-url '{base_url}' is not a web address", hint="e.g. https://summit.example.org"
            )
        known = _summit_workshops(inputs, summit_id)
        engine = open_database(_database_path(db, must_exist=False))
        try:
            with Session(engine) as session, session.begin():
                now = datetime.now(UTC)
                token, principal = create_token(
                    session, summit_id=summit_id, role=role, workshops=workshop or [], name=name, now=now,
                    known_workshops=known, languages=language or [],
                )  # fmt: skip
                scope = _scope(principal.role, principal.workshops, principal.languages)
                audit.record(
                    session, summit_id=summit_id, actor=f"cli:{_who()}", action="token-create",
                    target=f"token {principal.token_id}", now=now,
                    detail=f"{principal.role} {principal.name}: {scope}",
                )  # fmt: skip
        finally:
            engine.dispose()
    out.print(
        f"Created token {principal.token_id} for {rich_text(principal.name)}, "
        f"{principal.role} of {rich_text(scope)} at {summit_id}.",
        highlight=False,
        soft_wrap=True,
    )
    out.print("Token and sign-in link, shown only now (whoever has them signs in as them):", highlight=False)
    out.print(f"Token: {token}", markup=False, highlight=False, soft_wrap=True)
    out.print(f"Link:  {base_url.rstrip('/')}/signin/{token}", markup=False, highlight=False, soft_wrap=True)
    out.print(f"To revoke it: summit token revoke {principal.token_id}", highlight=False)


@token_app.command("list")
def list_(
    summit_id: Annotated[
        str | None, typer.Argument(help="only this summit's tokens", show_default=False)
    ] = None,
    db: DbOption = None,
) -> None:
    """List tokens: who holds them, for what, and whether they are revoked. Never the tokens themselves."""
    from sqlalchemy.orm import Session

    from web.access import check_summit_id, list_tokens
    from web.db import open_database

    with _friendly_errors():
        if summit_id is not None:
            check_summit_id(summit_id)
        engine = open_database(_database_path(db, must_exist=True))
        try:
            with Session(engine) as session:
                tokens = list_tokens(session, summit_id)
        finally:
            engine.dispose()
    if not tokens:
        out.print(f"No tokens{f' for {summit_id}' if summit_id else ''}.", highlight=False)
        return
    table = Table(title=f"{len(tokens)} token{'s' if len(tokens) > 1 else ''}")
    for column in ("ID", "Summit", "Role", "Workshops", "Name", "Created", "Revoked"):
        table.add_column(column, justify="right" if column == "ID" else "left", overflow="fold")
    for info in tokens:
        table.add_row(
            str(info.id), info.summit_id, info.role,
            rich_text(_scope(info.role, info.workshops, info.languages)),
            rich_text(info.name), _when(info.created_at), _when(info.revoked_at) or "-",
        )  # fmt: skip
    out.print(table)


@token_app.command("revoke")
def revoke(
    token_id: Annotated[
        int, typer.Argument(help="the token's id, from `summit token list`", show_default=False)
    ],
    db: DbOption = None,
) -> None:
    """Revoke a token: it no longer signs in, and browsers signed in with it are signed out."""
    from sqlalchemy.orm import Session

    from web import audit
    from web.access import get_token, revoke_token
    from web.db import open_database

    with _friendly_errors():
        engine = open_database(_database_path(db, must_exist=True))
        try:
            with Session(engine) as session, session.begin():
                now = datetime.now(UTC)
                before = get_token(session, token_id)
                info = revoke_token(session, token_id, now=now)
                if before.revoked_at is None:
                    audit.record(
                        session, summit_id=info.summit_id, actor=f"cli:{_who()}", action="token-revoke",
                        target=f"token {info.id}", detail=f"{info.role} {info.name}", now=now,
                    )  # fmt: skip
        finally:
            engine.dispose()
    holder = f"token {info.id} ({rich_text(info.name)}, {info.role} at {info.summit_id})"
    if before.revoked_at is not None:
        out.print(f"Already revoked: {holder}, on {_when(before.revoked_at)}.", highlight=False)
    else:
        out.print(f"Revoked {holder}; its browsers are signed out.", highlight=False)
