"""The booklet's two tables: the commitments register and the city index.

reportlab breaks a word in the middle ("Port-au-Princ e") when it is wider than its column, so
the columns are sized from what they hold: each is at least as wide as its longest word, and
takes that room from columns with room to spare. Only a word too long for any sensible column
(a URL) shrinks its cell's font, no further than the floor in styles.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from synthesis.documents.content import CityRow, CommitmentItem, Pair, SourceRef, Text
from synthesis.documents.pdf.blocks import Blocks
from synthesis.documents.pdf.markup import NARROW_NBSP, NBSP, both, escape, quoted
from synthesis.documents.pdf.styles import Sheet, TableLayout, booklet_tables

# reportlab breaks lines at these only: a no-break space holds "«\u00a0mot\u00a0»" together.
_BREAKABLE = re.compile(r"[ \t\n\r]+")
# After its own hyphens is where a compound too long for its column may break (with the
# styles' embeddedHyphenation): "Rhénanie-du-|Nord-Westphalie", never "Rhénanie-du-No|rd".
_AFTER_HYPHEN = re.compile(r"(?<=-)")
# Between the rapporteur and the paragraph: punctuation, not wording.
SEPARATOR = " · "
PARAGRAPH_SIGN = "¶" + NBSP  # "¶ 4", never split from its number
# Measured widths are exact; this keeps rounding in reportlab's line breaking from splitting a word.
_SLACK = 0.5


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of a cell, as plain text (to measure) and in the style it prints in."""

    text: str
    style: str


Cell = list[Line]


def register_table(items: Sequence[CommitmentItem], blocks: Blocks, sheet: Sheet) -> Flowable:
    """Every commitment, one row each; the header row repeats on every page the table runs to."""
    if not items:
        return blocks.none()
    h = blocks.headings
    header = [_head(pair) for pair in (h.city, h.commitment, h.deadline, h.workshop, h.source)]
    rows = [
        [
            _both_cell(item.actor) if item.actor else [Line(item.city, "table_cell")],
            _commitment_cell(item),
            _both_cell(item.deadline),
            _both_cell(item.workshop),
            _source_cell(item.reference) if item.reference else [Line(item.source, "table_small")],
        ]
        for item in items
    ]
    layout = booklet_tables()
    return _table([header, *rows], layout.register, blocks.width, sheet, layout)


def city_table(cities: Sequence[CityRow], blocks: Blocks, sheet: Sheet) -> Flowable:
    if not cities:
        return blocks.none()
    h = blocks.headings
    header = [_head(pair) for pair in (h.city, h.workshops, h.commitments, h.practices)]
    rows = [
        [
            _both_cell(city.names) if city.names else [Line(city.name, "table_cell")],
            _both_cell(city.workshops),
            [Line(str(city.commitments), "table_cell")],
            [Line(str(city.practices), "table_cell")],
        ]
        for city in cities
    ]
    layout = booklet_tables()
    table = _table([header, *rows], layout.cities, blocks.width, sheet, layout)
    table.setStyle(TableStyle([("ALIGN", (2, 1), (-1, -1), "RIGHT")]))
    return table


def _head(pair: Pair) -> Cell:
    """A header cell in both languages: "City / Ville"."""
    return [Line(both(pair), "table_head")]


def _both_cell(pair: Pair) -> Cell:
    """The left-language text, then the right-language one in grey (once if they agree).

    Cities too ("Genf", then "Geneva" in grey): the register and the index are sorted by the left
    column's name, and a reader of the right language still finds the one they know.
    """
    cell = _text_cell(pair.left, "table_cell")
    if pair.right.text.strip() != pair.left.text.strip() or pair.right.marker:
        cell += _text_cell(pair.right, "table_second")
    return cell


def _commitment_cell(item: CommitmentItem) -> Cell:
    """Both translations, then the words as written when their language is outside the pair."""
    cell = _both_cell(item.text)
    if item.original is not None:
        original = item.original.left
        labels = dict.fromkeys(t.marker for t in (item.original.left, item.original.right) if t.marker)
        cell.append(Line(quoted(original.text, original.language), "table_second"))
        if labels:
            cell.append(Line(" / ".join(labels), "table_small"))
    return cell


def _text_cell(text: Text, style: str) -> Cell:
    shown = quoted(text.text, text.language) if text.verbatim else text.text
    cell = [Line(shown, style)]
    if text.marker:
        cell.append(Line(text.marker, "table_small"))
    return cell


def _source_cell(reference: SourceRef) -> Cell:
    """The note's title, then who wrote it and the paragraph: what a reader can look up.

    The workshop has its own column in the same row, so it is not repeated here.
    """
    byline = reference.rapporteur
    if reference.paragraph is not None:
        byline += f"{SEPARATOR}{PARAGRAPH_SIGN}{reference.paragraph}"
    return [Line(reference.title, "table_source"), Line(byline, "table_small")]


