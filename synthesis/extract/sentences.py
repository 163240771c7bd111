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

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from synthesis.datafiles import load_data_yaml

_DATA = load_data_yaml(Path(__file__).parent / "data" / "sentences.yaml")
_ENDS = frozenset(_DATA["ends"])
_CLOSERS = frozenset(_DATA["closers"])
# Abbreviations that some tokenizers split into word + "." (others keep "approx." whole).
_ABBREVIATIONS = frozenset(_DATA["abbreviations"])


def _starts_sentence(texts: list[str], i: int) -> bool:
    """Works on the tokens' texts: this runs for every token of every note."""
    previous = texts[i - 1]
    if previous.isspace():
        if "\n" in previous:
            return True
        if i < 2:
            return False
        i_previous = i - 2  # "First point.  Second point."
        previous = texts[i_previous]
    else:
        i_previous = i - 1
    text = texts[i]
    if text.isspace() or text[:1].islower() or text in _CLOSERS or text[:1].isdigit():
        return False  # a closing quote ends with its sentence; "approx. 200" goes on
    if previous in _CLOSERS and i_previous > 0 and texts[i_previous - 1] in _ENDS:
        return True
    if previous == "." and i_previous > 0 and texts[i_previous - 1].lower() in _ABBREVIATIONS:
        return False  # "approx. Düsseldorf", "env. Paris": a split-off abbreviation
    return previous in _ENDS


@Language.component("summit_sentences", assigns=["token.is_sent_start"])
def sentences(doc: Doc) -> Doc:
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    texts = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    # 1 starts a sentence, -1 does not; written in one call rather than token by token.
    starts = numpy.array(
        [1] + [1 if _starts_sentence(texts, i) else -1 for i in range(1, len(texts))], dtype="int64"
    )
    # Doc arrays are uint64; -1 wraps around and reads back as -1.
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc
