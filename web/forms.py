"""Multipart forms read as they stream in: every limit is enforced before the body has arrived.

Starlette's own parser spools a whole part before anyone can look at its size;
here each file part goes straight to a temporary file in the summit's folder
(same filesystem, so it is later renamed into place) and the request is refused
with `FormTooLarge` the moment one part, the file count or the form passes a limit.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from python_multipart.multipart import MultipartParser, parse_options_header

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

MAX_FIELD_BYTES = 1_000_000  # pasted text is a field: a long note fits, a flood does not
MAX_FIELDS = 40


class FormError(Exception):
    """The body is not a form this app accepts; `status` is the HTTP answer."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class FormTooLarge(FormError):
    def __init__(self, message: str) -> None:
        super().__init__(message, status=413)


@dataclass
class UploadedFile:
    field: str
    filename: str  # as the client sent it: untrusted, see synthesis.uploads.safe_name
    path: Path
    size: int


@dataclass
class Form:
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: list[UploadedFile] = field(default_factory=list)

    def get(self, name: str, default: str = "") -> str:
        return (self.fields.get(name) or [default])[0]

    def discard(self) -> None:
        for upload in self.files:
            upload.path.unlink(missing_ok=True)


def _disposition(headers: dict[str, str]) -> tuple[str, str | None]:
    message = Message()
    message["content-disposition"] = headers.get("content-disposition", "")
    params = dict(message.get_params(header="content-disposition") or [])
    name = str(params.get("name") or "")
    filename = message.get_filename()
    return name, filename


class _Collector:
    """The parser's callbacks: headers per part, then field bytes or file bytes, with the limits."""

    def __init__(self, temp_dir: Path, *, max_file_bytes: int, max_files: int) -> None:
        self.form = Form()
        self.temp_dir, self.max_file_bytes, self.max_files = temp_dir, max_file_bytes, max_files
        self.headers: dict[str, str] = {}
        self.header_name = self.header_value = b""
        self.name = ""
        self.buffer = bytearray()
        self.file: IO[bytes] | None = None
        self.upload: UploadedFile | None = None

    def callbacks(self) -> dict[str, Any]:
        return {
            "on_part_begin": self.part_begin,
            "on_header_field": lambda d, s, e: self._add("header_name", d[s:e]),
            "on_header_value": lambda d, s, e: self._add("header_value", d[s:e]),
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def _add(self, attribute: str, data: bytes) -> None:
        setattr(self, attribute, getattr(self, attribute) + data)

    def part_begin(self) -> None:
        self.headers, self.buffer, self.file, self.upload = {}, bytearray(), None, None

    def header_end(self) -> None:
        self.headers[self.header_name.decode("latin-1").lower()] = self.header_value.decode(
            "utf-8", "replace"
        )
        self.header_name = self.header_value = b""

    def headers_finished(self) -> None:
        self.name, filename = _disposition(self.headers)
        if filename is None:
            if sum(len(v) for v in self.form.fields.values()) >= MAX_FIELDS:
                raise FormError("the form has too many fields")
            return
        if len(self.form.files) >= self.max_files:
            raise FormTooLarge(f"at most {self.max_files} files can be sent at once")
        fd, name = tempfile.mkstemp(dir=self.temp_dir, prefix="upload-", suffix=".part")
        self.file = os.fdopen(fd, "wb")
        self.upload = UploadedFile(self.name, filename, Path(name), 0)
        self.form.files.append(self.upload)

    def part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self.file is not None and self.upload is not None:
            self.upload.size += len(chunk)
            if self.upload.size > self.max_file_bytes:
                raise FormTooLarge(
                    f"{self.upload.filename!r} is larger than {self.max_file_bytes // 1_000_000} MB"
                )
            self.file.write(chunk)
            return
        self.buffer += chunk
        if len(self.buffer) > MAX_FIELD_BYTES:
            raise FormTooLarge(f"the field {self.name!r} is longer than {MAX_FIELD_BYTES:,} bytes")

    def part_end(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        elif self.name:
            value = self.buffer.decode("utf-8", "replace").replace("\r\n", "\n")
            self.form.fields.setdefault(self.name, []).append(value)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


async def read_form(
    content_type: str,
    content_length: str | None,
    body: AsyncIterator[bytes],
    *,
    temp_dir: Path,
    max_file_bytes: int,
    max_files: int,
) -> Form:
    """The multipart form of a request, files in `temp_dir`; raises FormError or FormTooLarge.

    A declared Content-Length over the whole budget is refused before a byte is read.
    """
    kind, params = parse_options_header(content_type)
    if kind != b"multipart/form-data" or b"boundary" not in params:
        raise FormError("expected a multipart/form-data form", status=415)
    budget = max_files * max_file_bytes + MAX_FIELDS * 1000 + MAX_FIELD_BYTES
    if content_length and content_length.isdigit() and int(content_length) > budget:
        raise FormTooLarge(f"the upload is larger than {budget // 1_000_000} MB")
    temp_dir.mkdir(parents=True, exist_ok=True)
    collector = _Collector(temp_dir, max_file_bytes=max_file_bytes, max_files=max_files)
    parser = MultipartParser(params[b"boundary"], cast("MultipartCallbacks", collector.callbacks()))
    try:
        async for chunk in body:
            parser.write(chunk)
        parser.finalize()
    except FormError:
        collector.close()
        collector.form.discard()
        raise
    except Exception as error:  # the parser's own errors: a malformed body
        collector.close()
        collector.form.discard()
        raise FormError(f"the form could not be read: {error}") from None
    return collector.form
