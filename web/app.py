"""The web app: `create_app(config)` for `summit web`, the tests and any ASGI server.

Rapporteurs upload notes; organisers watch the summit, trigger runs, download
documents and manage tokens. Pages are rendered on the server and work without
JavaScript; /api/ answers the same as JSON.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from web import api, desk_pages, organiser_pages, pages, public_pages, review_pages
from web.access import SignInLimiter
from web.config import WebConfig
from web.db import open_database
from web.deps import AppState, WebError, translator
from web.i18n import LANGUAGES, NAMES
from web.runs import RunLauncher
from web.security import SecurityHeaders, load_secret
from web.suggestions import machine_suggestions

HERE = Path(__file__).parent


def create_app(config: WebConfig) -> FastAPI:
    app = FastAPI(title="Summit Synthesis", docs_url=None, redoc_url=None, openapi_url=None)
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(languages=LANGUAGES, language_names=NAMES)
    app.state.summit = AppState(
        config=config, engine=open_database(config.db), secret=load_secret(config.secret_file),
        limiter=SignInLimiter(), launcher=RunLauncher(config), templates=templates,
        suggest=machine_suggestions(config),
    )  # fmt: skip
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(organiser_pages.router)
    app.include_router(review_pages.router)
    app.include_router(desk_pages.router)
    app.include_router(public_pages.router)

    @app.exception_handler(WebError)
    async def web_error(request: Request, error: WebError) -> Response:
        if request.url.path.startswith("/api/"):
            body = {"error": error.reason, "message": error.message, "hint": error.hint}
            return JSONResponse(body, status_code=error.status)
        return pages.error_page(request, error)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        message = f"{'.'.join(str(p) for p in first.get('loc', ()))}: {first.get('msg', 'invalid')}"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "invalid", "message": message, "hint": ""}, status_code=422)
        return pages.error_page(request, WebError(422, "invalid", message))

    @app.exception_handler(404)
    async def not_found(request: Request, error: Exception) -> Response:
        _ = translator(request)
        wrapped = WebError(404, "not_found", _("This page does not exist."))
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {"error": "not_found", "message": "no such resource", "hint": ""}, status_code=404
            )
        return pages.error_page(request, wrapped)

    return app
