"""Who may do what: sign-in tokens, browser sessions, and a brake on guessing tokens.

Tokens and cookie values are random secrets; the database keeps only their sha256, so a copy of
it signs nobody in. Functions here flush but never commit: the caller owns the transaction.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import unicodedata
from collections import deque
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, get_args

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from synthesis.errors import SynthesisError
from synthesis.escape import BIDI_CONTROLS
from synthesis.models import SUMMIT_ID_PATTERN
from web.db import Token, WebSession, require_aware

Role = Literal["rapporteur", "organiser", "translator"]
ROLES: tuple[Role, ...] = get_args(Role)
MAX_NAME_CHARS = 200
MAX_SECRET_CHARS = 128  # token_urlsafe(32) is 43 characters; anything much longer is not ours
SESSION_LIFETIME = timedelta(hours=12)
TARGET_LANGUAGES = ("en", "fr", "de")
_WORKSHOP_ID = re.compile(r"[a-z][a-z0-9-]*")  # as synthesis.models.Workshop.id


class AccessError(SynthesisError):
    """A token or session request that cannot be honoured; the hint says what to do instead."""


@dataclass(frozen=True)
class Principal:
    """Whoever signed in with a token. It acts within its own summit only: check `summit_id` first."""

    token_id: int
    summit_id: str
    role: Role
    workshops: tuple[str, ...]
    name: str
    languages: tuple[str, ...] = ()  # a translator's target languages

    @property
    def is_organiser(self) -> bool:
        return self.role == "organiser"

    def can_write(self, workshop: str) -> bool:
        """Organisers write every workshop of the summit, rapporteurs only their own."""
        return self.is_organiser or (self.role == "rapporteur" and workshop in self.workshops)

    def can_translate(self, language: str) -> bool:
        """Organisers translate into any language, translators into theirs; rapporteurs never."""
        return self.is_organiser or (self.role == "translator" and language in self.languages)


@dataclass(frozen=True)
class TokenInfo:
    """A token as listed to organisers: never the token, nor its hash."""

    id: int
    summit_id: str
    role: Role
    workshops: tuple[str, ...]
    name: str
    created_at: datetime
    revoked_at: datetime | None
    languages: tuple[str, ...] = ()


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _role(value: str) -> Role:
    for role in ROLES:
        if value == role:
            return role
    raise ValueError(f"unknown role in the database: {value!r}")


def _principal(token: Token) -> Principal:
    return Principal(
        token.id, token.summit_id, _role(token.role), tuple(token.workshops), token.name,
        tuple(token.languages or ()),
    )  # fmt: skip


def _info(token: Token) -> TokenInfo:
    return TokenInfo(
        token.id, token.summit_id, _role(token.role), tuple(token.workshops), token.name,
        token.created_at, token.revoked_at, tuple(token.languages or ()),
    )  # fmt: skip


def check_summit_id(summit_id: str) -> str:
    """The summit id, if it can name a folder under inputs/; an AccessError otherwise."""
    if not re.fullmatch(SUMMIT_ID_PATTERN, summit_id):
        raise AccessError(
            f"'{summit_id}' is not a summit id",
            hint="summit ids are lowercase letters, digits and '-', e.g. dusseldorf-2019",
        )
    return summit_id


def _check_role(role: str) -> Role:
    try:
        return _role(role)
    except ValueError:
        raise AccessError(
            f"'{role}' is not a role", hint="a role is rapporteur, organiser or translator"
        ) from None


def _check_workshops(
    role: Role, workshops: Collection[str], summit_id: str, known: Collection[str] | None
) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(workshops))  # repeated ones once, in the order given
    if role == "organiser" and chosen:
        raise AccessError(
            "an organiser's token takes no workshop",
            hint="organisers write every workshop: give them none",
        )
    if role == "translator" and chosen:
        raise AccessError(
            "a translator's token takes no workshop", hint="give the languages they translate into instead"
        )
    if role == "rapporteur" and not chosen:
        raise AccessError(
            "a rapporteur's token needs a workshop", hint="give the workshop(s) the rapporteur writes for"
        )
    for workshop in chosen:
        if not _WORKSHOP_ID.fullmatch(workshop) or (known is not None and workshop not in known):
            hint = f"its workshops are: {', '.join(known)}" if known is not None else "e.g. healthy"
            raise AccessError(f"'{workshop}' is not a workshop of {summit_id}", hint=hint)
    return chosen


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise AccessError(
            f"a token's name must be 1 to {MAX_NAME_CHARS} characters, not {len(name)}",
            hint='give the holder\'s name, e.g. "Claire Dubois"',
        )
    # Names are shown in tables and the audit trail, one line each, as they were typed.
    if any(unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS for char in name):
        raise AccessError("a token's name cannot hold control characters", hint="type the name on one line")
    return name


def _check_languages(role: Role, languages: Collection[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(language.strip().lower() for language in languages))
    if role != "translator" and chosen:
        raise AccessError(f"a {role}'s token takes no language", hint="only translators' tokens do")
    if role == "translator" and not chosen:
        raise AccessError(
            "a translator's token needs a language", hint="give the languages they translate into, e.g. fr"
        )
    for language in chosen:
        if language not in TARGET_LANGUAGES:
            raise AccessError(f"'{language}' is not a language", hint="translators work into en, fr or de")
    return chosen


def create_token(
    db: Session,
    *,
    summit_id: str,
    role: str,
    workshops: Collection[str],
    name: str,
    now: datetime,
    known_workshops: Collection[str] | None = None,
    languages: Collection[str] = (),
) -> tuple[str, Principal]:
    """A new token and who it signs in as. The token is returned here once and never stored.

    `known_workshops` are the summit's workshop ids (from its summit.yaml); None skips that check.
    """
    require_aware(now)
    checked_role = _check_role(role)
    token = Token(
        summit_id=check_summit_id(summit_id),
        role=checked_role,
        workshops=list(_check_workshops(checked_role, workshops, summit_id, known_workshops)),
        languages=list(_check_languages(checked_role, languages)),
        name=_check_name(name),
        created_at=now,
    )
    secret = secrets.token_urlsafe(32)
    token.token_hash = secret_hash(secret)
    db.add(token)
    db.flush()  # assigns the id
    return secret, _principal(token)


def principal_for_token(db: Session, token: str, *, now: datetime) -> Principal | None:
    """Who the token signs in as; None for an unknown or revoked token.

    The lookup is by hash, so timing reveals nothing about stored tokens. A revoked token is
    refused whatever `now` is; `now` is taken for symmetry with principal_for_session.
    """
    require_aware(now)
    if not token or len(token) > MAX_SECRET_CHARS:
        return None
    found = db.scalar(select(Token).where(Token.token_hash == secret_hash(token)))
    if found is None or found.revoked_at is not None:
        return None
    return _principal(found)


def list_tokens(db: Session, summit_id: str | None = None) -> list[TokenInfo]:
    """Every token, or a summit's, oldest first."""
    query = select(Token).order_by(Token.id)
    if summit_id is not None:
        query = query.where(Token.summit_id == summit_id)
    return [_info(token) for token in db.scalars(query)]


