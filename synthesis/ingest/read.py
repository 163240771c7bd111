"""One uploaded file in, one validated Note (or one Rejection saying why not) out."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from synthesis.errors import NoteRejected
from synthesis.escape import BIDI_CONTROLS
from synthesis.ingest.containers import ZipLimits
from synthesis.ingest.document import EMPTY_CELL, Block, RawDocument, cell_spans, table_block
from synthesis.ingest.docx import read_docx
from synthesis.ingest.language import detect_note, detect_paragraph, foreign_language, language_name
from synthesis.ingest.metadata import build_meta, read_sidecar
from synthesis.ingest.odt import read_odt
from synthesis.ingest.pdf import read_pdf
from synthesis.ingest.sniff import check_format
from synthesis.ingest.text import read_text
from synthesis.models import (
    Language,
    Note,
    NoteFormat,
    NoteMeta,
    Paragraph,
    Rejection,
    RejectionReason,
    Session,
    content_id,
)
from synthesis.sandbox import SandboxLimits
from synthesis.summit import NOTES_DIR, SummitConfig

# Characters that are invisible in print but split or glue words for the parser.
# Bidi overrides and isolates reorder what a reader sees; no en/fr/de note needs them.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff" + "".join(BIDI_CONTROLS)), None)
# Plain ASCII white space only: no-break spaces are French typography and stay.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# Declared and detected languages must disagree on at least this much text to overrule.
_OVERRULE_WORDS = 30


# A paragraph longer than this is cut at sentence ends: spaCy's length limit (1,000,000
# characters) never fires, and no single parse holds much memory.
MAX_BLOCK_CHARS = 20_000
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


@dataclass(frozen=True, slots=True)
class IngestLimits:
    max_file_bytes: int = 10_000_000
    max_chars: int = 1_000_000  # text per note, about 150,000 words: far over any session's notes
    max_inflated_bytes: int = 100_000_000  # decompressed PDF streams per file
    zip: ZipLimits = field(default_factory=ZipLimits)
    # The reader's child process and its limits; None reads in this process (tests, debugging).
    sandbox: SandboxLimits | None = field(default_factory=SandboxLimits)


def _parse(fmt: NoteFormat, data: bytes, limits: IngestLimits) -> RawDocument:
    try:
        return _read_format(fmt, data, limits)
    except (NoteRejected, MemoryError):
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
    return read_pdf(data, max_inflated_bytes=limits.max_inflated_bytes)


def _checked_blocks(raw: RawDocument, limits: IngestLimits) -> list[Block]:
    """Normalised, non-empty blocks within the character budget, long ones cut at sentence ends."""
    chars = sum(len(b.text) for b in raw.blocks)
    if chars > limits.max_chars:
        raise NoteRejected(
            RejectionReason.TOO_LARGE_CONTENT,
            f"the file holds {chars:,} characters of text, over the {limits.max_chars:,} a note may have",
            hint="split the note into several files, one per session",
        )
    blocks: list[Block] = []
    for block in raw.blocks:
        if block.cells:  # a table row is normalised cell by cell, and never cut
            cells = [normalise(cell) for cell in block.cells]
            if any(cell not in ("", EMPTY_CELL) for cell in cells):
                blocks.append(table_block(cells))
        elif text := normalise(block.text):
            blocks.extend(Block(block.kind, piece) for piece in _cut(text))
    return blocks


def _cut(text: str) -> list[str]:
    """`text` in pieces of at most MAX_BLOCK_CHARS, cut after a sentence where there is one."""
    if len(text) <= MAX_BLOCK_CHARS:
        return [text]
    pieces: list[str] = []
    while len(text) > MAX_BLOCK_CHARS:
        window = text[:MAX_BLOCK_CHARS]
        ends = [m.start() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > MAX_BLOCK_CHARS // 2 else window.rfind(" ")
        cut = cut if cut > 0 else MAX_BLOCK_CHARS
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return [piece for piece in (*pieces, text) if piece]


def _drop_foreign(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Blocks in en/fr/de, and a warning for each passage skipped as another language.

    A note written in another language altogether is rejected instead.
    """
    foreign = [(block, language) for block in blocks if (language := foreign_language(block.text))]
    if not foreign:
        # Short lines are never judged alone, but a whole note of them can be.
        whole = foreign_language(" ".join(b.text for b in blocks))
        foreign = [(block, whole) for block in blocks] if whole else []
    if not foreign:
        return blocks, []
    words = sum(count_words(b.text) for b in blocks)
    foreign_words = sum(count_words(b.text) for b, _ in foreign)
    if foreign_words * 2 >= words:
        main = max(
            {lang for _, lang in foreign},
            key=lambda lang: sum(count_words(b.text) for b, x in foreign if x == lang),
        )
        raise NoteRejected(
            RejectionReason.UNSUPPORTED_LANGUAGE,
            f"the note is written in {language_name(main)} ({main}), not English, French or German",
            hint="upload the note in English, French or German (a translation will do)",
        )
    skipped = {id(b) for b, _ in foreign}
    warnings = [
        f"skipped a passage in {language_name(lang)} ({lang}): “{' '.join(b.text.split()[:8])}…”"
        for b, lang in foreign
    ]
    return [b for b in blocks if id(b) not in skipped], warnings


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
    return _layout(_checked_blocks(raw, limits))[0], raw.metadata


