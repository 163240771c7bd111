"""The translation desk: translators fill the gaps the documents print untranslated ("original: FR").

The page lists, for one target language, the sentences of the latest published run that the
summit's translation memory (`inputs/<summit>/translations/*.po`) does not translate, in the
order visitors meet them; each comes with the paragraph of the note it is from and a form that
saves its translation into `translations/<target>.po`, for the next run. /api/ answers the
same as JSON. Organisers translate into any language, translators into theirs, rapporteurs never.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from typing import Any

from babel import Locale
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from synthesis.models import Language, SummitConfig, SummitSynthesis, content_id
from synthesis.translate.base import Segment
from synthesis.translate.desk import DeskSegment, desk_queue, find_segment, segment_key
from synthesis.translate.memory import DeskError, TranslationMemory, TranslationMemoryError, save_translation
from web.access import Principal
from web.audit import record
from web.deps import (
    Database,
    WebError,
    app_state,
    bearer_principal,
    client_address,
    forbid,
    now,
    require,
    session_principal,
    summit_config,
    translator,
)
from web.i18n import LANGUAGES, Translator
from web.latest import printed_synthesis
from web.pages import render, small_form

router = APIRouter()
SHOWN = 30  # segments on the page at once: a phone scrolls through them, the rest come after saving
MAX_JSON_BYTES = 100_000
DESK_ROLES = ("organiser", "translator")


@cache
def language_names(ui: Language) -> dict[str, str]:
    """Language names as the interface's language writes them: French, français, Französisch."""
    names = Locale.parse(ui).languages
    return {code: names.get(code, code) for code in LANGUAGES}


def _desk_principal(request: Request, db: Session, principal: Principal | None, summit_id: str) -> Principal:
    """Signed in for this summit, as someone who translates (organisers and translators), or 401/403."""
    principal = require(request, db, principal, summit_id)
    if principal.role not in DESK_ROLES:
        raise forbid(db, request, principal, summit_id, "translation desk")
    return principal


def _may_translate(
    request: Request, db: Session, principal: Principal, summit_id: str, language: str
) -> None:
    if not principal.can_translate(language):
        raise forbid(db, request, principal, summit_id, f"translations into {language}")


def _document_language(summit: SummitConfig, language: str) -> Language:
    """`language`, if the summit's documents are written in it; 404 otherwise."""
    for code in summit.languages:
        if code == language:
            return code
    raise WebError(
        404,
        "unknown_language",
        f"the documents of {summit.id} are not in {language!r}",
        f"they are in {' and '.join(summit.languages)}",
    )


def _memory(request: Request, summit_id: str) -> TranslationMemory:
    folder = app_state(request).config.summit_dir(summit_id) / "translations"
    try:
        return TranslationMemory.load(folder)
    except TranslationMemoryError as error:
        raise WebError(500, "bad_memory", str(error), error.hint) from None


def _queue(
    summit: SummitConfig, synthesis: SummitSynthesis, memory: TranslationMemory, language: Language
) -> list[DeskSegment]:
    queue = desk_queue(synthesis, languages=summit.languages, memory=memory)
    return [s for s in queue if s.segment.target == language]


def _segment(
    summit: SummitConfig, synthesis: SummitSynthesis, key: str, source: str, text: str, target: str
) -> Segment | None:
    """The text the form or the script names (by key, else by its words), if a document of the
    latest run prints it."""
    keys = [key] if key else []
    keys += [content_id(source, target, text), content_id(source, target, text.strip())]
    for candidate in keys:
        found = find_segment(synthesis, languages=summit.languages, key=candidate)
        if found is not None:
            return found
    return None


def _save(
    request: Request, db: Session, principal: Principal, summit_id: str, segment: Segment, text: str
) -> str:
    """Save the translation and audit it; returns the segment's key. DeskError if the text is refused."""
    folder = app_state(request).config.summit_dir(summit_id) / "translations"
    save_translation(folder, segment, text, by=principal.name, at=now())
    key = segment_key(segment)
    record(db, summit_id=summit_id, actor=principal, action="translate",
           target=f"{key} {segment.target}", detail=f"from {segment.source}",
           address=client_address(request), now=now())  # fmt: skip
    db.commit()
    return key


