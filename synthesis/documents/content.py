"""What the exhibition documents say, already in both languages, before any layout.

`build_exhibition` (in `build.py`) turns a stored `SummitSynthesis` into an
`Exhibition`; the PDF and DOCX renderers only lay it out. Every string a
renderer prints comes from here: fixed text from the gettext catalogs, free
text from the notes (verbatim) or the translation chain. Renderers hold no
wording of their own, so a new language pair needs no renderer change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from synthesis.models import Language


@dataclass(frozen=True, slots=True)
class Text:
    """One string in one language, as the reader sees it."""

    text: str
    language: Language
    # Shown beside the text, already localised: "original: FR", "machine translation (argos)".
    marker: str | None = None
    # Words from a note, printed as written: renderers quote them and must escape them.
    verbatim: bool = False


@dataclass(frozen=True, slots=True)
class Pair:
    """The same content in the two languages of the exhibition: left column, right column."""

    left: Text
    right: Text


@dataclass(frozen=True, slots=True)
class ConceptBar:
    """One bar of a workshop's concept chart."""

    label: Pair
    count: int


@dataclass(frozen=True, slots=True)
class CommitmentItem:
    id: str
    city: str  # the actor's display name, as in the gazetteer, or the words of the note
    deadline: Pair  # localised: "31 December 2020" / "31 décembre 2020", or "no deadline given"
    text: Pair  # the sentence of the note, and its translation
    workshop: Pair
    source: str  # the note's file, relative to the summit folder
    strength: Pair  # "firm commitment" / "engagement ferme"
    also_reported: int = 0  # how many other notes report the same pledge


@dataclass(frozen=True, slots=True)
class QuoteItem:
    id: str
    text: Pair
    attribution: str  # rapporteur and city of the note
    source: str


@dataclass(frozen=True, slots=True)
class PracticeItem:
    id: str
    city: str
    initiative: str  # the initiative's own name, never translated
    text: Pair
    source: str


@dataclass(frozen=True, slots=True)
class Fact:
    """A labelled figure: "Notes" / "Notes" → "5"."""

    label: Pair
    value: Pair


@dataclass(frozen=True, slots=True)
class WorkshopContent:
    id: str
    name: Pair
    scope: Pair
    facts: tuple[Fact, ...]  # notes, rapporteurs, words, languages
    concepts: tuple[ConceptBar, ...]  # ranked, most mentioned first
    commitments: tuple[CommitmentItem, ...]  # all of them, for the booklet
    key_commitments: tuple[CommitmentItem, ...]  # 3–6 for the poster (fewer if fewer were made)
    recommendations: tuple[Pair, ...]
    practices: tuple[PracticeItem, ...]
    quotes: tuple[QuoteItem, ...]  # 2–4 for the booklet; posters show the first 3
    url: str | None  # what the poster's QR code opens


@dataclass(frozen=True, slots=True)
class CityRow:
    name: str
    workshops: Pair  # workshop names, comma-separated
    commitments: int
    practices: int


@dataclass(frozen=True, slots=True)
class Headings:
    """Every fixed heading and label the documents print, in both languages."""

    contents: Pair
    workshops: Pair
    commitments: Pair
    key_commitments: Pair
    recommendations: Pair
    practices: Pair
    quotes: Pair
    concepts: Pair
    figures: Pair
    register: Pair
    cities: Pair
    shared_themes: Pair
    method: Pair
    city: Pair
    commitment: Pair
    deadline: Pair
    workshop: Pair
    source: Pair
    mentions: Pair
    none: Pair  # "None recorded yet."
    scan: Pair  # caption under the QR code
    page: Pair


@dataclass(frozen=True, slots=True)
class Branding:
    """Who presents the exhibition; a city reusing it sets its own (see `summit kit`)."""

    # The reusing city's name; None: the Observatory, named in the left column's language.
    presenter: str | None = None
    logo: Path | None = None  # PNG or JPEG
    accent: str = "#1F5C99"  # hex colour for headings, bars and rules
    url: str | None = None  # QR target; "{workshop}" is replaced by the workshop id


@dataclass(frozen=True, slots=True)
class Exhibition:
    summit_id: str
    languages: tuple[Language, Language]
    title: Pair  # the summit's name
    subtitle: Pair  # host city and dates, localised
    edition: Pair  # "Synthesis of the notes uploaded by 21 November 2026"
    branding: Branding
    headings: Headings
    workshops: tuple[WorkshopContent, ...]
    register: tuple[CommitmentItem, ...]  # every commitment, ordered by city then deadline
    cities: tuple[CityRow, ...]
    shared_themes: tuple[Pair, ...]  # "youth — 4 workshops"
    method: tuple[Pair, ...]  # paragraphs of the method page
    method_facts: tuple[Fact, ...]
    author: str  # PDF/DOCX metadata
    keywords: tuple[str, ...] = field(default=())

    def document_title(self, suffix: str = "") -> str:
        """One-line title for file metadata: both languages, joined."""
        title = f"{self.title.left.text} / {self.title.right.text}"
        return f"{title} — {suffix}" if suffix else title
