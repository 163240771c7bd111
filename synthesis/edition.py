"""An unchanged edition: when nothing the documents depend on has changed, the night republishes them.

The documents of a run depend on the notes (their text, metadata and
rejections), their extractions, the summit, the language pair and poster size,
the translation memory, the QR code target and the code and data of this
package. `edition_key` hashes all of it. A run whose key equals the latest
run's republishes that run's documents as they are (hard links: runs are never
modified), with a report of its own, instead of rebuilding the synthesis and
rendering every document again. Their dates stay those of the edition: no note
was added or changed since.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

import synthesis
from synthesis.models import Note, Rejection, SummitConfig
from synthesis.output import write_atomically
from synthesis.publish import latest_run
from synthesis.store import fingerprint, source_fingerprint

EDITION_FILE = "edition.json"
OWN_FILES = frozenset({EDITION_FILE, "report.md", "report.json"})  # each run writes its own
PACKAGE = Path(synthesis.__file__).parent
PACKAGE_FILES = (".py", ".yaml", ".json", ".po", ".ttf", ".docx", ".html", ".css")


def edition_key(
    summit: SummitConfig,
    notes: Iterable[Note],
    rejected: Iterable[Rejection],
    extraction_keys: dict[str, str],
    *,
    settings: Mapping[str, object],
    translations_dir: Path,
) -> str:
    """Everything the synthesis and the documents are made from, as one hash."""
    memory = sorted(translations_dir.glob("*.po")) if translations_dir.is_dir() else []
    return fingerprint(
        "edition",
        source_fingerprint((PACKAGE,), PACKAGE_FILES),
        summit.model_dump_json(),
        json.dumps(settings, sort_keys=True, default=str),
        *(note.model_dump_json(exclude={"text", "paragraphs"}) + note.id for note in notes),
        *(f"{r.source}\0{r.reason}\0{r.message}" for r in rejected),
        json.dumps(extraction_keys, sort_keys=True),
        *(part for path in memory for part in (path.name, path.read_bytes())),
    )


def reusable_run(summit_outputs: Path, key: str) -> Path | None:
    """The latest run, if made from exactly this edition and it still has every document and its report."""
    run = latest_run(summit_outputs)
    if run is None:
        return None
    try:
        recorded = json.loads((run / EDITION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = recorded.get("files", []) if isinstance(recorded, dict) else []
    needed = [*files, "report.json"]
    if recorded.get("key") != key or not files or not all((run / name).exists() for name in needed):
        return None
    return run


def _link(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def republish(run: Path, staging: Path) -> list[Path]:
    """The run's documents (and its site/ folder) in the staging folder, hard-linked where possible."""
    written = []
    for source in sorted(run.iterdir()):
        if source.name in OWN_FILES or source.name.startswith(".") or source.is_symlink():
            continue
        target = staging / source.name
        if source.is_dir():
            shutil.copytree(source, target, copy_function=_link)
        elif source.is_file():
            _link(source, target)
        else:
            continue
        written.append(target)
    return written


def write_edition(staging: Path, key: str) -> None:
    """Record what the run's documents were made from (only a run whose documents all rendered)."""
    files = sorted(
        p.name for p in staging.iterdir() if (p.is_file() or p.is_dir()) and p.name not in OWN_FILES
    )
    write_atomically(staging / EDITION_FILE, json.dumps({"key": key, "files": files}, indent=1) + "\n")
