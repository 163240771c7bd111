"""PDF notes with a text layer: layout boxes in reading order, without running headers."""

from __future__ import annotations

import io
import math
import re
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from synthesis.errors import NoteRejected
from synthesis.ingest.document import Block, RawDocument
from synthesis.ingest.properties import metadata_from_properties
from synthesis.models import RejectionReason

_MARGIN = 0.1  # running headers and footers sit in the top or bottom tenth of a page
# "(cid:N)" is how pdfminer shows a glyph its font does not map to Unicode;
# at the start of a line it is nearly always a bullet.
_BULLET = re.compile(r"^\s*(?:[•▪·◦‣*–-]|\(cid:\d+\)|\d{1,2}[.)])\s*(?<=\s|\))")
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_LONE_BULLET = re.compile(r"^(?:[•▪·◦‣*–-]|\(cid:\d+\))$")
_RUNS_ON = re.compile(r"^[a-zà-ÿß?!:;,.)»]")
_PAGE_NUMBER = re.compile(r"^(?:page|seite|p\.)?\s*#\s*(?:(?:/|of|sur|von|de)\s*#)?$", re.IGNORECASE)
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_MIN_TEXT_CHARS = 20


@dataclass(frozen=True, slots=True)
class _Box:
    page: int
    lines: tuple[str, ...]
    in_margin: bool
    at_top: bool
    size: float  # mean glyph height, to tell headings and running heads from body text

    @property
    def key(self) -> str:
        """The box's text with digits masked, so 'Page 2' and 'Page 3' repeat."""
        return re.sub(r"\d+", "#", " ".join(" ".join(self.lines).split()).lower())


def _has_image(element: Any) -> bool:
    if isinstance(element, LTImage):
        return True
    return isinstance(element, LTFigure) and any(_has_image(child) for child in element)


def _glyph_size(box: LTTextBox) -> float:
    sizes = [char.size for line in box for char in line if isinstance(char, LTChar)]
    return statistics.fmean(sizes) if sizes else 0.0


def _bullet_marks(page: LTPage) -> list[tuple[float, float]]:
    """(vertical centre, right edge) of lines that hold nothing but a bullet glyph.

    Word processors draw a list's bullets apart from its text, so layout
    analysis often puts them in a column of their own.
    """
    marks = []
    for element in page:
        # A lone glyph may be a line of its own, outside any box.
        lines = list(element) if isinstance(element, LTTextBox) else [element]
        for line in lines:
            if isinstance(line, LTTextLine) and _LONE_BULLET.match(line.get_text().strip()):
                marks.append(((line.y0 + line.y1) / 2, line.x1))
    return marks


def _line_text(line: Any, marks: list[tuple[float, float]]) -> str:
    text = str(line.get_text()).strip()
    centre, height = (line.y0 + line.y1) / 2, line.y1 - line.y0
    if any(abs(centre - y) < height / 2 and x <= line.x0 + 1 for y, x in marks):
        return f"• {text}"
    return text


def _page_boxes(number: int, page: LTPage) -> tuple[list[_Box], bool]:
    boxes, images = [], False
    marks = _bullet_marks(page)
    for element in page:
        if isinstance(element, LTTextBox):
            lines = tuple(_line_text(line, marks) for line in element)
            lines = tuple(line for line in lines if line and not _LONE_BULLET.match(line))
            if lines:
                top = element.y1 > page.height * (1 - _MARGIN)
                margin = top or element.y0 < page.height * _MARGIN
                boxes.append(_Box(number, lines, margin, top, _glyph_size(element)))
        elif _has_image(element):
            images = True
    return boxes, images


def _running(boxes: list[_Box], pages: int) -> set[str]:
    """Keys of margin boxes that repeat on at least half of the pages: headers and footers.

    Only pages that also hold body text count: a page whose one line sits in
    the margin is that line's page, not a header over nothing.
    """
    with_body = {b.page for b in boxes if not b.in_margin}
    pages_per_key = Counter(
        key for _, key in {(b.page, b.key) for b in boxes if b.in_margin and b.page in with_body}
    )
    needed = max(2, math.ceil(pages / 2))
    return {key for key, count in pages_per_key.items() if count >= needed}


def _join_lines(lines: tuple[str, ...]) -> list[tuple[bool, str]]:
    """Lines to (is_list_item, text) pieces, mending words hyphenated at line ends."""
    pieces: list[tuple[bool, str]] = []
    for line in lines:
        bullet = _BULLET.match(line)
        if bullet or not pieces:
            pieces.append((bool(bullet), line[bullet.end() :] if bullet else line))
            continue
        is_item, text = pieces[-1]
        pieces[-1] = (is_item, _join(text, line))
    return pieces


def _join(text: str, line: str) -> str:
    """Join a wrapped line, mending a word hyphenated at the break ('develop-' + 'ment')."""
    if _HYPHENATED.search(text) and line[:1].islower():
        return text[:-1] + line
    return f"{text} {line}"


