"""Tables beside the documents: the commitments as CSV, and a CSV for Decidim's Accountability.

Decidim's importer reads one column per locale (`title/en`, `title/fr`, …);
start and end dates are ISO, progress a percentage. A commitment is a result
that has not started: status "planned" (create that status key in Decidim, or
rename it in the file before importing), progress 0.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from synthesis.documents.content import Exhibition
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import LANGUAGES, Commitment, SummitSynthesis

COMMITMENT_COLUMNS = (
    "id",
    "workshop",
    "actor",
    "actor_id",
    "actor_kind",
    "action",
    "object",
    "deadline",
    "deadline_text",
    "strength",
    "language",
    "quote",
    "source_note",
    "start",
    "end",
    "also_reported",
)


def _commitments(synthesis: SummitSynthesis) -> list[tuple[str, Commitment]]:
    return [(w.workshop, c) for w in synthesis.workshops for c in w.commitments]


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def commitments_csv(synthesis: SummitSynthesis, exhibition: Exhibition, texts: TranslatedTexts) -> str:
    """One row per commitment, with its quote and the quote in each exhibition language."""
    notes = {n.id: n.source for n in synthesis.notes}
    extra = [f"quote/{language}" for language in exhibition.languages]
    rows = []
    for workshop, c in _commitments(synthesis):
        row = [
            c.id,
            workshop,
            c.actor.text,
            c.actor.id or "",
            c.actor.kind,
            c.action,
            c.object,
            c.deadline or "",
            c.deadline_text or "",
            c.strength,
            c.language,
            c.source.quote,
            notes.get(c.source.note_id, c.source.note_id),
            str(c.source.start),
            str(c.source.end),
            str(len(c.also_reported)),
        ]
        row += [texts.get(c.source.quote, c.language, target).text for target in exhibition.languages]
        rows.append(row)
    return _csv([*COMMITMENT_COLUMNS, *extra], rows)


def _end_date(deadline: str | None) -> str:
    """The last day a deadline allows: 2020 → 2020-12-31, 2021-06 → 2021-06-30."""
    if not deadline:
        return ""
    parts = [int(p) for p in deadline.split("-")]
    if len(parts) == 3:
        return deadline
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1).isoformat()


def decidim_csv(synthesis: SummitSynthesis, texts: TranslatedTexts) -> str:
    """Accountability results: title and description in every language with a text for it."""
    names = {c.id: c.name for c in synthesis.cities}
    header = [
        *(f"title/{language}" for language in LANGUAGES),
        *(f"description/{language}" for language in LANGUAGES),
        "start_date",
        "end_date",
        "status",
        "progress",
        "reference",
    ]
    rows = []
    for workshop, c in _commitments(synthesis):
        who = names.get(c.actor.id or "", c.actor.text)
        titles, descriptions = [], []
        for language in LANGUAGES:
            translation = texts.get(c.source.quote, c.language, language)
            # A column is left empty rather than filled with another language's words.
            usable = language == c.language or translation.origin != "original"
            titles.append(f"{who}: {translation.text}" if usable else "")
            descriptions.append(f"{translation.text} ({workshop})" if usable else "")
        start = synthesis.summit.end.isoformat() if synthesis.summit else synthesis.run.run_date.isoformat()
        rows.append([*titles, *descriptions, start, _end_date(c.deadline), "planned", "0", c.id])
    return _csv(header, rows)
