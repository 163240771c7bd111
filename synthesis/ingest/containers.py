"""Zip containers (DOCX, ODT) opened without trusting what they claim about themselves."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from synthesis.errors import NoteRejected
from synthesis.models import RejectionReason


@dataclass(frozen=True, slots=True)
class ZipLimits:
    max_unzipped_bytes: int = 50_000_000
    max_ratio: int = 100  # uncompressed / compressed, per member
    max_members: int = 2_000


_CHUNK = 1 << 16


def _bomb(message: str) -> NoteRejected:
    return NoteRejected(
        RejectionReason.ZIP_BOMB,
        message,
        hint="this is not an ordinary document; open it in a word processor, "
        "copy the text into a new file and upload that",
    )


def open_checked_zip(data: bytes, kind: str, limits: ZipLimits) -> zipfile.ZipFile:
    """Open a DOCX/ODT archive after inflating it once under a byte budget.

    Declared sizes can lie, so every member is actually decompressed and
    counted; parsers downstream (python-docx reads every part) then only see
    archives that are known to be small.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise _bomb(f"the {kind} holds {len(members)} files, far more than a document has")
        declared = sum(m.file_size for m in members)
        if declared > limits.max_unzipped_bytes:
            raise _bomb(f"the {kind} would unpack to {declared:,} bytes")
        total = 0
        for member in members:
            size = 0
            with archive.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    if total > limits.max_unzipped_bytes:
                        raise _bomb(f"the {kind} unpacks to more than {limits.max_unzipped_bytes:,} bytes")
            ratio = size // max(member.compress_size, 1)
            if size > 1_000_000 and ratio > limits.max_ratio:
                raise _bomb(f"'{member.filename}' in the {kind} is compressed {ratio}:1")
        return archive
    except NoteRejected:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise NoteRejected(
            RejectionReason.CORRUPT,
            f"the {kind} archive is damaged: {error}",
            hint="open it in a word processor, save it again and upload the new copy",
        ) from error
