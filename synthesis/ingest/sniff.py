"""What a file really is, from its first bytes, whatever its extension says."""

from __future__ import annotations

import io
import zipfile

from synthesis.errors import NoteRejected
from synthesis.models import NoteFormat, RejectionReason

FORMAT_BY_EXTENSION: dict[str, NoteFormat] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".pdf": "pdf",
    ".odt": "odt",
}

# Binary signatures of formats we do not read, so that the message can say what the file is.
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office document (.doc/.xls)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)

_DESCRIPTIONS: dict[str, str] = {
    "pdf": "a PDF document",
    "docx": "a Word document (DOCX)",
    "odt": "an OpenDocument text (ODT)",
    "text": "plain text",
}

_TEXT_FORMATS = frozenset({"txt", "md"})
_EXTENSION_BY_KIND = {"pdf": ".pdf", "docx": ".docx", "odt": ".odt"}


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if mimetype.strip() == b"application/vnd.oasis.opendocument.text":
                    return "odt"
                return "another OpenDocument file"
            if "xl/workbook.xml" in names:
                return "an Excel workbook"
            if "ppt/presentation.xml" in names:
                return "a PowerPoint presentation"
            return "a zip archive"
    except (zipfile.BadZipFile, OSError, ValueError):
        return "broken zip"


def bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like it: Latin text in UTF-16 has a
    zero byte in every other place, and no Western code page has zero bytes at all."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def sniff(data: bytes) -> str:
    """'pdf', 'docx', 'odt', 'text', 'broken zip', or a phrase naming another kind of file."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    for signature, description in _OTHER_SIGNATURES:
        if data.startswith(signature):
            return description
    head = data[:4096]
    # UTF-16 text carries NULs, so only text without a BOM is judged by them.
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")) and not bomless_utf16(head):
        return "binary data"
    return "text"


def check_format(extension: str, data: bytes) -> NoteFormat:
    """The note format for a file, or NoteRejected if its bytes contradict its name."""
    claimed = FORMAT_BY_EXTENSION.get(extension.lower())
    actual = sniff(data)
    if claimed is None:
        supported = ", ".join(sorted(set(FORMAT_BY_EXTENSION)))
        raise NoteRejected(
            RejectionReason.UNSUPPORTED_TYPE,
            f"'{extension or '(no extension)'}' files are not read "
            f"(this one holds {_DESCRIPTIONS.get(actual, actual)})",
            hint=f"save the note as one of {supported}",
        )
    expected = "text" if claimed in _TEXT_FORMATS else claimed
    if actual == expected:
        return claimed
    if actual == "broken zip" and claimed in {"docx", "odt"}:
        raise NoteRejected(
            RejectionReason.CORRUPT,
            f"the {claimed.upper()} archive is damaged and cannot be opened",
            hint="open it in a word processor, save it again and upload the new copy",
        )
    description = _DESCRIPTIONS.get(actual, actual)
    rename = ".txt" if actual == "text" else _EXTENSION_BY_KIND.get(actual)
    if rename:
        hint = f"rename the file with the extension {rename}"
    elif claimed == "pdf" and actual == "text":
        hint = "export the document to PDF again, or save the text as .txt"
    else:
        hint = "save the note as .docx, .pdf, .odt, .md or .txt and upload it again"
    raise NoteRejected(
        RejectionReason.WRONG_EXTENSION,
        f"named {extension} but the content is {description}",
        hint=hint,
    )
