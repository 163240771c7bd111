"""The latest published synthesis of a summit, as the review queue and the translation desk see it.

Read once per published run (the run folder's name is part of the cache key), since a large
summit's synthesis.json takes seconds to parse.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from synthesis.curation import CurationError, apply_curation, load_curation
from synthesis.models import SummitConfig, SummitSynthesis
from synthesis.publish import latest_run
from web.config import WebConfig


@lru_cache(maxsize=4)
def _read(path: Path, mtime: float) -> SummitSynthesis | None:
    del mtime  # part of the cache key
    try:
        return SummitSynthesis.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return None


def latest_synthesis(config: WebConfig, summit_id: str) -> SummitSynthesis | None:
    """The newest complete run's synthesis, as the night extracted it; None before the first run."""
    run = latest_run(config.summit_outputs(summit_id))
    path = run / "synthesis.json" if run else None
    if path is None or not path.is_file():
        return None
    return _read(path, path.stat().st_mtime)


def printed_synthesis(config: WebConfig, summit_id: str, summit: SummitConfig) -> SummitSynthesis | None:
    """The latest synthesis as the next publication prints it: the organisers' decisions applied
    (from the summit's curation.yaml, which the web keeps in step with its database)."""
    synthesis = latest_synthesis(config, summit_id)
    if synthesis is None:
        return None
    try:
        curation = load_curation(config.summit_dir(summit_id))
    except CurationError:
        return synthesis  # the run refuses a broken file with its own message; the desk still works
    return apply_curation(synthesis, curation, rule=summit.print)
