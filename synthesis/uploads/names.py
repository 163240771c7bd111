"""Names and contents of uploads: the client's file name rebuilt, the bytes sniffed.

Nothing here trusts the client: names are rebuilt from safe characters and contents are
sniffed, so that a file is what its suffix says.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path, PurePosixPath
from typing import Literal

from synthesis.errors import NoteRejected, SynthesisError
from synthesis.escape import printable
from synthesis.ingest.sniff import check_format, sniff
from synthesis.ingest.text import decode

ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".odt", ".pdf")
MAX_NAME_CHARS = 100
# Bytes, not characters, are what the file system limits (255); the sidecar and the
# temporary files of write_atomically add about 20 bytes to a note's name.
MAX_NAME_BYTES = 200

UploadReason = Literal[
    "bad_name", "unsupported_type", "content_mismatch", "conflict", "not_found", "bad_field"
]

_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# RuntimeError: an encrypted member; NotImplementedError: an unknown compression method.
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError)
_SAVE_AGAIN = {
    ".pdf": "export it to PDF again",
    ".docx": "save it again as a Word document (.docx)",
    ".odt": "save it again as an OpenDocument text (.odt)",
}


class UploadError(SynthesisError):
    """An upload that cannot be taken; `reason` is for the web layer, `field` names a form field."""

    def __init__(
        self, reason: UploadReason, message: str, *, hint: str = "", field: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.reason: UploadReason = reason
        self.field = field


# --- Names -------------------------------------------------------------------------------


def _name_char(char: str) -> str:
    kept = char in "._-" or unicodedata.category(char)[0] in "LM" or unicodedata.category(char) == "Nd"
    return char if kept else "-"


def _unsupported(shown: str) -> UploadError:
    return UploadError(
        "unsupported_type",
        f"'{shown}' is not one of the file types read ({', '.join(ALLOWED_SUFFIXES)})",
        hint="save the note as Word (.docx), OpenDocument (.odt), PDF, Markdown or plain text",
    )


def _no_name(shown: str) -> UploadError:
    return UploadError(
        "bad_name", f"'{shown}' leaves no usable file name", hint="rename the file and upload it"
    )


def safe_name(filename: str) -> str:
    """The client's file name rebuilt from safe characters; UploadError when nothing usable is left."""
    shown = printable(filename[:200])
    base = re.split(r"[/\\]", filename)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(c for c in base if unicodedata.category(c) not in ("Cc", "Cf"))  # Cf holds bidi controls
    base = re.sub(r"-+", "-", re.sub(r"\.+", ".", "".join(map(_name_char, base))))
    if not base.strip("._-"):
        raise _no_name(shown)
    stem, dot, tail = base.rpartition(".")
    suffix = f".{tail.lower()}" if dot else ""
    if suffix not in ALLOWED_SUFFIXES:
        raise _unsupported(shown)
    stem = stem.lstrip("._-")[: MAX_NAME_CHARS - len(suffix)]
    while len(stem.encode("utf-8")) > MAX_NAME_BYTES - len(suffix):
        stem = stem[:-1]
    stem = stem.rstrip("._-")
    if not stem:
        raise _no_name(shown)
    return stem + suffix


def _checked_name(name: str) -> str:
    if safe_name(name) != name:
        raise UploadError(
            "bad_name", f"'{printable(name)}' is not a safe file name", hint="use safe_name first"
        )
    return name


# --- Content -----------------------------------------------------------------------------


def _zip_kind(path: Path) -> str:
    """'.docx', '.odt', 'other zip' or 'broken zip', from the archive's directory alone."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if {"[Content_Types].xml", "word/document.xml"} <= names:
                return ".docx"
            if "mimetype" in names:
                with archive.open("mimetype") as member:  # read at most 100 bytes of it, inflated
                    if member.read(100).strip() == _ODT_MIMETYPE:
                        return ".odt"
            return "other zip"
    except _ZIP_ERRORS:
        return "broken zip"


_KIND_DESCRIPTIONS = {
    ".pdf": "a PDF document",
    ".docx": "a Word document",
    ".odt": "an OpenDocument text",
    "other zip": "a ZIP archive of something else",
    "broken zip": "a damaged ZIP archive",
    "text": "plain text",
}


def _check_text(path: Path, shown: str, suffix: str) -> None:
    """Text is judged as ingestion judges it (UTF-8, UTF-16 with a BOM, or a clean Western code page)."""
    data = path.read_bytes()
    try:
        check_format(suffix, data)
        text, _ = decode(data)
    except NoteRejected as rejected:
        raise UploadError("content_mismatch", f"{shown}: {rejected.message}", hint=rejected.hint) from None
    if "\x00" in text:
        raise UploadError(
            "content_mismatch",
            f"{shown} holds NUL bytes, so it is not plain text",
            hint="open it in a text editor and save it again as UTF-8 text",
        )


def check_content(path: Path, name: str) -> None:
    """UploadError("content_mismatch") unless the bytes really are what the name's suffix says."""
    shown = printable(name)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise _unsupported(shown)
    if suffix in (".txt", ".md"):
        _check_text(path, shown, suffix)
        return
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
    else:
        kind = ".pdf" if head.startswith(b"%PDF-") else sniff(head)
    if kind == suffix:
        return
    description = _KIND_DESCRIPTIONS.get(kind, kind)
    rename = f"rename it to end in {kind}, or " if kind in _SAVE_AGAIN else "open it and "
    raise UploadError(
        "content_mismatch",
        f"{shown} is named {suffix} but holds {description}",
        hint=rename + _SAVE_AGAIN[suffix],
    )
