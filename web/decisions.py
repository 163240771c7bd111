"""Curation decisions in the web's database, mirrored to the summit's curation.yaml for the night.

The database is where organisers' decisions live (one row per item, the latest decision) and
the audit trail keeps every change. After each change the summit's `curation.yaml` is written
again, so that the night, `summit publish` and a copy of the folder all see the same decisions.
`summit curation export` / `import` move them between servers.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from synthesis.curation import save_curation
from synthesis.models import Curation, Decision
from web.access import Principal
from web.audit import record
from web.db import StoredDecision


def load_decisions(db: Session, summit_id: str) -> Curation:
    rows = db.scalars(
        select(StoredDecision)
        .where(StoredDecision.summit_id == summit_id)
        .order_by(StoredDecision.decision_id)
    )
    return Curation(decisions=tuple(Decision.model_validate(row.data) for row in rows))


def _summary(decision: Decision) -> str:
    edits = decision.edits.model_dump(exclude_none=True)
    parts = [decision.review, *(f"{key}={value}" for key, value in edits.items())]
    if decision.merged_into:
        parts.append(f"merged into {decision.merged_into}")
    if decision.poster is not None:
        parts.append("poster" if decision.poster else "not on poster")
    return "; ".join(parts)


def store_decision(
    db: Session, summit_id: str, decision: Decision, *, actor: Principal | str, address: str, now: datetime
) -> None:
    """Keep the decision (replacing the item's previous one) and audit it; the caller commits."""
    row = db.get(StoredDecision, (summit_id, decision.id))
    data = decision.model_dump(mode="json")
    if row is None:
        db.add(StoredDecision(summit_id=summit_id, decision_id=decision.id, data=data, updated_at=now))
    else:
        row.data, row.updated_at = data, now
    record(db, summit_id=summit_id, actor=actor, action="curate", target=decision.id,
           detail=_summary(decision), address=address, now=now)  # fmt: skip
    db.flush()


def replace_decisions(db: Session, summit_id: str, curation: Curation, *, actor: str, now: datetime) -> int:
    """Every decision of the summit becomes those of `curation` (an import); the caller commits."""
    db.execute(delete(StoredDecision).where(StoredDecision.summit_id == summit_id))
    for decision in curation.decisions:
        db.add(StoredDecision(summit_id=summit_id, decision_id=decision.id,
                              data=decision.model_dump(mode="json"), updated_at=now))  # fmt: skip
    record(db, summit_id=summit_id, actor=actor, action="curation-import", target=summit_id,
           detail=f"{len(curation.decisions)} decisions", now=now)  # fmt: skip
    db.flush()
    return len(curation.decisions)


def mirror(db: Session, summit_id: str, summit_dir: Path) -> Path:
    """Write the summit's curation.yaml from the database."""
    return save_curation(summit_dir, load_decisions(db, summit_id))
