"""Upload records: each file a person sends, and what became of it, with its audit event."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from web.access import Principal
from web.audit import record
from web.db import Upload
from web.notes import Outcome


def record_upload(
    db: Session,
    summit_id: str,
    workshop: str,
    outcome: Outcome,
    principal: Principal,
    address: str,
    now: datetime,
) -> None:
    """One upload row and one audit event ("upload", "replace" or "upload-refused"); committed here."""
    placed = outcome.placed
    status: str
    if outcome.accepted and placed is not None:
        path, status, reason = placed.path.as_posix(), placed.status, None
        action = "replace" if placed.status == "replaced" else "upload"
    else:
        path, status, reason, action = outcome.filename, "refused", outcome.reason, "upload-refused"
    db.add(Upload(at=now, summit_id=summit_id, workshop=workshop, path=path,
                  sha256=placed.sha256 if placed else "", token_id=principal.token_id,
                  status=status, reason=reason))  # fmt: skip
    record(db, summit_id=summit_id, actor=principal, action=action, target=path,
           detail=reason or status, address=address, now=now)  # fmt: skip
    db.commit()
