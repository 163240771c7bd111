"""Building blocks of the booklet: language-tagged runs, bilingual headings, parallel tables.

Every string reaches the document through `add_run`, which strips what XML
forbids and tags the run with its language; python-docx escapes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from docx.oxml.ns import qn
from docx.shared import RGBColor

from synthesis.documents.content import Pair, SourceRef, Text
from synthesis.documents.docx import styles
from synthesis.documents.docx.ooxml import (
    keep_row_together,
    repeat_as_header,
    set_paragraph_style,
    set_run_language,
    set_run_style,
    set_table_style,
    shade_cell,
    word_language_tag,
    xml_safe,
)
from synthesis.models import Language

Item = TypeVar("Item")
# Picks one language of a pair: the left column reads `left_of`, the right one `right_of`.
Side = Callable[[Pair], Text]
# Fills one cell of a parallel table with an item, in the language `Side` picks.
CellFiller = Callable[[Any, Item, Side], None]

# Between the two languages of a heading or a table header, as in `Exhibition.document_title`.
LANGUAGE_SEPARATOR = " / "
# Between the parts of a detail line: city · deadline · strength; rapporteur · ¶ 4.
DETAIL_SEPARATOR = " · "
PARAGRAPH_SIGN = "¶\u00a0"  # "¶ 4", never split from its number
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"


def wide_no_break_spaces(text: str) -> str:
    """`text` with U+202F (narrow no-break space, French « mot » and "l’été !") as U+00A0.

    Arial on older systems (Windows 7, Office 2010) has no glyph for U+202F and shows a box; a
    full no-break space still keeps the punctuation with its word. The PDF markup does the same.
    """
    return text.replace(NARROW_NBSP, NBSP)


def left_of(pair: Pair) -> Text:
    return pair.left


def right_of(pair: Pair) -> Text:
    return pair.right


@dataclass(frozen=True, slots=True)
class Look:
    """The presenter's colours, applied at render time over the template's styles."""

    accent: RGBColor
    on_accent: RGBColor  # text colour readable on an accent background


def add_run(
    paragraph: Any,
    text: str,
    *,
    language: Language | None = None,
    style: str | None = None,
    colour: RGBColor | None = None,
) -> Any:
    """A run of plain text; with a language, Word spell-checks it in that language."""
    run = paragraph.add_run(wide_no_break_spaces(xml_safe(text)))
    if style is not None:
        set_run_style(run, style)
    if language is not None:
        set_run_language(run, word_language_tag(language))
    if colour is not None:
        run.font.color.rgb = colour
    return run


def add_text_run(paragraph: Any, text: Text, *, colour: RGBColor | None = None) -> Any:
    """A run of a `Text`: in its language, quoted as written if it comes from a note."""
    style = styles.VERBATIM if text.verbatim else None
    return add_run(paragraph, text.text, language=text.language, style=style, colour=colour)


def new_paragraph(container: Any, style: str) -> Any:
    """A paragraph at the end of `container`; a fresh table cell's empty paragraph is reused."""
    if _is_cell(container):
        paragraphs = container.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0]._p.xpath("./w:r | ./w:pPr/w:pStyle"):
            paragraph = paragraphs[0]
            set_paragraph_style(paragraph, style)
            return paragraph
    paragraph = container.add_paragraph()
    set_paragraph_style(paragraph, style)
    return paragraph


def _is_cell(container: Any) -> bool:
    return hasattr(container, "_tc")


def add_text(container: Any, text: Text, style: str) -> Any:
    """The text in a paragraph of `style`, then its marker ("original: FR") in a small grey one."""
    paragraph = new_paragraph(container, style)
    add_text_run(paragraph, text)
    if text.marker:
        add_run(new_paragraph(container, styles.MARKER), text.marker, language=text.language)
    return paragraph


def add_pair_runs(paragraph: Any, pair: Pair, *, colour: RGBColor | None = None) -> None:
    """Both languages in one paragraph, "Commitments / Engagements"; once if they read the same."""
    add_text_run(paragraph, pair.left, colour=colour)
    if pair.right.text != pair.left.text:
        add_run(paragraph, LANGUAGE_SEPARATOR, colour=colour)
        add_text_run(paragraph, pair.right, colour=colour)


def add_heading(document: Any, pair: Pair, style: str, look: Look) -> Any:
    paragraph = new_paragraph(document, style)
    add_pair_runs(paragraph, pair, colour=look.accent)
    return paragraph


def add_none(document: Any, none: Pair) -> None:
    """What an empty section prints: "None recorded yet. / Rien d’enregistré pour l’instant."."""
    add_pair_runs(new_paragraph(document, styles.BODY), none)


def add_parallel_table(document: Any, items: Sequence[Item], fill: CellFiller[Item]) -> Any:
    """Two columns, left language | right language, one row per item, so translations line up.

    Callers print `headings.none` instead of calling this with no items: Word calls a table
    without rows unreadable.
    """
    assert items, "a table needs at least one row"
    table = add_table(document, 2)
    for item in items:
        row = table.add_row()
        keep_row_together(row)
        left_cell, right_cell = row.cells
        fill(left_cell, item, left_of)
        fill(right_cell, item, right_of)
    return table


def end_with_paragraph(document: Any) -> None:
    """Word expects a paragraph after the last table of the body; it adds one itself otherwise."""
    blocks = [child for child in document.element.body if child.tag != qn("w:sectPr")]
    if blocks and blocks[-1].tag == qn("w:tbl"):
        new_paragraph(document, styles.BODY)


def add_table(document: Any, columns: int) -> Any:
    table = document.add_table(rows=0, cols=columns)
    set_table_style(table, styles.TABLE)
    return table


def add_header_row(table: Any, headers: Sequence[Pair], look: Look) -> None:
    """The table's first row: bilingual column names on the accent colour, repeated on each page."""
    row = table.rows[0]
    repeat_as_header(row)
    keep_row_together(row)
    for cell, header in zip(row.cells, headers, strict=True):
        shade_cell(cell, str(look.accent))
        add_pair_runs(new_paragraph(cell, styles.TABLE_HEADER), header, colour=look.on_accent)


def add_source(cell: Any, reference: SourceRef, style: str) -> None:
    """The note's title, then its rapporteur and the paragraph: what a reader can look up.

    The workshop is not repeated: the register has a column for it, a workshop section is it.
    """
    add_run(new_paragraph(cell, style), reference.title, style=styles.SOURCE)
    byline = reference.rapporteur
    if reference.paragraph is not None:
        byline += f"{DETAIL_SEPARATOR}{PARAGRAPH_SIGN}{reference.paragraph}"
    add_run(new_paragraph(cell, style), byline, style=styles.SOURCE)