# --- The page -------------------------------------------------------------------------------


def desk_page(
    request: Request, db: Session, summit_id: str, principal: Principal, language: str = "",
    saved: str = "", error: WebError | None = None,
) -> Response:  # fmt: skip
    state, _ = app_state(request), translator(request)
    summit = summit_config(state.config, summit_id)
    targets = [code for code in summit.languages if principal.can_translate(code)]
    if language:
        if language not in LANGUAGES:
            raise WebError(404, "unknown_language", _("This page does not exist."))
        _may_translate(request, db, principal, summit_id, language)
        _document_language(summit, language)
    synthesis = printed_synthesis(state.config, summit_id, summit)
    context: dict[str, Any] = {
        "summit": summit, "principal": principal, "targets": targets, "synthesis": synthesis,
        "names": language_names(_.language), "error": error,
        "workshop_names": {w.id: w.name[_.language] for w in summit.workshops},
    }  # fmt: skip
    if synthesis is None or not targets:
        return render(request, "desk.html", context, status=error.status if error else 200)
    memory = _memory(request, summit_id)
    queue = desk_queue(synthesis, languages=summit.languages, memory=memory)
    counts = {code: sum(1 for s in queue if s.segment.target == code) for code in targets}
    chosen = language or next((code for code in targets if counts[code]), targets[0])
    segments = [s for s in queue if s.segment.target == chosen]
    done = find_segment(synthesis, languages=summit.languages, key=saved) if saved else None
    context |= {
        "counts": counts, "chosen": chosen, "segments": _suggested(request, segments[:SHOWN]),
        "total": len(segments),
        "saved": done, "saved_text": memory.translate([done])[0] if done else None,
    }  # fmt: skip
    return render(request, "desk.html", context, status=error.status if error else 200)


def _suggested(request: Request, segments: list[DeskSegment]) -> list[DeskSegment]:
    """The segments shown, each with the configured machine backend's proposal, if there is one."""
    suggest = app_state(request).suggest
    if suggest is None or not segments:
        return segments
    proposals = suggest([s.segment for s in segments])
    return [replace(s, suggestion=p) for s, p in zip(segments, proposals, strict=True)]


@router.get("/summits/{summit_id}/translate")
def desk(summit_id: str, request: Request, db: Database, language: str = "", saved: str = "") -> Response:
    principal = _desk_principal(request, db, session_principal(request, db), summit_id)
    return desk_page(request, db, summit_id, principal, language, saved[:64])


@router.post("/summits/{summit_id}/translate")
async def translate(summit_id: str, request: Request, db: Database) -> Response:
    state, _ = app_state(request), translator(request)
    principal = _desk_principal(request, db, session_principal(request, db), summit_id)
    values = await small_form(request)
    target = values.get("target", "")
    _may_translate(request, db, principal, summit_id, target)
    summit = summit_config(state.config, summit_id)
    synthesis = printed_synthesis(state.config, summit_id, summit)
    if synthesis is None:
        raise WebError(409, "no_run", _("No run has been published yet."))
    segment = _segment(
        summit, synthesis, values.get("key", ""), values.get("source", ""), values.get("text", ""), target
    )
    if segment is None:
        raise WebError(404, "unknown_text", _("The documents no longer print this sentence."),
                       _("Reload the desk: it follows the latest run."))  # fmt: skip
    _may_translate(request, db, principal, summit_id, segment.target)
    try:
        key = _save(request, db, principal, summit_id, segment, values.get("translation", ""))
    except DeskError as error:
        return desk_page(request, db, summit_id, principal, segment.target, error=_refusal(error, _))
    return RedirectResponse(
        f"/summits/{summit_id}/translate?language={segment.target}&saved={key}", status_code=303
    )


