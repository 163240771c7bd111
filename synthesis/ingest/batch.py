"""A whole summit's uploads: find the notes, read each, set duplicates aside."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from synthesis.ingest.metadata import SIDECAR_SUFFIX
from synthesis.ingest.read import IngestLimits, ingest_file
from synthesis.models import Note, Rejection, RejectionReason
from synthesis.summit import NOTES_DIR, load_summit


@dataclass(frozen=True, slots=True)
class IngestResult:
    notes: list[Note]
    rejected: list[Rejection]
    summit_id: str = ""


def _ignored(path: Path) -> bool:
    """Hidden files and Office lock files are not uploads."""
    return path.name.startswith((".", "~$")) or path.name in {"Thumbs.db", "desktop.ini"}


def discover(summit_dir: Path) -> tuple[list[Path], list[Rejection]]:
    """Candidate note files in upload order (mtime, then path), and orphaned sidecars."""
    notes_dir = summit_dir / NOTES_DIR
    files = sorted(
        (p for p in notes_dir.rglob("*") if p.is_file() and not _ignored(p.relative_to(notes_dir))),
        key=lambda p: (p.stat().st_mtime_ns, p.as_posix()),
    )
    notes = [p for p in files if not p.name.endswith(SIDECAR_SUFFIX)]
    orphans = [
        Rejection(
            source=p.relative_to(summit_dir).as_posix(),
            reason=RejectionReason.INVALID_METADATA,
            message=f"sidecar for '{p.name.removesuffix(SIDECAR_SUFFIX)}', which does not exist",
            hint=f"name it after its note plus {SIDECAR_SUFFIX}, e.g. note.pdf{SIDECAR_SUFFIX}",
        )
        for p in files
        if p.name.endswith(SIDECAR_SUFFIX) and not p.with_name(p.name.removesuffix(SIDECAR_SUFFIX)).is_file()
    ]
    return notes, orphans


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


def ingest_summit(
    summit_dir: Path,
    *,
    limits: IngestLimits | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestResult:
    """Read every upload of a summit. Raises ConfigError only for summit.yaml itself."""
    summit = load_summit(summit_dir)
    limits = limits or IngestLimits()
    paths, orphans = discover(summit_dir)
    results: list[Note | Rejection] = []
    for path in paths:
        if on_file:
            on_file(path)
        results.append(ingest_file(path, summit_dir=summit_dir, summit=summit, limits=limits))
    outcome = split_results([*drop_duplicates(results), *orphans])
    return IngestResult(outcome.notes, outcome.rejected, summit.id)
