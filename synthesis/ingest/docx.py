"""Word notes: paragraphs, bullet lists and tables in document order, plus core properties."""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from synthesis.ingest.containers import ZipLimits, open_checked_zip
from synthesis.ingest.document import Block, RawDocument, table_block
from synthesis.ingest.properties import metadata_from_properties


def _paragraph_block(paragraph: Paragraph) -> Block | None:
    text = paragraph.text.strip()
    if not text:
        return None
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.startswith(("Heading", "Title")):
        return Block("heading", text)
    properties = paragraph._p.pPr
    if style.startswith("List") or (properties is not None and properties.numPr is not None):
        return Block("list_item", text)
    return Block("paragraph", text)


def _table_blocks(table: Table) -> list[Block]:
    blocks = []
    for row in table.rows:
        cells: list[str] = []
        seen: list[object] = []
        for cell in row.cells:
            # A merged cell comes back once per grid column it spans; keep it once.
            if cell._tc in seen:
                continue
            seen.append(cell._tc)
            cells.append(cell.text)
        if any(c.strip() for c in cells):
            blocks.append(table_block(cells))
    return blocks


def _core_properties(document: Any) -> dict[str, str | None]:
    core = document.core_properties
    return {
        "title": core.title,
        "author": core.author,
        "category": core.category,
        "subject": core.subject,
        "language": core.language,
        "keywords": core.keywords,
    }


def read_docx(data: bytes, *, limits: ZipLimits) -> RawDocument:
    archive = open_checked_zip(data, "DOCX", limits)
    has_core = "docProps/core.xml" in archive.namelist()
    document = docx.Document(io.BytesIO(data))
    blocks: list[Block] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(_table_blocks(item))
        elif block := _paragraph_block(item):
            blocks.append(block)
    # Without a core.xml python-docx invents defaults ("Word Document"), which are not metadata.
    metadata = metadata_from_properties(_core_properties(document)) if has_core else {}
    return RawDocument(blocks, metadata)
