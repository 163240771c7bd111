"""Column widths from the words a filled table holds, so Word never breaks a word in a cell.

With fixed widths Word breaks a word wider than its column anywhere ("Drummondvill/e"); with
autofit, LibreOffice keeps the template's grid. So the widths are computed here: each column
at least as wide as its longest word, in the fonts and sizes the template's styles give.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Length
from reportlab.pdfbase.pdfmetrics import stringWidth

from synthesis.documents.docx import styles
from synthesis.documents.docx.ooxml import set_column_widths
from synthesis.documents.pdf.register import cuts

# Word and LibreOffice break lines at spaces and after hyphens ("Rhénanie-du-Nord-|Westphalie"),
# never inside a run of letters, which is all a column must hold. A no-break space joins words.
_BREAKABLE = re.compile(r"[ \t\n\r]+|(?<=-)")
# Left and right cell margins of the template's table style (85 twips each), in points.
CELL_MARGINS = 8.5
# For rounding, and for a substitute font a little wider than the one measured.
SLACK = 1.5
DEFAULT_SIZE = 10.0  # Normal's size in the template, when no style in the chain names one


def longest_word(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of the widest unbreakable run of `text` in the booklet's font."""
    face = styles.METRICS[(bold, italic)]
    return max((stringWidth(word, face, size) for word in _BREAKABLE.split(text)), default=0.0)


def fit_columns(table: Any, shares: Sequence[float], total: Length) -> None:
    """Give the filled `table` widths adding up to `total`: the preferred `shares`, each column
    widened to its longest word at the expense of columns with room to spare."""
    fonts = _Fonts(table.part)
    needs = [column_need(table, column, fonts) for column in range(len(shares))]
    width = total.pt
    widths = [max(need, share * width) for need, share in zip(needs, shares, strict=True)]
    excess = sum(widths) - width
    if excess > 0:
        spare = [w - need for w, need in zip(widths, needs, strict=True)]
        if sum(spare) >= excess:  # from the widest column first, as in the PDF
            widths = [w - cut for w, cut in zip(widths, cuts(spare, excess, shares), strict=True)]
        else:  # the longest words do not fit side by side: Word will break the longest ones
            widths = [need * width / sum(needs) for need in needs]
    set_column_widths(table, [round(w * 20) for w in widths])


def column_need(table: Any, column: int, fonts: _Fonts) -> float:
    """The narrowest width in points that holds every word of the column on one line."""
    words = [
        longest_word(run.text, *fonts.of(run, paragraph))
        for row in table.rows
        for paragraph in row.cells[column].paragraphs
        for run in paragraph.runs
    ]
    return max(words, default=0.0) + CELL_MARGINS + SLACK


Font = tuple[float, bool, bool]  # size in points, bold, italic


class _Fonts:
    """Size, bold and italic of runs: their own, else their character style's, else their paragraph
    style's (or those styles' bases). Styles are looked up once per pair: python-docx scans all the
    template's styles on every lookup."""

    def __init__(self, part: Any) -> None:
        self.part = part
        self.styles: dict[tuple[str | None, str | None], list[Any]] = {}

    def of(self, run: Any, paragraph: Any) -> Font:
        key = (paragraph._p.style, run._r.style)
        if key not in self.styles:
            self.styles[key] = [
                *_style_fonts(self.part.get_style(key[1], WD_STYLE_TYPE.CHARACTER)),
                *_style_fonts(self.part.get_style(key[0], WD_STYLE_TYPE.PARAGRAPH)),
            ]
        chain = [run.font, *self.styles[key]]
        size = next((font.size.pt for font in chain if font.size is not None), DEFAULT_SIZE)
        bold = next((bool(font.bold) for font in chain if font.bold is not None), False)
        italic = next((bool(font.italic) for font in chain if font.italic is not None), False)
        return size, bold, italic


def _style_fonts(style: Any) -> Iterator[Any]:
    while style is not None:
        yield style.font
        style = style.base_style


def text_width(document: Any) -> Length:
    section = document.sections[-1]
    return Length(section.page_width - section.left_margin - section.right_margin)
