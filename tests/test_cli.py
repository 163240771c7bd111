import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synthesis.cli import app
from synthesis.extract import Pipelines, extract_note
from synthesis.extract.io import extraction_json
from synthesis.ingest import IngestLimits, ingest_file
from synthesis.models import Note
from synthesis.summit import load_summit
from tests.conftest import BAD, GOOD, ROOT, AddNote

runner = CliRunner()


def test_ingest_prints_a_table_and_the_rejections(summit_dir: Path, add_note: AddNote) -> None:
    add_note(GOOD / "healthy-note.docx", "healthy")
    add_note(BAD / "scanned.pdf", "resilient")
    result = runner.invoke(app, ["ingest", str(summit_dir)])
    assert result.exit_code == 0, result.output
    assert "1 notes read, 1 rejected" in result.output
    assert "healthy-note.docx" in result.output
    assert "rejected: scanned_pdf" in result.output
    assert "notes/resilient/scanned.pdf: the PDF is a scan" in result.output


def test_ingest_json(summit_dir: Path, add_note: AddNote) -> None:
    add_note(GOOD / "connective-note.odt", "connective")
    add_note(BAD / "empty.txt", "healthy")
    result = runner.invoke(app, ["ingest", str(summit_dir), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["summit"] == "dusseldorf-2019"
    [note] = payload["notes"]
    assert (note["workshop"], note["language"], note["format"], note["status"]) == (
        "connective",
        "de",
        "odt",
        "ok",
    )
    assert payload["rejected"] == [
        {
            "status": "rejected",
            "source": "notes/healthy/empty.txt",
            "reason": "empty_file",
            "message": "the file is empty",
            "hint": "upload the note again",
        }
    ]


def test_max_file_size_option(summit_dir: Path, add_note: AddNote) -> None:
    add_note(GOOD / "healthy-note.docx", "healthy")
    result = runner.invoke(app, ["ingest", str(summit_dir), "--json", "--max-file-mb", "0.01"])
    assert json.loads(result.stdout)["rejected"][0]["reason"] == "too_large"


def test_invalid_summit_is_one_line_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / "summit.yaml").write_text("id: Bad Id\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"Error: {tmp_path / 'summit.yaml'}: field 'id':")
    assert lines[1].startswith("Hint: ")


def test_run_refuses_a_malformed_date(summit_dir: Path) -> None:
    result = runner.invoke(app, ["run", str(summit_dir), "--date", "31/08/2019"])
    assert result.exit_code == 2
    assert "--date: '31/08/2019' is not a date" in result.output


def _records(count: int) -> list[dict[str, str]]:
    """Mixed-language records from the benchmark sentences; every third without 'lang'."""
    lines = (Path(__file__).parent.parent / "benchmarks" / "data" / "extraction_dev.jsonl").read_text("utf-8")
    source = [json.loads(line) for line in lines.splitlines() if line.strip()]
    records = []
    for number in range(count):
        item = source[number % len(source)]
        record = {"id": f"r{number}", "text": item["text"], "session_date": item["session_date"]}
        if number % 3:
            record["lang"] = item["lang"]
        records.append(record)
    return records


def test_extract_jsonl_handles_a_thousand_mixed_records_in_order(tmp_path: Path) -> None:
    records = _records(1000)
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [r["id"] for r in records]
    assert {o["language"] for o in out} == {"en", "fr", "de"}
    assert sum(len(o["commitments"]) for o in out) > 300
    first = next(o for o in out if o["commitments"])
    commitment = first["commitments"][0]
    assert set(commitment) >= {
        "id",
        "text",
        "start",
        "end",
        "actor",
        "action",
        "object",
        "deadline",
        "strength",
    }
    text = next(r["text"] for r in records if r["id"] == first["id"])
    assert text[commitment["start"] : commitment["end"]] == commitment["text"]
    for key in ("recommendations", "best_practices", "themes", "entities"):
        assert isinstance(first[key], list)


def test_extract_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "ok", "text": "Rabat will open two language cafés by March 2020.", "lang": "en",'
        ' "session_date": "2019-08-31"}\nnot json\n{"id": "x", "text": "Hallo", "lang": "es"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["commitments"][0]["actor"] == "rabat"
    assert record["commitments"][0]["deadline"] == "2020-03"
    assert f"{path} line 2: not valid JSON" in result.stderr
    assert f"{path} line 3: 'lang' is 'es'" in result.stderr


def test_extract_reads_note_files(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "extract",
            str(GOOD / "connective-note.odt"),
            str(BAD / "scanned.pdf"),
            "--session-date",
            "2019-08-31",
            "--city",
            "Düsseldorf",
        ],
    )
    assert result.exit_code == 1  # one file could not be read
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["language"] == "de"
    # The sentence, and the row of the note's "Stadt | Maßnahme" table, read by column as the night does.
    sentence, row = record["commitments"]
    assert (sentence["actor"], sentence["deadline"], sentence["action"]) == (
        "dusseldorf",
        "2020-12-31",
        "anbieten",
    )
    assert (row["actor"], row["text"]) == ("geneva", "offene Daten zum Nahverkehr")
    assert "scanned.pdf: the PDF is a scan" in result.stderr


def test_extract_needs_exactly_one_kind_of_input() -> None:
    result = runner.invoke(app, ["extract"])
    assert result.exit_code == 2
    assert "give either FILE... or --jsonl" in result.output


@pytest.mark.slow
@pytest.mark.parametrize(
    "note",
    [
        "notes/communicative/d2-am-conseils-de-quartier-rabat.docx",  # a commitment table
        "notes/inclusive/d2-am-accueil-geneve.docx",  # a German passage in a French note
        "notes/resilient/d1-pm-safe-public-spaces-halifax.docx",  # a table and the note's city
    ],
)
def test_extract_gives_what_the_night_gives_for_the_same_file(note: str) -> None:
    summit_dir = ROOT / "inputs" / "dusseldorf-2019"
    path = summit_dir / note
    read = ingest_file(path, summit_dir=summit_dir, summit=load_summit(summit_dir), limits=IngestLimits())
    assert isinstance(read, Note)
    night = extraction_json(str(path), read.language, extract_note(read, Pipelines()))
    options = ["--session-date", read.meta.session.day.isoformat()]
    options += ["--city", read.meta.city] if read.meta.city else []
    result = runner.invoke(app, ["extract", str(path), *options])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record == night
    assert record["commitments"], "the file has commitments: the comparison must not be of two empty lists"
