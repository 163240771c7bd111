"""Whatever came from an upload (its name, its text, its metadata) is data, never markup.

One helper per output language. Reports (rejected.md, Prefect artifacts, the
CLI) run every untrusted string through the helper of the language they write.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata

from rich.markup import escape as _rich_escape

# Bidi embeddings, overrides and isolates reorder what a reader sees ("txt.exe" shown as
# "exe.txt"); they are never needed in a note's name, title or metadata.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_STRIP_BIDI = dict.fromkeys(map(ord, BIDI_CONTROLS), None)
# Markup that works mid-line; escaped text never starts a line, so '-', '+' and '1.' stay as they are.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!|~])")  # < > & are left to html.escape
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def strip_bidi(text: str) -> str:
    """The text without bidi override and isolate controls."""
    return text.translate(_STRIP_BIDI)


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS or char in "\u2028\u2029"


def printable(text: str) -> str:
    r"""Control characters, line breaks and bidi controls as visible escapes (`\n`, `\x1b`, `\u202e`).

    A name can then never start a new line of a report or reorder its text.
    """
    if not any(_is_control(char) for char in text):
        return text
    out = []
    for char in text:
        if char in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[char])
        elif _is_control(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def name_from_os(name: str) -> str:
    r"""A file name as the OS gave it, its bytes that are not UTF-8 shown as `\xe9`.

    Python hands undecodable bytes over as lone surrogates, which no JSON or PDF
    writer accepts; this turns them back into readable escapes.
    """
    raw = os.fsencode(name)
    return printable(raw.decode("utf-8", errors="backslashreplace"))


def is_utf8_name(name: str) -> bool:
    try:
        os.fsencode(name).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def has_control(text: str) -> bool:
    return any(_is_control(char) for char in text)


def markdown_text(text: str) -> str:
    """Text for a Markdown document: one line, HTML escaped, Markdown syntax backslashed."""
    # Markdown first: the entities html.escape writes (&#x27;) must keep their '#'.
    return html.escape(_MARKDOWN_SPECIAL.sub(r"\\\1", printable(text)), quote=True)


def html_text(text: str) -> str:
    """Text for HTML, on one line."""
    return html.escape(printable(text), quote=True)


def rich_text(text: str) -> str:
    """Text for a rich console: square brackets are not markup, control characters are shown."""
    return _rich_escape(printable(text))


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection"):
# `=HYPERLINK(...)` in a quote would become a live link, `+cmd|...` a command.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """A CSV text cell that a spreadsheet shows as text and never runs: a leading `'` neutralises it.

    Only text goes through here; numbers the project writes itself are never negative
    and are written as they are.
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
