"""Line breaks end sentences: a bullet or table row is never glued to the next one."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("summit_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Runs before the parser (which keeps preset boundaries) or after a sentencizer."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
