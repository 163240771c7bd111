"""No upload can leak a file, exhaust the machine, or stop the night.

Every case of tests/ingest/hostile_files.py sits in one summit beside four valid
notes, and the summit is read once by `summit ingest --json` in a child process,
as the night reads it. For each case three things must hold: its rejection
reason (or, for a neutralised file, that it was read), that every valid note
still came through, and that no process of the reading went over 1 GB.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from synthesis.extract.run import MAX_SEGMENT_CHARS, segments
from synthesis.ingest import IngestLimits, ingest_summit
from synthesis.ingest.read import MAX_BLOCK_CHARS
from synthesis.models import Rejection, RejectionReason
from synthesis.output import rejections_markdown
from synthesis.report import report_markdown
from synthesis.sandbox import SandboxLimits
from tests.conftest import SAMPLE_SUMMIT
from tests.ingest import hostile_files
from tests.ingest.hostile_files import CASES, SECRET, VALID, Case

MEMORY_BOUND = 1_000_000_000  # bytes of RSS, for any one process of the reading

# Runs the command, then prints the largest RSS of any process in its tree (kB; Linux).
_MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], capture_output=True); "
    "sys.stderr.buffer.write(done.stderr); sys.stdout.buffer.write(done.stdout); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(done.returncode)"
)


def _hostile_summit(root: Path) -> Path:
    summit = root / "summit"
    (summit / "notes").mkdir(parents=True)
    (summit / "summit.yaml").write_bytes((SAMPLE_SUMMIT / "summit.yaml").read_bytes())
    hostile_files.build_summit(summit, root / "outside")
    return summit


@pytest.fixture(scope="module")
def hostile_summit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _hostile_summit(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def ingested(hostile_summit: Path) -> dict[str, Any]:
    """`summit ingest --json` of the hostile summit, and the peak RSS of its process tree."""
    command = [
        sys.executable,
        "-c",
        _MEASURE,
        sys.executable,
        "-m",
        "synthesis",
        "ingest",
        str(hostile_summit),
        "--json",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    result["peak_rss"] = int(done.stderr.strip().splitlines()[-1]) * 1024
    return result


def _notes(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {note["source"]: note for note in result["notes"]}


def _rejected(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["source"]: item for item in result["rejected"]}


def _rejections(result: dict[str, Any]) -> list[Rejection]:
    return [
        Rejection.model_validate({k: v for k, v in r.items() if k != "status"}) for r in result["rejected"]
    ]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_hostile_file_is_rejected_or_neutralised_and_the_rest_survive(
    case: Case, ingested: dict[str, Any]
) -> None:
    notes, rejected = _notes(ingested), _rejected(ingested)
    if case.reason is None:
        assert case.source in notes, rejected.get(case.source)
    else:
        assert case.source in rejected, f"not rejected; notes: {sorted(notes)}"
        assert rejected[case.source]["reason"] == case.reason.value
        assert rejected[case.source]["message"] and rejected[case.source]["hint"]
    valid = {source.rsplit("/", 1)[-1] for source in notes}
    assert set(VALID) <= valid
    assert ingested["peak_rss"] < MEMORY_BOUND


def test_nothing_is_read_twice_or_forgotten(ingested: dict[str, Any], hostile_summit: Path) -> None:
    """Every case is accounted for once, and nothing else is rejected."""
    expected_rejections = {c.source for c in CASES if c.reason is not None}
    assert set(_rejected(ingested)) == expected_rejections
    assert len(ingested["rejected"]) == len(expected_rejections)


def test_no_byte_from_outside_the_summit_is_read(ingested: dict[str, Any]) -> None:
    assert SECRET not in json.dumps(ingested, ensure_ascii=False)


def test_messages_name_what_is_wrong(ingested: dict[str, Any]) -> None:
    rejected = _rejected(ingested)
    assert "outside the summit" in rejected["notes/healthy/passwd.md"]["message"]
    assert "leads nowhere" in rejected["notes/healthy/loop-a.md"]["message"]
    assert "anchors and aliases" in rejected["notes/healthy/laughs.md"]["message"]
    assert "field 'rapporteur' must be text, not a mapping" in rejected["notes/healthy/mapping.md"]["message"]
    assert "field 'city' must be text, not binary data" in rejected["notes/healthy/binary.md"]["message"]
    assert "Spanish (es)" in rejected["notes/healthy/espanol.md"]["message"]
    assert "Arabic (ar)" in rejected["notes/healthy/arabic.md"]["message"]


def test_neutralised_files_keep_their_text_and_lose_their_tricks(ingested: dict[str, Any]) -> None:
    notes = _notes(ingested)
    assert notes["notes/healthy/bidi.md"]["title"] == "Report gnp.exe of Lyon"
    mixed = notes["notes/healthy/mixed.md"]
    assert any("skipped a passage in Spanish (es)" in w for w in mixed["warnings"])
    assert notes["notes/healthy/utf16.txt"]["language"] == "en"
    assert notes["notes/healthy/pages.pdf"]["words"] > 3000 * 8


def test_a_long_single_line_note_reaches_extraction_in_small_pieces(hostile_summit: Path) -> None:
    only = hostile_summit.parent / "long"
    (only / "notes" / "healthy").mkdir(parents=True)
    (only / "summit.yaml").write_bytes((hostile_summit / "summit.yaml").read_bytes())
    source = hostile_summit / "notes" / "healthy" / "one-line.txt"
    (only / "notes" / "healthy" / source.name).write_bytes(source.read_bytes())
    [note] = ingest_summit(only).notes
    assert len(note.text) > 800_000 and max(p.end - p.start for p in note.paragraphs) <= MAX_BLOCK_CHARS
    assert max(s.end - s.start for s in segments(note)) <= MAX_SEGMENT_CHARS


def test_a_reader_that_exhausts_its_memory_rejects_that_file_only(hostile_summit: Path) -> None:
    """With the stream budget lifted, pdfminer inflates 2 GB: the reader's rlimit stops it."""
    unguarded = IngestLimits(max_inflated_bytes=10**12, sandbox=SandboxLimits(memory_bytes=MEMORY_BOUND))
    result = ingest_summit(hostile_summit, limits=unguarded)
    rejected = {r.source: r for r in result.rejected}["notes/healthy/stream-bomb.pdf"]
    assert rejected.reason is RejectionReason.TOO_LARGE_CONTENT and "memory" in rejected.message
    assert {n.source.rsplit("/", 1)[-1] for n in result.notes} >= set(VALID)


