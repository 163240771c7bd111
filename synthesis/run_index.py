"""What the next night needs to know about a run, in a file small enough to read in milliseconds.

A run folder's synthesis.json holds every note and extraction: about 90 MB for a
summit of a million words, and seconds to read back. The next night only compares
against it (which notes are new or changed, which commitments were added or removed),
so each run also writes `index.json`: the run's date, a digest of each note by source
path, and each commitment as the report names it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from synthesis.models import SummitSynthesis
from synthesis.store import fingerprint

INDEX_FILE = "index.json"


class CommitmentLine(BaseModel):
    """A commitment as the report names it: its id, where, who, and its words."""

    model_config = ConfigDict(frozen=True)

    id: str
    workshop: str
    actor: str
    quote: str


class RunIndex(BaseModel):
    """A run as the next one compares itself with it."""

    model_config = ConfigDict(frozen=True)

    run_date: date
    notes: dict[str, str]  # source path → digest of the whole note record
    commitments: tuple[CommitmentLine, ...]


def note_digests(synthesis: SummitSynthesis) -> dict[str, str]:
    return {note.source: fingerprint("note", note.model_dump_json()) for note in synthesis.notes}


def commitment_lines(synthesis: SummitSynthesis) -> tuple[CommitmentLine, ...]:
    return tuple(
        CommitmentLine(id=c.id, workshop=w.workshop, actor=c.actor.text, quote=c.source.quote)
        for w in synthesis.workshops
        for c in w.commitments
    )


def index_run(synthesis: SummitSynthesis) -> RunIndex:
    return RunIndex(
        run_date=synthesis.run.run_date,
        notes=note_digests(synthesis),
        commitments=commitment_lines(synthesis),
    )


def read_index(run_folder: Path) -> RunIndex | None:
    """The run's index; from its synthesis.json when the run predates index files; None if unreadable."""
    try:
        return RunIndex.model_validate_json((run_folder / INDEX_FILE).read_bytes())
    except (OSError, ValidationError):
        pass
    try:
        full = SummitSynthesis.model_validate_json((run_folder / "synthesis.json").read_bytes())
    except (OSError, ValidationError):
        return None  # damaged, or written by a much older version: nothing to compare with
    return index_run(full)
