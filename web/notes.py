"""What the web does with notes, for the pages and the API alike: take uploads, list notes with status.

Every upload goes through `synthesis.uploads`: a safe name, a content check, the
very ingestion the night uses, and only then a rename into `notes/<workshop>/`.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from synthesis.ingest import IngestLimits
from synthesis.ingest.metadata import SIDECAR_SUFFIX, read_sidecar
from synthesis.models import Note, Rejection, SummitConfig, SummitSynthesis
from synthesis.publish import latest_run, previous_synthesis
from synthesis.report import read_report
from synthesis.uploads import (
    ALLOWED_SUFFIXES,
    UPLOADS_DIR,
    Placed,
    UploadError,
    UploadFields,
    check_content,
    check_with_ingestion,
    place_upload,
    safe_name,
    validate_fields,
)
from web.config import WebConfig
from web.forms import UploadedFile


@dataclass(frozen=True)
class Outcome:
    """One uploaded file: accepted (placed) or refused, with what to tell the rapporteur."""

    filename: str
    accepted: bool
    reason: str = ""  # a RejectionReason or an UploadError reason when refused
    message: str = ""
    hint: str = ""
    placed: Placed | None = None
    language: str = ""
    words: int = 0

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"file": self.filename, "accepted": self.accepted}
        if self.accepted and self.placed:
            placed = self.placed
            data |= {"id": placed.path.as_posix(), "status": placed.status, "sha256": placed.sha256}
            data |= {"language": self.language, "words": self.words}
        else:
            data |= {"reason": self.reason, "message": self.message, "hint": self.hint}
        return data


def temp_dir(config: WebConfig, summit_id: str) -> Path:
    return config.summit_dir(summit_id) / UPLOADS_DIR


def pasted_file(config: WebConfig, summit_id: str, title: str, text: str) -> UploadedFile:
    """Pasted text becomes a Markdown file named after its title."""
    folder = temp_dir(config, summit_id)
    folder.mkdir(parents=True, exist_ok=True)
    slug = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", slug).strip("-")[:60] or "note"
    with tempfile.NamedTemporaryFile(dir=folder, prefix="upload-", suffix=".part", delete=False) as handle:
        handle.write(text.encode("utf-8"))
    path = Path(handle.name)
    return UploadedFile("text", f"{slug}.md", path, path.stat().st_size)


def accept_upload(
    config: WebConfig, summit: SummitConfig, fields: UploadFields, upload: UploadedFile,
    *, replace: bool, now: datetime,
) -> Outcome:  # fmt: skip
    """Check one uploaded file and place it, or say why not; the temporary file is always gone after."""
    summit_dir = config.summit_dir(summit.id)
    try:
        name = safe_name(upload.filename)
        check_content(upload.path, name)
        validate_fields(fields, summit)
        limits = IngestLimits(max_file_bytes=config.max_file_bytes)
        result = check_with_ingestion(upload.path, name, fields, summit_dir, summit, limits)
        if isinstance(result, Rejection):
            return Outcome(upload.filename, False, str(result.reason), result.message, result.hint)
        placed = place_upload(summit_dir, fields, name, upload.path, replace=replace, now=now)
        return Outcome(upload.filename, True, placed=placed, language=result.language, words=result.words)
    except UploadError as error:
        return Outcome(upload.filename, False, error.reason, str(error), error.hint)
    finally:
        upload.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class NoteRow:
    path: str  # relative to the summit folder: notes/<workshop>/<name>
    workshop: str
    name: str
    title: str
    rapporteur: str
    session: str
    language: str
    words: int
    status: str  # "read", "rejected" or "new" (since the last run)
    reason: str = ""
    message: str = ""
    commitments: int = 0
    uploaded: datetime | None = None


@lru_cache(maxsize=8)
def _synthesis_of(run_folder: Path, mtime: float) -> SummitSynthesis | None:
    del mtime  # part of the cache key only: a rewritten run is read again
    return previous_synthesis(run_folder.parent)


def latest_synthesis(config: WebConfig, summit_id: str) -> SummitSynthesis | None:
    folder = latest_run(config.summit_outputs(summit_id))
    if folder is None:
        return None
    try:
        mtime = (folder / "synthesis.json").stat().st_mtime
    except OSError:
        return None
    return _synthesis_of(folder, mtime)


def list_notes(
    config: WebConfig, summit: SummitConfig, workshops: tuple[str, ...] | None = None
) -> list[NoteRow]:
    """The summit's notes (in `workshops`, or all), each with its status after the last run."""
    summit_dir = config.summit_dir(summit.id)
    synthesis = latest_synthesis(config, summit.id)
    folder = latest_run(config.summit_outputs(summit.id))
    report = read_report(folder) if folder else None
    notes: dict[str, Note] = {n.source: n for n in synthesis.notes} if synthesis else {}
    rejected = {r.source: r for r in (report.rejected if report else ())}
    commitments = {e.note_id: len(e.commitments) for e in synthesis.extractions} if synthesis else {}
    run_started = synthesis.run.started_at.timestamp() if synthesis else 0.0
    rows = []
    for workshop in summit.workshops:
        if workshops is not None and workshop.id not in workshops:
            continue
        notes_dir = summit_dir / "notes" / workshop.id
        if not notes_dir.is_dir():
            continue
        for path in sorted(notes_dir.iterdir()):
            if path.name.endswith(SIDECAR_SUFFIX) or path.name.startswith(".") or not path.is_file():
                continue
            if path.suffix.lower() not in ALLOWED_SUFFIXES:
                continue
            rows.append(_row(path, summit_dir, notes, rejected, commitments, run_started))
    return rows


def _row(
    path: Path, summit_dir: Path, notes: dict[str, Note], rejected: dict[str, Rejection],
    commitments: dict[str, int], run_started: float,
) -> NoteRow:  # fmt: skip
    source = path.relative_to(summit_dir).as_posix()
    try:
        side = read_sidecar(path)
    except Exception:  # a broken sidecar is the night's to report; the list still shows the file
        side = {}
    modified = path.stat().st_mtime
    note, rejection = notes.get(source), rejected.get(source)
    row = NoteRow(
        path=source,
        workshop=path.parent.name,
        name=path.name,
        title=str(side.get("title") or (note.meta.title if note else path.stem)),
        rapporteur=str(side.get("rapporteur") or (note.meta.rapporteur if note else "")),
        session=str(side.get("session") or (note.meta.session if note else "")),
        language=str(side.get("language") or ""),
        words=0,
        status="new",
        uploaded=datetime.fromtimestamp(modified).astimezone(),
    )
    if modified > run_started or (note is None and rejection is None):
        return row
    if note is not None:
        return replace(row, language=note.language, words=note.words, status="read",
                       commitments=commitments.get(note.id, 0))  # fmt: skip
    assert rejection is not None
    return replace(row, status="rejected", reason=str(rejection.reason), message=rejection.message)
