"""The editable DOCX booklet, built on a Word template of named styles."""

from __future__ import annotations

from synthesis.documents.docx.booklet import render_booklet_docx
from synthesis.documents.docx.styles import STYLES, TEMPLATE

__all__ = ["STYLES", "TEMPLATE", "render_booklet_docx"]
