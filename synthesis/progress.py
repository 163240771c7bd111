"""The stage a run is in, as a small file that the web's run page reads while the run goes on."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from synthesis.output import write_atomically


def progress_path(state_dir: Path, summit_id: str) -> Path:
    return state_dir / "progress" / f"{summit_id}.json"


def write_progress(path: Path, stage: str, now: datetime) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps({"stage": stage, "since": now.isoformat()}))


def read_progress(path: Path) -> dict[str, str]:
    """{"stage": ..., "since": ...}, or {} when there is none or it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
