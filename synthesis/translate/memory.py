"""The summit's translation memory: human-editable PO files, one per target language.

`translations/<target>.po` holds entries whose `msgctxt` is the source
language, `msgid` the original text and `msgstr` its translation. A segment
matches exactly, or after normalisation (case, spaces, quote marks). Each run
exports the segments nobody translated to `to-translate.<target>.po`;
translators fill in `msgstr`, and the file is merged into the memory (or put
in `translations/` as it is: every `.po` there is read). The web's translation desk adds one
sentence at a time with `save_translation`, which says who translated it and when.
"""

from __future__ import annotations

import fcntl
import io
import os
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from synthesis.errors import SynthesisError
from synthesis.escape import BIDI_CONTROLS
from synthesis.models import Language
from synthesis.output import write_atomically
from synthesis.translate.base import Origin, Segment

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u202f": " ", "\u00a0": " "}
)
_SPACES = re.compile(r"\s+")
MAX_TRANSLATION_CHARS = 4_000  # a sentence, or a few: far more is a paste gone wrong
DESK_COMMENT = "translated at the desk by "
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German"}


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip().casefold()


class TranslationMemoryError(SynthesisError):
    pass


class TranslationMemory:
    name = "memory"
    origin: Origin = "memory"

    def __init__(self, entries: dict[tuple[Language, Language, str], str] | None = None) -> None:
        self.exact: dict[tuple[Language, Language, str], str] = dict(entries or {})
        self.loose = {(s, t, normalise(text)): tr for (s, t, text), tr in self.exact.items()}

    @classmethod
    def load(cls, folder: Path) -> TranslationMemory:
        """Every `*.po` in `folder`; the target language is the catalog's locale or the file's stem."""
        entries: dict[tuple[Language, Language, str], str] = {}
        for path in sorted(folder.glob("*.po")) if folder.is_dir() else []:
            try:
                with path.open("rb") as handle:
                    catalog = read_po(handle)
            except Exception as error:  # Babel raises various errors on broken files
                raise TranslationMemoryError(
                    f"{path}: not a readable PO file ({error})",
                    hint="fix the file or move it out of the folder",
                ) from error
            target = str(catalog.locale or path.stem.split(".")[-1])[:2]
            for message in catalog:
                if message.id and message.string and message.context:
                    entries[(message.context, target, str(message.id))] = str(message.string)  # type: ignore[index]
        return cls(entries)

    def translate(self, segments: list[Segment]) -> list[str | None]:
        return [
            self.exact.get((s.source, s.target, s.text))
            or self.loose.get((s.source, s.target, normalise(s.text)))
            for s in segments
        ]


def export_untranslated(segments: Iterable[Segment], folder: Path) -> list[Path]:
    """`to-translate.<target>.po` per target language, for human translators; returns the files."""
    by_target: dict[Language, Catalog] = {}
    for segment in segments:
        catalog = by_target.setdefault(
            segment.target, Catalog(locale=segment.target, project="Summit Synthesis")
        )
        if catalog.get(segment.text, context=segment.source) is None:
            catalog.add(segment.text, "", context=segment.source)
    written = []
    folder.mkdir(parents=True, exist_ok=True)
    for target, catalog in sorted(by_target.items()):
        path = folder / f"to-translate.{target}.po"
        with path.open("wb") as handle:
            write_po(handle, catalog, width=0, omit_header=False)
        written.append(path)
    return written


class DeskError(SynthesisError):
    """A translation the desk cannot save; `reason` is for scripts, the hint for the translator."""

    def __init__(self, reason: str, message: str, *, hint: str) -> None:
        super().__init__(message, hint=hint)
        self.reason = reason


# --- Saving a translator's sentence ----------------------------------------------------------


def clean_translation(text: str) -> str:
    """The translation as it will be stored: one line, trimmed; a DeskError if nothing usable is left.

    Line breaks become spaces (a textarea wraps, a poster must not); non-breaking spaces stay,
    French typography needs them.
    """
    cleaned = unicodedata.normalize("NFC", _LINE_BREAKS.sub(" ", text.replace("\t", " "))).strip()
    if not cleaned:
        raise DeskError(
            "empty_translation",
            "the translation is empty",
            hint="type the translation of the sentence, or leave it for someone else",
        )
    if len(cleaned) > MAX_TRANSLATION_CHARS:
        raise DeskError(
            "too_long",
            f"the translation is {len(cleaned)} characters long, more than {MAX_TRANSLATION_CHARS}",
            hint="translate the sentence shown, not the whole paragraph",
        )
    if any(unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS for char in cleaned):
        raise DeskError(
            "control_characters",
            "the translation holds control characters",
            hint="type or paste the translation as plain text",
        )
    return cleaned


def _one_line(name: str) -> str:
    name = "".join(" " if unicodedata.category(c) == "Cc" or c in BIDI_CONTROLS else c for c in name)
    return " ".join(name.split()) or "someone"


def _comment(name: str, at: datetime) -> str:
    return f"{DESK_COMMENT}{name} on {at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def _read_catalog(path: Path, target: Language, at: datetime) -> Catalog:
    if not path.exists():
        catalog = Catalog(locale=target, project="Summit Synthesis", creation_date=at)
        catalog.header_comment = (
            f"# Translation memory of the summit: translations into {_LANGUAGE_NAMES[target]}.\n"
            "# msgctxt is the language of the note, msgid its text, msgstr the translation.\n"
            "# Started by the translation desk; edit it with any PO editor."
        )
        catalog.fuzzy = False
        return catalog
    try:
        with path.open("rb") as handle:
            return read_po(handle, abort_invalid=True)
    except Exception as error:  # Babel raises various errors on broken files
        raise DeskError(
            "unreadable_memory",
            f"{path}: not a readable PO file ({error})",
            hint="fix the file (or move it out of translations/), then save again: nothing was written",
        ) from error


def save_translation(memory_dir: Path, segment: Segment, text: str, *, by: str, at: datetime) -> Path:
    """Add or replace the translation of `segment` in `memory_dir/<target>.po`; returns the file.

    Other entries and their comments are kept. The entry gets a comment saying who translated it
    and when. The file is replaced atomically, under an exclusive lock on a sibling lock file, so
    translators saving at the same moment all keep their work.
    """
    if segment.source == segment.target:
        raise DeskError(
            "same_language",
            f"the text is already in {segment.target}",
            hint="only texts written in another language need a translation",
        )
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"{at!r} has no time zone; pass e.g. datetime.now(UTC)")
    translation = clean_translation(text)
    name = _one_line(by)
    at = at.astimezone(UTC)
    comment = _comment(name, at)
    memory_dir.mkdir(parents=True, exist_ok=True)
    path = memory_dir / f"{segment.target}.po"
    lock = os.open(memory_dir / f".{segment.target}.po.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        catalog = _read_catalog(path, segment.target, at)
        message = catalog.get(segment.text, context=segment.source)
        if message is None:
            catalog.add(segment.text, translation, context=segment.source, user_comments=[comment])
        else:
            message.string = translation
            message.flags.discard("fuzzy")
            message.user_comments = [c for c in message.user_comments if not c.startswith(DESK_COMMENT)]
            message.user_comments.append(comment)
        catalog.revision_date = at
        catalog.last_translator = name
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=0, omit_header=False)
        write_atomically(path, buffer.getvalue().decode("utf-8"))
    finally:
        os.close(lock)  # closing releases the lock
    return path
