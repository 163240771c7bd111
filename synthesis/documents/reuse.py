"""Documents a run need not render again: the ones whose own inputs did not change.

Each document is rendered from one value (`Job.source`: the exhibition, or the slice of it a
poster shows) plus the code and data that lay it out. Its digest hashes exactly that: the
value's repr, the files it reads by path (a logo), the poster size, and `rendering_code()` (every
code and data file of the package, and the versions of the libraries that draw, fonts included).
A run records each document it wrote with its digest and the hash of its bytes in
`documents.json`; the next run hard-links a document from the latest complete run when its
digest is the same and the file there still has those bytes, and renders it otherwise.

The renderer receives `source` itself, never more, so a document can only depend on what its
digest covers: a renderer that starts reading another field finds it empty, it does not go stale.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import synthesis
from synthesis.output import write_atomically
from synthesis.store import fingerprint, source_fingerprint

DOCUMENTS_FILE = "documents.json"
PACKAGE = Path(synthesis.__file__).parent
PACKAGE_FILES = (".py", ".yaml", ".json", ".po", ".mo", ".ttf", ".docx", ".html", ".css")
# What draws the documents besides our code: a new version may change their bytes.
LIBRARIES = ("reportlab", "python-docx", "lxml", "pillow", "matplotlib", "jinja2")


def rendering_code() -> str:
    """The package's code and data files and the drawing libraries' versions (the fonts are
    matplotlib's), as one hash: any change renders every document again."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}: none")
    return fingerprint(source_fingerprint((PACKAGE,), PACKAGE_FILES), *versions)


@dataclass(frozen=True, slots=True)
class Job:
    """One document: its file name, what it is rendered from and how."""

    name: str
    source: object  # a frozen dataclass tree: its repr is its content
    write: Callable[[Path], object]  # renders `source` to the given path
    files: tuple[Path, ...] = ()  # files `source` names and the renderer reads (a logo)
    options: str = ""  # anything else the renderer is given (the poster size)


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:  # the render will fail and say why; the digest only must differ
        return f"unreadable: {error}".encode()


def digest(job: Job, code: str) -> str:
    """A hash of everything `job` renders from."""
    return fingerprint(
        "document",
        code,
        job.name,
        job.options,
        repr(job.source),
        *(part for path in job.files for part in (str(path), _file_bytes(path))),
    )


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Record:
    digest: str  # of what the document was rendered from
    sha256: str  # of its bytes as written


def read_records(run: Path | None) -> dict[str, Record]:
    """The documents a run recorded, by file name; none for no run or an unreadable record."""
    if run is None:
        return {}
    try:
        stored = json.loads((run / DOCUMENTS_FILE).read_text(encoding="utf-8"))
        return {name: Record(r["digest"], r["sha256"]) for name, r in stored["documents"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def write_records(directory: Path, records: dict[str, Record]) -> Path:
    """`documents.json` in the run folder: the documents written, each with its digest."""
    path = directory / DOCUMENTS_FILE
    content = {name: {"digest": r.digest, "sha256": r.sha256} for name, r in sorted(records.items())}
    write_atomically(path, json.dumps({"documents": content}, indent=1) + "\n")
    return path


def link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


@dataclass(frozen=True, slots=True)
class Earlier:
    """The latest complete run's documents, to take those whose digest is unchanged."""

    run: Path | None
    records: dict[str, Record]

    @classmethod
    def of(cls, run: Path | None) -> Earlier:
        return cls(run, read_records(run))

    def take(self, name: str, wanted: str, target: Path) -> Record | None:
        """Link the earlier run's `name` to `target` if it was rendered from `wanted` and still has
        the bytes recorded; its record, or None (render it)."""
        record = self.records.get(name)
        if self.run is None or record is None or record.digest != wanted:
            return None
        source = self.run / name
        try:
            if source.is_symlink() or not source.is_file() or file_hash(source) != record.sha256:
                return None
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            link_or_copy(source, target)
        except OSError:
            return None
        return record


def plan(
    jobs: Iterable[Job], code: str, earlier: Earlier, directory: Path
) -> tuple[list[tuple[Job, str]], dict[str, Record]]:
    """The jobs still to render, each with its digest, and the records of the documents taken
    from the earlier run (already linked into `directory`)."""
    todo: list[tuple[Job, str]] = []
    taken: dict[str, Record] = {}
    for job in jobs:
        wanted = digest(job, code)
        record = earlier.take(job.name, wanted, directory / job.name)
        if record is None:
            todo.append((job, wanted))
        else:
            taken[job.name] = record
    return todo, taken
