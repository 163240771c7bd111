"""What every request needs: the app's state, a database session, the language, the signed-in person.

Errors are raised as `WebError`; the app answers them as JSON under /api/ and
as an error page elsewhere, and audits every 403.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from synthesis.errors import SynthesisError
from synthesis.lock import RunLocked
from synthesis.models import SUMMIT_ID_PATTERN, SummitConfig
from synthesis.summit import load_summit
from synthesis.translate.base import Segment
from web.access import Principal, SignInLimiter, principal_for_session, principal_for_token
from web.audit import record
from web.config import WebConfig
from web.i18n import LANGUAGE_COOKIE, Translator, negotiate
from web.runs import RunLauncher

SESSION_COOKIE = "summit_session"


class WebError(Exception):
    """An answer other than success: `reason` is for scripts, `message` and `hint` for people."""

    def __init__(self, status: int, reason: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.status, self.reason, self.message, self.hint = status, reason, message, hint


@dataclass
class AppState:
    config: WebConfig
    engine: Engine
    secret: bytes
    limiter: SignInLimiter
    launcher: RunLauncher
    templates: Jinja2Templates
    # Machine proposals for the translation desk; None: no machine backend is configured.
    suggest: Callable[[list[Segment]], list[str | None]] | None = None


def app_state(request: Request) -> AppState:
    state: AppState = request.app.state.summit
    return state


def database(request: Request) -> Iterator[Session]:
    with Session(app_state(request).engine) as session:
        yield session


Database = Annotated[Session, Depends(database)]


def now() -> datetime:
    return datetime.now(UTC)


def translator(request: Request) -> Translator:
    return Translator(negotiate(request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language")))


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@lru_cache(maxsize=32)
def _summit(summit_dir: Path, mtime: float) -> SummitConfig:
    del mtime  # part of the cache key: an edited summit.yaml is read again
    return load_summit(summit_dir)


def summit_config(config: WebConfig, summit_id: str) -> SummitConfig:
    import re

    summit_dir = config.summit_dir(summit_id)
    if not re.fullmatch(SUMMIT_ID_PATTERN, summit_id) or not (summit_dir / "summit.yaml").is_file():
        raise WebError(404, "unknown_summit", f"there is no summit {summit_id!r}")
    try:
        return _summit(summit_dir, (summit_dir / "summit.yaml").stat().st_mtime)
    except SynthesisError as error:
        raise WebError(500, "bad_summit", str(error), error.hint) from None


def session_principal(request: Request, db: Session) -> Principal | None:
    cookie = request.cookies.get(SESSION_COOKIE)
    return principal_for_session(db, cookie, now=now()) if cookie else None


def bearer_principal(request: Request, db: Session) -> Principal:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise WebError(401, "no_token", "this needs a token", "send the header Authorization: Bearer <token>")
    principal = principal_for_token(db, token.strip(), now=now())
    if principal is None:
        raise WebError(
            401, "bad_token", "the token is unknown or revoked", "ask an organiser for a new token"
        )
    return principal


def forbid(db: Session, request: Request, principal: Principal, summit_id: str, target: str) -> WebError:
    """Audit a refused action and return the 403 to raise."""
    record(db, summit_id=summit_id, actor=principal, action="forbidden",
           target=target, detail=f"{request.method} {request.url.path}", address=client_address(request),
           now=now())  # fmt: skip
    db.commit()
    return WebError(
        403, "forbidden", "your token does not allow this", "ask an organiser for the right token"
    )


def require(
    request: Request, db: Session, principal: Principal | None, summit_id: str,
    *, organiser: bool = False, workshop: str | None = None,
) -> Principal:  # fmt: skip
    """The signed-in person may act on this summit (as an organiser, or on this workshop), or 401/403."""
    if principal is None:
        raise WebError(401, "signed_out", "please sign in first", "open the sign-in link you were given")
    if principal.summit_id != summit_id:
        raise forbid(db, request, principal, summit_id, f"summit {summit_id}")
    if organiser and not principal.is_organiser:
        raise forbid(db, request, principal, summit_id, "organiser page")
    if workshop is not None and not principal.can_write(workshop):
        raise forbid(db, request, principal, summit_id, f"workshop {workshop}")
    return principal


def start_run(
    request: Request,
    db: Session,
    principal: Principal,
    summit_id: str,
    *,
    via: str,
    publish_only: bool = False,
) -> None:
    """Start a run of the summit now, or only its documents (409 while one holds the lock); audit it."""
    state = app_state(request)
    summit_config(state.config, summit_id)
    try:
        state.launcher.start(
            summit_id, by=f"{via}, by {principal.name}", now=now(), publish_only=publish_only
        )
    except RunLocked as error:
        raise WebError(409, "run_in_progress", str(error), error.hint) from None
    action = "publish" if publish_only else "run"
    record(db, summit_id=summit_id, actor=principal, action=action, target=summit_id,
           address=client_address(request), now=now())  # fmt: skip
    db.commit()