def test_a_reader_that_overruns_its_time_rejects_that_file_only(hostile_summit: Path) -> None:
    hurried = IngestLimits(sandbox=SandboxLimits(seconds=2))
    result = ingest_summit(hostile_summit, limits=hurried)
    rejected = {r.source: r for r in result.rejected}
    assert rejected["notes/healthy/pages.pdf"].reason is RejectionReason.READER_TIMEOUT
    assert {n.source.rsplit("/", 1)[-1] for n in result.notes} >= set(VALID)


def test_reports_escape_names_that_try_to_forge_lines_or_markup(ingested: dict[str, Any]) -> None:
    rejections = _rejections(ingested)
    markdown = rejections_markdown(rejections)
    assert not any(line.startswith("- Problem (ok)") for line in markdown.splitlines())
    assert "<img" not in markdown and "&lt;img src=x onerror=alert\\(1\\)&gt;" in markdown
    lines = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert len(lines) == len(rejections)  # one heading per rejection: no name added one


def test_a_bracketed_path_is_printed_as_written(hostile_summit: Path) -> None:
    env = {**os.environ, "COLUMNS": "300"}
    done = subprocess.run(
        [sys.executable, "-m", "synthesis", "ingest", str(hostile_summit)],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "notes/healthy/a[/]b.md: the note has no text" in done.stdout and "Traceback" not in done.stderr


def test_a_summit_yaml_error_with_markup_is_printed_as_written(tmp_path: Path) -> None:
    summit = tmp_path / "x[bold]y[/]"
    summit.mkdir(parents=True)
    (summit / "summit.yaml").write_text("id: x\nname: [1\n", encoding="utf-8")  # not valid YAML
    command = [sys.executable, "-m", "synthesis", "ingest", str(summit)]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "400"}
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "x[bold]y[/]/summit.yaml: not valid YAML" in done.stderr


def test_report_markdown_escapes_every_name(ingested: dict[str, Any]) -> None:
    from synthesis.report import CacheCounts, NoteCounts, RunReport

    report = RunReport(
        summit_id="x", run="r", notes=NoteCounts(read=0, new=0, changed=0, removed=0, rejected=1),
        rejected=tuple(_rejections(ingested)),
        extraction_errors={}, workshops=(), commitments=0, commitments_added=(), commitments_removed=(),
        cache=CacheCounts(ingest_hits=0, extraction_hits=0, extracted=0), timings={}, translations={},
        documents=(), failed_documents={},
    )  # fmt: skip
    text = report_markdown(report)
    assert "<img" not in text and not any(line.startswith("- Problem") for line in text.splitlines())