def _metadata(data: bytes) -> dict[str, Any]:
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info = resolve1(document.info[0]) if document.info else {}
    properties: dict[str, str | None] = {}
    for name in ("Title", "Author", "Subject", "Keywords"):
        value = resolve1(info.get(name)) if isinstance(info, dict) else None
        if isinstance(value, bytes):
            value = decode_text(value)
        properties[name.lower()] = value if isinstance(value, str) else None
    return metadata_from_properties(properties)


_STREAM_START = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 16


def check_inflated_size(data: bytes, budget: int) -> None:
    """Inflate every Flate stream of the file under a byte budget, before pdfminer does.

    pdfminer decompresses a stream whole, so a 2 MB file can ask for gigabytes.
    Streams are found by their keyword and inflated in chunks, counting; what is
    not zlib data (images, other filters) stops at its first bytes.
    """
    total = 0
    for match in _STREAM_START.finditer(data):
        inflater, pending = zlib.decompressobj(), data[match.end() : match.end() + _CHUNK]
        position = match.end() + len(pending)
        try:
            while pending and not inflater.eof and total <= budget:
                total += len(inflater.decompress(pending, _CHUNK))  # at most _CHUNK bytes out at a time
                pending = inflater.unconsumed_tail or data[position : position + _CHUNK]
                position += 0 if inflater.unconsumed_tail else _CHUNK
        except zlib.error:
            continue  # not a Flate stream, or a damaged one: pdfminer will say
        if total > budget:
            raise NoteRejected(
                RejectionReason.TOO_LARGE_CONTENT,
                f"the PDF's compressed content unpacks to more than {budget:,} bytes",
                hint="this is not an ordinary note; export the document to PDF again, "
                "or save its text as .txt and upload that",
            )


def read_pdf(data: bytes, *, max_inflated_bytes: int = 100_000_000) -> RawDocument:
    check_inflated_size(data, max_inflated_bytes)
    try:
        metadata = _metadata(data)
        pages = list(extract_pages(io.BytesIO(data), laparams=LAParams()))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise NoteRejected(
            RejectionReason.PROTECTED,
            "the PDF is password-protected",
            hint="export it again without a password and upload the new copy",
        ) from error
    boxes: list[_Box] = []
    images = False
    for number, page in enumerate(pages):
        page_boxes, page_images = _page_boxes(number, page)
        boxes.extend(page_boxes)
        images = images or page_images

    text_chars = sum(len(line) for box in boxes for line in box.lines)
    if text_chars < _MIN_TEXT_CHARS:
        if images:
            raise NoteRejected(
                RejectionReason.SCANNED_PDF,
                "the PDF is a scan: its pages are images with no text layer",
                hint="run it through OCR (e.g. ocrmypdf) or upload the original document",
            )
        raise NoteRejected(
            RejectionReason.EMPTY, "the PDF has no text", hint="upload the note's original document"
        )

    running = _running(boxes, len(pages))
    body_sizes = [b.size for b in boxes if not b.in_margin] or [b.size for b in boxes]
    body_size = statistics.median(body_sizes) if body_sizes else 0.0

    def is_furniture(box: _Box) -> bool:
        """Running header, footer or page number; on a one-page note nothing repeats,
        so a single small-print line at the very top counts as a header too."""
        if not box.in_margin:
            return False
        small_top_line = box.at_top and len(box.lines) == 1 and box.size < body_size * 0.85
        return box.key in running or bool(_PAGE_NUMBER.match(box.key)) or small_top_line

    body = [b for b in boxes if not is_furniture(b)]
    blocks: list[Block] = []
    for box in body:
        text = " ".join(box.lines)
        if box.size > body_size * 1.15 and len(box.lines) <= 2 and len(text.split()) <= 12:
            heading = box.lines[0]
            for line in box.lines[1:]:
                heading = _join(heading, line)
            blocks.append(Block("heading", heading))
            continue
        for index, (is_item, piece) in enumerate(_join_lines(box.lines)):
            if index == 0 and not is_item and blocks and _runs_on(blocks[-1], piece):
                # A wrapped line that layout analysis put in a box of its own.
                blocks[-1] = Block(blocks[-1].kind, _join(blocks[-1].text, piece))
            else:
                blocks.append(Block("list_item" if is_item else "paragraph", piece))
    unmapped = sum(len(_UNMAPPED_GLYPH.findall(b.text)) for b in blocks)
    warnings = [f"{unmapped} glyph(s) without a Unicode mapping were dropped"] if unmapped else []
    blocks = [Block(b.kind, _UNMAPPED_GLYPH.sub("", b.text)) for b in blocks]
    return RawDocument(blocks, metadata, warnings)


def _runs_on(previous: Block, piece: str) -> bool:
    return (
        previous.kind in ("paragraph", "list_item")
        and not previous.text.rstrip().endswith((".", "!", "?", ":"))
        and bool(_RUNS_ON.match(piece))
    )
