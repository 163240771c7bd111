"""The translation desk: what the documents still print untranslated, and saving what translators type.

After a night, a sentence of the notes that no translation memory entry covers is printed as
written ("original: FR"). `desk_queue` lists those gaps in the order a visitor meets them:
what the posters show first, then the booklet, then the register. `save_translation` adds a
translator's text to `translations/<target>.po`, the memory the next run reads.

Pure functions over a stored synthesis and the memory: no clock, no environment. Saving lives
with the memory's other file handling, in `synthesis.translate.memory`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import Exhibition
from synthesis.documents.errors import DocumentError
from synthesis.documents.names import named_as_written
from synthesis.documents.translation import TranslatedTexts, wanted_translations
from synthesis.models import Language, Note, SourceSpan, SummitSynthesis, content_id
from synthesis.translate.base import Segment, Translation
from synthesis.translate.memory import TranslationMemory

Place = Literal["poster", "booklet", "register"]
Kind = Literal["commitment", "actor", "recommendation", "practice", "quote"]


@dataclass(frozen=True, slots=True)
class DeskSegment:
    """One sentence (or an actor named with the note's words) that a document prints untranslated."""

    key: str  # content_id(source, target, text): stable across runs and machines
    segment: Segment
    place: Place  # where a reader first meets it
    workshop: str  # the workshop id
    context: str  # the paragraph of the note it comes from; "" when unknown
    note_title: str  # "" when the note is unknown
    suggestion: str | None = None  # a machine's proposal, filled in by whoever shows the queue
    kind: Kind = "commitment"
    highlight: tuple[int, int] | None = None  # where the text is in `context`; None: not found

    def context_parts(self) -> tuple[str, str, str]:
        """The context split around the text: (before, the text, after); all in `before` if not found."""
        if self.highlight is None:
            return self.context, "", ""
        start, end = self.highlight
        return self.context[:start], self.context[start:end], self.context[end:]


@dataclass(frozen=True, slots=True)
class _Source:
    """A free text as a document shows it, before it is matched against the missing translations."""

    place: Place
    workshop: str
    kind: Kind
    text: str
    language: Language
    span: SourceSpan


def segment_key(segment: Segment) -> str:
    return content_id(segment.source, segment.target, segment.text)


def _booklet(synthesis: SummitSynthesis, workshops: Sequence[str]) -> Iterator[_Source]:
    """The booklet's free texts, workshop by workshop, in the order `free_texts` reads them."""
    by_id = {w.workshop: w for w in synthesis.workshops}
    for workshop_id in workshops:
        ws = by_id[workshop_id]
        for c in ws.commitments:
            yield _Source("booklet", ws.workshop, "commitment", c.text, c.language, c.source)
            if named_as_written(c.actor):
                yield _Source("booklet", ws.workshop, "actor", c.actor.text, c.language, c.source)
        for r in ws.recommendations:
            yield _Source("booklet", ws.workshop, "recommendation", r.source.quote, r.language, r.source)
        for p in ws.best_practices:
            yield _Source("booklet", ws.workshop, "practice", p.text, p.language, p.source)
        for q in ws.quotes:
            yield _Source("booklet", ws.workshop, "quote", q.text, q.language, q.source)


def _posters(synthesis: SummitSynthesis, exhibition: Exhibition) -> Iterator[_Source]:
    """What each workshop's poster shows: its key commitments, then its quotes, then its practices."""
    by_id = {w.workshop: w for w in synthesis.workshops}
    for content in exhibition.workshops:
        ws = by_id.get(content.id)
        if ws is None:
            continue
        commitments = {c.id: c for c in ws.commitments}
        quotes = {q.id: q for q in ws.quotes}
        practices = {p.id: p for p in ws.best_practices}
        for item in content.key_commitments:
            if (c := commitments.get(item.id)) is not None:
                yield _Source("poster", ws.workshop, "commitment", c.text, c.language, c.source)
                if named_as_written(c.actor):
                    yield _Source("poster", ws.workshop, "actor", c.actor.text, c.language, c.source)
        for quote in content.poster_quotes:
            if (q := quotes.get(quote.id)) is not None:
                yield _Source("poster", ws.workshop, "quote", q.text, q.language, q.source)
        for practice in content.poster_practices:
            if (p := practices.get(practice.id)) is not None:
                yield _Source("poster", ws.workshop, "practice", p.text, p.language, p.source)


def _register(synthesis: SummitSynthesis, exhibition: Exhibition) -> Iterator[_Source]:
    """The register's commitments, by deadline: the same sentences as the booklet's, in its order."""
    found = {c.id: (ws.workshop, c) for ws in synthesis.workshops for c in ws.commitments}
    for item in exhibition.register:
        if item.id not in found:
            continue
        workshop, c = found[item.id]
        yield _Source("register", workshop, "commitment", c.text, c.language, c.source)
        if named_as_written(c.actor):
            yield _Source("register", workshop, "actor", c.actor.text, c.language, c.source)


def _shown_workshops(synthesis: SummitSynthesis) -> list[str]:
    """The workshops the documents show, in the summit's order (`build_exhibition` drops the rest)."""
    if synthesis.summit is None:
        return [w.workshop for w in synthesis.workshops]
    order = synthesis.summit.workshop_ids
    shown = [w.workshop for w in synthesis.workshops if w.workshop in order]
    return sorted(shown, key=order.index)


def _missing(
    synthesis: SummitSynthesis, languages: tuple[Language, Language], memory: TranslationMemory
) -> tuple[set[tuple[str, Language, Language]], dict[tuple[str, Language, Language], str]]:
    """The wanted translations the memory lacks, and those it has."""
    wanted = wanted_translations(synthesis, languages)
    found = memory.translate([Segment(text, source, target) for text, source, target in wanted])
    missing = {w for w, text in zip(wanted, found, strict=True) if not text}
    have = {w: text for w, text in zip(wanted, found, strict=True) if text}
    return missing, have


def _memory_texts(have: Mapping[tuple[str, Language, Language], str]) -> TranslatedTexts:
    """The translations a run would take from the memory, so the posters choose as the run will."""
    return TranslatedTexts(
        found={key: Translation(Segment(*key), text, "memory", "memory") for key, text in have.items()}
    )


def _context(note: Note | None, span: SourceSpan, text: str) -> tuple[str, tuple[int, int] | None]:
    """The paragraph(s) of `note` holding `span`, and where `text` is in them."""
    if note is None or not note.text or not note.paragraphs:
        return "", None
    first = last = None
    for paragraph in note.paragraphs:
        if paragraph.start <= span.start:
            first = paragraph  # offsets between two blocks belong to the block before
        if paragraph.start < max(span.end, span.start + 1):
            last = paragraph
    if first is None or last is None:
        return "", None
    start, end = first.start, max(first.end, last.end)
    context = note.text[start:end]
    inside = (span.start - start, span.end - start)
    if context[inside[0] : inside[1]] == text:
        return context, inside
    where = context.find(text, max(inside[0], 0))  # an actor inside its sentence
    if where < 0:
        where = context.find(text)
    # Not found: an organiser's wording; the sentence it stands for is highlighted instead.
    return context, ((where, where + len(text)) if where >= 0 else inside)


def desk_queue(
    synthesis: SummitSynthesis,
    *,
    languages: tuple[Language, Language],
    memory: TranslationMemory,
    exhibition: Exhibition | None = None,
) -> list[DeskSegment]:
    """Every text a document prints untranslated in `languages` (the exhibition's pair), once,
    in the order a visitor meets it: the posters' (workshop by workshop: key commitments, quotes,
    practices), the booklet's, then the register's.

    `exhibition` is what `build_exhibition` made of `synthesis`; None builds it with the memory's
    translations, as the next run will. A synthesis without its summit has no posters here.
    """
    missing, have = _missing(synthesis, languages, memory)
    if not missing:
        return []
    if exhibition is None:
        try:
            exhibition = build_exhibition(synthesis, languages=languages, texts=_memory_texts(have))
        except DocumentError:
            exhibition = None  # written by an older version: the booklet's order still holds
    sources: list[_Source] = []
    if exhibition is not None:
        sources += _posters(synthesis, exhibition)
    sources += _booklet(synthesis, _shown_workshops(synthesis))
    if exhibition is not None:
        sources += _register(synthesis, exhibition)
    notes = {note.id: note for note in synthesis.notes}
    queue: list[DeskSegment] = []
    done: set[tuple[str, Language, Language]] = set()
    for source in sources:
        for target in languages:
            wanted = (source.text, source.language, target)
            if wanted not in missing or wanted in done:
                continue
            done.add(wanted)
            note = notes.get(source.span.note_id)
            context, highlight = _context(note, source.span, source.text)
            segment = Segment(source.text, source.language, target)
            queue.append(
                DeskSegment(
                    key=segment_key(segment),
                    segment=segment,
                    place=source.place,
                    workshop=source.workshop,
                    context=context,
                    note_title=note.meta.title if note else "",
                    kind=source.kind,
                    highlight=highlight,
                )
            )
    return queue


def missing_counts(
    synthesis: SummitSynthesis, *, languages: tuple[Language, Language], memory: TranslationMemory
) -> dict[Language, int]:
    """How many texts the documents print untranslated, per target language of `languages`.

    The same texts as `desk_queue`, without building the exhibition: every poster and register
    text is one of the booklet's.
    """
    missing, _ = _missing(synthesis, languages, memory)
    counts: dict[Language, int] = dict.fromkeys(languages, 0)
    seen: set[tuple[str, Language, Language]] = set()
    for source in _booklet(synthesis, _shown_workshops(synthesis)):
        for target in languages:
            wanted = (source.text, source.language, target)
            if wanted in missing and wanted not in seen:
                seen.add(wanted)
                counts[target] += 1
    return counts


def find_segment(
    synthesis: SummitSynthesis, *, languages: tuple[Language, Language], key: str
) -> Segment | None:
    """The wanted translation with this key (translated already or not); None if no document needs it."""
    for text, source, target in wanted_translations(synthesis, languages):
        segment = Segment(text, source, target)
        if segment_key(segment) == key:
            return segment
    return None
