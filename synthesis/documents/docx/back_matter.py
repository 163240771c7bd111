"""After the workshops: the commitments register, the city index, shared themes and the method."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.shared import Cm

from synthesis.documents.content import CityRow, Exhibition, Fact, Pair
from synthesis.documents.docx import styles
from synthesis.documents.docx.blocks import (
    Look,
    Side,
    add_header_row,
    add_heading,
    add_none,
    add_parallel_table,
    add_run,
    add_table,
    add_text,
    new_paragraph,
)
from synthesis.documents.docx.ooxml import keep_row_together
from synthesis.documents.docx.workshop_section import fill_fact

# Column widths on A4 with 2 cm margins (17 cm of text): the commitment gets the room.
REGISTER_WIDTHS = (Cm(2.6), Cm(7.0), Cm(2.4), Cm(2.8), Cm(2.2))
CITY_WIDTHS = (Cm(3.6), Cm(7.4), Cm(3.0), Cm(3.0))


def add_register(document: Any, exhibition: Exhibition, look: Look) -> None:
    """Every commitment in one Word table a city can sort, filter and copy from."""
    h = exhibition.headings
    add_heading(document, h.register, styles.HEADING_1, look)
    if not exhibition.register:
        add_none(document, h.none)
        return
    headers = (h.city, h.commitment, h.deadline, h.workshop, h.source)
    table = _add_table(document, headers, REGISTER_WIDTHS, look)
    for item in exhibition.register:
        city, commitment, deadline, workshop, source = _add_row(table, REGISTER_WIDTHS)
        add_run(_cell_text(city), item.city)
        for text in (item.text.left, item.text.right):
            add_text(commitment, text, styles.TABLE_TEXT)
        _add_both(deadline, item.deadline)
        _add_both(workshop, item.workshop)
        add_run(_cell_text(source), item.source, style=styles.SOURCE)


def add_city_index(document: Any, exhibition: Exhibition, look: Look) -> None:
    h = exhibition.headings
    add_heading(document, h.cities, styles.HEADING_1, look)
    if not exhibition.cities:
        add_none(document, h.none)
        return
    table = _add_table(document, (h.city, h.workshops, h.commitments, h.practices), CITY_WIDTHS, look)
    for row in exhibition.cities:
        _add_city(table, row)


def _add_city(table: Any, row: CityRow) -> None:
    city, workshops, commitments, practices = _add_row(table, CITY_WIDTHS)
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


def _add_table(document: Any, headers: Sequence[Pair], widths: Sequence[Any], look: Look) -> Any:
    table = add_table(document, len(headers))
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    _add_row(table, widths)
    add_header_row(table, headers, look)
    return table


def _add_row(table: Any, widths: Sequence[Any]) -> list[Any]:
    row = table.add_row()
    keep_row_together(row)
    cells: list[Any] = list(row.cells)
    # Word sizes a column by its cells' widths, not the grid's.
    for cell, width in zip(cells, widths, strict=True):
        cell.width = width
    return cells


def _cell_text(cell: Any) -> Any:
    return new_paragraph(cell, styles.TABLE_TEXT)


def _add_both(cell: Any, pair: Pair) -> None:
    """Left language then right language, one paragraph each; once if they read the same."""
    add_text(cell, pair.left, styles.TABLE_TEXT)
    if pair.right.text != pair.left.text:
        add_text(cell, pair.right, styles.TABLE_TEXT)
