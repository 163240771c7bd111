"""Typed records that every stage exchanges.

Every record is an immutable pydantic model with a stable ``id`` and a JSON
round trip (``model_dump_json`` / ``model_validate_json``). Ids are derived
from content, never from run order, so the same note gives the same ids on
every night and on every machine.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Language = Literal["en", "fr", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "fr", "de")
NoteFormat = Literal["txt", "md", "docx", "pdf", "odt"]
Slot = Literal["morning", "afternoon", "evening"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
PrintRule = Literal["all", "approved"]


def content_id(*parts: str, length: int = 16) -> str:
    """A short, stable hex digest of the given strings."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return digest.hexdigest()[:length]


# --- The summit, as described in inputs/<summit-id>/summit.yaml ---------------------


class Localised(BaseModel):
    """One text in each of the three languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)
    de: str = Field(min_length=1)

    def __getitem__(self, language: Language) -> str:
        return str(getattr(self, language))


class Workshop(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: Localised
    scope: Localised


class Schedule(BaseModel):
    """When the night runs, in the summit's own time zone (`summit serve` registers it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    cron: str = Field("30 1 * * *", pattern=r"^\S+( \S+){4}$", description="minute hour day month weekday")
    timezone: str = "Europe/Berlin"
    active: bool = True


SUMMIT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"  # names folders under inputs/ and outputs/


class SummitConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=SUMMIT_ID_PATTERN)
    name: Localised
    host_city: str
    start: date
    end: date
    languages: tuple[Language, Language] = ("en", "fr")
    workshops: tuple[Workshop, ...] = Field(min_length=1)
    # Where the synthesis is published; the posters' QR codes open it. "{workshop}" becomes the workshop id.
    url: str | None = Field(None, pattern=r"^https?://")
    schedule: Schedule = Schedule()
    # Which items the documents print: "all", unreviewed ones marked; or only "approved" ones.
    print: PrintRule = "all"
    # Whether `summit web` serves the citizens' pages of the latest run at /s/<id>/.
    public: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> SummitConfig:
        if self.end < self.start:
            raise ValueError("end is before start")
        if self.languages[0] == self.languages[1]:
            raise ValueError("languages must be two different languages")
        ids = [w.id for w in self.workshops]
        if len(set(ids)) != len(ids):
            raise ValueError(f"workshop ids are not unique: {ids}")
        return self

    @property
    def days(self) -> tuple[date, ...]:
        count = (self.end - self.start).days + 1
        return tuple(self.start + timedelta(days=i) for i in range(count))

    @property
    def workshop_ids(self) -> tuple[str, ...]:
        return tuple(w.id for w in self.workshops)

    def workshop(self, workshop_id: str) -> Workshop:
        for workshop in self.workshops:
            if workshop.id == workshop_id:
                return workshop
        raise KeyError(workshop_id)


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
    cells: tuple[tuple[int, int], ...] = ()  # a table row's cells, by offsets into ``Note.text``

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
    SYMLINK = "symlink"
    NOT_A_FILE = "not_a_file"
    INVALID_NAME = "invalid_name"
    TOO_LARGE_CONTENT = "too_large_content"
    READER_TIMEOUT = "reader_timeout"
    UNSUPPORTED_LANGUAGE = "unsupported_language"
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


Strength = Literal["firm", "planned", "proposed"]
# An organiser's review of an item; None on an item: the synthesis was not curated.
Review = Literal["unreviewed", "approved", "rejected"]
ActorKind = Literal["city", "organisation", "collective", "first_person", "unresolved"]


class SourceSpan(Record):
    """Where a fact was said: a stretch of a note's text, quoted verbatim."""

    note_id: str
    start: int
    end: int
    quote: str


class Actor(Record):
    """Who commits or presents: a canonical id when known, else the words of the note."""

    text: str = Field(description="as written in the note")
    id: str | None = Field(description="canonical city or organisation id, or 'participants'")
    kind: ActorKind

    @property
    def resolved(self) -> bool:
        return self.id is not None

    @property
    def key(self) -> str:
        return self.id or self.text.casefold()


class Commitment(Record):
    """Who commits to what, by when, quoted from which note."""

    id: str
    actor: Actor
    action: str = Field(description="the main verb")
    object: str
    deadline: str | None = Field(description="ISO date, month (YYYY-MM) or year (YYYY)")
    deadline_text: str | None = None
    strength: Strength
    language: Language
    source: SourceSpan
    also_reported: tuple[SourceSpan, ...] = Field(
        default=(), description="the same pledge in other notes (merged into this one)"
    )
    wording: str | None = Field(None, description="an organiser's wording, printed instead of the quote")
    review: Review | None = None

    @property
    def text(self) -> str:
        """What the documents print: the organiser's wording, else the note's sentence."""
        return self.wording or self.source.quote


class Recommendation(Record):
    """A wish or piece of advice ("cities should ..."): never a commitment."""

    id: str
    actor: Actor | None
    language: Language
    source: SourceSpan


