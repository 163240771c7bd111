"""Placing, withdrawing and history of uploaded notes, and the night's own check before placing.

An earlier version is never lost (it moves to history/). Neither `.uploads/` nor `history/`
is under `notes/`, the only folder the night reads.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Literal

import yaml

from synthesis.escape import has_control, printable
from synthesis.ingest.batch import reader
from synthesis.ingest.metadata import SIDECAR_SUFFIX, sidecar_path
from synthesis.ingest.read import IngestLimits
from synthesis.models import Note, Rejection
from synthesis.output import OutsideOutputs, inside, write_atomically
from synthesis.summit import NOTES_DIR, SummitConfig
from synthesis.uploads.fields import UploadFields, _bad_field, sidecar_text
from synthesis.uploads.names import UploadError, UploadReason, _checked_name

UPLOADS_DIR = ".uploads"
HISTORY_DIR = "history"
WITHDRAWN_FILE = "withdrawn.yaml"

PlacedStatus = Literal["new", "unchanged", "replaced"]

_WORKSHOP_ID = re.compile(r"^[a-z][a-z0-9-]*$")  # as models.Workshop: ids become folder names
_VERSION_FOLDER = re.compile(r"^(\d{8}T\d{6}Z)-([0-9a-f]{8})(?:-(\d+))?$")
_STAMP = "%Y%m%dT%H%M%SZ"


# --- Placing, withdrawing, history -------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    path: Path  # relative to summit_dir
    sha256: str
    status: PlacedStatus
    history: Path | None  # where the previous version went, relative to summit_dir


@dataclass(frozen=True)
class Version:
    folder: Path  # relative to summit_dir
    at: datetime
    sha256_prefix: str
    withdrawn: bool


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _within(summit_dir: Path, relative: Path, reason: UploadReason) -> Path:
    """summit_dir/relative with its folders resolved, after checking they stay in the summit."""
    try:
        folder = inside(summit_dir, summit_dir / relative.parent)
    except OutsideOutputs:
        raise UploadError(
            reason,
            f"{printable(relative.as_posix())} leads outside the summit folder",
            hint="ask the organiser",
        ) from None
    return folder / relative.name


def _note_relpath(workshop: str, name: str, reason: UploadReason) -> Path:
    if not _WORKSHOP_ID.match(workshop):
        raise _bad_field("workshop", f"'{printable(workshop)}' is not a workshop id", "choose a workshop")
    if name in ("", ".", "..") or "/" in name or "\\" in name or name.startswith(".") or has_control(name):
        raise UploadError(reason, f"'{printable(name)}' is not a note's file name", hint="check the name")
    return Path(NOTES_DIR, workshop, name)


def _parse_relpath(relpath: str) -> Path:
    """notes/<workshop>/<name> from a client, or UploadError("not_found")."""
    parts = PurePosixPath(relpath).parts
    if len(parts) != 3 or parts[0] != NOTES_DIR or parts[2].endswith(SIDECAR_SUFFIX):
        raise UploadError(
            "not_found", f"'{printable(relpath)}' is not a note", hint="pick a note from the list"
        )
    try:
        return _note_relpath(parts[1], parts[2], "not_found")
    except UploadError as error:
        raise UploadError("not_found", error.message, hint=error.hint) from None


def _utc_stamp(now: datetime) -> str:
    if now.utcoffset() is None:
        raise ValueError("now must carry a time zone")  # a naive time would depend on the server's zone
    return now.astimezone(UTC).strftime(_STAMP)


@contextmanager
def _notes_locked(summit_dir: Path) -> Iterator[None]:
    """One change of the summit's notes at a time (web workers), without leaving a lock file behind."""
    notes = summit_dir / NOTES_DIR
    notes.mkdir(parents=True, exist_ok=True)
    handle = os.open(notes, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _archive(summit_dir: Path, relative: Path, sha256: str, now: datetime) -> Path:
    """Move a note and its sidecar to a new history folder; returns that folder relative to summit_dir."""
    workshop, name = relative.parts[1], relative.parts[2]
    shelf = _within(summit_dir, Path(HISTORY_DIR, workshop, name, "version"), "not_found").parent
    shelf.mkdir(parents=True, exist_ok=True)
    stamp = _utc_stamp(now)
    # Versions of the same second are numbered, so that note_history keeps their order.
    count = 1 + sum(1 for entry in shelf.iterdir() if entry.name.startswith(stamp))
    while True:
        folder = shelf / (f"{stamp}-{sha256[:8]}" + (f"-{count}" if count > 1 else ""))
        try:
            folder.mkdir()
            break
        except FileExistsError:
            count += 1
    note = summit_dir / relative
    if os.path.lexists(sidecar_path(note)):
        os.rename(sidecar_path(note), folder / (name + SIDECAR_SUFFIX))
    os.rename(note, folder / name)
    return folder.relative_to(summit_dir.resolve())


def _regular(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def place_upload(
    summit_dir: Path, fields: UploadFields, name: str, temp_file: Path, *, replace: bool, now: datetime
) -> Placed:
    """Move a checked temporary file (same file system) to notes/<workshop>/<name> and write its sidecar.

    The temporary file is consumed on success and left to the caller on an error.
    """
    relative = _note_relpath(fields.workshop, _checked_name(name), "bad_name")
    target = _within(summit_dir, relative, "bad_name")
    if not _regular(temp_file):
        raise ValueError(f"{temp_file} is not a regular file")
    sha256 = sha256_file(temp_file)
    with _notes_locked(summit_dir):
        target.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(target) and not _regular(target):
            raise UploadError(
                "conflict", f"{relative.as_posix()} is not a plain file", hint="ask the organiser"
            )
        status: PlacedStatus = "new"
        history = None
        if os.path.lexists(target):
            old = sha256_file(target)
            if old == sha256:
                write_atomically(sidecar_path(target), sidecar_text(fields))
                temp_file.unlink()
                return Placed(relative, sha256, "unchanged", None)
            if not replace:
                raise UploadError(
                    "conflict",
                    f"{relative.as_posix()} already exists with other content",
                    hint="upload it under another name, or choose to replace the existing note",
                )
            history, status = _archive(summit_dir, relative, old, now), "replaced"
        elif replace:
            raise UploadError(
                "not_found",
                f"{relative.as_posix()} does not exist, so it cannot be replaced",
                hint="upload it",
            )
        os.replace(temp_file, target)
        write_atomically(sidecar_path(target), sidecar_text(fields))
    return Placed(relative, sha256, status, history)


def withdraw_note(summit_dir: Path, relpath: str, *, now: datetime, by: str) -> Path:
    """Move a note and its sidecar into history with `withdrawn.yaml` (by, at); the night stops seeing it."""
    relative = _parse_relpath(relpath)
    target = _within(summit_dir, relative, "not_found")
    with _notes_locked(summit_dir):
        if not _regular(target):
            raise UploadError(
                "not_found", f"{relative.as_posix()} is not a note", hint="pick a note from the list"
            )
        folder = _archive(summit_dir, relative, sha256_file(target), now)
        at = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        record = yaml.safe_dump({"by": by, "at": at}, allow_unicode=True, sort_keys=False)
        write_atomically(summit_dir / folder / WITHDRAWN_FILE, record)
    return folder


def note_history(summit_dir: Path, relpath: str) -> list[Version]:
    """Earlier versions of notes/<workshop>/<name>, oldest first."""
    relative = _parse_relpath(relpath)
    shelf_relative = Path(HISTORY_DIR, *relative.parts[1:])
    shelf = _within(summit_dir, shelf_relative / "version", "not_found").parent
    if not shelf.is_dir():
        return []
    found: list[tuple[datetime, int, Version]] = []
    for entry in shelf.iterdir():
        if (match := _VERSION_FOLDER.match(entry.name)) and entry.is_dir() and not entry.is_symlink():
            at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            version = Version(
                shelf_relative / entry.name, at, match.group(2), (entry / WITHDRAWN_FILE).is_file()
            )
            found.append((at, int(match.group(3) or 1), version))
    return [version for _, _, version in sorted(found, key=lambda item: item[:2])]


# --- Ingestion, before placing -----------------------------------------------------------


def check_with_ingestion(
    temp_file: Path,
    name: str,
    fields: UploadFields,
    summit_dir: Path,
    summit: SummitConfig,
    limits: IngestLimits,
) -> Note | Rejection:
    """The upload read by the night's own (sandboxed) reader, in a private copy of the summit layout."""
    relative = _note_relpath(fields.workshop, _checked_name(name), "bad_name")
    uploads = summit_dir / UPLOADS_DIR
    uploads.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="check-", dir=uploads))
    try:
        staged = staging / relative
        staged.parent.mkdir(parents=True)
        try:
            os.link(temp_file, staged)
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(temp_file, staged)
        sidecar_path(staged).write_text(sidecar_text(fields), encoding="utf-8")
        with reader(limits.sandbox) as read:
            return read(staged, summit_dir=staging, summit=summit, limits=limits)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
