"""A whole summit's uploads: find the notes, read each, set duplicates aside."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from synthesis.escape import has_control, is_utf8_name, name_from_os
from synthesis.ingest.metadata import SIDECAR_SUFFIX
from synthesis.ingest.read import IngestLimits, ingest_file, warm_reader
from synthesis.models import Note, Rejection, RejectionReason
from synthesis.sandbox import Sandbox, SandboxFailed, SandboxLimits
from synthesis.summit import NOTES_DIR, SummitConfig, load_summit


@dataclass(frozen=True, slots=True)
class IngestResult:
    notes: list[Note]
    rejected: list[Rejection]
    summit_id: str = ""


def _ignored(name: str) -> bool:
    """Hidden files and Office lock files are not uploads."""
    return name.startswith((".", "~$")) or name in {"Thumbs.db", "desktop.ini"}


def _refused(path: Path, summit_dir: Path, info: os.stat_result) -> Rejection | None:
    """Why an entry of notes/ must not be read, or None for a plain file with a clean name."""
    source = name_from_os(path.relative_to(summit_dir).as_posix())
    if not is_utf8_name(str(path)) or has_control(str(path.relative_to(summit_dir))):
        return Rejection(
            source=source,
            reason=RejectionReason.INVALID_NAME,
            message="the file name has bytes that are not UTF-8 text, or control characters",
            hint="rename the file with letters, digits, spaces, dots and hyphens, then upload it again",
        )
    if stat.S_ISLNK(info.st_mode):
        try:
            target = path.resolve(strict=True)
            inside = target.is_relative_to(summit_dir.resolve())
            where = "to a file inside the summit" if inside else "to a file outside the summit"
        except (OSError, RuntimeError):  # dangling, or a loop
            where = "that leads nowhere (broken, or a loop)"
        return Rejection(
            source=source,
            reason=RejectionReason.SYMLINK,
            message=f"the upload is a symbolic link {where}; links are never followed",
            hint="copy the note itself into the workshop folder instead of a link to it",
        )
    if not stat.S_ISREG(info.st_mode):
        return Rejection(
            source=source,
            reason=RejectionReason.NOT_A_FILE,
            message="this is not a regular file (a pipe, a device or a socket)",
            hint="remove it from the notes folder; upload notes as ordinary files",
        )
    return None


def _walk(notes_dir: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Every entry under notes/ with its own lstat, never following a symbolic link."""
    pending = [notes_dir]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if _ignored(entry.name):
                continue
            path = Path(entry.path)
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISDIR(info.st_mode):
                pending.append(path)
            else:
                yield path, info


def discover(summit_dir: Path) -> tuple[list[Path], list[Rejection]]:
    """Note files in upload order (mtime, then path), and the entries refused without reading.

    Refused: symbolic links (a link could publish any file the server can read),
    special files, names that are not clean UTF-8, and orphaned sidecars.
    """
    notes_dir = summit_dir / NOTES_DIR
    files: list[tuple[Path, os.stat_result]] = []
    refused: list[Rejection] = []
    listed: set[Path] = set()
    for path, info in _walk(notes_dir):
        listed.add(path)
        if rejection := _refused(path, summit_dir, info):
            refused.append(rejection)
        else:
            files.append((path, info))
    files.sort(key=lambda item: (item[1].st_mtime_ns, item[0].as_posix()))
    notes = [p for p, _ in files if not p.name.endswith(SIDECAR_SUFFIX)]
    orphans = [
        Rejection(
            source=p.relative_to(summit_dir).as_posix(),
            reason=RejectionReason.INVALID_METADATA,
            message=f"sidecar for '{p.name.removesuffix(SIDECAR_SUFFIX)}', which does not exist",
            hint=f"name it after its note plus {SIDECAR_SUFFIX}, e.g. note.pdf{SIDECAR_SUFFIX}",
        )
        for p, _ in files
        if p.name.endswith(SIDECAR_SUFFIX) and p.with_name(p.name.removesuffix(SIDECAR_SUFFIX)) not in listed
    ]
    return notes, [*refused, *orphans]


def drop_duplicates(results: Iterable[Note | Rejection]) -> list[Note | Rejection]:
    """The first note with a given text stays; later copies become rejections."""
    first_source: dict[str, str] = {}
    kept: list[Note | Rejection] = []
    for result in results:
        if isinstance(result, Note):
            if result.id in first_source:
                result = Rejection(
                    source=result.source,
                    reason=RejectionReason.DUPLICATE,
                    message=f"same text as {first_source[result.id]}",
                    hint="delete one of the two copies, or upload the intended note",
                )
            else:
                first_source[result.id] = result.source
        kept.append(result)
    return kept


def split_results(results: Iterable[Note | Rejection]) -> IngestResult:
    """Notes and rejections apart, each sorted by path so that outputs do not depend on mtimes."""
    items = sorted(results, key=lambda r: r.source)
    return IngestResult(
        notes=[r for r in items if isinstance(r, Note)],
        rejected=[r for r in items if isinstance(r, Rejection)],
    )


Reader = Callable[..., Note | Rejection]  # ingest_file's signature


@contextmanager
def reader(sandbox: SandboxLimits | None, *, start: bool = False) -> Iterator[Reader]:
    """`ingest_file` in a limited child process (started at its first file, or at once with
    `start`: it warms up while the caller does other work), or in this one with None.

    A child that runs out of memory or time, or dies, rejects that one file.
    """
    if sandbox is None:
        yield ingest_file
        return
    with Sandbox(sandbox, warm_up=warm_reader) as box:
        if start:
            box.start()

        def read(
            path: Path, *, summit_dir: Path, summit: SummitConfig, limits: IngestLimits
        ) -> Note | Rejection:
            try:
                return box.call(ingest_file, path, summit_dir=summit_dir, summit=summit, limits=limits)
            except SandboxFailed as failed:
                return Rejection(
                    source=path.relative_to(summit_dir).as_posix(),
                    reason=failed.reason,
                    message=failed.message,
                    hint="open the file, save it again as a plain document (or as .txt) and upload that; "
                    "if it still fails, report it",
                )

        yield read


def ingest_summit(
    summit_dir: Path,
    *,
    limits: IngestLimits | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestResult:
    """Read every upload of a summit. Raises ConfigError only for summit.yaml itself."""
    summit = load_summit(summit_dir)
    limits = limits or IngestLimits()
    paths, refused = discover(summit_dir)
    results: list[Note | Rejection] = []
    with reader(limits.sandbox) as read:
        for path in paths:
            if on_file:
                on_file(path)
            results.append(read(path, summit_dir=summit_dir, summit=summit, limits=limits))
    outcome = split_results([*drop_duplicates(results), *refused])
    return IngestResult(outcome.notes, outcome.rejected, summit.id)
