"""Commitments written as a table: one row per commitment, under a header naming the columns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from synthesis.extract.actors import PARTICIPANTS
from synthesis.extract.deadlines import find_deadlines
from synthesis.extract.gazetteer import load_gazetteer
from synthesis.extract.lexicon import load_lexicon, table_headers
from synthesis.ingest.document import EMPTY_CELL
from synthesis.models import Actor, Commitment, Language, Note, SourceSpan, content_id


@dataclass(frozen=True, slots=True)
class _Row:
    start: int
    cells: list[str]
    offsets: list[int]  # start of each cell in the note's text


def _rows(note: Note) -> list[list[_Row]]:
    """Consecutive table rows of the note, grouped into tables."""
    tables: list[list[_Row]] = []
    previous_end = -10
    for paragraph in note.paragraphs:
        if paragraph.kind != "table_row":
            continue
        cells = [note.text[start:end] for start, end in paragraph.cells]
        row = _Row(paragraph.start, cells, [start for start, _ in paragraph.cells])
        if paragraph.start - previous_end <= 1 and tables:
            tables[-1].append(row)
        else:
            tables.append([row])
        previous_end = paragraph.end
    return tables


def _column(header: list[str], words: frozenset[str]) -> int | None:
    for index, cell in enumerate(header):
        if cell.lower().strip(" :?") in words:
            return index
    return None


def _actor(text: str, language: Language) -> Actor:
    gazetteer = load_gazetteer()
    lowered = {variant.lower(): pid for variant, pid in gazetteer.variants.items()}
    place_id = lowered.get(text.lower())
    if place_id:
        kind = "city" if gazetteer.places[place_id].kind == "city" else "organisation"
        return Actor(text=text, id=place_id, kind=kind)
    if text.lower() in {p.lower() for p in load_lexicon(language).phrases.get("collectives", ())}:
        return Actor(text=text, id=PARTICIPANTS, kind="collective")
    return Actor(text=text, id=None, kind="unresolved")


def table_commitments(note: Note, *, language: Language, session: date) -> list[Commitment]:
    headers = table_headers()
    found = []
    for table in _rows(note):
        header = table[0].cells
        actor_col, what_col = (
            _column(header, headers["actor"]),
            _column(header, headers["commitment"]),
        )
        when_col = _column(header, headers["deadline"])
        if actor_col is None or what_col is None:
            continue
        for row in table[1:]:
            if max(actor_col, what_col) >= len(row.cells) or row.cells[what_col] in (
                "",
                EMPTY_CELL,
            ):
                continue
            what = row.cells[what_col]
            action, _, rest = what.partition(" ")
            deadline = None
            if when_col is not None and when_col < len(row.cells):
                deadlines = find_deadlines(row.cells[when_col], language=language, session=session)
                deadline = deadlines[0] if deadlines else None
            actor = _actor(row.cells[actor_col], language)
            start = row.offsets[what_col]
            source = SourceSpan(note_id=note.id, start=start, end=start + len(what), quote=what)
            found.append(
                Commitment(
                    id=content_id("commitment", actor.key, action.lower(), rest.casefold(), what.casefold()),
                    actor=actor,
                    action=action.lower(),
                    object=rest,
                    deadline=deadline.value if deadline else None,
                    deadline_text=deadline.text if deadline else None,
                    strength="firm",
                    language=language,
                    source=source,
                )
            )
    return found
