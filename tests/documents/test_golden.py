"""Golden texts: what the booklet says, read back from the PDF and the DOCX (never their bytes).

After an intended change, regenerate with
    UPDATE_GOLDEN=1 .venv/bin/pytest tests/documents/test_golden.py
and read the diff of tests/documents/golden/ before committing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from synthesis.documents.build import build_exhibition
from synthesis.documents.docx import render_booklet_docx
from synthesis.documents.pdf import render_booklet, render_poster
from synthesis.documents.translation import translate_free_text
from synthesis.models import SummitSynthesis
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.memory import TranslationMemory

GOLDEN = Path(__file__).parent / "golden"
MEMORY = Path(__file__).parents[2] / "inputs" / "dusseldorf-2019" / "translations"


def _normalise(text: str) -> str:
    lines = (re.sub(r"\s+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def _pdf_text(path: Path) -> str:
    return _normalise("\n".join(page.extract_text() for page in PdfReader(path).pages))


def _docx_text(path: Path) -> str:
    lines: list[str] = []
    for block in Document(str(path)).iter_inner_content():
        if hasattr(block, "rows"):
            lines += [" | ".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    return _normalise("\n".join(lines))


def _check(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}: run with UPDATE_GOLDEN=1 once"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("pair", [("en", "fr"), ("de", "en")])
def test_booklet_text_is_the_golden_text(
    sample_synthesis: SummitSynthesis, tmp_path: Path, pair: tuple
) -> None:  # type: ignore[type-arg]
    texts = translate_free_text(sample_synthesis, pair, TranslatorChain([TranslationMemory.load(MEMORY)]))
    exhibition = build_exhibition(sample_synthesis, languages=pair, texts=texts)
    suffix = "-".join(pair)
    render_booklet(exhibition, tmp_path / "booklet.pdf")
    render_booklet_docx(exhibition, tmp_path / "booklet.docx")
    render_poster(exhibition, exhibition.workshops[0], tmp_path / "poster.pdf")
    _check(f"booklet-{suffix}.pdf.txt", _pdf_text(tmp_path / "booklet.pdf"))
    _check(f"booklet-{suffix}.docx.txt", _docx_text(tmp_path / "booklet.docx"))
    _check(f"poster-{exhibition.workshops[0].id}-{suffix}.pdf.txt", _pdf_text(tmp_path / "poster.pdf"))
