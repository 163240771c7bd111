"""Opening the Word template the booklet is built on, and checking it defines the styles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from synthesis.documents.docx.styles import CHARACTER_STYLES, PARAGRAPH_STYLES, TABLE_STYLES
from synthesis.documents.errors import DocumentError

_REGENERATE = "regenerate it with scripts/make_docx_template.py, or add the missing styles in Word"


def open_template(template: Path) -> Any:
    """The template as an empty document: its styles, page setup and footers, none of its text."""
    try:
        document = docx.Document(str(template))
    except Exception as error:  # python-docx raises PackageNotFoundError, KeyError, BadZipFile...
        raise DocumentError(
            f"Word template {template} cannot be opened ({error})", hint=_REGENERATE
        ) from error
    _check_styles(document, template)
    _clear_body(document)
    return document


def _check_styles(document: Any, template: Path) -> None:
    defined = {(style.name, style.type) for style in document.styles}
    wanted = (
        [(name, WD_STYLE_TYPE.PARAGRAPH) for name in PARAGRAPH_STYLES]
        + [(name, WD_STYLE_TYPE.CHARACTER) for name in CHARACTER_STYLES]
        + [(name, WD_STYLE_TYPE.TABLE) for name in TABLE_STYLES]
    )
    missing = [name for name, kind in wanted if (name, kind) not in defined]
    if missing:
        raise DocumentError(
            f"Word template {template} lacks the styles {', '.join(missing)}", hint=_REGENERATE
        )


def _clear_body(document: Any) -> None:
    # Keep the final w:sectPr: it holds the page size, margins and footer references.
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
