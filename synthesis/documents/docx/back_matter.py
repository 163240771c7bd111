"""After the workshops: the commitments register, the city index, shared themes and the method."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from synthesis.documents.content import CityRow, CommitmentItem, Exhibition, Fact, Pair
from synthesis.documents.docx import styles
from synthesis.documents.docx.blocks import (
    Look,
    Side,
    add_header_row,
    add_heading,
    add_none,
    add_parallel_table,
    add_run,
    add_source,
    add_table,
    add_text,
    new_paragraph,
)
from synthesis.documents.docx.ooxml import keep_row_together
from synthesis.documents.docx.widths import fit_columns, text_width
from synthesis.documents.docx.workshop_section import fill_fact

# Preferred shares of the text width: the commitment gets the room. `fit_columns` widens a
# column whose longest word needs more, so Word never breaks a word inside a cell.
REGISTER_SHARES = (0.15, 0.41, 0.14, 0.15, 0.15)
CITY_SHARES = (0.21, 0.44, 0.175, 0.175)


def add_register(document: Any, exhibition: Exhibition, look: Look) -> None:
    """Every commitment in one Word table a city can sort, filter and copy from."""
    h = exhibition.headings
    add_heading(document, h.register, styles.HEADING_1, look)
    if not exhibition.register:
        add_none(document, h.none)
        return
    headers = (h.city, h.commitment, h.deadline, h.workshop, h.source)
    table = _add_table(document, headers, look)
    for item in exhibition.register:
        city, commitment, deadline, workshop, source = _add_row(table)
        if item.actor is not None:
            _add_both(city, item.actor)
        else:
            add_run(_cell_text(city), item.city)
        _add_commitment(commitment, item)
        _add_both(deadline, item.deadline)
        _add_both(workshop, item.workshop)
        if item.reference is not None:
            add_source(source, item.reference, styles.TABLE_TEXT)
        else:
            add_run(_cell_text(source), item.source, style=styles.SOURCE)
    fit_columns(table, REGISTER_SHARES, text_width(document))


def _add_commitment(cell: Any, item: CommitmentItem) -> None:
    """Both translations, then the words as written when their language is outside the pair."""
    for text in (item.text.left, item.text.right):
        add_text(cell, text, styles.TABLE_TEXT)
    if item.original is not None:
        original = item.original.left
        add_run(_cell_text(cell), original.text, language=original.language, style=styles.VERBATIM)
        labels = dict.fromkeys(t.marker for t in (item.original.left, item.original.right) if t.marker)
        if labels:
            add_run(new_paragraph(cell, styles.MARKER), " / ".join(labels))


def add_city_index(document: Any, exhibition: Exhibition, look: Look) -> None:
    h = exhibition.headings
    add_heading(document, h.cities, styles.HEADING_1, look)
    if not exhibition.cities:
        add_none(document, h.none)
        return
    table = _add_table(document, (h.city, h.workshops, h.commitments, h.practices), look)
    for row in exhibition.cities:
        _add_city(table, row)
    fit_columns(table, CITY_SHARES, text_width(document))


def _add_city(table: Any, row: CityRow) -> None:
    city, workshops, commitments, practices = _add_row(table)
    if row.names is not None:  # "Genf", then "Geneva": as the register's city cells
        _add_both(city, row.names)
    else:
        add_run(_cell_text(city), row.name)
    _add_both(workshops, row.workshops)
    add_run(_cell_text(commitments), str(row.commitments))
    add_run(_cell_text(practices), str(row.practices))


def add_shared_themes(document: Any, exhibition: Exhibition, look: Look) -> None:
    h = exhibition.headings
    add_heading(document, h.shared_themes, styles.HEADING_1, look)
    if exhibition.shared_themes:
        add_parallel_table(document, exhibition.shared_themes, _fill_body)
    else:
        add_none(document, h.none)


def add_method(document: Any, exhibition: Exhibition, look: Look) -> None:
    h = exhibition.headings
    add_heading(document, h.method, styles.HEADING_1, look)
    # One table: Word would join two tables that touch, and reflow them as one anyway.
    items: list[Pair | Fact] = [*exhibition.method, *exhibition.method_facts]
    if items:
        add_parallel_table(document, items, _fill_method)
    else:
        add_none(document, h.none)


def _fill_method(cell: Any, item: Pair | Fact, side: Side) -> None:
    if isinstance(item, Fact):
        fill_fact(cell, item, side)
    else:
        _fill_body(cell, item, side)


def _fill_body(cell: Any, pair: Pair, side: Side) -> None:
    add_text(cell, side(pair), styles.BODY)


def _add_table(document: Any, headers: Sequence[Pair], look: Look) -> Any:
    """A table with its header row; its widths are set once it is filled (see `fit_columns`)."""
    table = add_table(document, len(headers))
    _add_row(table)
    add_header_row(table, headers, look)
    return table


def _add_row(table: Any) -> list[Any]:
    row = table.add_row()
    keep_row_together(row)
    return list(row.cells)


def _cell_text(cell: Any) -> Any:
    return new_paragraph(cell, styles.TABLE_TEXT)


def _add_both(cell: Any, pair: Pair) -> None:
    """Left language then right language, one paragraph each; once if they read the same."""
    add_text(cell, pair.left, styles.TABLE_TEXT)
    if pair.right.text != pair.left.text:
        add_text(cell, pair.right, styles.TABLE_TEXT)
