"""Reading back the PDFs the renderer wrote: text, fonts, metadata (helpers for the PDF tests)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, PdfObject

from synthesis.documents.content import Pair


def normalise(text: str) -> str:
    """Collapse every run of whitespace (line breaks, U+00A0, U+202F) to one space."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [normalise(page.extract_text()) for page in PdfReader(path).pages]


def has_both(text: str, pair: Pair) -> bool:
    return normalise(pair.left.text) in text and normalise(pair.right.text) in text


def font_problems(path: Path) -> list[str]:
    """Every font any page uses that is not an embedded DejaVu TrueType subset."""
    problems = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        resources = dictionary(page["/Resources"])
        fonts = dictionary(resources["/Font"]) if "/Font" in resources else DictionaryObject()
        for key, reference in fonts.items():
            font = dictionary(reference)
            name = str(font.get("/BaseFont"))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in dictionary(descriptor) or "DejaVu" not in name:
                problems.append(f"page {number}: {key} {name}")
    return problems


def dictionary(value: PdfObject) -> DictionaryObject:
    resolved = value.get_object()
    assert isinstance(resolved, DictionaryObject)
    return resolved
