"""The one run configuration: summit.yaml, then SUMMIT_* settings (environment or .env), then options.

`summit run`, `summit kit`, `summit serve` and the scheduled deployment all call
`resolve_run_config`, so a scheduled night behaves exactly like `summit run`.
It checks everything a run needs before any model or server starts, and raises
a `SettingError` naming the setting, so a bad value costs seconds, not a night.
This module is an edge: library stages take the resolved values as arguments.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from synthesis.curation import load_curation
from synthesis.errors import SynthesisError
from synthesis.models import LANGUAGES, Language, SummitConfig
from synthesis.settings import Settings
from synthesis.summit import load_summit

Runner = Literal["process", "dask", "thread"]
RUNNERS: tuple[Runner, ...] = ("process", "dask", "thread")
POSTER_SIZES = ("A0", "A1", "A2", "A3")
TRANSLATORS = ("memory", "argos", "http")


class SettingError(SynthesisError):
    """A setting or option has a value the run cannot use."""

    def __init__(self, setting: str, message: str, *, hint: str) -> None:
        super().__init__(f"{setting}: {message}", hint=hint)
        self.setting = setting


class RunOptions(BaseModel):
    """What a person may override for one run: the command line, a deployment's or the web's parameters.

    Every field left at None falls back to the environment, then to summit.yaml, then to the default.
    These are the scheduled flow's parameters, so nothing secret belongs here.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    outputs_dir: Path | None = None
    state_dir: Path | None = None
    run_date: date | None = None
    max_file_mb: float | None = None
    models: dict[str, str] | None = None
    languages: tuple[str, str] | None = None
    poster_size: str | None = None
    excel_csv: bool | None = None
    public_url: str | None = None
    keep_runs: int | None = None
    runner: str | None = None
    workers: int | None = None
    dask_address: str | None = None


class RunConfig(BaseModel):
    """Everything a night needs, resolved and checked."""

    model_config = ConfigDict(frozen=True)

    summit_dir: Path
    summit: SummitConfig
    outputs_dir: Path
    state_dir: Path
    run_date: date
    max_file_mb: float
    models: dict[Language, str]
    languages: tuple[Language, Language]
    translators: tuple[str, ...]
    translate_url: str | None
    translate_key: SecretStr | None
    poster_size: str
    excel_csv: bool = False
    public_url: str | None
    keep_runs: int = Field(ge=1)
    runner: Runner
    workers: int = Field(ge=1)
    dask_address: str | None

    @property
    def summit_outputs(self) -> Path:
        return self.outputs_dir / self.summit.id

    @property
    def cache_dir(self) -> Path:
        """Ingested notes and extractions, by content: what lets an unchanged night skip the work."""
        return self.state_dir / "cache"


def _language_pair(value: tuple[str, str] | list[str] | str, setting: str) -> tuple[Language, Language]:
    codes = [c.strip().lower() for c in (value.split(",") if isinstance(value, str) else value)]
    if len(codes) != 2 or codes[0] == codes[1] or not set(codes) <= set(LANGUAGES):
        raise SettingError(
            setting,
            f"{','.join(codes)!r} is not a language pair",
            hint="give two different languages among en, fr, de, left column first, e.g. en,fr",
        )
    return codes[0], codes[1]  # type: ignore[return-value]


def _writable_folder(path: Path, setting: str) -> Path:
    """Create the folder if needed and prove that files can be written in it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise SettingError(
            setting,
            f"cannot write to {path} ({error.strerror or error})",
            hint="choose a folder this user can write to, with free space",
        ) from None
    return path


def _models(settings: Settings, overrides: dict[str, str] | None) -> dict[Language, str]:
    models: dict[Language, str] = {"en": settings.model_en, "fr": settings.model_fr, "de": settings.model_de}
    for language, model in (overrides or {}).items():
        if language not in models or not model:
            raise SettingError(
                "--model", f"'{language}={model}' is not LANG=MODEL", hint="e.g. en=en_core_web_sm"
            )
        models[language] = model
    return models


def _check_choice(value: str, choices: tuple[str, ...], setting: str) -> str:
    if value not in choices:
        raise SettingError(setting, f"{value!r} is not one of {', '.join(choices)}", hint="pick one of those")
    return value


def site_address(settings: Settings, summit: SummitConfig) -> str | None:
    """The workshop pages `summit web` serves for the summit, as the posters' QR codes open them."""
    if not settings.site_url:
        return None
    return f"{settings.site_url.rstrip('/')}/s/{summit.id}/{{workshop}}/"


def resolve_run_config(summit_dir: Path, options: RunOptions, *, today: date) -> RunConfig:
    """The run's configuration; raises SettingError or ConfigError (summit.yaml) before any work starts."""
    if not summit_dir.is_dir():
        raise SettingError(
            "SUMMIT_DIR",
            f"{summit_dir} is not a folder",
            hint="give a summit folder, e.g. inputs/dusseldorf-2019",
        )
    summit = load_summit(summit_dir)
    load_curation(summit_dir)  # a broken curation.yaml is reported now, not after the models load
    try:
        settings = Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = "SUMMIT_" + str(first["loc"][0]).upper() if first["loc"] else "SUMMIT_*"
        raise SettingError(name, first["msg"], hint="fix it in the environment or in .env") from None
    translators = tuple(settings.translator_names())
    for name in translators:
        _check_choice(name, TRANSLATORS, "SUMMIT_TRANSLATORS")
    if "http" in translators and not settings.translate_url:
        raise SettingError(
            "SUMMIT_TRANSLATE_URL",
            "the http translation backend has no address",
            hint="set SUMMIT_TRANSLATE_URL, or leave http out of SUMMIT_TRANSLATORS",
        )
    runner = options.runner or settings.runner
    _check_choice(runner, RUNNERS, "--runner")
    workers = options.workers or settings.workers or os.cpu_count() or 1
    if workers < 1:
        raise SettingError("--workers", f"{workers} workers", hint="give 1 or more")
    keep = options.keep_runs or settings.keep_runs
    if keep < 1:
        raise SettingError("--keep-runs", f"{keep} runs", hint="keep at least 1 run")
    languages = _language_pair(options.languages, "--languages") if options.languages else summit.languages
    outputs = options.outputs_dir or settings.outputs_dir
    state = options.state_dir or settings.state_dir
    return RunConfig(
        summit_dir=summit_dir,
        summit=summit,
        outputs_dir=_writable_folder(outputs, "--outputs"),
        state_dir=_writable_folder(state, "--state-dir"),
        run_date=options.run_date or today,
        max_file_mb=options.max_file_mb or settings.max_file_mb,
        models=_models(settings, options.models),
        languages=languages,
        translators=translators,
        translate_url=settings.translate_url,
        translate_key=SecretStr(settings.translate_key) if settings.translate_key else None,
        poster_size=_check_choice(
            (options.poster_size or settings.poster_size).upper(), POSTER_SIZES, "--poster-size"
        ),
        # `--no-excel` (False) must win over SUMMIT_EXCEL_CSV, so only None falls back.
        excel_csv=settings.excel_csv if options.excel_csv is None else options.excel_csv,
        public_url=options.public_url or settings.public_url or summit.url or site_address(settings, summit),
        keep_runs=keep,
        runner=runner,
        workers=workers,
        dask_address=options.dask_address or settings.dask_address,
    )
