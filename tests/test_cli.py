import json
from pathlib import Path

from typer.testing import CliRunner

from synthesis.cli import app
from tests.conftest import BAD, GOOD, AddNote

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
    assert "--date '31/08/2019' is not a date" in result.output
