"""`summit serve`: the schedule really fires, and publishes, with nothing but this machine."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from synthesis.publish import latest_run
from synthesis.report import read_report
from tests.conftest import GOOD, SAMPLE_SUMMIT

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_one_minute_cron_runs_and_publishes(tmp_path: Path) -> None:
    summit = tmp_path / "inputs" / "every-minute"
    (summit / "notes" / "healthy").mkdir(parents=True)
    yaml = (SAMPLE_SUMMIT / "summit.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("id: dusseldorf-2019", "id: every-minute")
    (summit / "summit.yaml").write_text(yaml + 'schedule:\n  cron: "* * * * *"\n  timezone: UTC\n', "utf-8")
    shutil.copy(GOOD / "healthy-note.docx", summit / "notes" / "healthy")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    command = [
        sys.executable, "-m", "synthesis", "serve", str(tmp_path / "inputs"), "--port", str(port),
        "--outputs", str(tmp_path / "outputs"), "--state-dir", str(tmp_path / "state"), "--workers", "1",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    summit_outputs = tmp_path / "outputs" / "every-minute"
    try:
        deadline = time.monotonic() + 300
        while latest_run(summit_outputs) is None:
            assert server.poll() is None, server.communicate()[0]
            assert time.monotonic() < deadline, "no scheduled run was published within 5 minutes"
            time.sleep(1)
        listed = subprocess.run(
            [str(Path(sys.executable).with_name("prefect")), "deployment", "ls"],
            env={**env, "PREFECT_API_URL": f"http://127.0.0.1:{port}/api", "COLUMNS": "200"},
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert "nightly-synthesis/every-minute" in listed.stdout, listed.stdout + listed.stderr
    finally:
        server.send_signal(signal.SIGINT)
        try:
            output, _ = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert "Serving nightly-synthesis/every-minute: * * * * * (UTC)" in output
    published = latest_run(summit_outputs)
    assert published is not None
    report = read_report(published)
    assert report is not None and report.notes.read == 1 and report.exit_code == 0
    assert (published / "booklet-en-fr.pdf").is_file()
