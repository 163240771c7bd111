"""One uploaded file in, one validated Note (or one Rejection saying why not) out."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from synthesis.errors import NoteRejected
from synthesis.ingest.containers import ZipLimits
from synthesis.ingest.document import Block, RawDocument
from synthesis.ingest.docx import read_docx
from synthesis.ingest.language import detect_note, detect_paragraph
from synthesis.ingest.metadata import build_meta, read_sidecar
from synthesis.ingest.odt import read_odt
from synthesis.ingest.pdf import read_pdf
from synthesis.ingest.sniff import check_format
from synthesis.ingest.text import read_text
from synthesis.models import (
    Note,
    NoteFormat,
    Paragraph,
    Rejection,
    RejectionReason,
    content_id,
)
from synthesis.summit import NOTES_DIR, SummitConfig

# Characters that are invisible in print but split or glue words for the parser.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Plain ASCII white space only: no-break spaces are French typography and stay.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# Declared and detected languages must disagree on at least this much text to overrule.
_OVERRULE_WORDS = 30


@dataclass(frozen=True, slots=True)
class IngestLimits:
    max_file_bytes: int = 10_000_000
    zip: ZipLimits = field(default_factory=ZipLimits)


def _parse(fmt: NoteFormat, data: bytes, limits: IngestLimits) -> RawDocument:
    try:
        return _read_format(fmt, data, limits)
    except NoteRejected:
        raise
    except Exception as error:  # parsers of damaged files fail in many ways
        detail = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        raise NoteRejected(
            RejectionReason.CORRUPT,
            f"the {fmt.upper()} cannot be read ({detail})",
            hint="open it, save it again (or export it anew) and upload the new copy",
        ) from error


def _read_format(fmt: NoteFormat, data: bytes, limits: IngestLimits) -> RawDocument:
    if fmt in ("txt", "md"):
        return read_text(data, markdown=fmt == "md")
    if fmt == "docx":
        return read_docx(data, limits=limits.zip)
    if fmt == "odt":
        return read_odt(data, limits=limits.zip)
    return read_pdf(data)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _layout(blocks: list[Block]) -> tuple[str, list[tuple[int, int, Block]]]:
    """Join blocks into one text: list items and table rows one per line, others apart."""
    parts: list[str] = []
    spans: list[tuple[int, int, Block]] = []
    offset = 0
    previous: Block | None = None
    for block in blocks:
        if previous is not None:
            tight = block.kind == previous.kind and block.kind in ("list_item", "table_row")
            separator = "\n" if tight else "\n\n"
            parts.append(separator)
            offset += len(separator)
        parts.append(block.text)
        spans.append((offset, offset + len(block.text), block))
        offset += len(block.text)
        previous = block
    return "".join(parts), spans


def _read_within_limit(path: Path, limits: IngestLimits) -> bytes:
    """The file's bytes; its size is checked first, so an oversized upload is never read."""
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise NoteRejected(
            RejectionReason.TOO_LARGE,
            f"the file is {size / 1e6:.1f} MB, over the {limits.max_file_bytes / 1e6:.1f} MB limit",
            hint="remove images or split the note, or raise the limit (--max-file-mb)",
        )
    return path.read_bytes()


def read_document(path: Path, *, limits: IngestLimits) -> tuple[str, dict[str, object]]:
    """The normalised text of any supported file, and its embedded metadata.

    For `summit extract FILE`: no summit, no required fields.
    """
    data = _read_within_limit(path, limits)
    raw = _parse(check_format(path.suffix, data), data, limits)
    blocks = [Block(b.kind, text) for b in raw.blocks if (text := normalise(b.text))]
    return _layout(blocks)[0], raw.metadata


def read_note(path: Path, *, summit_dir: Path, summit: SummitConfig, limits: IngestLimits) -> Note:
    """Read, validate and normalise one note; raises NoteRejected with the reason."""
    relative = path.relative_to(summit_dir)
    data = _read_within_limit(path, limits)
    if not data.strip():
        raise NoteRejected(RejectionReason.EMPTY, "the file is empty", hint="upload the note again")
    fmt = check_format(path.suffix, data)
    raw = _parse(fmt, data, limits)

    blocks = [Block(b.kind, text) for b in raw.blocks if (text := normalise(b.text))]
    if not blocks:
        raise NoteRejected(RejectionReason.EMPTY, "the note has no text", hint="upload the note again")
    parts = relative.parts
    first_heading = next((b.text for b in blocks if b.kind == "heading"), None)
    meta = build_meta(
        raw.metadata,
        read_sidecar(path),
        summit=summit,
        fallback_title=first_heading or path.stem.replace("-", " ").replace("_", " "),
        folder_workshop=parts[1] if len(parts) >= 3 and parts[0] == NOTES_DIR else None,
    )

    text, spans = _layout(blocks)
    words = count_words(text)
    detected = detect_note([b.text for b in blocks])
    warnings = list(raw.warnings)
    language = meta.language or detected
    if meta.language and meta.language != detected:
        if words >= _OVERRULE_WORDS:
            language = detected
            warnings.append(f"declared language '{meta.language}' but the text is '{detected}'")
        else:
            warnings.append(f"the text looks '{detected}'; keeping the declared '{meta.language}'")
    paragraphs = tuple(
        Paragraph(
            start=start,
            end=end,
            kind=block.kind,
            language=detect_paragraph(block.text, fallback=language),
        )
        for start, end, block in spans
    )
    return Note(
        id=content_id(text),
        source=relative.as_posix(),
        format=fmt,
        meta=meta,
        text=text,
        language=language,
        detected_language=detected,
        paragraphs=paragraphs,
        words=words,
        warnings=tuple(warnings),
    )


def ingest_file(
    path: Path, *, summit_dir: Path, summit: SummitConfig, limits: IngestLimits
) -> Note | Rejection:
    """Like read_note, but a bad file becomes a Rejection instead of an error."""
    source = path.relative_to(summit_dir).as_posix()
    try:
        return read_note(path, summit_dir=summit_dir, summit=summit, limits=limits)
    except NoteRejected as rejected:
        return rejected.to_rejection(source)
    except OSError as error:
        return Rejection(
            source=source,
            reason=RejectionReason.CORRUPT,
            message=f"the file cannot be read: {error.strerror or error}",
            hint="check that the upload finished and the file is readable",
        )
    except Exception as error:  # one bad note must never stop the night's run
        return Rejection(
            source=source,
            reason=RejectionReason.INTERNAL_ERROR,
            message=f"unexpected {type(error).__name__}: {error}"[:300],
            hint="report this file to the maintainers; it is kept unchanged",
        )
