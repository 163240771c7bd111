"""Pages everyone with a token sees: signing in and out, the language switch, and the notes page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from synthesis.uploads import UploadError, UploadFields, withdraw_note
from web.access import Principal, close_expired_sessions, close_session, open_session, principal_for_token
from web.audit import record
from web.deps import (
    SESSION_COOKIE,
    Database,
    WebError,
    app_state,
    client_address,
    now,
    require,
    session_principal,
    summit_config,
    translator,
)
from web.flash import clear_flash, read_flash, redirect_with_flash
from web.forms import FormError, UploadedFile, read_form
from web.i18n import LANGUAGE_COOKIE, LANGUAGES, rejection_hint
from web.notes import Outcome, accept_upload, list_notes, pasted_file, temp_dir
from web.security import CSRF_COOKIE, CSRF_FIELD, csrf_token, csrf_valid, new_csrf_cookie
from web.store import record_upload

router = APIRouter()
SLOTS = ("morning", "afternoon", "evening")


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page in the request's language, with a CSRF token for its forms (and its cookie, if new)."""
    state = app_state(request)
    cookie = request.cookies.get(CSRF_COOKIE)
    fresh = cookie is None
    cookie = cookie or new_csrf_cookie()
    _ = translator(request)
    context = {
        "_": _,
        "_n": _.plural,
        "lang": _.language,
        "csrf": csrf_token(state.secret, cookie),
        "csrf_field": CSRF_FIELD,
        "path": request.url.path,
        **context,
    }
    response = state.templates.TemplateResponse(request, template, context, status_code=status)
    if fresh:
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="lax", secure=_secure(request))
    return response


def error_page(request: Request, error: WebError) -> Response:
    return render(request, "error.html", {"error": error}, status=error.status)


def check_csrf(request: Request, submitted: str | None) -> None:
    if not csrf_valid(app_state(request).secret, request.cookies.get(CSRF_COOKIE), submitted):
        _ = translator(request)
        raise WebError(403, "csrf", _("This form has expired or did not come from this site."),
                       _("Go back, reload the page and send the form again."))  # fmt: skip


async def small_form(request: Request) -> dict[str, str]:
    """A url-encoded form (sign-in, buttons): CSRF-checked before anything else."""
    form = await request.form(max_files=0, max_fields=20, max_part_size=10_000)
    values = {key: str(value) for key, value in form.items()}
    check_csrf(request, values.get(CSRF_FIELD))
    return values


def home_of(principal: Principal) -> str:
    page = {"organiser": "dashboard", "translator": "translate"}.get(principal.role, "notes")
    return f"/summits/{principal.summit_id}/{page}"


@router.get("/")
def home(request: Request, db: Database) -> Response:
    principal = session_principal(request, db)
    return RedirectResponse(home_of(principal) if principal else "/signin", status_code=303)


@router.get("/signin")
def signin_page(request: Request) -> Response:
    return render(request, "signin.html", {"token": ""})


@router.get("/signin/{token}")
def signin_link(request: Request, token: str) -> Response:
    # The link only fills the form in: signing in is a POST, so a link preview cannot use it up.
    return render(request, "signin.html", {"token": token, "from_link": True})


@router.post("/signin")
async def signin(request: Request, db: Database) -> Response:
    state, _ = app_state(request), translator(request)
    values = await small_form(request)
    address, moment = client_address(request), now()
    if not state.limiter.allowed(address, moment.timestamp()):
        error = WebError(429, "rate_limited", _("Too many failed attempts from this address."),
                         _("Wait ten minutes, then try again."))  # fmt: skip
        return render(request, "signin.html", {"token": "", "error": error}, status=429)
    principal = principal_for_token(db, values.get("token", "").strip(), now=moment)
    if principal is None:
        state.limiter.failed(address, moment.timestamp())
        record(
            db, summit_id="", actor="unknown", action="sign-in-failed", target="", address=address, now=moment
        )
        db.commit()
        error = WebError(401, "bad_token", _("This token is unknown or has been revoked."),
                         _("Check the link you were given, or ask an organiser for a new one."))  # fmt: skip
        return render(request, "signin.html", {"token": "", "error": error}, status=401)
    state.limiter.succeeded(address)
    close_expired_sessions(db, now=moment)  # a sign-in is rare enough to tidy the table then
    cookie = open_session(db, principal, now=moment)
    record(db, summit_id=principal.summit_id, actor=principal, action="sign-in", target="", address=address,
           now=moment)  # fmt: skip
    db.commit()
    response = RedirectResponse(home_of(principal), status_code=303)
    response.set_cookie(SESSION_COOKIE, cookie, httponly=True, samesite="lax", secure=_secure(request),
                        max_age=state.config.session_hours * 3600)  # fmt: skip
    return response


@router.post("/signout")
async def signout(request: Request, db: Database) -> Response:
    await small_form(request)
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        close_session(db, cookie)
        db.commit()
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/language/{code}")
def switch_language(request: Request, code: str, next: str = "/") -> Response:
    safe_next = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(safe_next, status_code=303)
    if code in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE, code, samesite="lax", max_age=365 * 86400, secure=_secure(request)
        )
    return response


