"""What an upload, replacement or withdrawal came to, carried across the redirect that follows it.

Forms are answered with a redirect to the notes page (post, redirect, get), so a
phone's reload never sends a file twice. The outcome rides along in a short-lived,
signed cookie that only the notes page reads, once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from synthesis.uploads import Placed
from web.deps import app_state
from web.notes import Outcome

FLASH_COOKIE = "summit_flash"
MAX_TEXT = 300  # a cookie holds about 4 kB: messages are cut, ten outcomes still fit


def _sign(secret: bytes, payload: bytes) -> str:
    return hmac.new(secret, b"flash:" + payload, hashlib.sha256).hexdigest()[:32]


def _outcome_json(outcome: Outcome) -> dict[str, object]:
    data = outcome.as_json()
    return {key: value[:MAX_TEXT] if isinstance(value, str) else value for key, value in data.items()}


def _outcome(data: dict[str, Any]) -> Outcome:
    text = {key: str(data.get(key, "")) for key in ("file", "reason", "message", "hint", "language", "id")}
    placed = None
    if data.get("accepted"):
        placed = Placed(Path(text["id"]), str(data.get("sha256", "")), data.get("status", "new"), None)
    return Outcome(
        filename=text["file"],
        accepted=bool(data.get("accepted")),
        reason=text["reason"],
        message=text["message"],
        hint=text["hint"],
        placed=placed,
        language=text["language"],
        words=int(data.get("words") or 0),
    )


def redirect_with_flash(
    request: Request, summit_id: str, outcomes: list[Outcome] | None = None, message: str = ""
) -> Response:
    page = f"/summits/{summit_id}/notes"
    payload = json.dumps(
        {"outcomes": [_outcome_json(o) for o in outcomes or ()], "message": message[:MAX_TEXT]}
    )
    raw = base64.urlsafe_b64encode(payload.encode()).decode()
    value = f"{raw}.{_sign(app_state(request).secret, raw.encode())}"
    response = RedirectResponse(page, status_code=303)
    response.set_cookie(FLASH_COOKIE, value, max_age=120, path=page, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https")  # fmt: skip
    return response


def read_flash(request: Request) -> tuple[list[Outcome], str]:
    """The outcomes and message left by the last form, if the cookie is there and genuine."""
    raw, _, signature = (request.cookies.get(FLASH_COOKIE) or "").partition(".")
    if not raw or not hmac.compare_digest(signature, _sign(app_state(request).secret, raw.encode())):
        return [], ""
    try:
        data = json.loads(base64.urlsafe_b64decode(raw.encode()))
        return [_outcome(o) for o in data.get("outcomes", [])], str(data.get("message", ""))
    except (ValueError, TypeError, KeyError):
        return [], ""


def clear_flash(response: Response, summit_id: str) -> None:
    response.delete_cookie(FLASH_COOKIE, path=f"/summits/{summit_id}/notes")
