"""What each workshop produced: figures, commitments, recommendations, practices and themes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from pydantic import BaseModel

import synthesis.digest
import synthesis.models
from synthesis.digest import merge_commitments, representative_quotes
from synthesis.extract.themes import load_vocabulary, rank_keyphrases
from synthesis.models import (
    Keyphrase,
    Note,
    NoteExtraction,
    Quote,
    Theme,
    WorkshopSynthesis,
)
from synthesis.stats import workshop_stats
from synthesis.store import RecordStore, fingerprint
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


Quotes = Callable[[Sequence[Note], Sequence[NoteExtraction]], tuple[Quote, ...]]


class _Chosen(BaseModel):
    quotes: tuple[Quote, ...]


class StoredQuotes:
    """`representative_quotes`, kept in a store: a workshop whose notes did not change since the
    last night (its quotes are most of the synthesis's time) takes them from there.

    The key hashes all they are chosen from: each note's id (a hash of its text) and each
    sentence's offsets and language, in order, and the code that chooses them."""

    CODE = tuple(Path(m.__file__ or "").read_bytes() for m in (synthesis.digest, synthesis.models))

    def __init__(self, store: RecordStore) -> None:
        self.store = store

    def __call__(self, notes: Sequence[Note], extractions: Sequence[NoteExtraction]) -> tuple[Quote, ...]:
        key = fingerprint(
            "quotes",
            *self.CODE,
            *(note.id for note in notes),
            *(
                e.note_id + "".join(f"|{s.start},{s.end},{s.language}" for s in e.sentences)
                for e in extractions
            ),
        )
        stored = self.store.get(key, _Chosen)
        if stored is not None:
            return stored.quotes
        quotes = representative_quotes(notes, extractions)
        self.store.put(key, _Chosen(quotes=quotes))
        return quotes


def summarise_workshops(
    notes: Sequence[Note],
    extractions: Sequence[NoteExtraction],
    summit: SummitConfig,
    *,
    quotes: Quotes = representative_quotes,
) -> tuple[WorkshopSynthesis, ...]:
    """One entry per workshop of the summit, in summit order, even with no notes yet; `quotes`
    chooses each workshop's quotes (`StoredQuotes` to keep them between nights)."""
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
                quotes=quotes(own, found),
            )
        )
    return tuple(summaries)
