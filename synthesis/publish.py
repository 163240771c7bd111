"""Run folders: built in staging, published with one rename, `latest` swapped atomically.

    outputs/<summit-id>/
        2019-09-01T013000/       one immutable folder per complete run
        latest -> 2019-09-01T013000
        .staging-<run>/          a run being built; removed by the next run if its builder died

Readers (the kit, the web, people) only ever follow `latest` or a run folder,
so they never see half a run, whenever the builder is killed. Every function
here expects the caller to hold the summit's run lock (synthesis.lock).
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import date, datetime
from pathlib import Path

from synthesis.errors import SynthesisError
from synthesis.models import SummitSynthesis
from synthesis.output import inside
from synthesis.run_index import RunIndex, read_index

LATEST = "latest"
POINTER = "latest.txt"  # where symlinks are not available, the name of the latest run
STAGING_PREFIX = ".staging-"
RUN_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{6}(-\d+)?$")


class NothingPublished(SynthesisError):
    """There is no complete run to start from."""


def run_name(run_date: date, started_at: datetime) -> str:
    """'2019-09-01T013000': the run's date, then the clock time it started."""
    return f"{run_date.isoformat()}T{started_at:%H%M%S}"


def runs(summit_outputs: Path) -> list[Path]:
    """Complete runs, oldest first."""
    if not summit_outputs.is_dir():
        return []
    found = [p for p in summit_outputs.iterdir() if RUN_NAME.match(p.name) and p.is_dir()]
    return sorted(found, key=lambda p: p.name)


def latest_run(summit_outputs: Path) -> Path | None:
    """The newest complete run, as `latest` names it."""
    link = summit_outputs / LATEST
    if link.is_symlink():
        target = summit_outputs / os.readlink(link)
        return target if target.is_dir() else None
    pointer = summit_outputs / POINTER
    if pointer.is_file():
        target = summit_outputs / pointer.read_text(encoding="utf-8").strip()
        return target if RUN_NAME.match(target.name) and target.is_dir() else None
    return None


def previous_synthesis(summit_outputs: Path) -> SummitSynthesis | None:
    """The latest complete run's synthesis, if it can still be read."""
    latest = latest_run(summit_outputs)
    if latest is None:
        return None
    try:
        return SummitSynthesis.model_validate_json((latest / "synthesis.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # written by an older version, or damaged: nothing to compare with


def previous_index(summit_outputs: Path) -> RunIndex | None:
    """What the latest complete run found, to compare the night with; None before the first run."""
    latest = latest_run(summit_outputs)
    return read_index(latest) if latest else None


def start_staging(summit_outputs: Path, name: str) -> Path:
    """A fresh staging folder for run `name`, after removing what killed runs left behind."""
    summit_outputs.mkdir(parents=True, exist_ok=True)
    for leftover in summit_outputs.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in summit_outputs.glob(f".{LATEST}-*"):
        leftover.unlink(missing_ok=True)
    staging = inside(summit_outputs, summit_outputs / f"{STAGING_PREFIX}{name}")
    staging.mkdir()
    return staging


def _swap_latest(summit_outputs: Path, name: str) -> None:
    temporary = summit_outputs / f".{LATEST}-{os.getpid()}"
    try:
        temporary.unlink(missing_ok=True)
        os.symlink(name, temporary)
        os.replace(temporary, summit_outputs / LATEST)  # rename(2) is atomic: readers see old or new
    except (OSError, NotImplementedError):
        temporary.unlink(missing_ok=True)
    pointer = summit_outputs / f".{POINTER}-{os.getpid()}"
    pointer.write_text(name + "\n", encoding="utf-8")
    os.replace(pointer, summit_outputs / POINTER)


def publish(staging: Path, name: str) -> Path:
    """Make the staged run a complete run, then point `latest` at it; returns the run folder."""
    summit_outputs = staging.parent
    final = summit_outputs / name
    suffix = 1
    while final.exists():  # two runs started in the same second: never overwrite a run
        suffix += 1
        final = summit_outputs / f"{name}-{suffix}"
    _fsync_tree(staging)
    os.rename(staging, final)
    _swap_latest(summit_outputs, final.name)
    return final


def prune(summit_outputs: Path, *, keep: int) -> list[Path]:
    """Delete the oldest complete runs beyond `keep`; never the one `latest` names."""
    latest = latest_run(summit_outputs)
    old = [p for p in runs(summit_outputs)[:-keep] if p != latest]
    for path in old:
        shutil.rmtree(path, ignore_errors=True)
    return old


def _fsync_tree(folder: Path) -> None:
    """Flush the staged files to disk before the rename makes them visible."""
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
