"""The cover, the contents and the page footer."""

from __future__ import annotations

from typing import Any

from docx.shared import Cm

from synthesis.documents.content import Exhibition, Pair, Text
from synthesis.documents.docx import styles
from synthesis.documents.docx.blocks import (
    DETAIL_SEPARATOR,
    Look,
    add_heading,
    add_pair_runs,
    add_run,
    add_text,
    add_text_run,
    new_paragraph,
)
from synthesis.documents.docx.ooxml import add_field, begin_field, end_field, set_paragraph_style

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
    for line in credits(exhibition):
        add_text_run(new_paragraph(document, styles.COVER_TEXT), line)


def credits(exhibition: Exhibition) -> list[Text]:
    """Who presents and the organiser, one line per language (once if alike):
    "Köln · Internationale Beobachtungsstelle…", "Cologne · International Observatory…".

    Hand-made content may lack the organiser: the metadata's one-line author stands in.
    """
    organiser = exhibition.organiser
    if organiser is None:
        return [Text(exhibition.author, exhibition.languages[0])]
    lines = [organiser.left, organiser.right]
    if exhibition.presenter is not None:
        lines = [
            Text(f"{city.text}{DETAIL_SEPARATOR}{line.text}", line.language)
            for city, line in zip((exhibition.presenter.left, exhibition.presenter.right), lines, strict=True)
        ]
    return lines[:1] if lines[0].text == lines[1].text else lines


def add_contents(document: Any, exhibition: Exhibition, look: Look) -> None:
    """The contents as a TOC field whose last computed result is already written in: the entries
    read as soon as the file opens, in Word and LibreOffice alike, and "Update field" adds the
    page numbers (which only the program laying the pages out can know)."""
    add_heading(document, exhibition.headings.contents, styles.HEADING_1, look)
    entries = contents_entries(exhibition)
    paragraphs = [new_paragraph(document, styles.BODY) for _ in entries]
    begin_field(paragraphs[0], TOC_FIELD)
    for paragraph, entry in zip(paragraphs, entries, strict=True):
        add_pair_runs(paragraph, entry)
    end_field(paragraphs[-1])


def contents_entries(exhibition: Exhibition) -> list[Pair]:
    """The level-1 headings after the contents, in order: what the TOC field lists."""
    h = exhibition.headings
    return [
        *(workshop.name for workshop in exhibition.workshops),
        h.register,
        h.cities,
        h.shared_themes,
        h.method,
    ]


def add_page_footer(document: Any, exhibition: Exhibition) -> None:
    """ "Page 3" (or "Page / Seite 3") at the foot of every page but the cover, and under it who
    presents, one line per language: the credits are too long to share a line."""
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
    for line in credits(exhibition):
        credit = footer.add_paragraph()
        set_paragraph_style(credit, styles.FOOTER)
        add_text_run(credit, line)
