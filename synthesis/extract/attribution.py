"""Who speaks in a sentence: the place a quoted or minuted speaker represents.

Rapporteurs quote speakers ("'I will open two centres next year,' said the mayor
of Namur") and minutes keep a speaker label ("Dakar (deputy mayor): I'll send the
figures by Friday"). The first person of such a sentence is that place; the
note's own city is only the fallback (see `ActorFinder.resolve`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from synthesis.extract.actors import Candidate
from synthesis.extract.lexicon import Lexicon

REACH = 6  # tokens between a reporting word and the place it introduces ("said the deputy mayor of Namur")
LABEL_REACH = 8  # tokens a speaker label's parenthesis may hold ("(deputy mayor, culture)")


def attributed_speaker(sentence: Span, candidates: Sequence[Candidate], *, lexicon: Lexicon) -> str | None:
    """The id of the place whose speaker the sentence quotes or minutes, or None."""
    places = [c for c in candidates if c.place_id and sentence.start <= c.start < sentence.end]
    if not places:
        return None
    label = _speaker_label(sentence, places[0])
    if label:
        return label
    doc = sentence.doc
    for token in sentence:
        after_comma = token.i > sentence.start and doc[token.i - 1].text == ","
        if lexicon.has("reporting_verbs", token.text) or (
            after_comma and lexicon.has("attribution_after_comma", token.text)
        ):
            introduced = [c for c in places if token.i <= c.start <= token.i + REACH]
            if introduced:
                return introduced[0].place_id
    return None


def _speaker_label(sentence: Span, first: Candidate) -> str | None:
    """ "Dakar: ..." or "Dakar (deputy mayor): ..." at the start of the sentence (after a bullet)."""
    doc = sentence.doc
    if first.start > sentence.start + 1:
        return None
    at, end = first.end, sentence.end
    if at < end and doc[at].text.startswith("("):
        # The tokenizer may glue the closing parenthesis to the colon: "):".
        closing = next((t.i for t in doc[at : min(at + LABEL_REACH, end)] if ")" in t.text), None)
        if closing is None:
            return None
        if doc[closing].text.endswith(":"):
            return first.place_id
        at = closing + 1
    if at < end and doc[at].text == ":":
        return first.place_id
    return None