def _blocks_of(path: Path, limits: IngestLimits) -> tuple[NoteFormat, RawDocument, list[Block], list[str]]:
    """The file's format, its raw reading, its blocks in en/fr/de, and the passages skipped."""
    data = _read_within_limit(path, limits)
    if not data.strip():
        raise NoteRejected(RejectionReason.EMPTY, "the file is empty", hint="upload the note again")
    fmt = check_format(path.suffix, data)
    raw = _parse(fmt, data, limits)
    blocks, skipped = _drop_foreign(_checked_blocks(raw, limits))
    if not blocks:
        raise NoteRejected(RejectionReason.EMPTY, "the note has no text", hint="upload the note again")
    return fmt, raw, blocks, skipped


def _note(source: str, fmt: NoteFormat, meta: NoteMeta, blocks: list[Block], warnings: list[str]) -> Note:
    """The Note of `blocks`: one text, the language of each paragraph, table rows by cell."""
    text, spans = _layout(blocks)
    words = count_words(text)
    detected = detect_note([b.text for b in blocks])
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
            cells=tuple((start + a, start + b) for a, b in cell_spans(block)),
        )
        for start, end, block in spans
    )
    return Note(
        id=content_id(text),
        source=source,
        format=fmt,
        meta=meta,
        text=text,
        language=language,
        detected_language=detected,
        paragraphs=paragraphs,
        words=words,
        warnings=tuple(warnings),
    )


def read_note(path: Path, *, summit_dir: Path, summit: SummitConfig, limits: IngestLimits) -> Note:
    """Read, validate and normalise one note; raises NoteRejected with the reason."""
    relative = path.relative_to(summit_dir)
    fmt, raw, blocks, skipped = _blocks_of(path, limits)
    parts = relative.parts
    first_heading = next((b.text for b in blocks if b.kind == "heading"), None)
    meta = build_meta(
        raw.metadata,
        read_sidecar(path),
        summit=summit,
        fallback_title=first_heading or path.stem.replace("-", " ").replace("_", " "),
        folder_workshop=parts[1] if len(parts) >= 3 and parts[0] == NOTES_DIR else None,
    )
    return _note(relative.as_posix(), fmt, meta, blocks, [*raw.warnings, *skipped])


def read_loose_note(
    path: Path, *, limits: IngestLimits, session_day: date, language: Language | None = None,
    city: str | None = None,
) -> Note:  # fmt: skip
    """A file read outside any summit, for `summit extract FILE`: the same Note as the night
    makes of it (paragraph languages, table cells), with only what the caller says about it."""
    fmt, raw, blocks, skipped = _blocks_of(path, limits)
    meta = NoteMeta(
        title=path.stem, rapporteur="", workshop="", session=Session(day=session_day),
        city=city, language=language,
    )  # fmt: skip
    return _note(path.as_posix(), fmt, meta, blocks, [*raw.warnings, *skipped])


def warm_reader() -> None:
    """A reader process's start: importing this module brings the parsers; this loads the
    language models (ours, and the open one that notices other languages), so that none of
    it counts against the first file's time."""
    detect_note(["a sentence to load the language model"])
    foreign_language("a sentence long enough to be judged for its language here")


def ingest_file(
    path: Path, *, summit_dir: Path, summit: SummitConfig, limits: IngestLimits
) -> Note | Rejection:
    """Like read_note, but a bad file becomes a Rejection instead of an error."""
    source = path.relative_to(summit_dir).as_posix()
    try:
        return read_note(path, summit_dir=summit_dir, summit=summit, limits=limits)
    except NoteRejected as rejected:
        return rejected.to_rejection(source)
    except MemoryError:  # in the reader's child process, the limit it runs under (synthesis.sandbox)
        return Rejection(
            source=source,
            reason=RejectionReason.TOO_LARGE_CONTENT,
            message="reading the file needed more memory than a note may take",
            hint="save the note again as a plain document, or as .txt, and upload that",
        )
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
