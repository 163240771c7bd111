"""Prefect's environment for a run on one machine: local state, no telemetry, no network.

Prefect reads its settings when it is first imported, so call
`configure_prefect` before importing anything from prefect or flows.nightly.

Without PREFECT_API_URL, Prefect would start a temporary server of its own,
which outlives a run that is killed. `owned_server` starts that server
instead, as a child that the kernel kills when the run dies, however it dies.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from synthesis.processes import die_with_parent

OFFLINE_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The 20 s default is too tight for a cold start on 2 cores (shared facts measured here).
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
}
SERVER_STARTUP_SECONDS = 120


def configure_prefect(state_dir: Path) -> None:
    """Point Prefect's home at `state_dir`; values already set by the user win."""
    state_dir = state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(state_dir))
    for name, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(name, value)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _healthy(url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _drain_prefect_clients(timeout: float = 10) -> None:
    """Send the logs and events Prefect still holds while the server is up.

    Prefect flushes them at interpreter exit, which is after this server has stopped:
    its clients would then retry against a closed port for about a minute."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=timeout, at_exit=False)


@contextmanager
def owned_server(
    *, port: int | None = None, scheduler: bool = False, meanwhile: Callable[[], object] | None = None
) -> Iterator[str | None]:
    """A Prefect API server for this process; None when PREFECT_API_URL already names one.

    The temporary kind (the default) serves one run. With `scheduler`, it is a full
    `prefect server start`, with the scheduler service and the UI, for `summit serve`.
    `meanwhile` runs while the server starts (PREFECT_API_URL already set): the
    caller's imports take the seconds the server would otherwise keep it waiting.
    """
    if os.environ.get("PREFECT_API_URL"):
        if meanwhile:
            meanwhile()
        yield None
        return
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}/api"
    if scheduler:
        prefect = Path(sys.executable).with_name("prefect")
        command = [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
        env = {**os.environ, "PREFECT_UI_ENABLED": "true", "PREFECT_SERVER_LOGGING_LEVEL": "WARNING"}
    else:
        command = [
            sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on",
        ]  # fmt: skip
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}
    # preexec_fn runs before any thread exists here: the CLI starts the server first.
    server = subprocess.Popen(command, env=env, preexec_fn=die_with_parent)
    os.environ["PREFECT_API_URL"] = url
    try:
        if meanwhile:
            meanwhile()
        deadline = time.monotonic() + SERVER_STARTUP_SECONDS
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the Prefect server did not start on port {port} (exit {server.poll()})")
            time.sleep(0.1)
        yield url
    finally:
        _drain_prefect_clients()
        os.environ.pop("PREFECT_API_URL", None)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
