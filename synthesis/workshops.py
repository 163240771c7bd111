"""What each workshop produced: figures, commitments, recommendations, practices and themes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from synthesis.digest import merge_commitments, representative_quotes
from synthesis.extract.themes import load_vocabulary, rank_keyphrases
from synthesis.models import (
    Keyphrase,
    Note,
    NoteExtraction,
    Theme,
    WorkshopSynthesis,
)
from synthesis.stats import workshop_stats
from synthesis.summit import SummitConfig

TOP_THEMES = 12
TOP_KEYPHRASES = 15


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def _unique_by_id(items: Iterable[T]) -> tuple[T, ...]:
    """Each id once: the same pledge reported in two notes is one commitment."""
    seen: dict[str, T] = {}
    for item in items:
        seen.setdefault(item.id, item)
    return tuple(seen.values())


def workshop_themes(extractions: Sequence[NoteExtraction], *, top: int = TOP_THEMES) -> tuple[Theme, ...]:
    """Concepts by number of mentions, with the number of notes that raise them."""
    vocabulary = load_vocabulary()
    mentions: Counter[str] = Counter()
    notes: Counter[str] = Counter()
    for extraction in extractions:
        ids = [m.id for m in extraction.concepts]
        mentions.update(ids)
        notes.update(set(ids))
    ranked = sorted(mentions, key=lambda c: (-mentions[c], -notes[c], c))[:top]
    return tuple(
        Theme(
            concept=concept,
            broader=vocabulary.concepts[concept].broader,
            labels=dict(vocabulary.concepts[concept].labels),
            mentions=mentions[concept],
            notes=notes[concept],
        )
        for concept in ranked
    )


def summarise_workshops(
    notes: Sequence[Note], extractions: Sequence[NoteExtraction], summit: SummitConfig
) -> tuple[WorkshopSynthesis, ...]:
    """One entry per workshop of the summit, in summit order, even with no notes yet."""
    by_note = {e.note_id: e for e in extractions}
    phrases: dict[str, Counter[tuple[str, str]]] = {}
    for workshop in summit.workshops:
        counter: Counter[tuple[str, str]] = Counter()
        for note in notes:
            if note.workshop == workshop.id and note.id in by_note:
                counter.update((lemmas, written) for lemmas, written in by_note[note.id].keyphrases)
        phrases[workshop.id] = counter
    ranked = rank_keyphrases(phrases, top=TOP_KEYPHRASES)
    summaries = []
    for workshop in summit.workshops:
        own = [n for n in notes if n.workshop == workshop.id]
        found = [by_note[n.id] for n in own if n.id in by_note]
        summaries.append(
            WorkshopSynthesis(
                workshop=workshop.id,
                note_ids=tuple(n.id for n in own),
                stats=workshop_stats(own),
                commitments=merge_commitments(c for e in found for c in e.commitments),
                recommendations=_unique_by_id(r for e in found for r in e.recommendations),
                best_practices=_unique_by_id(b for e in found for b in e.best_practices),
                themes=workshop_themes(found),
                keyphrases=tuple(
                    Keyphrase(phrase=r.phrase, score=r.score, count=r.count, concept=r.concept)
                    for r in ranked.get(workshop.id, [])
                ),
                quotes=representative_quotes(own, found),
            )
        )
    return tuple(summaries)
