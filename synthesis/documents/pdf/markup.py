"""Turn Exhibition text into reportlab Paragraph markup, safely.

Paragraph text is an XML-like mini language: a note saying "<b>" or "R&D" would be read as
markup, or make the parser fail. Every string from the Exhibition passes through `escape` (or
`text_markup`, which calls it) before it reaches a Paragraph; the renderers only wrap the
result in tags of their own.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as xml_escape

from synthesis.documents.content import Pair, Text

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

# Typographic quotes per language; French ones take a narrow no-break space inside.
_QUOTES = {
    "fr": (f"«{NARROW_NBSP}", f"{NARROW_NBSP}»"),
    "de": ("„", "“"),
    "en": ("“", "”"),
}
_DEFAULT_QUOTES = _QUOTES["en"]

# C0 controls other than tab and newline (and DEL) are invalid in the markup parser's XML.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")


def escape(text: str) -> str:
    """Plain text → Paragraph markup that prints exactly that text.

    Newlines become line breaks (a blank line stays one blank line, longer runs are collapsed).
    reportlab treats U+202F as an ordinary breakable space and prints a plain space for it, so
    it becomes U+00A0: the French « », ! and : then never break away from their word.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    text = _BLANK_LINES.sub("\n\n", _CONTROL.sub("", text))
    text = text.replace(NARROW_NBSP, NBSP)
    return xml_escape(text).replace("\n", "<br/>")


def quoted(text: str, language: str) -> str:
    """The text between the quotation marks of its language (plain text, not yet escaped)."""
    opening, closing = _QUOTES.get(language, _DEFAULT_QUOTES)
    return f"{opening}{text.strip()}{closing}"


def text_markup(text: Text) -> str:
    """Markup for one Text: words from a note are quoted in their language's style."""
    return escape(quoted(text.text, text.language) if text.verbatim else text.text)


def both(pair: Pair, separator: str = " / ") -> str:
    """Plain one-line label in both languages ("City / Ville"); once when both sides agree."""
    left, right = pair.left.text.strip(), pair.right.text.strip()
    return left if left == right else f"{left}{separator}{right}"


def bold(markup: str) -> str:
    return f"<b>{markup}</b>"


def italic(markup: str) -> str:
    return f"<i>{markup}</i>"
