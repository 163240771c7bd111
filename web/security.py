"""Headers on every answer, and CSRF tokens for every form.

A form's CSRF token is an HMAC of a random per-browser cookie under the app's
secret: another site can neither read the cookie nor forge the token, and a
token copied from one browser is worthless in another.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "summit_csrf"
CSRF_FIELD = "csrf_token"
SECURITY_HEADERS = {
    # Pages are server-rendered, with no inline script and no third-party anything.
    "content-security-policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
}


def load_secret(path: Path) -> bytes:
    """The app's signing secret, created once (mode 0600) so that forms survive a restart."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        secret = path.read_bytes()
        if len(secret) >= 32:
            return secret
    except FileNotFoundError:
        pass
    secret = secrets.token_bytes(32)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(secret)
    temporary.chmod(0o600)
    temporary.replace(path)
    return secret


def new_csrf_cookie() -> str:
    return secrets.token_urlsafe(24)


def csrf_token(secret: bytes, cookie: str) -> str:
    return hmac.new(secret, b"csrf:" + cookie.encode(), hashlib.sha256).hexdigest()


def csrf_valid(secret: bytes, cookie: str | None, submitted: str | None) -> bool:
    if not cookie or not submitted:
        return False
    return hmac.compare_digest(csrf_token(secret, cookie), submitted)


class SecurityHeaders:
    """ASGI middleware: the headers above on every response, HTML or not."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode().lower() not in SECURITY_HEADERS
                ]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
