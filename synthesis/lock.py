"""One run of a summit at a time.

The lock is an `flock` on `outputs/<summit-id>/.run.lock`: the kernel releases
it when its holder dies, however it dies, so a killed run never blocks the next
night. The file also says who holds it and since when, for the refusal message.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from synthesis.errors import SynthesisError

LOCK_FILE = ".run.lock"
# Locks this process holds, by path: the CLI takes the lock before Prefect starts,
# and the flow it then runs in the same process takes it again without blocking.
_held: dict[Path, int] = {}


class RunLocked(SynthesisError):
    """Another run of the same summit holds the lock."""

    def __init__(self, summit_id: str, holder: dict[str, str]) -> None:
        who = holder.get("by", "another run")
        since = holder.get("since", "an unknown time")
        where = f"pid {holder.get('pid', '?')} on {holder.get('host', '?')}"
        super().__init__(
            f"{summit_id} is already running: {who}, since {since} ({where})",
            hint="wait for that run to finish (it publishes on its own), then try again",
        )
        self.holder = holder


def _read_holder(handle: int) -> dict[str, str]:
    os.lseek(handle, 0, os.SEEK_SET)
    try:
        data = json.loads(os.read(handle, 4096) or b"{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


@contextmanager
def run_lock(summit_outputs: Path, *, summit_id: str, by: str, now: datetime) -> Iterator[None]:
    """Hold the summit's run lock, or raise RunLocked at once."""
    summit_outputs.mkdir(parents=True, exist_ok=True)
    path = (summit_outputs / LOCK_FILE).resolve()
    if path in _held:
        yield
        return
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLocked(summit_id, _read_holder(handle)) from None
        holder = {
            "by": by,
            "since": now.strftime("%Y-%m-%d %H:%M:%S %Z").strip(),
            "pid": str(os.getpid()),
            "host": socket.gethostname(),
        }
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps(holder).encode(), 0)
        _held[path] = handle
        try:
            yield
        finally:
            del _held[path]
            os.ftruncate(handle, 0)
    finally:
        os.close(handle)  # closing releases the flock


def lock_holder(summit_outputs: Path) -> dict[str, str] | None:
    """Who holds the summit's lock now, or None when no run is going on."""
    path = summit_outputs / LOCK_FILE
    if not path.exists():
        return None
    handle = os.open(path, os.O_RDWR)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_holder(handle)
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None
    finally:
        os.close(handle)
