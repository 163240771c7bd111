"""The WordprocessingML python-docx has no API for: languages, fields, shading, header rows, widths.

Each helper writes one element in the place the schema orders it, so Word opens
the file without offering to repair it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from synthesis.models import Language

# Word spell-checks a run in the language its w:lang names; a region is what Word's dictionaries list.
WORD_LANGUAGE_TAGS: dict[str, str] = {"en": "en-GB", "fr": "fr-FR", "de": "de-DE"}

# XML 1.0 allows tab, newline, carriage return and these ranges; lxml refuses the rest outright.
_XML_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Successors of each element in its parent's schema sequence, for inserting in order.
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_TRPR_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")
_TRPR_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden")


# Style ids by style name, per document: python-docx scans every style of the template on each
# lookup by name, which made a 20-workshop booklet take 15 s instead of 1.
_STYLE_IDS: WeakKeyDictionary[Any, dict[str, str]] = WeakKeyDictionary()


def style_id(story_item: Any, name: str) -> str:
    """The id of the style called `name` in the document `story_item` (a paragraph, run or table) is in."""
    document_part = story_item.part._document_part
    ids = _STYLE_IDS.get(document_part)
    if ids is None:
        ids = {style.name: style.style_id for style in document_part.styles}
        _STYLE_IDS[document_part] = ids
    return ids[name]


def set_paragraph_style(paragraph: Any, name: str) -> None:
    paragraph._p.get_or_add_pPr().style = style_id(paragraph, name)


def set_run_style(run: Any, name: str) -> None:
    run._r.get_or_add_rPr().style = style_id(run, name)


def set_table_style(table: Any, name: str) -> None:
    table._tbl.tblStyle_val = style_id(table, name)


def word_language_tag(language: Language) -> str:
    """The w:lang value for a language code: "fr" → "fr-FR"; an unlisted code is used as it is."""
    return WORD_LANGUAGE_TAGS.get(language, language)


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids, line ends as newlines.

    A note may carry NULs or escape sequences pasted from a terminal; lxml would
    refuse them and abort the whole booklet, so they are dropped, not escaped.
    """
    return _XML_FORBIDDEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def set_run_language(run: Any, tag: str) -> None:
    rpr = run._r.get_or_add_rPr()
    _set_lang(rpr, tag)


def set_default_language(document: Any, tag: str) -> None:
    """Set w:docDefaults/w:rPrDefault/w:rPr/w:lang, the language of every run that names none."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_lang(rpr, tag)


def _set_lang(rpr: Any, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, *_RPR_AFTER_LANG)
    lang.set(qn("w:val"), tag)


def shade_cell(cell: Any, fill: str) -> None:
    """Fill a cell with a solid colour, `fill` as six hex digits."""
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:shd")):
        tcpr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.insert_element_before(shd, *_TCPR_AFTER_SHD)


def keep_row_together(row: Any) -> None:
    """Forbid a page break inside the row: a commitment is not read across two pages."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:cantSplit")) is None:
        trpr.insert_element_before(OxmlElement("w:cantSplit"), *_TRPR_AFTER_CANT_SPLIT)


def repeat_as_header(row: Any) -> None:
    """Mark the row as the table's header, repeated at the top of every page the table spans."""
    trpr = row._tr.get_or_add_trPr()
    if trpr.find(qn("w:tblHeader")) is None:
        trpr.insert_element_before(OxmlElement("w:tblHeader"), *_TRPR_AFTER_TBL_HEADER)


def add_field(paragraph: Any, instruction: str) -> None:
    """Append a complex field (PAGE) with an empty result: Word computes it when fields update."""
    begin_field(paragraph, instruction)
    end_field(paragraph)


def begin_field(paragraph: Any, instruction: str) -> None:
    """Start a complex field: what follows, up to `end_field` (in this or a later paragraph), is its
    result as last computed, which Word and LibreOffice show until fields are updated."""
    _add_field_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    _add_field_char(paragraph, "separate")


def end_field(paragraph: Any) -> None:
    _add_field_char(paragraph, "end")


def _add_field_char(paragraph: Any, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def set_column_widths(table: Any, widths: Sequence[int]) -> None:
    """Fix the table's column widths, in twips, in the grid and in every cell (Word reads the
    cells' widths, LibreOffice the grid's), with a fixed layout so neither program re-flows them."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Twips(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)
