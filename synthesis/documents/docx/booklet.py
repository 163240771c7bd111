"""The editable booklet: the A4 PDF booklet's content as a Word document built on `template.docx`.

Cities reuse the exhibition and edit its text, so everything is live text in
named styles: restyling means editing the template's styles, not this code.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC
from pathlib import Path
from typing import Any

from synthesis.documents.content import Exhibition
from synthesis.documents.docx.back_matter import add_city_index, add_method, add_register, add_shared_themes
from synthesis.documents.docx.blocks import Look, end_with_paragraph
from synthesis.documents.docx.branding import accent_colour, checked_logo, text_colour_on
from synthesis.documents.docx.front_matter import add_contents, add_cover, add_page_footer
from synthesis.documents.docx.ooxml import set_default_language, word_language_tag, xml_safe
from synthesis.documents.docx.styles import TEMPLATE
from synthesis.documents.docx.template import open_template
from synthesis.documents.docx.workshop_section import add_workshop
from synthesis.documents.errors import DocumentError


def render_booklet_docx(exhibition: Exhibition, path: Path, *, template: Path | None = None) -> Path:
    """Write the booklet to `path` and return it; DocumentError for a bad logo, colour or template."""
    accent = accent_colour(exhibition.branding.accent)
    look = Look(accent=accent, on_accent=text_colour_on(accent))
    if exhibition.branding.logo is not None:
        checked_logo(exhibition.branding.logo)

    document = open_template(template or TEMPLATE)
    _describe(document, exhibition)
    add_cover(document, exhibition, look)
    add_contents(document, exhibition, look)
    for workshop in exhibition.workshops:
        add_workshop(document, workshop, exhibition.headings, look)
    add_register(document, exhibition, look)
    add_city_index(document, exhibition, look)
    add_shared_themes(document, exhibition, look)
    add_method(document, exhibition, look)
    end_with_paragraph(document)
    add_page_footer(document, exhibition)
    _save(document, path)
    return path


def _describe(document: Any, exhibition: Exhibition) -> None:
    """Document language (for runs that name none) and the file's core properties."""
    language = word_language_tag(exhibition.languages[0])
    set_default_language(document, language)
    properties = document.core_properties
    # Core properties are limited to 255 characters by Word; python-docx refuses longer ones.
    properties.title = xml_safe(exhibition.document_title())[:255]
    properties.author = xml_safe(exhibition.author)[:255]
    properties.last_modified_by = xml_safe(exhibition.author)[:255]
    properties.language = language
    properties.keywords = xml_safe(", ".join(exhibition.keywords))[:255]
    properties.subject = xml_safe(exhibition.edition.left.text)[:255]
    properties.comments = ""
    properties.revision = 1
    if exhibition.made_at is not None:  # the synthesis's own time: the same run, the same file
        made = exhibition.made_at.astimezone(UTC).replace(microsecond=0)
        properties.created = made
        properties.modified = made


def _save(document: Any, path: Path) -> None:
    """Save through a temporary file, so a reader never opens half a booklet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        document.save(str(partial))
        os.replace(partial, path)
    except OSError as error:
        raise DocumentError(
            f"cannot write {path} ({error.strerror or error})",
            hint="check the output folder exists and is writable, and close the file if Word has it open",
        ) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
