"""Per-workshop figures: notes, rapporteurs, words and languages."""

from __future__ import annotations

from collections import Counter

from synthesis.models import Note, WorkshopStats, WorkshopSynthesis
from synthesis.summit import SummitConfig


def workshop_stats(notes: list[Note]) -> WorkshopStats:
    return WorkshopStats(
        notes=len(notes),
        rapporteurs=len({n.meta.rapporteur.casefold() for n in notes}),
        words=sum(n.words for n in notes),
        languages=dict(sorted(Counter(n.language for n in notes).items())),
    )


def summarise_workshops(notes: list[Note], summit: SummitConfig) -> tuple[WorkshopSynthesis, ...]:
    """One entry per workshop of the summit, in summit order, even with no notes yet."""
    return tuple(
        WorkshopSynthesis(
            workshop=workshop.id,
            note_ids=tuple(n.id for n in notes if n.workshop == workshop.id),
            stats=workshop_stats([n for n in notes if n.workshop == workshop.id]),
        )
        for workshop in summit.workshops
    )
