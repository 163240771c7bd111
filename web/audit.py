"""The audit trail: who uploaded, replaced, withdrew, ran, downloaded, signed in or was refused.

Append-only: the database itself refuses UPDATE and DELETE of audit_events (see the first migration).
`record` flushes but does not commit, so an event is kept exactly when the action it describes is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from web.access import Principal
from web.db import AuditEvent, require_aware

# The verbs in use; others of the same shape are accepted, so a new page needs no change here.
ACTIONS = (
    "upload", "replace", "withdraw", "run", "download", "token-create", "token-revoke",
    "sign-in", "sign-in-failed", "forbidden", "curate", "curation-import", "translate", "publish",
)  # fmt: skip
_ACTION = re.compile(r"[a-z][a-z-]{0,31}")
# Longer values are cut rather than refused: the action happened and must be recorded.
_LIMITS = {"actor": 300, "target": 500, "detail": 4_000, "address": 64, "summit_id": 64}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    summit_id: str
    actor: str
    role: str | None  # None when the actor is not a token holder (e.g. "cli:alice")
    action: str
    target: str
    detail: str
    address: str


def _clip(field: str, text: str) -> str:
    limit = _LIMITS[field]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def actor_label(principal: Principal) -> str:
    """How a token holder appears in the trail: names are not unique, token ids are."""
    return f"{principal.name} (token {principal.token_id})"


def _entry(event: AuditEvent) -> AuditEntry:
    return AuditEntry(
        event.id, event.at, event.summit_id, event.actor, event.role, event.action, event.target,
        event.detail, event.address,
    )  # fmt: skip


def record(
    db: Session,
    *,
    summit_id: str,
    actor: Principal | str,
    action: str,
    target: str,
    detail: str = "",
    address: str = "",
    now: datetime,
) -> AuditEntry:
    """Append one event. `summit_id` is "" for events outside any summit (a sign-in with an unknown token).

    `actor` is the signed-in Principal, or a label such as "cli:alice" or "anonymous".
    """
    require_aware(now)
    if not _ACTION.fullmatch(action):
        raise ValueError(f"{action!r} is not an audit action: use a short verb such as {ACTIONS[0]!r}")
    event = AuditEvent(
        at=now,
        summit_id=_clip("summit_id", summit_id),
        actor=_clip("actor", actor_label(actor) if isinstance(actor, Principal) else actor),
        role=actor.role if isinstance(actor, Principal) else None,
        action=action,
        target=_clip("target", target),
        detail=_clip("detail", detail),
        address=_clip("address", address),
    )
    db.add(event)
    db.flush()  # assigns the id
    return _entry(event)


def events(db: Session, summit_id: str, *, limit: int = 200) -> list[AuditEntry]:
    """The summit's most recent events, newest first."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    query = (
        select(AuditEvent)
        .where(AuditEvent.summit_id == summit_id)
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    )
    return [_entry(event) for event in db.scalars(query)]
