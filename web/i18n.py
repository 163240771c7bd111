"""The interface's language: a cookie set by the switch, else the browser's Accept-Language.

Messages live in `web/locale/<lang>/LC_MESSAGES/web.po`, read like the documents'
catalogs; templates and code mark them with `_("...")`. English is the msgid.
`tests/web/test_catalogs.py` fails when a catalog misses a marked message.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from babel.dates import format_datetime

from synthesis.documents.i18n import CLDR, read_catalog
from synthesis.models import Language, RejectionReason

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES: tuple[Language, ...] = ("en", "fr", "de")
LANGUAGE_COOKIE = "summit_lang"
NAMES = {"en": "English", "fr": "Français", "de": "Deutsch"}


def N_(message: str) -> str:
    """Mark a message for the catalogs; it is translated when shown."""
    return message


@cache
def translations(language: Language) -> gettext.GNUTranslations:
    return read_catalog(LOCALE_DIR / language / "LC_MESSAGES" / "web.po", language)


def negotiate(cookie: str | None, accept_language: str | None) -> Language:
    """The switch's choice, else the first of the browser's languages we have, else English."""
    if cookie in LANGUAGES:
        return cookie
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        weighted.append((-quality, position, tag.strip().lower()[:2]))
    for _, _, code in sorted(weighted):
        if code in LANGUAGES:
            return code
    return "en"


class Translator:
    """`_` in templates and handlers for one request's language."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._gettext = translations(language)

    def __call__(self, message: str, **values: object) -> str:
        text = self._gettext.gettext(message)
        return text % values if values else text

    def plural(self, singular: str, plural: str, count: int, **values: object) -> str:
        """`_n("%(count)s word", "%(count)s words", n)` in templates."""
        return self._gettext.ngettext(singular, plural, count) % {"count": count, **values}

    def when(self, value: object) -> str:
        from datetime import datetime

        if not isinstance(value, datetime):
            return ""
        return format_datetime(value, format="medium", locale=CLDR[self.language])


# What a rapporteur should do about each rejection, in their language; the
# library's own English message stays beside it as the detail.
REJECTION_HINTS: dict[RejectionReason, str] = {
    RejectionReason.EMPTY: N_("The file is empty. Upload the note with its text."),
    RejectionReason.TOO_LARGE: N_("The file is too large. Split the note or remove its images."),
    RejectionReason.TOO_LARGE_CONTENT: N_("The note is too long. Split it into several notes."),
    RejectionReason.UNSUPPORTED_TYPE: N_(
        "This kind of file is not read. Save the note as .docx, .odt, .pdf, .md or .txt."
    ),
    RejectionReason.WRONG_EXTENSION: N_(
        "The file is not what its name says. Save it again in the format its name ends with."
    ),
    RejectionReason.CORRUPT: N_("The file is damaged. Save it again and upload the new copy."),
    RejectionReason.ZIP_BOMB: N_("The file is damaged. Save it again and upload the new copy."),
    RejectionReason.PROTECTED: N_("The file is protected by a password. Save it again without protection."),
    RejectionReason.SCANNED_PDF: N_("No text could be read, as in a scanned PDF. Upload the text itself."),
    RejectionReason.UNDECODABLE_TEXT: N_("The text could not be decoded. Save it again as UTF-8 text."),
    RejectionReason.INVALID_METADATA: N_(
        "A field of the note is not valid. Check the workshop, the session and the title."
    ),
    RejectionReason.UNKNOWN_WORKSHOP: N_("The workshop is not one of this summit's."),
    RejectionReason.DUPLICATE: N_("The same text was already uploaded under another name."),
    RejectionReason.UNSUPPORTED_LANGUAGE: N_("Notes are read in English, French or German only."),
    RejectionReason.READER_TIMEOUT: N_("The file took too long to read. Save it again in a simpler format."),
}
# Refusals before reading (synthesis.uploads), by their reason.
UPLOAD_HINTS: dict[str, str] = {
    "bad_name": N_("Rename the file with letters and digits, keeping its extension, and upload it again."),
    "content_mismatch": N_(
        "The file is not what its name says. Save it again in the format its name ends with."
    ),
    "conflict": N_(
        "Another note already has this name. To correct it, use Replace under that note; "
        "otherwise rename your file."
    ),
    "bad_field": N_("Check the workshop, the day and the title, then send the form again."),
    "not_found": N_("This note does not exist any more."),
}
GENERIC_HINT = N_("The note could not be read. Check the file and upload it again.")


def rejection_hint(reason: str, translate: Translator) -> str:
    """What to do about a refused upload, in the interface's language."""
    if reason in UPLOAD_HINTS:
        return translate(UPLOAD_HINTS[reason])
    try:
        message = REJECTION_HINTS.get(RejectionReason(reason), GENERIC_HINT)
    except ValueError:
        message = GENERIC_HINT
    return translate(message)
