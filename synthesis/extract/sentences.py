"""Sentence boundaries from punctuation and line breaks, the same in every language.

Rapporteurs' notes are full of fragments that statistical segmenters cut in odd
places ("Beer" | "-" | "Sheva prévoit ..."). This component decides every
boundary before the parser runs (the parser keeps preset boundaries), and
replaces the sentencizer in blank pipelines. A sentence ends at a line break,
or at . ! ? … when the next word does not start in lower case; a token such as
"approx." or "D.C." is an abbreviation, not an end.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDS = frozenset({".", "!", "?", "…", "?!", "!?", "..."})
_CLOSERS = frozenset({'"', "»", "”", "“", "'", "’", ")"})


def _starts_sentence(doc: Doc, i: int) -> bool:
    previous = doc[i - 1]
    if previous.is_space:
        return "\n" in previous.text
    token = doc[i]
    if token.is_space or token.text[:1].islower():
        return False
    if previous.text in _CLOSERS and i > 1 and doc[i - 2].text in _ENDS:
        return True
    return previous.text in _ENDS


@Language.component("summit_sentences", assigns=["token.is_sent_start"])
def sentences(doc: Doc) -> Doc:
    for token in doc:
        token.is_sent_start = token.i == 0 or _starts_sentence(doc, token.i)
    return doc
