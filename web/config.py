"""The web app's configuration: built once at the edge (`summit web`, or a test) and handed to the app."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr


class WebConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    inputs_dir: Path = Field(description="one folder per summit, each with its summit.yaml and notes/")
    outputs_dir: Path = Field(description="where runs publish; the dashboard's downloads come from here")
    state_dir: Path = Field(description="the run state (.summit-state): progress, web secret, run logs")
    db: Path = Field(description="the SQLite database of tokens, sessions, uploads and the audit log")
    max_file_bytes: int = Field(10_000_000, gt=0)
    max_files: int = Field(10, gt=0, description="files per upload form")
    session_hours: int = Field(12, gt=0)
    # Machine translation backends ("argos", "http") whose proposals the translation desk shows.
    suggest_with: tuple[str, ...] = ()
    translate_url: str | None = None
    translate_key: SecretStr | None = None

    @property
    def secret_file(self) -> Path:
        return self.state_dir / "web-secret"

    def summit_dir(self, summit_id: str) -> Path:
        return self.inputs_dir / summit_id

    def summit_outputs(self, summit_id: str) -> Path:
        return self.outputs_dir / summit_id
