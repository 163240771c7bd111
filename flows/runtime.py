"""Prefect's environment for a run on one machine: local state, no telemetry, no network.

Prefect reads its settings when it is first imported, so call
`configure_prefect` before importing anything from prefect or flows.nightly.
"""

from __future__ import annotations

import os
from pathlib import Path

OFFLINE_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The 20 s default is too tight for a cold start on 2 cores (shared/STACK.md).
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
}


def configure_prefect(state_dir: Path) -> None:
    """Point Prefect's home at `state_dir`; values already set by the user win."""
    state_dir = state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(state_dir))
    for name, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(name, value)
