from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from synthesis import config as config_module
from synthesis.cli import app
from synthesis.config import RunOptions, SettingError, resolve_run_config
from synthesis.documents import render as render_module
from synthesis.documents.build import build_exhibition
from synthesis.documents.exports import (
    DECIDIM_ID_CEILING,
    DECIDIM_ID_FLOOR,
    _decidim_ids,
    _end_date,
    commitments_csv,
    decidim_csv,
    decidim_result_id,
)
from synthesis.documents.render import Rendered
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import SummitSynthesis
from synthesis.translate.base import Segment, Translation

FIXTURE = Path(__file__).parent.parent / "fixtures" / "synthesis-sample.json"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_QUOTES = (
    '=HYPERLINK("http://x","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\tWe will open a night shelter.",
    "\rWe will open a day centre.",
)
DECIDIM_HEADER = [
    "id",
    "title/en",
    "title/fr",
    "title/de",
    "description/en",
    "description/fr",
    "description/de",
    "start_date",
    "end_date",
    "status/id",
    "progress",
    "parent/id",
    "category/id",
    "proposal_urls",
    "external_id",
]


def _rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def _cells(text: str, delimiter: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


def _hostile(synthesis: SummitSynthesis) -> SummitSynthesis:
    """The sample with six commitments quoting formulas, one of them by an unknown "@" actor."""
    first = synthesis.workshops[0]
    commitments = list(first.commitments)
    for index, quote in enumerate(HOSTILE_QUOTES):
        c = commitments[index]
        actor = c.actor.model_copy(update={"text": "@actor", "id": None}) if index == 0 else c.actor
        source = c.source.model_copy(update={"quote": quote})
        commitments[index] = c.model_copy(update={"source": source, "actor": actor, "language": "en"})
    workshop = first.model_copy(update={"commitments": tuple(commitments)})
    return synthesis.model_copy(update={"workshops": (workshop, *synthesis.workshops[1:])})


def test_commitments_csv_has_a_row_per_commitment(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    rows = _rows(commitments_csv(sample_synthesis, exhibition, no_translations))
    commitments = [c for w in sample_synthesis.workshops for c in w.commitments]
    assert [r["id"] for r in rows] == [c.id for c in commitments]
    first = rows[0]
    assert first["quote"] == commitments[0].source.quote
    assert first["source_note"].startswith("notes/")
    assert (first["start"], first["end"]) == (
        str(commitments[0].source.start),
        str(commitments[0].source.end),
    )
    assert {"quote/en", "quote/fr"} <= set(first)


def test_every_cell_of_both_csvs_that_could_be_a_formula_is_neutralised(
    sample_synthesis: SummitSynthesis,
) -> None:
    synthesis = _hostile(sample_synthesis)
    # A hostile translation too: the French columns come from the translation memory.
    segment = Segment("-2+3", "en", "fr")
    texts = TranslatedTexts({("-2+3", "en", "fr"): Translation(segment, "=1+1", "memory")})
    exhibition = build_exhibition(synthesis, languages=("en", "fr"), texts=texts)
    commitments = commitments_csv(synthesis, exhibition, texts)
    decidim = decidim_csv(synthesis, texts)

    for text, delimiter in ((commitments, ","), (decidim, ";")):
        cells = _cells(text, delimiter)
        assert [cell for cell in cells if cell.startswith(FORMULA_STARTS)] == []
    quotes = [row["quote"] for row in _rows(commitments)[:6]]
    assert quotes == ["'" + quote for quote in HOSTILE_QUOTES]
    third = _rows(commitments)[2]
    assert (third["quote/en"], third["quote/fr"]) == ("'-2+3", "'=1+1")
    assert _rows(commitments)[0]["actor"] == "'@actor"
    rows = _rows(decidim, ";")
    assert rows[0]["title/en"] == "'@actor: " + HOSTILE_QUOTES[0]
    assert rows[2]["description/en"] == "'-2+3 (communicative)"
    assert rows[2]["title/fr"].endswith(": =1+1")  # mid-cell, a formula sign is harmless
    assert rows[2]["description/fr"] == "'=1+1 (communicative)"
    assert rows[5]["description/en"] == "'\rWe will open a day centre. (communicative)"


def test_decidim_csv_has_the_importer_columns_and_stable_unique_ids(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    first_export = decidim_csv(sample_synthesis, no_translations)
    reader = csv.reader(io.StringIO(first_export, newline=""), delimiter=";")
    assert next(reader) == DECIDIM_HEADER
    rows = _rows(first_export, ";")
    commitments = [c for w in sample_synthesis.workshops for c in w.commitments]
    assert [r["external_id"] for r in rows] == [c.id for c in commitments]
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids) == len(commitments)
    assert all(DECIDIM_ID_FLOOR <= int(i) <= DECIDIM_ID_CEILING for i in ids)
    # Pinned: a change of scheme would make every Decidim result new again.
    assert (commitments[0].id, ids[0]) == ("2b469c754b2a5d6b", "2130046258")
    again = _rows(decidim_csv(sample_synthesis, no_translations), ";")
    assert [r["id"] for r in again] == ids
    first = rows[0]
    assert first["title/en"].startswith("Montreal: We will extend")
    assert (first["start_date"], first["end_date"], first["progress"]) == ("2019-09-01", "2020-12-31", "0")
    assert (first["status/id"], first["parent/id"], first["category/id"], first["proposal_urls"]) == (
        "",
        "",
        "",
        "",
    )


def test_two_rows_with_one_commitment_id_still_get_two_ids() -> None:
    assert _decidim_ids(["same", "same", "other"]) == [
        decidim_result_id("same"),
        decidim_result_id("same", 1),
        decidim_result_id("other"),
    ]
    assert decidim_result_id("same") != decidim_result_id("same", 1)


def test_decidim_csv_fills_a_language_it_lacks_with_the_tagged_original(
    sample_synthesis: SummitSynthesis,
) -> None:
    french = next(c for w in sample_synthesis.workshops for c in w.commitments if c.language == "fr")
    segment = Segment(french.source.quote, "fr", "en")
    texts = TranslatedTexts({(segment.text, "fr", "en"): Translation(segment, "In English.", "memory")})
    rows = {r["external_id"]: r for r in _rows(decidim_csv(sample_synthesis, texts), ";")}
    row = rows[french.id]
    assert row["title/fr"].endswith(french.source.quote)
    assert row["title/en"].endswith("In English.")
    # Decidim needs a title in the platform's language: the words as written, tagged as French.
    assert row["title/de"].startswith("[FR] ") and row["title/de"].endswith(french.source.quote)
    assert row["description/de"].startswith(f"[FR] {french.source.quote}")
    assert row["start_date"] == "2019-09-01"


def test_the_excel_option_starts_only_commitments_csv_with_a_byte_order_mark(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    plain = commitments_csv(sample_synthesis, exhibition, no_translations)
    for_excel = commitments_csv(sample_synthesis, exhibition, no_translations, excel=True)
    assert for_excel.encode("utf-8")[:3] == b"\xef\xbb\xbf"
    assert for_excel == "\ufeff" + plain
    assert plain.startswith("id,workshop,")
    # Decidim does not strip the mark: it would read a column "\ufeffid" and never match an id.
    assert decidim_csv(sample_synthesis, no_translations).startswith("id;title/en;")


def test_end_date_is_the_last_day_a_deadline_allows() -> None:
    assert _end_date("2020") == "2020-12-31"
    assert _end_date("2021-02") == "2021-02-28"
    assert _end_date("2020-12") == "2020-12-31"
    assert _end_date("2020-06-15") == "2020-06-15"
    assert _end_date(None) == ""


@pytest.fixture()
def outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no .env from the project folder
    monkeypatch.delenv("SUMMIT_EXCEL_CSV", raising=False)
    run = tmp_path / "outputs" / "dusseldorf-2019" / "2019-09-02"
    run.mkdir(parents=True)
    shutil.copy(FIXTURE, run / "synthesis.json")
    return tmp_path / "outputs"


@pytest.mark.parametrize(
    ("options", "env", "expected"),
    [([], None, False), (["--excel"], None, True), ([], "true", True), (["--no-excel"], "true", False)],
)
def test_summit_kit_passes_excel_to_the_renderer(
    outputs: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
    env: str | None,
    expected: bool,
) -> None:
    seen: dict[str, Any] = {}

    def render(*args: object, **kwargs: Any) -> Rendered:
        seen.update(kwargs)
        return Rendered()

    monkeypatch.setattr(render_module, "render_exhibition", render)
    if env is not None:
        monkeypatch.setenv("SUMMIT_EXCEL_CSV", env)
    command = ["kit", "dusseldorf-2019", "--city", "Lyon", "--outputs", str(outputs), *options]
    result = CliRunner().invoke(app, [*command, "--out", str(outputs / "kit")])
    assert result.exit_code == 0, result.output
    assert seen["excel_csv"] is expected


def test_summit_run_turns_excel_into_a_run_option(
    outputs: Path, summit_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[RunOptions] = []

    def resolve(summit_dir: Path, options: RunOptions, **kwargs: object) -> None:
        seen.append(options)
        raise SettingError("--excel", "seen", hint="stop here")  # before any lock or server

    monkeypatch.setattr(config_module, "resolve_run_config", resolve)
    result = CliRunner().invoke(app, ["run", str(summit_dir), "--excel"])
    assert result.exit_code == 2, result.output
    assert seen[0].excel_csv is True


def test_the_excel_setting_flows_into_the_run_config(
    outputs: Path, summit_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders: dict[str, Any] = {"outputs_dir": outputs, "state_dir": outputs.parent / "state"}
    assert resolve_run_config(summit_dir, RunOptions(**folders), today=_TODAY).excel_csv is False
    monkeypatch.setenv("SUMMIT_EXCEL_CSV", "1")
    assert resolve_run_config(summit_dir, RunOptions(**folders), today=_TODAY).excel_csv is True
    options = RunOptions(**folders, excel_csv=False)
    assert resolve_run_config(summit_dir, options, today=_TODAY).excel_csv is False


_TODAY = __import__("datetime").date(2019, 9, 1)
