"""Organisers review what the night extracted before the public sees it, and publish the documents again.

The review queue lists a workshop's commitments, best practices and quotes from the latest run,
each with its sentence inside its paragraph, and a form for the decision. Decisions are stored
in the database (audited) and mirrored to the summit's curation.yaml (web.decisions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from synthesis.curation import Placed, match_decisions, placed_items
from synthesis.extract.gazetteer import load_gazetteer
from synthesis.models import Curation, Decision, ItemEdits, Note, Review, Strength, SummitSynthesis
from web.access import Principal
from web.config import WebConfig
from web.decisions import load_decisions, mirror, store_decision
from web.deps import (
    Database,
    WebError,
    app_state,
    bearer_principal,
    client_address,
    now,
    require,
    session_principal,
    summit_config,
    translator,
)
from web.latest import latest_synthesis
from web.pages import render, small_form

router = APIRouter()
REVIEWS: tuple[str, ...] = get_args(Review)
STRENGTHS: tuple[str, ...] = get_args(Strength)


@dataclass(frozen=True)
class QueueItem:
    placed: Placed
    decision: Decision | None
    note: Note | None
    before: str  # the paragraph up to the sentence, the sentence, and the rest: the page marks it
    sentence: str
    after: str
    new: bool


def _context(note: Note | None, start: int, end: int, fallback: str) -> tuple[str, str, str]:
    if note is None or not note.text[start:end].strip():  # a synthesis stored without note texts
        return "", fallback, ""
    paragraph = next((p for p in note.paragraphs if p.start <= start and end <= p.end), None)
    if paragraph is None:
        return "", note.text[start:end], ""
    return note.text[paragraph.start : start], note.text[start:end], note.text[end : paragraph.end]


def review_queue(synthesis: SummitSynthesis, decisions: Curation, workshop: str) -> list[QueueItem]:
    matching = match_decisions(decisions, synthesis)
    notes = {n.id: n for n in synthesis.notes}
    added = set(synthesis.changes.added) if synthesis.changes else set()
    queue = []
    for placed in placed_items(synthesis):
        if placed.workshop != workshop:
            continue
        source = placed.item.source
        note = notes.get(source.note_id)
        before, sentence, after = _context(note, source.start, source.end, source.quote)
        queue.append(QueueItem(placed, matching.by_item.get(placed.item.id), note, before, sentence, after,
                               placed.item.id in added))  # fmt: skip
    return queue


@dataclass(frozen=True)
class ReviewSummary:
    items: int
    pending: int  # items nobody approved or rejected yet
    orphans: int


def review_summary(db: Session, config: WebConfig, summit_id: str) -> ReviewSummary | None:
    """What the dashboard says about the review; None before the first run."""
    synthesis = latest_synthesis(config, summit_id)
    if synthesis is None:
        return None
    matching = match_decisions(load_decisions(db, summit_id), synthesis)
    items = [p.item.id for p in placed_items(synthesis)]
    decided = {i for i, d in matching.by_item.items() if d.review != "unreviewed"}
    return ReviewSummary(len(items), sum(1 for i in items if i not in decided), len(matching.orphans))


def _organiser(request: Request, db: Session, summit_id: str) -> Principal:
    return require(request, db, session_principal(request, db), summit_id, organiser=True)


@router.get("/summits/{summit_id}/review")
def review(summit_id: str, request: Request, db: Database, workshop: str = "", saved: str = "") -> Response:
    state = app_state(request)
    principal = _organiser(request, db, summit_id)
    summit = summit_config(state.config, summit_id)
    chosen = workshop if workshop in summit.workshop_ids else summit.workshop_ids[0]
    synthesis = latest_synthesis(state.config, summit_id)
    decisions = load_decisions(db, summit_id)
    queue = review_queue(synthesis, decisions, chosen) if synthesis else []
    orphans = match_decisions(decisions, synthesis).orphans if synthesis else []
    commitments = [q for q in queue if q.placed.kind == "commitment"]
    context = {
        "summit": summit, "principal": principal, "workshop": chosen, "queue": queue, "orphans": orphans,
        "synthesis": synthesis, "places": sorted(load_gazetteer().places.values(), key=lambda p: p.name),
        "reviews": REVIEWS, "saved": saved, "strengths": STRENGTHS, "merge_targets": commitments,
        "pending": sum(1 for q in queue if q.decision is None or q.decision.review == "unreviewed"),
    }  # fmt: skip
    return render(request, "review.html", context)


def _decision(
    synthesis: SummitSynthesis, kind: str, item_id: str, values: dict[str, str], by: str
) -> Decision:
    placed = next((p for p in placed_items(synthesis) if p.kind == kind and p.item.id == item_id), None)
    if placed is None:
        raise WebError(404, "not_found", f"there is no {kind} {item_id} in the latest run",
                       "reload the review queue: a newer run may have changed it")  # fmt: skip

    def field(name: str) -> str | None:
        return (values.get(name) or "").strip() or None

    poster = {"always": True, "never": False}.get(values.get("poster", ""))
    try:
        return Decision(
            kind=placed.kind, item_id=item_id, anchor=placed.anchor,
            review=values.get("review", "unreviewed"),
            edits=ItemEdits(actor=field("actor"), wording=field("wording"), deadline=field("deadline"),
                            strength=field("strength"), workshop=field("workshop")),
            merged_into=field("merged_into"), poster=poster, by=by, at=now(),
        )  # fmt: skip
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise WebError(
            422, "invalid", f"{where}: {first['msg']}", "deadlines are YYYY, YYYY-MM or YYYY-MM-DD"
        ) from None


def _decide(request: Request, db: Session, principal: Principal, summit_id: str, kind: str, item_id: str,
            values: dict[str, str]) -> Decision:  # fmt: skip
    state, _ = app_state(request), translator(request)
    summit = summit_config(state.config, summit_id)
    synthesis = latest_synthesis(state.config, summit_id)
    if synthesis is None:
        raise WebError(409, "no_run", _("No run has been published yet."))
    if values.get("workshop") and values["workshop"] not in summit.workshop_ids:
        raise WebError(422, "invalid", f"'{values['workshop']}' is not a workshop of {summit_id}")
    decision = _decision(synthesis, kind, item_id, values, principal.name)
    store_decision(db, summit_id, decision, actor=principal, address=client_address(request), now=now())
    mirror(db, summit_id, state.config.summit_dir(summit_id))
    db.commit()
    return decision


@router.post("/summits/{summit_id}/review/{kind}/{item_id}")
async def decide(summit_id: str, kind: str, item_id: str, request: Request, db: Database) -> Response:
    principal = _organiser(request, db, summit_id)
    values = await small_form(request)
    decision = _decide(request, db, principal, summit_id, kind, item_id, values)
    query = urlencode({"workshop": values.get("from_workshop", ""), "saved": decision.item_id})
    return RedirectResponse(f"/summits/{summit_id}/review?{query}#item-{decision.item_id}", status_code=303)


@router.post("/api/summits/{summit_id}/review/{kind}/{item_id}", status_code=201)
async def decide_api(summit_id: str, kind: str, item_id: str, request: Request, db: Database) -> JSONResponse:
    principal = bearer_principal(request, db)
    require(request, db, principal, summit_id, organiser=True)
    body = await request.json()
    values = {
        key: str(value)
        for key, value in (body if isinstance(body, dict) else {}).items()
        if value is not None
    }
    decision = _decide(request, db, principal, summit_id, kind, item_id, values)
    return JSONResponse(decision.model_dump(mode="json"), status_code=201)


@router.get("/api/summits/{summit_id}/review")
def decisions_api(summit_id: str, request: Request, db: Database) -> JSONResponse:
    state = app_state(request)
    principal = bearer_principal(request, db)
    require(request, db, principal, summit_id, organiser=True)
    decisions = load_decisions(db, summit_id)
    synthesis = latest_synthesis(state.config, summit_id)
    orphans = match_decisions(decisions, synthesis).orphans if synthesis else []
    return JSONResponse({
        "decisions": [d.model_dump(mode="json") for d in decisions.decisions],
        "orphans": [d.id for d in orphans],
    })  # fmt: skip


@router.post("/summits/{summit_id}/publish")
async def publish_now(summit_id: str, request: Request, db: Database) -> Response:
    from web.deps import start_run

    principal = _organiser(request, db, summit_id)
    await small_form(request)
    start_run(request, db, principal, summit_id, via="the web", publish_only=True)
    return RedirectResponse(f"/summits/{summit_id}/runs/current", status_code=303)
