"""Addresses of commitments that left the synthesis: a shared link or a QR code keeps working.

A commitment's page is `commitments/<id>.html`, and its id is made from its sentence. When a
rapporteur rewords the note, the id changes; the old address then gets a page that points to
the commitment that replaced it (same workshop, a sentence at least `SIMILAR_ENOUGH` alike),
or says it is gone. Each run keeps the list in `site/moved.json`, so the next runs carry it on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from synthesis.curation import SIMILAR_ENOUGH, similarity
from synthesis.models import Commitment, SummitSynthesis
from synthesis.run_index import read_index

MOVED_FILE = "moved.json"


def _read_moved(site: Path) -> dict[str, str | None]:
    try:
        data = json.loads((site / MOVED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): (str(v) if isinstance(v, str) else None) for k, v in data.items()}


def moved_commitments(previous_run: Path | None, synthesis: SummitSynthesis) -> dict[str, str | None]:
    """Earlier commitment ids that have no page now -> the id that replaced them, or None."""
    if previous_run is None:
        return {}
    current: dict[str, tuple[str, Commitment]] = {
        c.id: (w.workshop, c) for w in synthesis.workshops for c in w.commitments
    }
    moved = _read_moved(previous_run / "site")
    index = read_index(previous_run)
    for line in index.commitments if index else ():
        if line.id in current:
            continue
        scored = [
            (similarity(line.quote, c.source.quote), c.id)
            for workshop, c in current.values()
            if workshop == line.workshop
        ]
        score, best = max(scored, default=(0.0, None))
        moved[line.id] = best if best is not None and score >= SIMILAR_ENOUGH else None
    # A target that has itself gone since is followed once more, else the page says "gone".
    followed = {
        old: (new if new in current else moved.get(new) if new else None) for old, new in moved.items()
    }
    return {old: (new if new in current else None) for old, new in followed.items() if old not in current}


def moved_json(moved: Mapping[str, str | None]) -> str:
    return json.dumps(dict(sorted(moved.items())), indent=1) + "\n"
