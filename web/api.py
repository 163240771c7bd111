"""The JSON API beside the pages, for scripts and tests: a Bearer token, JSON answers and errors."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from synthesis.uploads import UploadFields
from web.deps import (
    Database,
    WebError,
    app_state,
    bearer_principal,
    client_address,
    now,
    require,
    start_run,
    summit_config,
)
from web.forms import FormError, read_form
from web.notes import accept_upload, list_notes, temp_dir
from web.runs import last_report, report_json
from web.store import record_upload

router = APIRouter(prefix="/api/summits/{summit_id}")

# Refusals of an upload by reason, as HTTP statuses (the rest are 422: the content is not usable).
UPLOAD_STATUS = {"conflict": 409, "unsupported_type": 415, "content_mismatch": 415, "not_found": 404}


@router.post("/notes", status_code=201)
async def upload_note(summit_id: str, request: Request, db: Database) -> JSONResponse:
    state = app_state(request)
    principal = bearer_principal(request, db)
    summit = summit_config(state.config, summit_id)
    require(request, db, principal, summit_id)
    try:
        form = await read_form(
            request.headers.get("content-type", ""),
            request.headers.get("content-length"),
            request.stream(),
            temp_dir=temp_dir(state.config, summit_id),
            max_file_bytes=state.config.max_file_bytes,
            max_files=1,
        )
    except FormError as error:
        raise WebError(error.status, "bad_form" if error.status != 413 else "too_large", str(error)) from None
    try:
        if len(form.files) != 1:
            raise WebError(422, "no_file", "send exactly one file, in the field `file`")
        workshop = form.get("workshop")
        require(request, db, principal, summit_id, workshop=workshop)
        fields = UploadFields(
            workshop=workshop,
            session=form.get("session"),
            title=form.get("title"),
            rapporteur=form.get("rapporteur") or principal.name,
            language=form.get("language", "auto") or "auto",
        )
        replace = form.get("replace").lower() in {"1", "true", "yes"}
        outcome = accept_upload(state.config, summit, fields, form.files[0], replace=replace, now=now())
    finally:
        form.discard()
    record_upload(db, summit_id, workshop, outcome, principal, client_address(request), now())
    if not outcome.accepted:
        status = UPLOAD_STATUS.get(outcome.reason, 422)
        return JSONResponse({"error": outcome.reason, **outcome.as_json()}, status_code=status)
    return JSONResponse(outcome.as_json(), status_code=201)


@router.get("/notes")
def notes(summit_id: str, request: Request, db: Database) -> dict[str, object]:
    state = app_state(request)
    principal = require(request, db, bearer_principal(request, db), summit_id)
    summit = summit_config(state.config, summit_id)
    workshops = None if principal.is_organiser else principal.workshops
    rows = list_notes(state.config, summit, workshops)
    keys = ("workshop", "title", "rapporteur", "status", "language", "words", "commitments", "reason")
    return {"summit": summit_id, "notes": [{"id": r.path} | {k: getattr(r, k) for k in keys} for r in rows]}


@router.post("/runs", status_code=202)
def trigger_run(summit_id: str, request: Request, db: Database) -> dict[str, str]:
    principal = require(request, db, bearer_principal(request, db), summit_id, organiser=True)
    start_run(request, db, principal, summit_id, via="the web API")
    return {"status": "started"}


@router.post("/publish", status_code=202)
def trigger_publish(summit_id: str, request: Request, db: Database) -> dict[str, str]:
    """Documents again from the latest run, with the decisions and translations made since."""
    principal = require(request, db, bearer_principal(request, db), summit_id, organiser=True)
    start_run(request, db, principal, summit_id, via="the web API", publish_only=True)
    return {"status": "started"}


@router.get("/runs/latest")
def latest(summit_id: str, request: Request, db: Database) -> object:
    state = app_state(request)
    require(request, db, bearer_principal(request, db), summit_id)
    summit_config(state.config, summit_id)
    folder, report = last_report(state.config, summit_id)
    if report is None:
        raise WebError(404, "no_run", "no run of this summit has been published yet")
    return {"run": folder.name if folder else None, "report": report_json(report)}
