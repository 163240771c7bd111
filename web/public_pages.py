"""The citizens' pages: the latest run's static `site/`, served at /s/<summit>/ when the summit is public.

Nothing here needs a sign-in, so nothing here reads the database: only files that a run
published under its `site/` folder are served, and only for summits whose summit.yaml says
`public: true`. The same folder can be copied to any web host instead.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from synthesis.output import OutsideOutputs, inside
from synthesis.publish import latest_run
from web.deps import WebError, app_state, summit_config, translator

router = APIRouter()
SITE = "site"


@router.get("/s/{summit_id}")
def public_home(summit_id: str) -> Response:
    return RedirectResponse(f"/s/{summit_id}/", status_code=308)  # relative links need the slash


@router.get("/s/{summit_id}/{path:path}")
def public_page(summit_id: str, path: str, request: Request) -> Response:
    state, _ = app_state(request), translator(request)
    missing = WebError(404, "not_found", _("This page does not exist."))
    summit = summit_config(state.config, summit_id)
    run = latest_run(state.config.summit_outputs(summit_id))
    if not summit.public or run is None:
        raise missing
    site = run / SITE
    try:
        target = inside(site, site / path)
    except OutsideOutputs:
        raise missing from None
    if target.is_dir():
        if path and not path.endswith("/"):
            return RedirectResponse(f"/s/{summit_id}/{path}/", status_code=308)
        target = target / "index.html"
    if not target.is_file() or any(part.startswith(".") for part in target.relative_to(site.resolve()).parts):
        raise missing
    return FileResponse(target)
