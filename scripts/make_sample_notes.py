#!/usr/bin/env python3
"""Generate the sample summit's .docx, .pdf and .odt notes from Markdown sources.

    .venv/bin/python scripts/make_sample_notes.py

Sources live in scripts/sample_sources/<workshop>/<slug>.md: YAML front matter
(the note's metadata plus `format: docx|pdf|odt`) and a small Markdown subset
(# headings, paragraphs, - bullets, 1. numbered items, | pipe | tables |).
The outputs go to inputs/dusseldorf-2019/notes/<workshop>/ and are committed,
so that the sample summit can be read without running this script.

The documents carry their metadata the way rapporteurs' files do: DOCX in its
core properties, ODT in meta.xml, PDF partly in its info dictionary and partly
in a `<file>.meta.yaml` sidecar. PDFs get a running header and footer and
words hyphenated at line ends, which ingestion must undo.
"""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
import yaml
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "sample_sources"
NOTES = ROOT / "inputs" / "dusseldorf-2019" / "notes"
SUMMIT_LABEL = "2nd International Mayors Summit on Living Together · Düsseldorf 2019"


@dataclass
class Item:
    kind: str  # heading1, heading2, paragraph, bullet, number, table
    text: str = ""
    rows: list[list[str]] | None = None


def parse_source(path: Path) -> tuple[dict[str, Any], list[Item]]:
    raw = path.read_text(encoding="utf-8")
    match = re.match(r"\A---\n(.*?)\n---\n", raw, re.DOTALL)
    if not match:
        sys.exit(f"{path}: missing front matter")
    meta = yaml.safe_load(match.group(1))
    items: list[Item] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            items.append(Item("paragraph", " ".join(paragraph)))
            paragraph.clear()

    for line in raw[match.end() :].splitlines():
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("## "):
            flush()
            items.append(Item("heading2", stripped[3:]))
        elif stripped.startswith("# "):
            flush()
            items.append(Item("heading1", stripped[2:]))
        elif stripped.startswith("|"):
            flush()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-+:?", c) for c in cells):
                continue
            if items and items[-1].kind == "table" and items[-1].rows is not None:
                items[-1].rows.append(cells)
            else:
                items.append(Item("table", rows=[cells]))
        elif re.match(r"^[-*] ", stripped):
            flush()
            items.append(Item("bullet", stripped[2:]))
        elif m := re.match(r"^\d+[.)] ", stripped):
            flush()
            items.append(Item("number", stripped[m.end() :]))
        else:
            paragraph.append(stripped)
    flush()
    return meta, items


def keywords(meta: dict[str, Any]) -> str:
    return "; ".join(f"{k}: {meta[k]}" for k in ("city",) if meta.get(k))


# --- DOCX -------------------------------------------------------------------


def write_docx(meta: dict[str, Any], items: list[Item], target: Path) -> None:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    for item in items:
        if item.kind.startswith("heading"):
            document.add_heading(item.text, level=int(item.kind[-1]))
        elif item.kind == "bullet":
            document.add_paragraph(item.text, style="List Bullet")
        elif item.kind == "number":
            document.add_paragraph(item.text, style="List Number")
        elif item.kind == "table" and item.rows:
            table = document.add_table(rows=len(item.rows), cols=len(item.rows[0]))
            table.style = "Table Grid"
            for row, cells in zip(table.rows, item.rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.text = text
        else:
            document.add_paragraph(item.text)
    core = document.core_properties
    core.title = meta["title"]
    core.author = meta["rapporteur"]
    core.category = meta["workshop"]
    core.subject = str(meta["session"])
    core.language = meta.get("language") or ""
    core.keywords = keywords(meta)
    core.last_modified_by = meta["rapporteur"]
    core.created = core.modified = datetime(2019, 8, 30, 9, 0)
    core.comments = ""
    document.save(str(target))


# --- ODT --------------------------------------------------------------------

_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def _odt_body(items: list[Item]) -> str:
    parts: list[str] = []
    in_list = False
    for item in items:
        if item.kind in ("bullet", "number"):
            if not in_list:
                parts.append("<text:list>")
                in_list = True
            parts.append(f"<text:list-item><text:p>{escape(item.text)}</text:p></text:list-item>")
            continue
        if in_list:
            parts.append("</text:list>")
            in_list = False
        if item.kind.startswith("heading"):
            level = item.kind[-1]
            parts.append(f'<text:h text:outline-level="{level}">{escape(item.text)}</text:h>')
        elif item.kind == "table" and item.rows:
            rows = "".join(
                "<table:table-row>"
                + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row)
                + "</table:table-row>"
                for row in item.rows
            )
            parts.append(f"<table:table>{rows}</table:table>")
        else:
            parts.append(f"<text:p>{escape(item.text)}</text:p>")
    if in_list:
        parts.append("</text:list>")
    return "".join(parts)


