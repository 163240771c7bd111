"""Sentence boundaries from punctuation and line breaks, the same in every language.

Rapporteurs' notes are full of fragments that statistical segmenters cut in odd
places ("Beer" | "-" | "Sheva prévoit ..."). This component decides every
boundary before the parser runs (the parser keeps preset boundaries), and
replaces the sentencizer in blank pipelines. A sentence ends at a line break,
or at . ! ? … when the next word does not start in lower case; a token such as
"approx." or "D.C." is an abbreviation, not an end.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

_ENDS = frozenset({".", "!", "?", "…", "?!", "!?", "..."})
_CLOSERS = frozenset({'"', "»", "”", "“", "'", "’", ")"})
# Abbreviations that some tokenizers split into word + "." (others keep "approx." whole).
_ABBREVIATIONS = frozenset(
    yaml.safe_load((Path(__file__).parent / "data" / "sentences.yaml").read_text(encoding="utf-8"))[
        "abbreviations"
    ]
)


def _starts_sentence(doc: Doc, i: int) -> bool:
    previous = doc[i - 1]
    if previous.is_space:
        if "\n" in previous.text:
            return True
        if i < 2:
            return False
        previous = doc[i - 2]  # "First point.  Second point."
    token = doc[i]
    if token.is_space or token.text[:1].islower() or token.text in _CLOSERS or token.text[:1].isdigit():
        return False  # a closing quote ends with its sentence; "approx. 200" goes on
    if previous.text in _CLOSERS and previous.i > 0 and doc[previous.i - 1].text in _ENDS:
        return True
    if previous.text == "." and previous.i > 0 and doc[previous.i - 1].lower_ in _ABBREVIATIONS:
        return False  # "approx. Düsseldorf", "env. Paris": a split-off abbreviation
    return previous.text in _ENDS


@Language.component("summit_sentences", assigns=["token.is_sent_start"])
def sentences(doc: Doc) -> Doc:
    for token in doc:
        token.is_sent_start = token.i == 0 or _starts_sentence(doc, token.i)
    return doc
