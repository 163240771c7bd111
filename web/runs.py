"""Runs started from the web: `summit run` in a child process, the very command an organiser types.

The child takes the summit's run lock like any other run, so a second run,
from the web, the shell or the schedule, is refused. The web also refuses at
once while its own child is still starting (before it holds the lock).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from synthesis.lock import RunLocked, lock_holder
from synthesis.progress import progress_path, read_progress
from synthesis.publish import latest_run
from synthesis.report import RunReport, read_report
from web.config import WebConfig

EXIT_MEANINGS = {0: "published", 1: "published, but a document failed", 2: "nothing published"}


@dataclass(frozen=True)
class RunStatus:
    running: bool
    by: str = ""
    since: str = ""
    stage: str = ""
    exit_code: int | None = None  # of the web's last run of this summit, once it has ended
    log_tail: str = ""


class RunLauncher:
    """At most one child run per summit from this app; the lock covers every other way in."""

    def __init__(self, config: WebConfig) -> None:
        self.config = config
        self._children: dict[str, subprocess.Popen[bytes]] = {}
        self._logs: dict[str, Path] = {}
        self._guard = threading.Lock()

    def log_path(self, summit_id: str, now: datetime) -> Path:
        return self.config.state_dir / "web-runs" / summit_id / f"{now:%Y-%m-%dT%H%M%S}.log"

    def start(self, summit_id: str, *, by: str, now: datetime, publish_only: bool = False) -> None:
        """Start a run now (`summit publish` with `publish_only`); raises RunLocked when one is going on."""
        outputs = self.config.summit_outputs(summit_id)
        with self._guard:
            child = self._children.get(summit_id)
            if child is not None and child.poll() is None:
                raise RunLocked(summit_id, {"by": "a run started from the web", "since": "moments ago"})
            holder = lock_holder(outputs)
            if holder:
                raise RunLocked(summit_id, holder)
            log = self.log_path(summit_id, now)
            log.parent.mkdir(parents=True, exist_ok=True)
            command = [
                sys.executable, "-m", "synthesis", "publish" if publish_only else "run",
                str(self.config.summit_dir(summit_id)),
                "--outputs", str(self.config.outputs_dir), "--state-dir", str(self.config.state_dir),
                "--trigger", by,
            ]  # fmt: skip
            with log.open("wb") as handle:
                self._children[summit_id] = subprocess.Popen(
                    command, stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
                )
            self._logs[summit_id] = log

    def status(self, summit_id: str) -> RunStatus:
        holder = lock_holder(self.config.summit_outputs(summit_id))
        child = self._children.get(summit_id)
        exit_code = child.poll() if child is not None else None
        log = self._logs.get(summit_id)
        tail = _tail(log) if log else ""
        if holder or (child is not None and exit_code is None):
            progress = read_progress(progress_path(self.config.state_dir, summit_id))
            holder = holder or {}
            return RunStatus(
                True, by=holder.get("by", ""), since=holder.get("since", ""),
                stage=progress.get("stage", "starting"), log_tail=tail,
            )  # fmt: skip
        return RunStatus(False, exit_code=exit_code, log_tail=tail)


def _tail(path: Path, limit: int = 4000) -> str:
    try:
        data = path.read_bytes()[-limit:]
    except OSError:
        return ""
    return data.decode("utf-8", "replace")


def last_report(config: WebConfig, summit_id: str) -> tuple[Path | None, RunReport | None]:
    folder = latest_run(config.summit_outputs(summit_id))
    return folder, read_report(folder) if folder else None


def report_json(report: RunReport | None) -> object:
    return json.loads(report.model_dump_json()) if report else None
