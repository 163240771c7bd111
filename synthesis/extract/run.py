"""Run extraction over notes, or over plain records (`summit extract`).

A note may switch language for a paragraph (a quoted German mayor in a French
note); each run of paragraphs in one language goes through that language's
pipeline, and offsets are shifted back into the note's text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from typing import Protocol, TypeVar

from spacy.tokens import Doc

from synthesis.extract import records
from synthesis.extract.pipeline import Pipelines
from synthesis.extract.tables import table_commitments
from synthesis.ingest.language import classify
from synthesis.models import (
    BestPractice,
    Commitment,
    Language,
    Mention,
    Note,
    NoteExtraction,
    Recommendation,
    Sentence,
)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_WithId = TypeVar("_WithId", bound=_HasId)


@dataclass(frozen=True, slots=True)
class Segment:
    language: Language
    start: int
    end: int


# A segment is one spaCy Doc: far under spaCy's max_length (1,000,000 characters), and small
# enough that one parse never holds much memory (measured: a 900 kB note peaks at 544 MB in
# 20,000-character segments, 793 MB in 100,000). Ingestion already cuts paragraphs to 20,000.
MAX_SEGMENT_CHARS = 20_000


def segments(note: Note) -> list[Segment]:
    """Runs of consecutive paragraphs in the same language, cut between paragraphs when long."""
    found = []
    for language, group in groupby(note.paragraphs, key=lambda p: p.language):
        start = end = -1
        for paragraph in group:
            if start >= 0 and paragraph.end - start > MAX_SEGMENT_CHARS:
                found.append(Segment(language, start, end))
                start = -1
            start = paragraph.start if start < 0 else start
            end = paragraph.end
        found.append(Segment(language, start, end))
    return found or [Segment(note.language, 0, len(note.text))]


def _process(pipelines: Pipelines, language: Language, doc: Doc) -> Doc:
    nlp = pipelines.get(language)
    with pipelines.lock(language):
        return nlp(doc)


def _make_doc(
    pipelines: Pipelines,
    language: Language,
    text: str,
    session: date | None,
    city: str | None,
    reference: date | None = None,
) -> Doc:
    doc = pipelines.get(language).make_doc(text)
    doc._.session_date = session
    doc._.reference_date = reference
    doc._.speaker_city = city
    return doc


@dataclass
class _Collected:
    sentences: list[Sentence] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    practices: list[BestPractice] = field(default_factory=list)
    concepts: list[Mention] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    keyphrases: list[tuple[str, str]] = field(default_factory=list)

    def extraction(self, note_id: str, models: dict[str, str]) -> NoteExtraction:
        return NoteExtraction(
            note_id=note_id,
            models=models,
            sentences=tuple(self.sentences),
            commitments=_unique(sorted(self.commitments, key=lambda c: c.source.start)),
            recommendations=_unique(self.recommendations),
            best_practices=_unique(self.practices),
            concepts=tuple(self.concepts),
            entities=tuple(self.entities),
            keyphrases=tuple(self.keyphrases),
        )


def _collect(
    doc: Doc,
    into: _Collected,
    *,
    note_id: str,
    language: Language,
    offset: int,
    sentences: bool = True,
) -> None:
    if sentences:
        into.sentences += records.sentences(doc, note_id=note_id, language=language, offset=offset)
    into.commitments += [
        records.commitment_record(m, note_id=note_id, language=language, offset=offset)
        for m in doc._.commitments
    ]
    into.recommendations += [
        records.recommendation_record(m, note_id=note_id, language=language, offset=offset)
        for m in doc._.recommendations
    ]
    into.practices += [
        records.practice_record(m, note_id=note_id, language=language, offset=offset)
        for m in doc._.best_practices
    ]
    into.concepts += records.mentions(doc._.concepts, offset, use_kb_id=False)
    into.entities += records.mentions(doc._.places, offset, use_kb_id=True)
    into.keyphrases += doc._.keyphrases


def _unique(items: Sequence[_WithId]) -> tuple[_WithId, ...]:
    """First of each id, in text order: a pledge said twice in one note counts once."""
    seen: dict[str, _WithId] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return tuple(seen.values())


def extract_note(note: Note, pipelines: Pipelines) -> NoteExtraction:
    collected = _Collected()
    used: set[Language] = set()
    for segment in segments(note):
        text = note.text[segment.start : segment.end]
        doc = _make_doc(pipelines, segment.language, text, note.meta.session.day, note.meta.city)
        doc = _process(pipelines, segment.language, doc)
        _collect(doc, collected, note_id=note.id, language=segment.language, offset=segment.start)
        used.add(segment.language)
    from_tables = table_commitments(note, language=note.language, session=note.meta.session.day)
    if from_tables:
        # A commitment table's rows are read by column; the sentence rules would read them again.
        rows = [(p.start, p.end) for p in note.paragraphs if p.kind == "table_row"]
        collected.commitments = [
            c for c in collected.commitments if not any(s <= c.source.start < e for s, e in rows)
        ] + from_tables
    versions = pipelines.versions()
    return collected.extraction(note.id, {language: versions[language] for language in sorted(used)})


@dataclass(frozen=True, slots=True)
class TextRecord:
    """One input of `summit extract`: an id, a text, and what is known about it."""

    id: str
    text: str
    language: Language | None = None
    session_date: date | None = None
    speaker_city: str | None = None


def extract_texts(
    items: Iterable[TextRecord],
    pipelines: Pipelines,
    *,
    batch_size: int = 32,
    sentences: bool = False,
    today: date | None = None,
) -> Iterator[tuple[TextRecord, Language, NoteExtraction]]:
    """Extraction for many texts in one process: each model loads once, `nlp.pipe` in batches.

    A text without a session date has its relative deadlines counted from `today`, which
    the caller gives (the library never reads the clock); without it, none is read.

    Results come back in input order. Sentence records (with their concept tags)
    are only built when asked for: `summit extract` does not print them.
    """
    pending = list(items)
    languages: list[Language] = [item.language or classify(item.text)[0] for item in pending]
    results: dict[int, NoteExtraction] = {}
    for language in dict.fromkeys(languages):
        indices = [i for i, lang in enumerate(languages) if lang == language]
        docs = (
            _make_doc(
                pipelines,
                language,
                pending[i].text,
                pending[i].session_date,
                pending[i].speaker_city,
                today,
            )
            for i in indices
        )
        nlp = pipelines.get(language)
        with pipelines.lock(language):
            for index, doc in zip(indices, nlp.pipe(docs, batch_size=batch_size), strict=True):
                collected = _Collected()
                _collect(
                    doc,
                    collected,
                    note_id=pending[index].id,
                    language=language,
                    offset=0,
                    sentences=sentences,
                )
                results[index] = collected.extraction(
                    pending[index].id, {language: pipelines.versions()[language]}
                )
    for index, item in enumerate(pending):
        yield item, languages[index], results[index]
