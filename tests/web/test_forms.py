"""Streaming forms, language negotiation and CSRF tokens, without a server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from web.forms import FormError, FormTooLarge, read_form
from web.i18n import negotiate
from web.security import csrf_token, csrf_valid, load_secret

BOUNDARY = "XyZ"


def multipart(*parts: tuple[str, str | None, bytes]) -> bytes:
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"' + (
            f'; filename="{filename}"' if filename is not None else ""
        )
        body += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + content + b"\r\n"
    return body + f"--{BOUNDARY}--\r\n".encode()


class Counted:
    """The body in 64 kB chunks, counting how much the parser asked for."""

    def __init__(self, body: bytes) -> None:
        self.body, self.read = body, 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self.body), 65536):
            self.read += len(self.body[start : start + 65536])
            yield self.body[start : start + 65536]


def parse(
    body: bytes, tmp_path: Path, *, max_file_bytes: int = 1000, max_files: int = 2, length: bool = False
):  # type: ignore[no-untyped-def]
    stream = Counted(body)
    form = asyncio.run(
        read_form(
            f"multipart/form-data; boundary={BOUNDARY}",
            str(len(body)) if length else None,
            stream.__aiter__(),
            temp_dir=tmp_path,
            max_file_bytes=max_file_bytes,
            max_files=max_files,
        )
    )
    return form, stream


def test_fields_and_files_are_read(tmp_path: Path) -> None:
    form, _ = parse(multipart(("title", None, "Été".encode()), ("file", "a.md", b"hello")), tmp_path)
    assert form.get("title") == "Été"
    assert [(f.filename, f.size, f.path.read_bytes()) for f in form.files] == [("a.md", 5, b"hello")]


def test_a_file_over_the_limit_stops_the_reading_early(tmp_path: Path) -> None:
    body = multipart(("file", "big.txt", b"a" * 5_000_000))
    stream = Counted(body)
    with pytest.raises(FormTooLarge, match=r"big\.txt"):
        asyncio.run(
            read_form(
                f"multipart/form-data; boundary={BOUNDARY}",
                None,
                stream.__aiter__(),
                temp_dir=tmp_path,
                max_file_bytes=100_000,
                max_files=1,
            )
        )
    assert stream.read < 300_000, "the rest of the body was never read"
    assert not list(tmp_path.iterdir()), "the partial file is removed"


def test_a_declared_length_over_the_budget_is_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(FormTooLarge):
        parse(
            multipart(("file", "a.md", b"a" * 50_000)),
            tmp_path,
            max_file_bytes=1000,
            max_files=1,
            length=True,
        )


def test_too_many_files_is_refused(tmp_path: Path) -> None:
    parts = [("file", f"{i}.md", b"x") for i in range(3)]
    with pytest.raises(FormTooLarge, match="at most 2 files"):
        parse(multipart(*parts), tmp_path)
    assert not list(tmp_path.iterdir())


def test_only_multipart_is_accepted(tmp_path: Path) -> None:
    async def empty() -> AsyncIterator[bytes]:
        yield b""

    with pytest.raises(FormError) as error:
        asyncio.run(
            read_form("application/json", None, empty(), temp_dir=tmp_path, max_file_bytes=1, max_files=1)
        )
    assert error.value.status == 415


@pytest.mark.parametrize(
    ("cookie", "header", "expected"),
    [
        (None, "de-CH,de;q=0.9,en;q=0.8", "de"),
        (None, "es-ES,es;q=0.9,fr;q=0.5,en;q=0.4", "fr"),
        (None, "en;q=0.2,fr;q=0.9", "fr"),
        (None, None, "en"),
        ("de", "fr-FR", "de"),
        ("xx", "fr-FR", "fr"),
    ],
)
def test_the_language_is_the_switch_then_the_browser(
    cookie: str | None, header: str | None, expected: str
) -> None:
    assert negotiate(cookie, header) == expected


def test_csrf_tokens_are_bound_to_the_browser_and_the_secret(tmp_path: Path) -> None:
    secret = load_secret(tmp_path / "secret")
    assert (
        load_secret(tmp_path / "secret") == secret and (tmp_path / "secret").stat().st_mode & 0o777 == 0o600
    )
    token = csrf_token(secret, "cookie-a")
    assert csrf_valid(secret, "cookie-a", token)
    assert not csrf_valid(secret, "cookie-b", token)
    assert not csrf_valid(b"another secret" * 3, "cookie-a", token)
    assert not csrf_valid(secret, None, token) and not csrf_valid(secret, "cookie-a", "")


def test_access_logs_never_show_a_sign_in_token() -> None:
    import logging

    from web.command import HideSignInTokens

    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/signin/SECRET-TOKEN", "1.1", 200), None,
    )  # fmt: skip
    assert HideSignInTokens().filter(record) and "SECRET-TOKEN" not in record.getMessage()
    assert "/signin/…" in record.getMessage()
