"""`summit kit`: a city's own exhibition from a stored synthesis, without the NLP."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from docx import Document
from pypdf import PdfReader
from typer.testing import CliRunner

from synthesis.cli import app

FIXTURE = Path(__file__).parent.parent / "fixtures" / "synthesis-sample.json"
runner = CliRunner()


@pytest.fixture()
def outputs(tmp_path: Path) -> Path:
    run = tmp_path / "outputs" / "dusseldorf-2019" / "2019-09-02"
    run.mkdir(parents=True)
    shutil.copy(FIXTURE, run / "synthesis.json")
    return tmp_path / "outputs"


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def _kit(outputs: Path, *args: str) -> tuple[int, str]:
    return _run("kit", "dusseldorf-2019", "--outputs", str(outputs), *args)


def test_a_german_english_kit_for_a_city(
    outputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No language model may load: the kit works from the stored synthesis alone.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the kit loaded a spaCy pipeline")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr(spacy, "blank", refuse)
    out = tmp_path / "kit"
    code, output = _kit(
        outputs, "--city", "Rabat", "--languages", "de,en", "--accent", "#0A7B83", "--out", str(out)
    )
    assert code == 0, output
    names = sorted(p.name for p in out.iterdir())
    assert names[:2] == ["booklet-de-en.docx", "booklet-de-en.pdf"]
    assert sum(n.startswith("poster-") and n.endswith("-de-en.pdf") for n in names) == 5
    assert {"commitments.csv", "decidim-accountability.csv"} <= set(names)
    text = " ".join(page.extract_text() for page in PdfReader(out / "booklet-de-en.pdf").pages)
    assert "Verzeichnis der Zusagen" in text and "Commitments register" in text
    assert "Rabat" in text


@pytest.mark.parametrize("pair", ["en,fr", "fr,en", "en,de", "fr,de", "de,fr"])
def test_every_language_pair(outputs: Path, tmp_path: Path, pair: str) -> None:
    out = tmp_path / pair
    code, output = _kit(
        outputs, "--city", "Lyon", "--languages", pair, "--out", str(out), "--poster-size", "A3"
    )
    assert code == 0, output
    suffix = pair.replace(",", "-")
    assert (out / f"booklet-{suffix}.pdf").is_file() and (out / f"booklet-{suffix}.docx").is_file()


def test_bad_options_give_one_line_errors_with_a_hint(outputs: Path, tmp_path: Path) -> None:
    code, output = _kit(outputs, "--city", "Rabat", "--accent", "teal")
    assert code == 1 and "Error: 'teal' is not a colour" in output and "Hint:" in output
    code, output = _kit(outputs, "--city", "Rabat", "--languages", "fr,it")
    assert code == 1 and "is not a language pair" in output
    code, output = _kit(outputs, "--city", "Rabat", "--logo", str(tmp_path / "nope.png"))
    assert code == 1 and "nope.png: no such logo file" in output
    code, output = _run("kit", "lyon-2030", "--city", "Lyon", "--outputs", str(outputs))
    assert code == 1 and "no stored synthesis for 'lyon-2030'" in output and "summit run" in output
    assert not any((outputs / "dusseldorf-2019" / "2019-09-02").glob("kit-*"))  # nothing half-written


def docx_text(path: Path) -> str:
    """The body's paragraphs and its tables' cells: python-docx's `paragraphs` leaves tables out,
    and every workshop section and the register are tables."""
    document = Document(str(path))
    cells = [
        p.text for table in document.tables for row in table.rows for c in row.cells for p in c.paragraphs
    ]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_kit_names_cities_and_the_observatory_in_both_languages(outputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "kit"
    code, output = _kit(
        outputs, "--city", "Cologne", "--languages", "de,en", "--out", str(out), "--poster-size", "A3"
    )
    assert code == 0, output
    pdf = " ".join(page.extract_text() for page in PdfReader(out / "booklet-de-en.pdf").pages)
    docx = docx_text(out / "booklet-de-en.docx")
    for text in (pdf, docx):
        flat = " ".join(text.split())
        assert "Köln" in flat and "Cologne" in flat
        assert "Internationale Beobachtungsstelle der Bürgermeister für das Zusammenleben" in flat
        assert "International Observatory of Mayors on Living Together" in flat
        assert "Teilnehmende" in flat and "Participants" in flat
