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
from babel.dates import format_date, format_interval, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from synthesis.models import Language

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "documents"
# CLDR locales for formatting: the exhibition is international, not tied to one country.
CLDR = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE"}


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
        return format_decimal(value, locale=self.locale)

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self.locale)

    def month(self, year: int, month: int) -> str:
        return format_skeleton("yMMMM", dt.date(year, month, 1), locale=self.locale)

    def dates(self, start: dt.date, end: dt.date) -> str:
        return format_interval(start, end, skeleton="yMMMMd", locale=self.locale)

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