def _refusal(error: DeskError, _: Translator) -> WebError:
    """A refused translation, said in the interface's language where the reason is the translator's."""
    if error.reason == "empty_translation":
        return WebError(422, error.reason, _("The translation is empty."),
                        _("Type the translation of the sentence, or leave it for someone else."))  # fmt: skip
    if error.reason == "too_long":
        return WebError(422, error.reason, _("The translation is too long."),
                        _("Translate the sentence shown, not the whole paragraph."))  # fmt: skip
    return WebError(422, error.reason, error.message, error.hint)


# --- The JSON API ---------------------------------------------------------------------------


def _segment_json(item: DeskSegment) -> dict[str, object]:
    return {
        "key": item.key,
        "text": item.segment.text,
        "source": item.segment.source,
        "target": item.segment.target,
        "place": item.place,
        "kind": item.kind,
        "workshop": item.workshop,
        "note_title": item.note_title,
        "context": item.context,
        "highlight": list(item.highlight) if item.highlight else None,
        "suggestion": item.suggestion,
    }


def _api_setup(
    request: Request, db: Session, summit_id: str, language: str
) -> tuple[Principal, SummitConfig, Language, SummitSynthesis]:
    principal = _desk_principal(request, db, bearer_principal(request, db), summit_id)
    summit = summit_config(app_state(request).config, summit_id)
    _may_translate(request, db, principal, summit_id, language)
    target = _document_language(summit, language)
    synthesis = printed_synthesis(app_state(request).config, summit_id, summit)
    if synthesis is None:
        raise WebError(404, "no_run", "no run of this summit has been published yet",
                       "the sentences to translate come with the first run")  # fmt: skip
    return principal, summit, target, synthesis


@router.get("/api/summits/{summit_id}/translations/{language}")
def api_queue(summit_id: str, language: str, request: Request, db: Database) -> dict[str, object]:
    _, summit, target, synthesis = _api_setup(request, db, summit_id, language)
    queue = _queue(summit, synthesis, _memory(request, summit_id), target)
    return {
        "summit": summit_id,
        "language": target,
        "missing": len(queue),
        "segments": [_segment_json(s) for s in queue],
    }


async def _json_body(request: Request) -> dict[str, Any]:
    size = request.headers.get("content-length", "")
    if size.isdigit() and int(size) > MAX_JSON_BYTES:
        raise WebError(413, "too_large", f"the body is larger than {MAX_JSON_BYTES:,} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_JSON_BYTES:
            raise WebError(413, "too_large", f"the body is larger than {MAX_JSON_BYTES:,} bytes")
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise WebError(422, "bad_json", "the body is not a JSON object",
                       'send {"source": "fr", "text": "...", "translation": "..."}')  # fmt: skip
    return data


@router.post("/api/summits/{summit_id}/translations/{language}", status_code=201)
async def api_translate(summit_id: str, language: str, request: Request, db: Database) -> JSONResponse:
    principal, summit, target, synthesis = _api_setup(request, db, summit_id, language)
    data = await _json_body(request)
    fields = {name: data.get(name) for name in ("source", "text", "translation")}
    wrong = [name for name, value in fields.items() if not isinstance(value, str)]
    if wrong:
        raise WebError(422, "bad_field", f"{', '.join(wrong)}: expected a string",
                       'send {"source": "fr", "text": "...", "translation": "..."}')  # fmt: skip
    source, text, translation = (str(value) for value in fields.values())
    segment = _segment(summit, synthesis, "", source, text, target)
    if segment is None:
        raise WebError(404, "unknown_text", f"no document of the latest run prints this {source} text",
                       f"GET /api/summits/{summit_id}/translations/{target} lists them")  # fmt: skip
    try:
        key = _save(request, db, principal, summit_id, segment, translation)
    except DeskError as error:
        raise WebError(422, error.reason, error.message, error.hint) from None
    memory = _memory(request, summit_id)
    body = {"key": key, "source": segment.source, "target": segment.target, "text": segment.text,
            "translation": memory.translate([segment])[0],
            "missing": len(_queue(summit, synthesis, memory, target))}  # fmt: skip
    return JSONResponse(body, status_code=201)