def write_odt(meta: dict[str, Any], items: list[Item], target: Path) -> None:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
        f"<office:body><office:text>{_odt_body(items)}</office:text></office:body>"
        "</office:document-content>"
    )
    user_fields = "".join(
        f'<meta:user-defined meta:name="{name}">{escape(str(meta[name]))}</meta:user-defined>'
        for name in ("workshop", "city")
        if meta.get(name)
    )
    language = f"<dc:language>{meta['language']}</dc:language>" if meta.get("language") else ""
    meta_xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODT_NS}><office:meta>'
        f"<dc:title>{escape(meta['title'])}</dc:title>"
        f"<meta:initial-creator>{escape(meta['rapporteur'])}</meta:initial-creator>"
        f"<dc:subject>{escape(str(meta['session']))}</dc:subject>{language}{user_fields}"
        "</office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    stamp = (2019, 8, 30, 9, 0, 0)
    with zipfile.ZipFile(target, "w") as archive:
        # The mimetype must come first and uncompressed, as the ODF spec requires.
        archive.writestr(zipfile.ZipInfo("mimetype", stamp), "application/vnd.oasis.opendocument.text")
        for name, data in (
            ("META-INF/manifest.xml", manifest),
            ("content.xml", content),
            ("meta.xml", meta_xml),
        ):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


# --- PDF --------------------------------------------------------------------

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 70, PAGE_W - 70, PAGE_H - 100, 80
BODY_FONT, BODY_SIZE, LEADING = "Helvetica", 12, 15.5


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Greedy line breaking that hyphenates long words, as word processors do."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        core = word.rstrip(",.;:!?)»")
        if len(core) >= 7 and core.isalpha():
            for cut in range(len(core) - 3, 3, -1):
                head = f"{line} {word[:cut]}-".strip()
                if stringWidth(head, font, size) <= width:
                    lines.append(head)
                    line = word[cut:]
                    break
            else:
                lines.append(line)
                line = word
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


class _PdfWriter:
    def __init__(self, target: Path, meta: dict[str, Any], full_info: bool) -> None:
        self.canvas = Canvas(str(target), pagesize=A4, invariant=1)
        self.canvas.setTitle(meta["title"])
        self.canvas.setAuthor(meta["rapporteur"])
        if full_info:
            self.canvas.setSubject(str(meta["session"]))
            self.canvas.setKeywords(keywords(meta))
        self.header = f"{SUMMIT_LABEL} · {meta['workshop']}"
        self.page = 1
        self.y = TOP
        self._decorate()

    def _decorate(self) -> None:
        self.canvas.setFont("Helvetica", 8)
        self.canvas.drawString(LEFT, PAGE_H - 50, self.header)
        self.canvas.drawRightString(RIGHT, 40, f"Page {self.page}")

    def _newline(self, leading: float) -> None:
        if self.y - leading < BOTTOM:
            self.canvas.showPage()
            self.page += 1
            self.y = TOP
            self._decorate()
        self.y -= leading

    def block(self, text: str, *, font: str = BODY_FONT, size: float = BODY_SIZE, indent: float = 0,
              marker: str = "", gap: float = 9) -> None:  # fmt: skip
        width = RIGHT - LEFT - indent
        for index, line in enumerate(_wrap(text, width, font, size)):
            self._newline(size * LEADING / BODY_SIZE)
            self.canvas.setFont(font, size)
            if index == 0 and marker:
                self.canvas.drawString(LEFT + indent - 12, self.y, marker)
            self.canvas.drawString(LEFT + indent, self.y, line)
        self.y -= gap

    def save(self) -> None:
        self.canvas.save()


def write_pdf(meta: dict[str, Any], items: list[Item], target: Path, full_info: bool) -> None:
    writer = _PdfWriter(target, meta, full_info)
    number = 0
    for item in items:
        number = number + 1 if item.kind == "number" else 0
        if item.kind == "heading1":
            writer.block(item.text, font="Helvetica-Bold", size=15, gap=8)
        elif item.kind == "heading2":
            writer.block(item.text, font="Helvetica-Bold", size=12.5, gap=6)
        elif item.kind == "bullet":
            writer.block(item.text, indent=16, marker="•", gap=4)
        elif item.kind == "number":
            writer.block(item.text, indent=16, marker=f"{number}.", gap=4)
        elif item.kind == "table" and item.rows:
            for row in item.rows:
                writer.block(" | ".join(row), gap=3)
            writer.y -= 6
        else:
            writer.block(item.text)
    writer.save()
    sidecar = target.with_name(target.name + ".meta.yaml")
    if full_info:
        sidecar.unlink(missing_ok=True)
        return
    fields = {k: meta[k] for k in ("session", "city", "language") if meta.get(k)}
    fields["session"] = str(fields["session"])
    sidecar.write_text(
        "# Metadata for the PDF beside this file (PDFs have no field for them).\n"
        + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )


def main() -> None:
    sources = sorted(SOURCES.glob("*/*.md"))
    if not sources:
        sys.exit(f"no sources under {SOURCES}")
    for index, source in enumerate(sources):
        meta, items = parse_source(source)
        fmt = meta.pop("format")
        target = NOTES / source.parent.name / f"{source.stem}.{fmt}"
        target.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "docx":
            write_docx(meta, items, target)
        elif fmt == "odt":
            write_odt(meta, items, target)
        elif fmt == "pdf":
            write_pdf(meta, items, target, full_info=index % 3 == 0)
        else:
            sys.exit(f"{source}: unknown format {fmt!r}")
        print(f"{source.relative_to(ROOT)} -> {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
