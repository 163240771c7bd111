"""Drawings made with reportlab.graphics: the concept bar chart and the poster's QR code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from synthesis.documents.content import ConceptBar
from synthesis.documents.pdf.markup import both
from synthesis.documents.pdf.styles import Sheet

MAX_BARS = 8


@dataclass(frozen=True, slots=True)
class _Row:
    lines: list[str]
    count: int
    height: float


def concept_chart(
    bars: Sequence[ConceptBar], width: float, sheet: Sheet, *, limit: int = MAX_BARS
) -> Drawing:
    """One labelled bar per concept (the first `limit`, already ranked), scaled to the largest count.

    Labels are wrapped, never cut, so a long translation makes its row taller instead of running
    into the bar. Strings in a Drawing are plain text, not Paragraph markup: no escaping needed.
    The initial font is set too: reportlab's default state would list Helvetica in the PDF.
    """
    style = sheet.chart
    regular, bold = sheet.fonts.regular.name, sheet.fonts.bold.name
    shown = list(bars[:limit])
    label_width = width * style.label_share
    gap = style.label_size  # between a label and its bar, and before the count
    largest = max((bar.count for bar in shown), default=0)
    count_room = stringWidth(str(largest), bold, style.count_size) + gap
    bar_left = label_width + gap
    bar_room = max(width - bar_left - count_room, 1.0)

    rows = []
    for bar in shown:
        lines = simpleSplit(both(bar.label), regular, style.label_size, label_width) or [""]
        rows.append(_Row(lines, bar.count, max(style.bar_height, len(lines) * style.label_leading)))
    height = sum(row.height for row in rows) + style.row_gap * max(len(rows) - 1, 0)

    drawing = Drawing(width, height, initialFontName=regular)
    top = height
    for row in rows:
        centre = top - row.height / 2
        _draw_label(drawing, row.lines, label_width, centre, regular, sheet)
        drawing.add(
            Rect(
                bar_left,
                centre - style.bar_height / 2,
                bar_room,
                style.bar_height,
                fillColor=sheet.palette.track,
                strokeColor=None,
            )
        )
        length = bar_room * row.count / largest if largest > 0 else 0
        drawing.add(
            Rect(
                bar_left,
                centre - style.bar_height / 2,
                length,
                style.bar_height,
                fillColor=sheet.palette.accent,
                strokeColor=None,
            )
        )
        drawing.add(
            String(
                bar_left + length + gap / 3,
                centre - 0.35 * style.count_size,
                str(row.count),
                fontName=bold,
                fontSize=style.count_size,
                fillColor=sheet.palette.text,
            )
        )
        top -= row.height + style.row_gap
    return drawing


def _draw_label(
    drawing: Drawing, lines: list[str], right: float, centre: float, font: str, sheet: Sheet
) -> None:
    """Right-aligned against the bars, the block of lines centred on the bar."""
    style = sheet.chart
    block = len(lines) * style.label_leading
    for index, line in enumerate(lines):
        # Centre of this line's slot, minus about half an x-height, gives a visually centred baseline.
        baseline = centre + block / 2 - (index + 0.5) * style.label_leading - 0.35 * style.label_size
        drawing.add(
            String(
                right,
                baseline,
                line,
                fontName=font,
                fontSize=style.label_size,
                fillColor=sheet.palette.text,
                textAnchor="end",
            )
        )


def qr_code(url: str, size: float, font: str) -> Drawing:
    """A square QR code `size` points wide; a two-module quiet zone, the page around it is white.

    `font` is only the drawing's initial state (it has no text): without it reportlab would
    set, and so list, Helvetica.
    """
    widget = QrCodeWidget(url, barLevel="M", barBorder=2)
    left, bottom, right, top = widget.getBounds()
    scale = [size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    drawing = Drawing(size, size, transform=scale, initialFontName=font)
    drawing.add(widget)
    return drawing
