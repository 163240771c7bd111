"""The cover, the contents and the page footer."""

from __future__ import annotations

from typing import Any

from docx.shared import Cm

from synthesis.documents.content import Exhibition, WorkshopContent
from synthesis.documents.docx import styles
from synthesis.documents.docx.blocks import (
    Look,
    Side,
    add_heading,
    add_none,
    add_pair_runs,
    add_parallel_table,
    add_run,
    add_text,
    add_text_run,
    new_paragraph,
)
from synthesis.documents.docx.ooxml import add_field, set_paragraph_style

LOGO_WIDTH = Cm(4)
# Level-1 headings only: the per-workshop subheadings would repeat a dozen times over.
# \u takes the outline level the Summit Heading styles define, \h makes entries links.
TOC_FIELD = r'TOC \o "1-1" \h \z \u'


def add_cover(document: Any, exhibition: Exhibition, look: Look) -> None:
    logo = exhibition.branding.logo
    if logo is not None:
        new_paragraph(document, styles.COVER_TEXT).add_run().add_picture(str(logo), width=LOGO_WIDTH)
    for text in (exhibition.title.left, exhibition.title.right):
        add_text_run(new_paragraph(document, styles.TITLE), text, colour=look.accent)
    for pair, style in ((exhibition.subtitle, styles.SUBTITLE), (exhibition.edition, styles.COVER_TEXT)):
        add_text(document, pair.left, style)
        add_text(document, pair.right, style)
    add_run(new_paragraph(document, styles.COVER_TEXT), exhibition.author)


def add_contents(document: Any, exhibition: Exhibition, look: Look) -> None:
    """A TOC field Word fills in when fields update, and a plain list that reads without it."""
    add_heading(document, exhibition.headings.contents, styles.HEADING_1, look)
    add_field(new_paragraph(document, styles.BODY), TOC_FIELD)
    add_heading(document, exhibition.headings.workshops, styles.HEADING_2, look)

    def name(cell: Any, workshop: WorkshopContent, side: Side) -> None:
        add_text(cell, side(workshop.name), styles.BODY)

    if exhibition.workshops:
        add_parallel_table(document, exhibition.workshops, name)
    else:
        add_none(document, exhibition.headings.none)


def add_page_footer(document: Any, exhibition: Exhibition) -> None:
    """ "Page 3" (or "Page / Seite 3") at the foot of every page but the cover."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    footer = section.footer
    footer.is_linked_to_previous = False
    for paragraph in footer.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.clear()
    set_paragraph_style(paragraph, styles.FOOTER)
    add_pair_runs(paragraph, exhibition.headings.page)
    add_run(paragraph, " ")
    add_field(paragraph, "PAGE")
