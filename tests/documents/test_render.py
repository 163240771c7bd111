"""render_exhibition: every document of a run, the DOCX beside the PDFs when there is a second core."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from synthesis.documents.render import render_exhibition
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import SummitSynthesis


def _docx_text(path: Path) -> list[str]:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [p.text for p in document.paragraphs] + cells


@pytest.mark.slow
def test_a_second_process_writes_the_same_docx(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts, tmp_path: Path
) -> None:
    alone, aside = tmp_path / "alone", tmp_path / "aside"
    one = render_exhibition(sample_synthesis, no_translations, alone, languages=("en", "fr"))
    two = render_exhibition(sample_synthesis, no_translations, aside, languages=("en", "fr"), workers=2)
    assert one.failed == two.failed == {}
    assert sorted(p.name for p in one.files) == sorted(p.name for p in two.files)
    assert _docx_text(alone / "booklet-en-fr.docx") == _docx_text(aside / "booklet-en-fr.docx")
    assert not [p.name for p in aside.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_a_workshop_the_site_cannot_hold_fails_the_site_only(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts, tmp_path: Path
) -> None:
    # A summit.yaml may name a workshop "register": the site's own folder has that name.
    assert sample_synthesis.summit is not None
    first = sample_synthesis.workshops[0]
    summit = sample_synthesis.summit
    workshops = (summit.workshops[0].model_copy(update={"id": "register"}), *summit.workshops[1:])
    clash = sample_synthesis.model_copy(
        update={
            "summit": summit.model_copy(update={"workshops": workshops}),
            "workshops": (first.model_copy(update={"workshop": "register"}), *sample_synthesis.workshops[1:]),
        }
    )
    rendered = render_exhibition(clash, no_translations, tmp_path, languages=("en", "fr"))
    assert list(rendered.failed) == ["site"] and "register" in rendered.failed["site"]
    assert (tmp_path / "booklet-en-fr.pdf").is_file() and (tmp_path / "poster-register-en-fr.pdf").is_file()
