"""`summit curation export|import`: move organisers' decisions between the database and curation.yaml.

The web writes curation.yaml after every decision; these commands are for the other ways round:
a file edited by hand or versioned elsewhere goes into the database with `import`, and a
database restored from a backup writes its file again with `export`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from synthesis.curation import CURATION_FILE
from synthesis.escape import rich_text
from web.cli import DbOption, _database_path, _friendly_errors, _who, out

curation_app = typer.Typer(
    help="Organisers' review decisions: curation.yaml and the database.", no_args_is_help=True
)
SummitDir = Annotated[
    Path, typer.Argument(help="the summit's folder, e.g. inputs/dusseldorf-2019", show_default=False)
]


@curation_app.command("export")
def export(summit_dir: SummitDir, db: DbOption = None) -> None:
    """Write the summit's decisions from the database to SUMMIT_DIR/curation.yaml."""
    from sqlalchemy.orm import Session

    from synthesis.summit import load_summit
    from web.db import open_database
    from web.decisions import load_decisions, mirror

    with _friendly_errors():
        summit = load_summit(summit_dir)
        engine = open_database(_database_path(db, must_exist=True))
        try:
            with Session(engine) as session:
                count = len(load_decisions(session, summit.id).decisions)
                path = mirror(session, summit.id, summit_dir)
        finally:
            engine.dispose()
    out.print(f"Wrote {count} decision{'s' if count != 1 else ''} of {summit.id} to {rich_text(str(path))}.",
              highlight=False)  # fmt: skip


@curation_app.command("import")
def import_(
    summit_dir: SummitDir,
    db: DbOption = None,
    source: Annotated[
        Path | None, typer.Option("--from", help=f"the file to read (default SUMMIT_DIR/{CURATION_FILE})")
    ] = None,
) -> None:
    """Replace the summit's decisions in the database with those of a curation.yaml (audited)."""
    from sqlalchemy.orm import Session

    from synthesis.curation import load_curation, save_curation
    from synthesis.summit import load_summit
    from web.db import open_database
    from web.decisions import replace_decisions

    with _friendly_errors():
        summit = load_summit(summit_dir)
        if source is not None and source.name != CURATION_FILE:
            raise typer.BadParameter(f"--from must name a file called {CURATION_FILE}")
        curation = load_curation(source.parent if source else summit_dir)
        engine = open_database(_database_path(db, must_exist=False))
        try:
            with Session(engine) as session, session.begin():
                count = replace_decisions(
                    session, summit.id, curation, actor=f"cli:{_who()}", now=datetime.now(UTC)
                )
        finally:
            engine.dispose()
        if source is not None:
            save_curation(summit_dir, curation)  # the night reads the summit's own file
    out.print(f"Imported {count} decision{'s' if count != 1 else ''} into {summit.id}.", highlight=False)