class BestPractice(Record):
    """An initiative a city presented or runs."""

    id: str
    city: Actor
    initiative: str
    language: Language
    source: SourceSpan = Field(description="the sentence that describes it")
    wording: str | None = Field(None, description="an organiser's wording, printed instead of the quote")
    review: Review | None = None

    @property
    def text(self) -> str:
        return self.wording or self.source.quote


class Mention(Record):
    """A gazetteer place or a vocabulary concept, by offsets into the note's text."""

    id: str
    label: str
    start: int
    end: int
    text: str


class Sentence(Record):
    id: str
    note_id: str
    start: int
    end: int
    language: Language
    concepts: tuple[str, ...] = ()


class NoteExtraction(Record):
    """What extraction found in one note, with the models that found it."""

    note_id: str
    models: dict[str, str] = Field(description="language to model name and version")
    sentences: tuple[Sentence, ...]
    commitments: tuple[Commitment, ...]
    recommendations: tuple[Recommendation, ...]
    best_practices: tuple[BestPractice, ...]
    concepts: tuple[Mention, ...]
    entities: tuple[Mention, ...]
    keyphrases: tuple[tuple[str, str], ...] = Field(
        description="noun phrases as (lemmas, as written), for ranking across workshops"
    )

    @property
    def id(self) -> str:
        return self.note_id


class Theme(Record):
    """A concept of the vocabulary as discussed in a workshop."""

    concept: str
    broader: str | None
    labels: dict[str, str]
    mentions: int
    notes: int

    @property
    def id(self) -> str:
        return self.concept


class Keyphrase(Record):
    phrase: str
    score: float
    count: int
    concept: str | None


class Quote(Record):
    """A sentence that stands for a workshop's discussion, verbatim from its note."""

    id: str
    text: str
    language: Language
    source: SourceSpan
    score: float = Field(description="centrality in the workshop's notes, 0 to 1")
    review: Review | None = None
    poster: bool | None = Field(None, description="an organiser's choice: always (True) or never (False)")


class SharedTheme(Record):
    """A concept raised in several workshops."""

    concept: str
    labels: dict[str, str]
    workshops: tuple[str, ...]
    mentions: int

    @property
    def id(self) -> str:
        return self.concept


class CityEntry(Record):
    """What one city committed to and presented, across the workshops."""

    id: str
    name: str
    country: str | None
    workshops: tuple[str, ...]
    commitments: tuple[str, ...] = Field(description="commitment ids")
    best_practices: tuple[str, ...] = Field(description="best practice ids")


class Changes(Record):
    """Commitments added and removed since the previous run, by stable id."""

    previous_run: date | None
    added: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"since-{self.previous_run.isoformat() if self.previous_run else 'start'}"


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
    commitments: tuple[Commitment, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    best_practices: tuple[BestPractice, ...] = ()
    themes: tuple[Theme, ...] = ()
    keyphrases: tuple[Keyphrase, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def id(self) -> str:
        return self.workshop


class RunInfo(Record):
    summit_id: str
    run_date: date
    started_at: datetime
    finished_at: datetime
    software: dict[str, str] = Field(description="package name to version")
    models: dict[str, str] = Field(default_factory=dict, description="language to spaCy model")


class SummitSynthesis(Record):
    """The night's output for a whole summit: what `synthesis.json` holds."""

    run: RunInfo
    notes: tuple[Note, ...]
    rejected: tuple[Rejection, ...]
    workshops: tuple[WorkshopSynthesis, ...]
    extractions: tuple[NoteExtraction, ...] = ()
    extraction_errors: dict[str, str] = Field(
        default_factory=dict, description="note id to the error that stopped its extraction"
    )
    shared_themes: tuple[SharedTheme, ...] = ()
    cities: tuple[CityEntry, ...] = ()
    changes: Changes | None = None
    # The summit.yaml of the run, so documents can be re-rendered from this file alone.
    summit: SummitConfig | None = None

    @property
    def id(self) -> str:
        return f"{self.run.summit_id}/{self.run.run_date.isoformat()}"


# --- Curation: organisers' decisions about extracted items (inputs/<summit>/curation.yaml) ---

ItemKind = Literal["commitment", "practice", "quote"]


class ItemEdits(Record):
    """What an organiser changed in an item; None keeps what the night extracted."""

    actor: str | None = Field(None, description="a gazetteer id, else the name as the organiser typed it")
    wording: str | None = None
    deadline: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    strength: Strength | None = None
    workshop: str | None = None


class ItemAnchor(Record):
    """What lets a decision find its item again when a typo fix or a rule change alters its id."""

    note: str = Field(description="the note's file, relative to the summit folder")
    actor: str = Field(description="the actor's key as extracted; empty for quotes")
    sentence: str


class Decision(Record):
    """One organiser's decision about one item, with who made it and when."""

    kind: ItemKind
    item_id: str
    anchor: ItemAnchor
    review: Review = "unreviewed"
    edits: ItemEdits = ItemEdits()
    merged_into: str | None = Field(None, description="the id of the item this one repeats")
    poster: bool | None = Field(None, description="quotes: always on the poster (True) or never (False)")
    by: str
    at: datetime

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.item_id}"


class Curation(Record):
    """Every decision of a summit: what `curation.yaml` holds and the web's database mirrors."""

    decisions: tuple[Decision, ...] = ()
