"""Fixed text and formatting per language: gettext catalogs (Babel) and CLDR dates and numbers.

The catalogs are `locale/<lang>/LC_MESSAGES/documents.po`, read as they are
(no compiled .mo to fall out of date). Messages are marked in the code with
`N_()` and `Nn_()` so that `pybabel extract -k N_ -k Nn_:1,2` finds them;
`tests/documents/test_catalogs.py` fails when a catalog misses one.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_skeleton
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from synthesis.models import Language

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "documents"
# CLDR locales for formatting: the exhibition is international, not tied to one country.
CLDR = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE"}
# How a day of the month is written before the month's name: "1er septembre", "1. September".
# Running text and deadlines always spell the month out (CLDR's intervals abbreviate it: "1 sept.").
FIRST_OF_MONTH = {"fr": "1er"}
DAY_SUFFIX = {"de": "."}
# CLDR groups French thousands with U+202F. DejaVu (the PDFs) has the glyph, but the DOCX names
# Calibri without embedding it and older Windows fonts show a box: U+00A0 never does.
NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE = "\u202f", "\u00a0"


def N_(message: str) -> str:
    """Mark a message for extraction; it is translated later, once per language."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural form."""
    return singular, plural


def catalog_path(language: Language) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, language: Language) -> gettext.GNUTranslations:
    """A .po catalog as gettext translations (the web's catalogs are read the same way)."""
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=CLDR[language])
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)  # fuzzy entries are unchecked: fall back to English
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@cache
def _translations(language: Language) -> gettext.GNUTranslations:
    return read_catalog(catalog_path(language), language)


class Localiser:
    """Everything language-dependent about one column of the documents."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.locale = Locale.parse(CLDR[language])
        self._gettext = _translations(language)

    def __call__(self, message: str, **values: object) -> str:
        text = self._gettext.gettext(message)
        return text % values if values else text

    def plural(self, forms: tuple[str, str], count: int, **values: object) -> str:
        text = self._gettext.ngettext(forms[0], forms[1], count)
        return text % {"count": self.number(count), **values}

    def number(self, value: int | float) -> str:
        return format_decimal(value, locale=self.locale).replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE)

    def date(self, value: dt.date) -> str:
        """1 September 2019, 1er septembre 2019, 1. September 2019."""
        return f"{self._day_and_month(value)} {value.year}"

    def month(self, year: int, month: int) -> str:
        return format_skeleton("yMMMM", dt.date(year, month, 1), locale=self.locale)

    def dates(self, start: dt.date, end: dt.date) -> str:
        """30 August – 1 September 2019; 1–3 September 2019 within one month."""
        if start == end:
            return self.date(start)
        if start.year != end.year:
            return f"{self.date(start)} – {self.date(end)}"
        if start.month != end.month:
            return f"{self._day_and_month(start)} – {self.date(end)}"
        return f"{self._day(start)}–{self.date(end)}"

    def list_of(self, items: list[str]) -> str:
        """a, b and c / a, b et c / a, b und c"""
        return format_list(items, locale=self.locale) if items else ""

    def _day(self, value: dt.date) -> str:
        if value.day == 1 and self.language in FIRST_OF_MONTH:
            return FIRST_OF_MONTH[self.language]
        return f"{value.day}{DAY_SUFFIX.get(self.language, '')}"

    def _day_and_month(self, value: dt.date) -> str:
        return f"{self._day(value)} {self.locale.months['format']['wide'][value.month]}"

    def language_name(self, code: str) -> str:
        return str(self.locale.languages.get(code, code.upper()))

    def deadline(self, value: str | None) -> str:
        """An ISO date, month or year as the reader writes it."""
        if not value:
            return self(N_("no deadline given"))
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            return self.date(dt.date(*parts))
        if len(parts) == 2:
            return self.month(*parts)
        return str(parts[0])
