"""The embedded TrueType family: located in an installed package, registered with reportlab once."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from synthesis.documents.errors import DocumentError


@dataclass(frozen=True, slots=True)
class FontFace:
    name: str  # the name reportlab knows it by
    file: str


@dataclass(frozen=True, slots=True)
class FontFamily:
    package: str  # the installed package whose data folder holds the files
    directory: str  # inside that package
    family: str
    regular: FontFace
    bold: FontFace
    italic: FontFace
    bold_italic: FontFace

    def faces(self) -> tuple[FontFace, ...]:
        return (self.regular, self.bold, self.italic, self.bold_italic)

    def face(self, *, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic.name
        if bold:
            return self.bold.name
        return self.italic.name if italic else self.regular.name


def font_directory(family: FontFamily) -> Path:
    """The package's font folder, found without importing the package (matplotlib is slow to import)."""
    spec = importlib.util.find_spec(family.package)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise DocumentError(
            f"Cannot find the package {family.package!r} that ships the {family.family} fonts",
            hint=f"Install the project's dependencies ({family.package} is one of them).",
        )
    return Path(locations[0]) / family.directory


def register_family(family: FontFamily) -> None:
    """Register the four faces and tie them together so <b> and <i> in markup pick the right file.

    reportlab keeps a process-wide registry, so a second call is a no-op.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    if all(face.name in registered for face in family.faces()):
        return
    directory = font_directory(family)
    for face in family.faces():
        path = directory / face.file
        try:
            pdfmetrics.registerFont(TTFont(face.name, str(path)))
        except (OSError, TTFError) as error:
            raise DocumentError(
                f"Cannot read the font file {path}: {error}",
                hint=f"Reinstall {family.package}, which ships {face.file}.",
            ) from error
    pdfmetrics.registerFontFamily(
        family.family,
        normal=family.regular.name,
        bold=family.bold.name,
        italic=family.italic.name,
        boldItalic=family.bold_italic.name,
    )
