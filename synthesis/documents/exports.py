"""Tables beside the documents: the commitments as CSV, and a CSV for Decidim's Accountability.

Every text cell goes through `spreadsheet_text`: a quote that starts with `=`, `+`, `-`, `@`,
a tab or a carriage return is written with a leading `'`, so a spreadsheet shows it and never
runs it as a formula. Numbers are written as they are (none is negative).

The Decidim file follows the Accountability importer (decidim-accountability's
ResultsCsvImporter): `;` between cells, one column per locale (`title/en`, `title/fr`, …),
ISO dates, progress as a percentage, `status/id`, `parent/id`, `category/id` and
`proposal_urls` left empty for the organiser, and an `id` that is stable from night to night
(see `decidim_result_id`). docs/exports.md explains both files to organisers.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from datetime import date

from synthesis.documents.content import Exhibition
from synthesis.documents.translation import TranslatedTexts
from synthesis.escape import spreadsheet_text
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
    "wording",  # an organiser's wording, printed instead of the quote; empty: the quote is printed
    "review",  # approved or unreviewed once organisers curate; empty before
)
# Decidim.default_csv_col_sep, which the importer splits on unless an instance changed it.
DECIDIM_SEPARATOR = ";"
# Decidim updates a result only when a row's `id` is one of its own result ids; any other id
# creates a new result. So the stand-in id starts far above the ids a Decidim database hands
# out (it must never name, and overwrite, an unrelated result) and stays within PostgreSQL's
# `integer`, the type of the id column in older Decidim databases.
DECIDIM_ID_FLOOR = 1_000_000_000
DECIDIM_ID_CEILING = 2_147_483_647
BYTE_ORDER_MARK = "\ufeff"

Cell = str | int


def _commitments(synthesis: SummitSynthesis) -> list[tuple[str, Commitment]]:
    return [(w.workshop, c) for w in synthesis.workshops for c in w.commitments]


def _csv(header: Sequence[str], rows: list[list[Cell]], *, delimiter: str = ",", excel: bool = False) -> str:
    """The table as CSV text; text cells neutralised, numbers as they are.

    `excel` starts the text with a UTF-8 byte-order mark: without it, Excel reads the file
    in the computer's legacy encoding and "Düsseldorf" shows as "DÃ¼sseldorf".
    """
    buffer = io.StringIO(newline="")
    # CRLF, as RFC 4180 says: the csv module then quotes every cell holding a \r or \n,
    # which a bare \n terminator would leave unquoted (and Ruby's CSV, Decidim's, refuses).
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([spreadsheet_text(name) for name in header])
    for row in rows:
        writer.writerow([spreadsheet_text(cell) if isinstance(cell, str) else cell for cell in row])
    return (BYTE_ORDER_MARK if excel else "") + buffer.getvalue()


def commitments_csv(
    synthesis: SummitSynthesis, exhibition: Exhibition, texts: TranslatedTexts, *, excel: bool = False
) -> str:
    """One row per commitment, with its quote and the quote in each exhibition language."""
    notes = {n.id: n.source for n in synthesis.notes}
    extra = [f"quote/{language}" for language in exhibition.languages]
    rows = []
    for workshop, c in _commitments(synthesis):
        row: list[Cell] = [
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
            c.source.start,
            c.source.end,
            len(c.also_reported),
            c.wording or "",
            c.review or "",
        ]
        row += [texts.get(c.text, c.language, target).text for target in exhibition.languages]
        rows.append(row)
    return _csv([*COMMITMENT_COLUMNS, *extra], rows, excel=excel)


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


def decidim_result_id(commitment_id: str, attempt: int = 0) -> int:
    """The commitment's number in the Decidim file: the same every night, between 10^9 and 2^31 - 1.

    `attempt` > 0 gives the next candidate when two commitments of one file would share a number.
    """
    digest = hashlib.sha256(f"decidim-result\x1f{commitment_id}\x1f{attempt}".encode()).digest()
    span = DECIDIM_ID_CEILING - DECIDIM_ID_FLOOR + 1
    return DECIDIM_ID_FLOOR + int.from_bytes(digest[:8], "big") % span


def _decidim_ids(commitment_ids: list[str]) -> list[int]:
    """One distinct number per row, in synthesis order; a rare clash moves the later row on."""
    taken: set[int] = set()
    numbers = []
    for commitment_id in commitment_ids:
        attempt = 0
        while (number := decidim_result_id(commitment_id, attempt)) in taken:
            attempt += 1
        taken.add(number)
        numbers.append(number)
    return numbers


def decidim_csv(synthesis: SummitSynthesis, texts: TranslatedTexts) -> str:
    """Accountability results: title and description in every language with a text for it.

    Never written with a byte-order mark: Decidim reads the file as it is, and the mark would
    hide the `id` header from it.
    """
    names = {c.id: c.name for c in synthesis.cities}
    header = [
        "id",
        *(f"title/{language}" for language in LANGUAGES),
        *(f"description/{language}" for language in LANGUAGES),
        "start_date",
        "end_date",
        "status/id",
        "progress",
        "parent/id",
        "category/id",
        "proposal_urls",
        # Not read by the importer to match rows; recent Decidim versions keep it on the result.
        "external_id",
    ]
    commitments = _commitments(synthesis)
    numbers = _decidim_ids([c.id for _, c in commitments])
    start = synthesis.summit.end.isoformat() if synthesis.summit else synthesis.run.run_date.isoformat()
    rows: list[list[Cell]] = []
    for number, (workshop, c) in zip(numbers, commitments, strict=True):
        who = names.get(c.actor.id or "", c.actor.text)
        titles, descriptions = [], []
        for language in LANGUAGES:
            translation = texts.get(c.text, c.language, language)
            # Decidim refuses the whole file when a row lacks a title in the platform's language,
            # so a language with no translation gets the words as written, tagged with their own.
            usable = language == c.language or translation.origin != "original"
            tag = "" if usable else f"[{c.language.upper()}] "
            titles.append(f"{tag}{who}: {translation.text}")
            descriptions.append(f"{tag}{translation.text} ({workshop})")
        # A commitment has not started: no status id is known here, progress is 0.
        rows.append([number, *titles, *descriptions, start, _end_date(c.deadline), "", 0, "", "", "", c.id])
    return _csv(header, rows, delimiter=DECIDIM_SEPARATOR)
