"""`summit web`: the configuration is resolved here, at the edge, and handed to the app."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from synthesis.config import SettingError
from synthesis.settings import Settings
from web.config import WebConfig


def web_config(
    settings: Settings, *, inputs: Path, outputs: Path | None = None, state_dir: Path | None = None,
    db: Path | None = None,
) -> WebConfig:  # fmt: skip
    if not inputs.is_dir():
        raise SettingError(
            "INPUTS", f"{inputs} is not a folder", hint="give the folder that holds the summits"
        )
    return WebConfig(
        inputs_dir=inputs.resolve(), outputs_dir=(outputs or settings.outputs_dir).resolve(),
        state_dir=(state_dir or settings.state_dir).resolve(), db=(db or settings.db).resolve(),
        max_file_bytes=int(settings.max_file_mb * 1_000_000),
        suggest_with=tuple(name for name in settings.translator_names() if name != "memory"),
        translate_url=settings.translate_url,
        translate_key=settings.translate_key,
    )  # fmt: skip


class HideSignInTokens(logging.Filter):
    """Access log lines show "/signin/…", never the token a sign-in link carries."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and str(args[2]).startswith("/signin/"):
            record.args = (*args[:2], "/signin/…", *args[3:])
        return True


def web(
    inputs: Annotated[Path, typer.Argument(help="the folder of summits (default inputs/)")] = Path("inputs"),
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    outputs: Annotated[Path | None, typer.Option(help="output folder (default outputs/)")] = None,
    state_dir: Annotated[Path | None, typer.Option(help="run state (default .summit-state/)")] = None,
    db: Annotated[
        Path | None, typer.Option(help="database (default SUMMIT_DB, .summit-state/summit.db)")
    ] = None,
) -> None:
    """Serve the web app: rapporteurs upload notes, organisers watch and trigger runs.

    Behind a reverse proxy that terminates HTTPS, cookies are marked Secure
    (uvicorn reads X-Forwarded-Proto from 127.0.0.1).
    """
    from synthesis.cli import friendly_errors

    with friendly_errors(2):
        config = web_config(Settings(), inputs=inputs, outputs=outputs, state_dir=state_dir, db=db)
        import uvicorn

        from web.app import create_app

        app = create_app(config)
    logging.getLogger("uvicorn.access").addFilter(HideSignInTokens())
    uvicorn.run(app, host=host, port=port, proxy_headers=True, log_level="info")
