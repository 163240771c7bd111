"""Per-workshop figures: notes, rapporteurs, words and languages."""

from __future__ import annotations

from collections import Counter

from synthesis.models import Note, WorkshopStats


def workshop_stats(notes: list[Note]) -> WorkshopStats:
    return WorkshopStats(
        notes=len(notes),
        rapporteurs=len({n.meta.rapporteur.casefold() for n in notes}),
        words=sum(n.words for n in notes),
        languages=dict(sorted(Counter(n.language for n in notes).items())),
    )
