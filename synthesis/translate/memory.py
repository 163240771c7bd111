"""The summit's translation memory: human-editable PO files, one per target language.

`translations/<target>.po` holds entries whose `msgctxt` is the source
language, `msgid` the original text and `msgstr` its translation. A segment
matches exactly, or after normalisation (case, spaces, quote marks). Each run
exports the segments nobody translated to `to-translate.<target>.po`;
translators fill in `msgstr`, and the file is merged into the memory (or put
in `translations/` as it is: every `.po` there is read).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from synthesis.errors import SynthesisError
from synthesis.models import Language
from synthesis.translate.base import Origin, Segment

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u202f": " ", "\u00a0": " "}
)
_SPACES = re.compile(r"\s+")


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
