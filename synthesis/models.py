"""Typed records that every stage exchanges.

Every record is an immutable pydantic model with a stable ``id`` and a JSON
round trip (``model_dump_json`` / ``model_validate_json``). Ids are derived
from content, never from run order, so the same note gives the same ids on
every night and on every machine.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["en", "fr", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "fr", "de")
NoteFormat = Literal["txt", "md", "docx", "pdf", "odt"]
Slot = Literal["morning", "afternoon", "evening"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]


def content_id(*parts: str, length: int = 16) -> str:
    """A short, stable hex digest of the given strings."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return digest.hexdigest()[:length]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Session(Record):
    """When a note was taken: a summit day and, optionally, a slot of that day."""

    day: date
    slot: Slot | None = None

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.slot}" if self.slot else self.day.isoformat()


class NoteMeta(Record):
    """What the rapporteur says about a note (front matter, core properties or sidecar)."""

    title: str
    rapporteur: str
    workshop: str
    session: Session
    city: str | None = None  # the city the rapporteur or speaker represents, if any
    language: Language | None = None  # as declared; detection fills the gap


class Paragraph(Record):
    """A block of a note's text, by character offsets into ``Note.text``."""

    start: int
    end: int
    kind: BlockKind
    language: Language

    def text_in(self, note: Note) -> str:
        return note.text[self.start : self.end]


class Note(Record):
    """A rapporteur's note, read, normalised (NFC) and validated."""

    id: str = Field(description="content hash of the normalised text")
    source: str = Field(description="path relative to the summit folder")
    format: NoteFormat
    meta: NoteMeta
    text: str
    language: Language = Field(description="declared language, else detected")
    detected_language: Language
    paragraphs: tuple[Paragraph, ...]
    words: int
    warnings: tuple[str, ...] = ()

    @property
    def workshop(self) -> str:
        return self.meta.workshop

    def paragraph_id(self, paragraph: Paragraph) -> str:
        return f"{self.id}:{paragraph.start}-{paragraph.end}"


class RejectionReason(StrEnum):
    EMPTY = "empty_file"
    TOO_LARGE = "too_large"
    UNSUPPORTED_TYPE = "unsupported_type"
    WRONG_EXTENSION = "wrong_extension"
    CORRUPT = "corrupt_file"
    PROTECTED = "protected_file"
    ZIP_BOMB = "zip_bomb"
    SCANNED_PDF = "scanned_pdf"
    UNDECODABLE_TEXT = "undecodable_text"
    INVALID_METADATA = "invalid_metadata"
    UNKNOWN_WORKSHOP = "unknown_workshop"
    DUPLICATE = "duplicate"
    INTERNAL_ERROR = "internal_error"


class Rejection(Record):
    """A file the night's run could not use, and what the uploader should do about it.

    The file itself is never moved, modified or deleted.
    """

    source: str
    reason: RejectionReason
    message: str
    hint: str

    @property
    def id(self) -> str:
        return content_id(self.source, self.reason.value)


class WorkshopStats(Record):
    notes: int
    rapporteurs: int
    words: int
    languages: dict[str, int] = Field(description="notes per main language")


class WorkshopSynthesis(Record):
    """Everything the night produced for one workshop."""

    workshop: str
    note_ids: tuple[str, ...]
    stats: WorkshopStats

    @property
    def id(self) -> str:
        return self.workshop


class RunInfo(Record):
    summit_id: str
    run_date: date
    started_at: datetime
    finished_at: datetime
    software: dict[str, str] = Field(description="package name to version")


class SummitSynthesis(Record):
    """The night's output for a whole summit: what `synthesis.json` holds."""

    run: RunInfo
    notes: tuple[Note, ...]
    rejected: tuple[Rejection, ...]
    workshops: tuple[WorkshopSynthesis, ...]

    @property
    def id(self) -> str:
        return f"{self.run.summit_id}/{self.run.run_date.isoformat()}"