def _token(db: Session, token_id: int) -> Token:
    token = db.get(Token, token_id)
    if token is None:
        raise AccessError(f"there is no token {token_id}", hint="see the ids with `summit token list`")
    return token


def get_token(db: Session, token_id: int) -> TokenInfo:
    return _info(_token(db, token_id))


def revoke_token(db: Session, token_id: int, *, now: datetime) -> TokenInfo:
    """Revoke the token and sign out its browsers. Revoking it again keeps the first revocation time."""
    require_aware(now)
    token = _token(db, token_id)
    if token.revoked_at is None:
        token.revoked_at = now
    db.execute(delete(WebSession).where(WebSession.token_id == token_id))
    db.flush()
    return _info(token)


def open_session(
    db: Session, principal: Principal, *, now: datetime, lifetime: timedelta = SESSION_LIFETIME
) -> str:
    """A new cookie value for a signed-in browser; only its hash is stored."""
    require_aware(now)
    if lifetime <= timedelta(0):
        raise ValueError(f"a session lifetime must be positive, not {lifetime}")
    cookie = secrets.token_urlsafe(32)
    db.add(
        WebSession(
            id_hash=secret_hash(cookie),
            token_id=principal.token_id,
            created_at=now,
            expires_at=now + lifetime,
        )
    )
    db.flush()
    return cookie


def principal_for_session(db: Session, cookie: str, *, now: datetime) -> Principal | None:
    """Who the browser is signed in as; None if the session is unknown, expired, or its token revoked."""
    require_aware(now)
    if not cookie or len(cookie) > MAX_SECRET_CHARS:
        return None
    token = db.scalar(
        select(Token)
        .join(WebSession, WebSession.token_id == Token.id)
        .where(WebSession.id_hash == secret_hash(cookie), WebSession.expires_at > now)
    )
    if token is None or token.revoked_at is not None:
        return None
    return _principal(token)


def close_session(db: Session, cookie: str) -> None:
    """Sign the browser out (nothing happens for an unknown cookie)."""
    db.execute(delete(WebSession).where(WebSession.id_hash == secret_hash(cookie)))
    db.flush()


def close_expired_sessions(db: Session, *, now: datetime) -> int:
    """Forget expired sessions, so that the table does not grow; how many there were."""
    require_aware(now)
    expired = WebSession.expires_at <= now
    count = db.scalar(select(func.count()).select_from(WebSession).where(expired)) or 0
    db.execute(delete(WebSession).where(expired))
    db.flush()
    return count


class SignInLimiter:
    """At most `max_failures` failed sign-ins per address within `window` seconds; then refused
    until the oldest of them is older than the window. In memory: a restart forgets, which is fine
    against guessing 43-character tokens. Times are seconds on one clock, e.g. time.monotonic().
    """

    def __init__(self, max_failures: int = 5, window: float = 600.0, max_addresses: int = 10_000) -> None:
        self.max_failures = max_failures
        self.window = window
        self.max_addresses = max_addresses  # bounds memory when failures come from many addresses
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, address: str, now: float) -> deque[float]:
        failures = self._failures.get(address, deque())
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            self._failures.pop(address, None)
        return failures

    def allowed(self, address: str, now: float) -> bool:
        with self._lock:
            return len(self._recent(address, now)) < self.max_failures

    def failed(self, address: str, now: float) -> None:
        with self._lock:
            failures = self._recent(address, now)
            if address not in self._failures and len(self._failures) >= self.max_addresses:
                for other in list(self._failures):
                    self._recent(other, now)  # drops addresses whose failures are all old
                if len(self._failures) >= self.max_addresses:
                    del self._failures[next(iter(self._failures))]  # the longest-tracked one
            failures.append(now)
            self._failures[address] = failures

    def succeeded(self, address: str) -> None:
        with self._lock:
            self._failures.pop(address, None)