# Widths ------------------------------------------------------------------------------------------


def longest_word(text: str, style: ParagraphStyle, limit: float = float("inf")) -> float:
    """Width in points of the widest word of `text`; a hyphenated word wider than `limit` counts
    as its widest part, since it may break after its hyphens."""
    widths = [0.0]
    for word in _BREAKABLE.split(text.replace(NARROW_NBSP, NBSP)):
        width = stringWidth(word, style.fontName, style.fontSize)
        if width > limit:
            width = max(
                stringWidth(part, style.fontName, style.fontSize) for part in _AFTER_HYPHEN.split(word)
            )
        widths.append(width)
    return max(widths)


def column_widths(
    rows: Sequence[Sequence[Cell]], shares: Sequence[float], width: float, sheet: Sheet, layout: TableLayout
) -> list[float]:
    """Widths adding up to `width`: the preferred shares, widened to each column's longest word
    (a hyphenated one only up to `layout.widen_limit` times the share: beyond, it breaks)."""
    assert abs(sum(shares) - 1) < 1e-6 and all(len(row) == len(shares) for row in rows)
    margin = 2 * layout.padding + _SLACK

    def need(column: int, limit: float) -> float:
        lines = (line for row in rows for line in row[column])
        return max(longest_word(line.text, sheet[line.style], limit - margin) for line in lines) + margin

    # What each column asks for (hyphenated words whole, up to the limit), and the least it can
    # do with (hyphenated words broken after their hyphens).
    wanted = [need(n, share * width * layout.widen_limit) for n, share in enumerate(shares)]
    least = [need(n, 0.0) for n in range(len(shares))]
    widths = [max(w, share * width) for w, share in zip(wanted, shares, strict=True)]
    excess = sum(widths) - width
    if excess <= 0:
        return widths
    spare = [w - low for w, low in zip(widths, least, strict=True)]
    if sum(spare) >= excess:
        return [w - cut for w, cut in zip(widths, cuts(spare, excess, shares), strict=True)]
    # Not even the longest words fit side by side: every column gives up in proportion, and
    # the cells too narrow for their words shrink their font (see `_paragraph`).
    return [low * width / sum(least) for low in least]


def cuts(spare: Sequence[float], excess: float, shares: Sequence[float]) -> list[float]:
    """How much each column gives up of its `spare` room so that `excess` is found: first the
    widest column (the commitment's, where text flows anyway), then the others, roomiest first
    down to a common level. A long city name so costs the commitment a line, not the deadline
    column "31 December 2020" on one line."""
    widest = max(range(len(shares)), key=lambda n: shares[n])
    first = min(spare[widest], excess)
    rest = [0.0 if n == widest else room for n, room in enumerate(spare)]
    excess -= first
    level = max(rest, default=0.0)
    if excess > 0:
        for room in [*sorted(rest, reverse=True)[1:], 0.0]:
            if sum(max(0.0, r - room) for r in rest) >= excess:
                # The level lies between `room` and the next roomier column: solve for it exactly.
                roomier = [r for r in rest if r > room]
                level = (sum(roomier) - excess) / len(roomier)
                break
    return [first if n == widest else max(0.0, r - level) for n, r in enumerate(rest)]


def _paragraph(line: Line, sheet: Sheet, room: float, floor: float) -> Paragraph:
    """The line in its style; if a word is wider than `room`, breaking after its hyphens, and
    if a part still is, in a smaller size."""
    style = sheet[line.style]
    if longest_word(line.text, style) <= room:
        # Without embedded hyphenation: reportlab would break "North Rhine-|Westphalia" to fill
        # a line even where "Rhine-Westphalia" fits whole on the next.
        return Paragraph(escape(line.text), style)
    part = longest_word(line.text, style, room)
    size = max(floor, style.fontSize * min(1.0, room / part))
    ratio = size / style.fontSize
    style = ParagraphStyle(
        f"{style.name}-fitted",
        parent=style,
        fontSize=size,
        leading=style.leading * ratio,
        embeddedHyphenation=1,
    )
    return Paragraph(escape(line.text), style)


def _table(
    rows: list[list[Cell]], shares: Sequence[float], width: float, sheet: Sheet, layout: TableLayout
) -> Table:
    widths = column_widths(rows, shares, width, sheet, layout)
    cells = [
        [
            [
                _paragraph(line, sheet, widths[column] - 2 * layout.padding - _SLACK, layout.font_floor)
                for line in cell
            ]
            for column, cell in enumerate(row)
        ]
        for row in rows
    ]
    palette = sheet.palette
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        sheet.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), palette.header_fill),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, palette.accent),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, palette.zebra]),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, palette.rule),
                ("LEFTPADDING", (0, 0), (-1, -1), layout.padding),
                ("RIGHTPADDING", (0, 0), (-1, -1), layout.padding),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
