"""`summit run` as organisers start it: a real process, its own Prefect server, a lock, a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from synthesis.cli import app
from synthesis.lock import lock_holder
from synthesis.publish import latest_run
from synthesis.report import read_report
from tests.conftest import GOOD, AddNote

pytestmark = pytest.mark.slow


@pytest.fixture
def uploads(summit_dir: Path, add_note: AddNote) -> Path:
    add_note(GOOD / "healthy-note.docx", "healthy")
    add_note(GOOD / "resilient-note.pdf", "resilient")
    add_note(GOOD / "connective-note.odt", "connective")
    return summit_dir


def start_run(
    summit_dir: Path, tmp_path: Path, *options: str, env_extra: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    env |= env_extra or {}
    command = [
        sys.executable, "-m", "synthesis", "run", str(summit_dir), "--date", "2019-09-01",
        "--outputs", str(tmp_path / "outputs"), "--state-dir", str(tmp_path / "state"), "--workers", "1",
        *options,
    ]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wait_for(condition, seconds: float = 180) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_second_run_of_the_same_summit_is_refused_at_once(uploads: Path, tmp_path: Path) -> None:
    summit_outputs = tmp_path / "outputs" / "dusseldorf-2019"
    first = start_run(uploads, tmp_path)
    try:
        wait_for(lambda: first.poll() is not None or lock_holder(summit_outputs) is not None)
        result = CliRunner().invoke(
            app,
            [
                "run",
                str(uploads),
                "--outputs",
                str(tmp_path / "outputs"),
                "--state-dir",
                str(tmp_path / "s2"),
            ],
        )
        assert result.exit_code == 2, result.output
        assert "Error: dusseldorf-2019 is already running: `summit run` by" in result.output
        assert f"pid {first.pid}" in result.output and "Hint: wait for that run" in result.output
    finally:
        output, _ = first.communicate(timeout=600)
    assert first.returncode == 0, output
    assert lock_holder(summit_outputs) is None


def test_a_run_killed_while_rendering_leaves_latest_and_no_process(uploads: Path, tmp_path: Path) -> None:
    summit_outputs = tmp_path / "outputs" / "dusseldorf-2019"
    done = start_run(uploads, tmp_path)
    output, _ = done.communicate(timeout=600)
    assert done.returncode == 0, output
    complete = latest_run(summit_outputs)
    assert complete is not None

    # Another poster size: the notes' extractions are reused, the documents are rendered again.
    killed = start_run(uploads, tmp_path, "--poster-size", "A0")
    family: set[psutil.Process] = set()

    def rendering() -> bool:
        if killed.poll() is not None:
            return True
        family.update(psutil.Process(killed.pid).children(recursive=True))
        return any(summit_outputs.glob(".staging-*/*poster-*.pdf*"))  # the first poster is being written

    wait_for(rendering)
    assert killed.poll() is None, killed.communicate()[0]
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    assert family, "the run had started its Prefect server"
    wait_for(lambda: not any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE for p in family), 30)
    assert latest_run(summit_outputs) == complete
    assert len(list(summit_outputs.glob(".staging-*"))) == 1  # left for the next run to clean

    after = start_run(uploads, tmp_path)
    output, _ = after.communicate(timeout=600)
    assert after.returncode == 0, output
    newest = latest_run(summit_outputs)
    assert newest is not None and newest != complete
    report = read_report(newest)
    assert report is not None and report.cache.extraction_hits == 3 and report.cache.extracted == 0
    assert not list(summit_outputs.glob(".staging-*"))


@pytest.mark.slow
def test_with_two_workers_python_m_synthesis_writes_every_document(uploads: Path, tmp_path: Path) -> None:
    # Two workers: extraction in worker processes, and the DOCX written in a spawned process
    # beside the PDFs; the run publishes once, with every document. With Prefect's INFO logs
    # on, every log reaches the run's own server before it stops: none is retried against a
    # closed port at exit (which held the process for a minute).
    run = start_run(uploads, tmp_path, "--workers", "2", env_extra={"PREFECT_LOGGING_LEVEL": "INFO"})
    output, _ = run.communicate(timeout=600)
    assert run.returncode == 0, output
    latest = tmp_path / "outputs" / "dusseldorf-2019" / "latest"
    report = json.loads((latest / "report.json").read_text(encoding="utf-8"))
    assert report["failed_documents"] == {}
    assert "booklet-en-fr.docx" in report["documents"]
    assert output.count("Published") == 1
    assert "Beginning flow run" in output and "Error logging to API" not in output