def notes_page(
    request: Request, db: Session, summit_id: str, principal: Principal,
    outcomes: list[Outcome] | None = None, status: int = 200, message: str = "",
) -> Response:  # fmt: skip
    state, _ = app_state(request), translator(request)
    summit = summit_config(state.config, summit_id)
    writable = [w for w in summit.workshops if principal.can_write(w.id)]
    rows = list_notes(state.config, summit, None if principal.is_organiser else principal.workshops)
    hints = {o.filename: rejection_hint(o.reason, _) for o in outcomes or () if not o.accepted}
    context = {"summit": summit, "principal": principal, "workshops": writable, "rows": rows,
               "outcomes": outcomes or [], "hints": hints, "days": summit.days, "slots": SLOTS,
               "message": message, "max_mb": state.config.max_file_bytes // 1_000_000}  # fmt: skip
    return render(request, "notes.html", context, status=status)


@router.get("/summits/{summit_id}/notes")
def notes(summit_id: str, request: Request, db: Database) -> Response:
    principal = require(request, db, session_principal(request, db), summit_id)
    outcomes, message = read_flash(request)
    response = notes_page(request, db, summit_id, principal, outcomes, message=message)
    clear_flash(response, summit_id)
    return response


async def _upload_form(
    request: Request, summit_id: str, max_files: int
) -> tuple[dict[str, str], list[UploadedFile]]:
    state = app_state(request)
    check_csrf(request, request.query_params.get(CSRF_FIELD))  # before a byte of the body is read
    try:
        form = await read_form(
            request.headers.get("content-type", ""), request.headers.get("content-length"), request.stream(),
            temp_dir=temp_dir(state.config, summit_id), max_file_bytes=state.config.max_file_bytes,
            max_files=max_files,
        )  # fmt: skip
    except FormError as error:
        _ = translator(request)
        hint = _("Send files of at most %(mb)s MB each.", mb=state.config.max_file_bytes // 1_000_000)
        raise WebError(
            error.status, "too_large" if error.status == 413 else "bad_form", str(error), hint
        ) from None
    fields = {name: values[0] for name, values in form.fields.items()}
    files = [f for f in form.files if f.size > 0 or f.filename]
    return fields, files


@router.post("/summits/{summit_id}/notes")
async def upload(summit_id: str, request: Request, db: Database) -> Response:
    state, _ = app_state(request), translator(request)
    principal = require(request, db, session_principal(request, db), summit_id)
    summit = summit_config(state.config, summit_id)
    fields, files = await _upload_form(request, summit_id, state.config.max_files)
    try:
        workshop = fields.get("workshop", "")
        require(request, db, principal, summit_id, workshop=workshop)
        if fields.get("text", "").strip():
            files.append(pasted_file(state.config, summit_id, fields.get("title", ""), fields["text"]))
        if not files:
            return notes_page(request, db, summit_id, principal, status=422,
                              message=_("Choose a file or paste the text of the note."))  # fmt: skip
        upload_fields = UploadFields(
            workshop=workshop, session=f"{fields.get('day', '')} {fields.get('slot', '')}".strip(),
            title=fields.get("title", ""), rapporteur=fields.get("rapporteur", "") or principal.name,
            language=fields.get("language", "auto"),
        )  # fmt: skip
        outcomes = []
        for file in files:
            outcome = accept_upload(state.config, summit, upload_fields, file, replace=False, now=now())
            record_upload(db, summit_id, workshop, outcome, principal, client_address(request), now())
            outcomes.append(outcome)
    finally:
        for file in files:
            file.path.unlink(missing_ok=True)
    return redirect_with_flash(request, summit_id, outcomes)


@router.post("/summits/{summit_id}/notes/replace")
async def replace(summit_id: str, request: Request, db: Database) -> Response:
    state, _ = app_state(request), translator(request)
    principal = require(request, db, session_principal(request, db), summit_id)
    summit = summit_config(state.config, summit_id)
    fields, files = await _upload_form(request, summit_id, 1)
    try:
        workshop, _sep, _name = fields.get("path", "").removeprefix("notes/").partition("/")
        require(request, db, principal, summit_id, workshop=workshop)
        if not files:
            raise WebError(422, "no_file", _("Choose the corrected file."))
        current = {r.path: r for r in list_notes(state.config, summit, (workshop,))}.get(
            fields.get("path", "")
        )
        if current is None:
            raise WebError(404, "not_found", _("This note does not exist any more."))
        files[0].filename = current.name  # a replacement keeps the note's name, hence its place
        upload_fields = UploadFields(workshop=workshop, session=current.session, title=current.title,
                                     rapporteur=current.rapporteur or principal.name)  # fmt: skip
        outcome = accept_upload(state.config, summit, upload_fields, files[0], replace=True, now=now())
        record_upload(db, summit_id, workshop, outcome, principal, client_address(request), now())
    finally:
        for file in files:
            file.path.unlink(missing_ok=True)
    return redirect_with_flash(request, summit_id, [outcome])


@router.post("/summits/{summit_id}/notes/withdraw")
async def withdraw(summit_id: str, request: Request, db: Database) -> Response:
    state, _ = app_state(request), translator(request)
    principal = require(request, db, session_principal(request, db), summit_id)
    values = await small_form(request)
    path = values.get("path", "")
    workshop = path.removeprefix("notes/").partition("/")[0]
    require(request, db, principal, summit_id, workshop=workshop)
    try:
        withdraw_note(state.config.summit_dir(summit_id), path, now=now(), by=principal.name)
    except UploadError as error:
        raise WebError(404, error.reason, str(error), error.hint) from None
    record(db, summit_id=summit_id, actor=principal, action="withdraw", target=path,
           address=client_address(request), now=now())  # fmt: skip
    db.commit()
    return redirect_with_flash(
        request, summit_id, message=_("The note was withdrawn; it is kept in the history.")
    )
