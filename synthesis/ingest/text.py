"""Plain-text and Markdown notes: encoding, YAML front matter and blocks."""

from __future__ import annotations

import codecs
import re
from typing import Any

import yaml
from charset_normalizer import from_bytes

from synthesis.errors import NoteRejected
from synthesis.ingest.document import Block, RawDocument, table_block
from synthesis.ingest.sniff import bomless_utf16
from synthesis.models import BlockKind, RejectionReason
from synthesis.yamlsafe import load_plain_yaml

# Rapporteurs in en/fr/de write with Western code pages when they do not use UTF-8;
# restricting the guess to those keeps short notes from being read as Cyrillic or Greek.
_WESTERN_ENCODINGS = ["cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850"]
_MAX_CHAOS = 0.2

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•–·▪]|\d{1,2}[.)])\s+(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_INLINE_MARKDOWN = (
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links and images keep their text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
)


def decode(data: bytes) -> tuple[str, str | None]:
    """The text, and the encoding's name when it was not UTF-8 (worth a warning)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), (None if encoding == "utf-8-sig" else encoding)
            except UnicodeDecodeError:
                break
    if utf16 := bomless_utf16(data):  # before UTF-8, which accepts zero bytes
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_WESTERN_ENCODINGS).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise NoteRejected(
            RejectionReason.UNDECODABLE_TEXT,
            "the text is not UTF-8 and no Western encoding reads it cleanly",
            hint="open the note in a text editor and save it as UTF-8",
        )
    return str(best), best.encoding


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = load_plain_yaml(match.group(1) or "") or {}
    except yaml.YAMLError as error:
        raise NoteRejected(
            RejectionReason.INVALID_METADATA,
            f"the front matter is not valid YAML: {' '.join(str(error).split())}",
            hint="fix the lines between the two '---' at the top of the note",
        ) from error
    if not isinstance(data, dict):
        raise NoteRejected(
            RejectionReason.INVALID_METADATA,
            "the front matter is not a list of 'field: value' lines",
            hint="write one 'field: value' per line between the two '---'",
        )
    return data, text[match.end() :]


def _strip_inline(text: str) -> str:
    for pattern, replacement in _INLINE_MARKDOWN:
        text = pattern.sub(replacement, text)
    return text


def _continues(previous: str, line: str, *, bullet: bool = False) -> bool:
    """Is `line` the wrapped continuation of `previous`, not a statement of its own?

    Rapporteurs often type one statement per line with no blank line between,
    so lines join only when the text plainly runs on. A bullet goes on only on an
    indented or lower-case line: "- key = maintenance agreements" and the sentence
    typed under it are two things.
    """
    stripped = line.lstrip()
    if not stripped:
        return False
    if stripped[0].islower() or line[:1].isspace():
        return True
    if bullet:
        return False
    tail = previous.rstrip()
    return tail.endswith((",", ";", "(", "-", "–")) or (len(tail) >= 60 and tail[-1:].isalpha())


def parse_blocks(body: str, *, markdown: bool) -> list[Block]:
    blocks: list[tuple[BlockKind, str]] = []
    rows: dict[int, list[str]] = {}  # block index → cells of a table row
    open_block = False  # may the next line continue the last block?
    for raw in body.splitlines():
        line = raw.rstrip()
        if not line.strip() or (_RULE.match(line) and not _TABLE_ROW.match(line)):
            open_block = False
            continue
        if heading := _HEADING.match(line):
            blocks.append(("heading", heading.group(1)))
            open_block = False
        elif table := _TABLE_ROW.match(line):
            if not _TABLE_RULE.match(line):
                cells = [cell.strip() for cell in table.group(1).split("|")]
                if any(cells):
                    rows[len(blocks)] = cells
                    blocks.append(("table_row", ""))
            open_block = False
        elif bullet := _BULLET.match(line):
            blocks.append(("list_item", bullet.group(1)))
            open_block = True
        elif open_block and blocks and _continues(blocks[-1][1], line, bullet=blocks[-1][0] == "list_item"):
            kind, text = blocks[-1]
            blocks[-1] = (kind, f"{text} {line.strip()}")
        else:
            blocks.append(("paragraph", line.strip()))
            open_block = True

    def clean(text: str) -> str:
        return _strip_inline(text) if markdown else text

    found = []
    for index, (kind, text) in enumerate(blocks):
        if index in rows:
            found.append(table_block([clean(cell) for cell in rows[index]]))
        elif text := clean(text):
            found.append(Block(kind, text))
    return found


def read_text(data: bytes, *, markdown: bool) -> RawDocument:
    text, encoding = decode(data)
    metadata, body = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    warnings = [f"read as {encoding}, not UTF-8; save as UTF-8 next time"] if encoding else []
    return RawDocument(parse_blocks(body, markdown=markdown), metadata, warnings)
