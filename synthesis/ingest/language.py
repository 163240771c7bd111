"""Offline language identification restricted to the summit's three languages.

py3langid ships its model inside the package, so nothing is downloaded. On
short fragments ("approx. 30 ppl") no detector is reliable; such paragraphs
inherit the language of the note instead of getting a guess.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache
from typing import Any, cast

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from synthesis.models import LANGUAGES, Language

MIN_WORDS = 4  # fewer words than this: the paragraph takes the note's language
MIN_CONFIDENCE = 0.8


@cache
def _identifier() -> Any:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def classify(text: str) -> tuple[Language, float]:
    """The most likely of en/fr/de, with its probability."""
    language, probability = _identifier().classify(text)
    return cast(Language, language), float(probability)


def detect_paragraph(text: str, *, fallback: Language) -> Language:
    if len(text.split()) < MIN_WORDS:
        return fallback
    language, probability = classify(text)
    return language if probability >= MIN_CONFIDENCE else fallback


def detect_note(paragraphs: list[str]) -> Language:
    """The language most of the note's words are written in.

    Voting by words over confidently classified paragraphs keeps one quoted
    paragraph in another language from deciding for the whole note.
    """
    votes: Counter[Language] = Counter()
    for text in paragraphs:
        words = len(text.split())
        if words >= MIN_WORDS:
            language, probability = classify(text)
            if probability >= MIN_CONFIDENCE:
                votes[language] += words
    if votes:
        return votes.most_common(1)[0][0]
    return classify(" ".join(paragraphs))[0]


FOREIGN_MIN_WORDS = 8  # shorter passages are names, titles or shorthand: never judged foreign
FOREIGN_CONFIDENCE = 0.95


@cache
def _open_identifier() -> Any:
    """The same model over all of its 97 languages, to notice text that is in none of ours."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def foreign_language(text: str) -> str | None:
    """The language code of a passage confidently written in a language other than en/fr/de."""
    if len(text.split()) < FOREIGN_MIN_WORDS:
        return None
    language, probability = _open_identifier().classify(text)
    if language in LANGUAGES:
        return None
    # Text mostly in another script is foreign even when the model hesitates between its languages.
    return str(language) if probability >= FOREIGN_CONFIDENCE or not _mostly_latin(text) else None


def _mostly_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    latin = sum(1 for char in letters if unicodedata.name(char, "").startswith("LATIN"))
    return latin >= 0.5 * len(letters)


def language_name(code: str) -> str:
    """'Spanish' for 'es': the English name from CLDR, or the code when CLDR has none."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale("en").languages.get(code, code))
    except UnknownLocaleError:
        return code
