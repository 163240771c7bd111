"""What the exhibition documents say, already in both languages, before any layout.

`build_exhibition` (in `build.py`) turns a stored `SummitSynthesis` into an
`Exhibition`; the PDF and DOCX renderers only lay it out. Every string a
renderer prints comes from here: fixed text from the gettext catalogs, free
text from the notes (verbatim) or the translation chain. Renderers hold no
wording of their own, so a new language pair needs no renderer change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
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
class SourceRef:
    """Where a reader finds a sentence: the note as its rapporteur titled it, not its file."""

    title: str  # the note's title, as the rapporteur wrote it
    rapporteur: str
    workshop: Pair
    paragraph: int | None  # 1-based, counting every block of the note (headings too); None: unknown


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
    # The stored deadline, ISO date, month or year ("2020-12-31", "2020-06", "2020"); None: none given.
    deadline_date: str | None = None
    reference: SourceRef | None = None  # what the register prints as the source; None: the file
    # The actor in each column's language: Montreal / Montréal, Participants / Participants.
    # `city` is the left column's, kept for sorting and the CSV; None only in hand-made content.
    actor: Pair | None = None
    # The sentence as written, with "original in German" labels, when its language is outside
    # the pair (the register prints it beside `text`); None: a column of `text` is verbatim.
    original: Pair | None = None


@dataclass(frozen=True, slots=True)
class QuoteItem:
    id: str
    text: Pair  # each column labelled: "original in French", "translated from French", machine
    attribution: str  # rapporteur and city of the note
    source: str
    original: Pair | None = None  # as for CommitmentItem: the words as written, outside the pair
    credit: Pair | None = None  # `attribution` with the city named in each column's language
    poster: bool | None = None  # an organiser's choice: always on the poster (True), never (False)


@dataclass(frozen=True, slots=True)
class PracticeItem:
    id: str
    city: str  # the left column's name; print `actor`
    initiative: str  # the initiative's own name, never translated
    text: Pair
    source: str
    actor: Pair | None = None  # the city in each column's language: Montreal / Montréal


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
    # Chosen for the poster by selection.py (rules in selection.yaml), in poster order; the
    # poster's commitments are `key_commitments`. Empty: the poster shows none.
    poster_quotes: tuple[QuoteItem, ...] = ()
    poster_practices: tuple[PracticeItem, ...] = ()
    headline: Pair | None = None  # the poster's headline figure: "17 commitments from 12 cities"
    chart_caption: Pair | None = None  # what the concept chart's numbers count
    booklet_pointer: Pair | None = None  # after each poster item: where the reader finds more


@dataclass(frozen=True, slots=True)
class CityRow:
    name: str  # the left column's name; print `names`
    workshops: Pair  # workshop names, comma-separated
    commitments: int
    practices: int
    names: Pair | None = None  # the city in each column's language: Genf / Geneva


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

    # The reusing city's name as given (`summit kit --city`); None: the Observatory presents.
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
    register: tuple[CommitmentItem, ...]  # every commitment, by deadline (none last) then city
    cities: tuple[CityRow, ...]
    shared_themes: tuple[Pair, ...]  # "youth — 4 workshops"
    method: tuple[Pair, ...]  # paragraphs of the method page; the last: technical details
    method_facts: tuple[Fact, ...]
    author: str  # PDF/DOCX metadata: who presents, in both languages, in one line
    keywords: tuple[str, ...] = field(default=())
    # When the synthesis was made (file metadata): the documents never read the clock themselves.
    made_at: datetime | None = None
    # The Observatory, in each column's language: named on every document, a city's kit too.
    organiser: Pair | None = None
    # A city reusing the exhibition (Köln / Cologne), named beside the organiser; None: none.
    presenter: Pair | None = None

    def document_title(self, suffix: str = "") -> str:
        """One-line title for file metadata: both languages, joined."""
        title = f"{self.title.left.text} / {self.title.right.text}"
        return f"{title} — {suffix}" if suffix else title
