"""Organisers' pages: the summit's dashboard, runs and their documents, and tokens."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from synthesis.documents.reuse import DOCUMENTS_FILE
from synthesis.edition import EDITION_FILE
from synthesis.models import Language, SummitConfig
from synthesis.output import OutsideOutputs, inside
from synthesis.publish import runs
from synthesis.report import read_report
from synthesis.run_index import INDEX_FILE
from synthesis.translate.desk import missing_counts
from synthesis.translate.memory import TranslationMemory, TranslationMemoryError
from web.access import AccessError, Principal, create_token, list_tokens, revoke_token
from web.audit import events, record
from web.config import WebConfig
from web.deps import (
    Database,
    WebError,
    app_state,
    client_address,
    now,
    require,
    session_principal,
    start_run,
    summit_config,
    translator,
)
from web.latest import printed_synthesis
from web.notes import list_notes
from web.pages import check_csrf, render, small_form
from web.review_pages import review_summary
from web.runs import EXIT_MEANINGS, last_report

router = APIRouter(prefix="/summits/{summit_id}")
RUNS_SHOWN = 10
INTERNAL_FILES = frozenset({EDITION_FILE, INDEX_FILE, DOCUMENTS_FILE})  # the run's bookkeeping, not documents


def missing_translations(config: WebConfig, summit: SummitConfig) -> dict[Language, int] | None:
    """Per language, the texts the next publication would print untranslated; None before a run."""
    synthesis = printed_synthesis(config, summit.id, summit)
    if synthesis is None:
        return None
    try:
        memory = TranslationMemory.load(config.summit_dir(summit.id) / "translations")
    except TranslationMemoryError:
        return None  # the desk and the run say what is wrong with the file
    return missing_counts(synthesis, languages=summit.languages, memory=memory)


def _organiser(request: Request, db: Session, summit_id: str) -> Principal:
    return require(request, db, session_principal(request, db), summit_id, organiser=True)


@router.get("/dashboard")
def dashboard(summit_id: str, request: Request, db: Database) -> Response:
    state = app_state(request)
    principal = _organiser(request, db, summit_id)
    summit = summit_config(state.config, summit_id)
    rows = list_notes(state.config, summit)
    folder, report = last_report(state.config, summit_id)
    by_cell = Counter((r.workshop, r.language or "?") for r in rows if r.status != "rejected")
    languages = sorted({language for _, language in by_cell})
    history = []
    for run in reversed(runs(state.config.summit_outputs(summit_id))[-RUNS_SHOWN:]):
        files = sorted(
            p.name
            for p in run.iterdir()
            if p.is_file() and p.name not in INTERNAL_FILES and not p.name.startswith(".")
        )
        history.append({"name": run.name, "files": files, "report": read_report(run)})
    context = {
        "summit": summit,
        "principal": principal,
        "rows": rows,
        "by_cell": by_cell,
        "note_languages": languages,
        "new": [r for r in rows if r.status == "new"],
        "report": report,
        "latest": folder.name if folder else None,
        "run": state.launcher.status(summit_id),
        "history": history,
        "events": events(db, summit_id, limit=30),
        "review": review_summary(db, state.config, summit_id),
        "missing": missing_translations(state.config, summit),
    }
    return render(request, "dashboard.html", context)


@router.post("/runs")
async def trigger(summit_id: str, request: Request, db: Database) -> Response:
    principal = _organiser(request, db, summit_id)
    await small_form(request)
    start_run(request, db, principal, summit_id, via="the web")
    return RedirectResponse(f"/summits/{summit_id}/runs/current", status_code=303)


@router.get("/runs/current")
def current_run(summit_id: str, request: Request, db: Database) -> Response:
    state = app_state(request)
    principal = _organiser(request, db, summit_id)
    summit = summit_config(state.config, summit_id)
    status = state.launcher.status(summit_id)
    folder, report = last_report(state.config, summit_id)
    meaning = EXIT_MEANINGS.get(status.exit_code, "") if status.exit_code is not None else ""
    context = {"summit": summit, "principal": principal, "status": status, "report": report,
               "latest": folder.name if folder else None, "meaning": meaning}  # fmt: skip
    return render(request, "run.html", context)


@router.get("/runs/{run}/{name}")
def download(summit_id: str, run: str, name: str, request: Request, db: Database) -> Response:
    state, _ = app_state(request), translator(request)
    principal = _organiser(request, db, summit_id)
    outputs = state.config.summit_outputs(summit_id)
    known = {p.name for p in runs(outputs)}
    if run != "latest" and run not in known:
        raise WebError(404, "no_run", _("This run does not exist any more."))
    try:
        path = inside(outputs, outputs / run / name)
    except OutsideOutputs:
        raise WebError(404, "not_found", _("This document does not exist.")) from None
    if name.startswith(".") or not path.is_file():
        raise WebError(404, "not_found", _("This document does not exist."))
    record(db, summit_id=summit_id, actor=principal, action="download", target=f"{run}/{name}",
           address=client_address(request), now=now())  # fmt: skip
    db.commit()
    return FileResponse(path, filename=name)


def tokens_page(
    request: Request, db: Session, summit_id: str, created: str = "", error: str = ""
) -> Response:
    state = app_state(request)
    principal = _organiser(request, db, summit_id)
    summit = summit_config(state.config, summit_id)
    link = f"{request.base_url}signin/{created}" if created else ""
    context = {"summit": summit, "principal": principal, "tokens": list_tokens(db, summit_id),
               "created": created, "link": link, "error": error}  # fmt: skip
    return render(request, "tokens.html", context, status=422 if error else 200)


@router.get("/tokens")
def tokens(summit_id: str, request: Request, db: Database) -> Response:
    return tokens_page(request, db, summit_id)


@router.post("/tokens")
async def new_token(summit_id: str, request: Request, db: Database) -> Response:
    state = app_state(request)
    principal = _organiser(request, db, summit_id)
    form = await request.form(max_files=0, max_fields=40, max_part_size=10_000)
    check_csrf(request, str(form.get("csrf_token") or ""))
    summit = summit_config(state.config, summit_id)
    role = str(form.get("role") or "rapporteur")
    # Each role takes only its own choices: boxes ticked before switching role are left out.
    workshops = tuple(str(w) for w in form.getlist("workshop")) if role == "rapporteur" else ()
    languages = tuple(str(code) for code in form.getlist("language")) if role == "translator" else ()
    try:
        token, made = create_token(
            db,
            summit_id=summit_id,
            role=role,
            workshops=workshops,
            name=str(form.get("name") or "").strip(),
            now=now(),
            known_workshops=[w.id for w in summit.workshops],
            languages=languages,
        )
    except AccessError as error:
        return tokens_page(request, db, summit_id, error=f"{error} ({error.hint})")
    record(db, summit_id=summit_id, actor=principal, action="token-create",
           target=f"{made.role} {made.name}", detail=",".join(made.workshops or made.languages),
           address=client_address(request), now=now())  # fmt: skip
    db.commit()
    return tokens_page(request, db, summit_id, created=token)


@router.post("/tokens/{token_id}/revoke")
async def revoke(summit_id: str, token_id: int, request: Request, db: Database) -> Response:
    principal, _ = _organiser(request, db, summit_id), translator(request)
    await small_form(request)
    if not any(t.id == token_id for t in list_tokens(db, summit_id)):
        raise WebError(404, "not_found", _("This token does not exist."))
    info = revoke_token(db, token_id, now=now())
    record(db, summit_id=summit_id, actor=principal, action="token-revoke", target=f"{info.role} {info.name}",
           address=client_address(request), now=now())  # fmt: skip
    db.commit()
    return RedirectResponse(f"/summits/{summit_id}/tokens", status_code=303)
