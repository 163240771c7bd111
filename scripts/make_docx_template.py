#!/usr/bin/env python3
"""Generate the Word template the DOCX booklet is built on.

    .venv/bin/python scripts/make_docx_template.py [--output PATH]

Writes synthesis/documents/docx/template.docx (committed) unless told otherwise.
The template holds the look: A4 page, margins, and every named style the
renderer uses (`synthesis.documents.docx.STYLES`); the renderer only names
styles and applies the presenter's accent colour. To restyle the booklet, edit
the specs below and rerun, or edit the styles of template.docx in Word.

The output is byte-for-byte reproducible: fixed core properties and fixed
timestamps in the zip, so rerunning without changes leaves git clean.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synthesis.documents.docx.styles import (  # noqa: E402  (needs ROOT on the path)
    BODY,
    CHARACTER_STYLES,
    COVER_TEXT,
    DETAIL,
    FONT,
    FOOTER,
    HEADING_1,
    HEADING_2,
    LABEL,
    MARKER,
    PARAGRAPH_STYLES,
    QUOTE,
    SOURCE,
    STYLES,
    SUBTITLE,
    TABLE,
    TABLE_HEADER,
    TABLE_STYLES,
    TABLE_TEXT,
    TEMPLATE,
    TITLE,
    VERBATIM,
)

DEFAULT_ACCENT = RGBColor(0x1F, 0x5C, 0x99)  # Branding's default; the renderer recolours with its own
INK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x59, 0x59, 0x59)
LIGHT_GREY = "BFBFBF"
FIXED_TIME = datetime(2026, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# pPr children after w:pBdr, in schema order: a border must be inserted before them.
_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


@dataclass(frozen=True)
class ParagraphSpec:
    size: float
    bold: bool = False
    italic: bool = False
    colour: RGBColor = INK
    before: float = 0
    after: float = 4
    keep_with_next: bool = False
    page_break_before: bool = False
    outline_level: int | None = None  # 0 = level 1: what the TOC field and navigation pane list
    left_indent: float = 0  # cm
    left_border: bool = False
    align: WD_ALIGN_PARAGRAPH | None = None


@dataclass(frozen=True)
class CharacterSpec:
    bold: bool = False
    italic: bool = False
    size: float | None = None
    colour: RGBColor | None = None
    no_proof: bool = False  # file names: not spell-checked


PARAGRAPHS: dict[str, ParagraphSpec] = {
    TITLE: ParagraphSpec(28, bold=True, colour=DEFAULT_ACCENT, after=6),
    SUBTITLE: ParagraphSpec(14, colour=GREY, before=10, after=2),
    COVER_TEXT: ParagraphSpec(11, before=8, after=2),
    HEADING_1: ParagraphSpec(
        18,
        bold=True,
        colour=DEFAULT_ACCENT,
        after=12,
        keep_with_next=True,
        page_break_before=True,
        outline_level=0,
    ),
    HEADING_2: ParagraphSpec(
        12.5, bold=True, colour=DEFAULT_ACCENT, before=14, after=4, keep_with_next=True, outline_level=1
    ),
    BODY: ParagraphSpec(10, after=3),
    # Not italic: the verbatim character style inside it is, and italic on both would cancel out.
    QUOTE: ParagraphSpec(11, after=3, left_indent=0.2, left_border=True),
    MARKER: ParagraphSpec(7.5, colour=GREY, after=3),
    DETAIL: ParagraphSpec(8, colour=GREY, after=1),
    TABLE_TEXT: ParagraphSpec(9, after=2),
    TABLE_HEADER: ParagraphSpec(9, bold=True, after=0, keep_with_next=True),
    FOOTER: ParagraphSpec(8, colour=GREY, after=0, align=WD_ALIGN_PARAGRAPH.CENTER),
}

CHARACTERS: dict[str, CharacterSpec] = {
    LABEL: CharacterSpec(bold=True),
    VERBATIM: CharacterSpec(italic=True),
    SOURCE: CharacterSpec(size=7.5, colour=GREY, no_proof=True),
}


def build_template() -> Any:
    """The template as a python-docx Document: page setup and every style in STYLES."""
    document = docx.Document()
    _set_page(document)
    _set_defaults(document)
    for name, spec in PARAGRAPHS.items():
        _add_paragraph_style(document, name, spec)
    for name, character in CHARACTERS.items():
        _add_character_style(document, name, character)
    _add_table_style(document, TABLE)
    _set_properties(document)
    _drop_thumbnail(document)
    missing = set(STYLES) - {style.name for style in document.styles}
    if missing or set(PARAGRAPHS) != set(PARAGRAPH_STYLES) or set(CHARACTERS) != set(CHARACTER_STYLES):
        raise SystemExit(f"the specs here and styles.STYLES disagree: missing {sorted(missing)}")
    assert (TABLE,) == TABLE_STYLES
    return document


def write_template(path: Path) -> Path:
    """Write the template to `path`, byte-for-byte the same on every run."""
    buffer = io.BytesIO()
    build_template().save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_reproducible_zip(buffer.getvalue()))
    return path


def _reproducible_zip(data: bytes) -> bytes:
    # python-docx stamps each zip entry with the current time; fixed times make the file reproducible.
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def _set_page(document: Any) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.header_distance = section.footer_distance = Cm(1)


def _set_defaults(document: Any) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    # The theme's fonts would win over Normal's for some scripts; name the font everywhere.
    fonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    r_fonts = fonts.find(qn("w:rFonts"))
    for attribute in list(r_fonts.attrib):
        del r_fonts.attrib[attribute]
    for kind in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        r_fonts.set(qn(kind), FONT)


def _add_paragraph_style(document: Any, name: str, spec: ParagraphSpec) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.priority = 1
    font = style.font
    font.name, font.size, font.bold, font.italic = FONT, Pt(spec.size), spec.bold, spec.italic
    font.color.rgb = spec.colour
    layout = style.paragraph_format
    layout.space_before, layout.space_after = Pt(spec.before), Pt(spec.after)
    layout.keep_with_next = spec.keep_with_next
    layout.page_break_before = spec.page_break_before
    layout.widow_control = True
    if spec.left_indent:
        layout.left_indent = Cm(spec.left_indent)
    if spec.align is not None:
        layout.alignment = spec.align
    ppr = style.element.get_or_add_pPr()
    if spec.outline_level is not None:
        ppr.get_or_add_outlineLvl().val = spec.outline_level
    if spec.left_border:
        ppr.insert_element_before(_left_border(), *_PPR_AFTER_PBDR)


def _left_border() -> Any:
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "6"), ("w:color", LIGHT_GREY)):
        left.set(qn(key), value)
    borders.append(left)
    return borders


def _add_character_style(document: Any, name: str, spec: CharacterSpec) -> None:
    style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.quick_style = True
    style.priority = 2
    font = style.font
    if spec.bold:
        font.bold = True
    if spec.italic:
        font.italic = True
    if spec.size is not None:
        font.size = Pt(spec.size)
    if spec.colour is not None:
        font.color.rgb = spec.colour
    if spec.no_proof:
        font.no_proof = True


def _add_table_style(document: Any, name: str) -> None:
    """Thin grey rules between all cells, and room around the text."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    style.priority = 1
    tbl_pr = OxmlElement("w:tblPr")
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", LIGHT_GREY)):
            line.set(qn(key), value)
        borders.append(line)
    tbl_pr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, twips in (("top", 57), ("left", 85), ("bottom", 57), ("right", 85)):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.append(margins)
    style.element.append(tbl_pr)


def _set_properties(document: Any) -> None:
    properties = document.core_properties
    properties.title = "Summit Synthesis booklet template"
    properties.author = properties.last_modified_by = "summit-synthesis"
    properties.comments = "Generated by scripts/make_docx_template.py"
    properties.revision = 1
    properties.created = properties.modified = FIXED_TIME


def _drop_thumbnail(document: Any) -> None:
    # The default template's thumbnail shows a blank page; every booklet would inherit it.
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            package.rels.pop(rel_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=TEMPLATE, help=f"where to write (default {TEMPLATE})")
    args = parser.parse_args(argv)
    path = write_template(args.output)
    print(f"wrote {path} ({len(STYLES)} styles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