def _text_of(path: Path) -> str:
    """What a reader of the file sees: PDF and DOCX text extracted, everything else as bytes."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if path.suffix == ".docx":
        import zipfile

        with zipfile.ZipFile(path) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return path.read_bytes().decode("utf-8", "replace")


@pytest.mark.slow
def test_the_night_publishes_the_sample_beside_every_hostile_file(tmp_path: Path) -> None:
    """The acceptance run: `summit run` on the sample's notes plus every hostile case."""
    import psutil

    summit = _hostile_summit(tmp_path)
    for note in (SAMPLE_SUMMIT / "notes").rglob("*"):
        if note.is_file():
            target = summit / note.relative_to(SAMPLE_SUMMIT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(note, target)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    command = [
        sys.executable, "-m", "synthesis", "run", str(summit), "--date", "2019-09-01",
        "--outputs", str(tmp_path / "outputs"), "--state-dir", str(tmp_path / "state"),
    ]  # fmt: skip
    log = (tmp_path / "run.log").open("w+", encoding="utf-8")  # a pipe would fill and block the run
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    root, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.2)
    log.seek(0)
    output = log.read()
    assert process.returncode == 0, output[-3000:]
    assert peak < 2_000_000_000, f"the process tree peaked at {peak / 1e9:.2f} GB"

    folder = tmp_path / "outputs" / "dusseldorf-2019" / "latest"
    rejected = {r["source"]: r["reason"] for r in json.loads((folder / "rejected.json").read_text("utf-8"))}
    assert rejected == {c.source: c.reason.value for c in CASES if c.reason is not None}
    synthesis = json.loads((folder / "synthesis.json").read_text("utf-8"))
    read = {n["source"] for n in synthesis["notes"]}
    sample = {p.relative_to(SAMPLE_SUMMIT).as_posix() for p in (SAMPLE_SUMMIT / "notes").rglob("*")}
    sample = {s for s in sample if (SAMPLE_SUMMIT / s).is_file() and not s.endswith(".meta.yaml")}
    assert sample <= read and {c.source for c in CASES if c.reason is None} <= read
    for path in folder.rglob("*"):
        if path.is_file():
            assert SECRET not in _text_of(path), path.name


# `summit extract --jsonl`: every line is handled alone.
BAD_RECORDS = [
    ('{"id": "n", "text": {"nested": "object"}}\n', "'text' is missing or not a string"),
    ('{"id": "d", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "nested too deeply"),
    (b'{"id": "u", "text": "caf\xe9"}\n', "not UTF-8 (byte 0xe9 at column 25)"),
    ('{"id": ' + "9" * 5000 + ', "text": "x"}\n', "not valid JSON (Exceeds the limit (4300 digits)"),
    ('{"id": "big", "text": "' + "a" * 50_000_000 + '"}\n', "the line is over 1,000,000 bytes"),
    ('{"id": "' + "i" * 300 + '", "text": "x"}\n', "'id' is longer than 200 characters"),
]
GOOD_RECORD = '{"id": "ok%d", "text": "Rabat will open two language cafés by March 2020.", "lang": "en"}\n'


def _jsonl(path: Path) -> Path:
    with path.open("wb") as handle:
        for number, (line, _) in enumerate(BAD_RECORDS):
            handle.write((GOOD_RECORD % number).encode())
            handle.write(line if isinstance(line, bytes) else line.encode())
        handle.write((GOOD_RECORD % len(BAD_RECORDS)).encode())
    return path


def test_every_bad_jsonl_line_is_reported_alone(tmp_path: Path) -> None:
    from synthesis.extract.io import RecordError, read_jsonl

    items = list(read_jsonl(_jsonl(tmp_path / "in.jsonl")))
    errors = [item for item in items if isinstance(item, RecordError)]
    assert [e.line for e in errors] == [2, 4, 6, 8, 10, 12]
    for error, (_, expected) in zip(errors, BAD_RECORDS, strict=True):
        assert expected in error.message
    assert [getattr(i, "id", None) for i in items if not isinstance(i, RecordError)] == [
        f"ok{n}" for n in range(len(BAD_RECORDS) + 1)
    ]


@pytest.mark.slow
def test_summit_extract_prints_every_valid_line_beside_bad_ones(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from synthesis.cli import app

    result = CliRunner().invoke(app, ["extract", "--jsonl", str(_jsonl(tmp_path / "in.jsonl"))])
    assert result.exit_code == 1
    printed = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert printed == [f"ok{n}" for n in range(len(BAD_RECORDS) + 1)]
    assert result.stderr.count("Error:") == len(BAD_RECORDS) and "Traceback" not in result.stderr


def test_summit_kit_refuses_a_logo_with_too_many_pixels(tmp_path: Path) -> None:
    import zlib as z

    from typer.testing import CliRunner

    from synthesis.cli import app

    # A 20000×20000 grey PNG: 400 million pixels in a few hundred kilobytes.
    width = height = 20_000
    row = b"\x00" + bytes(width)
    compressor = z.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + z.crc32(kind + data).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    logo = tmp_path / "logo.png"
    logo.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    run = tmp_path / "outputs" / "dusseldorf-2019" / "2019-09-02"
    run.mkdir(parents=True)
    shutil.copy(Path(__file__).parent.parent / "fixtures" / "synthesis-sample.json", run / "synthesis.json")
    kit = ["kit", "dusseldorf-2019", "--city", "Rabat", "--outputs", str(tmp_path / "outputs")]
    result = CliRunner().invoke(app, [*kit, "--logo", str(logo)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "too many pixels (over the 25,000,000 allowed)" in result.output and "Hint:" in result.output


def test_summit_kit_refuses_a_summit_id_that_leaves_the_outputs(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from synthesis.cli import app

    (tmp_path / "outputs").mkdir()
    result = CliRunner().invoke(
        app, ["kit", "../out/x", "--city", "Rabat", "--outputs", str(tmp_path / "outputs")]
    )
    assert result.exit_code == 1 and "'../out/x' is not a summit id" in result.output
    assert not (tmp_path / "out").exists()
