"""The summit description, `inputs/<summit-id>/summit.yaml`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from synthesis.errors import ConfigError
from synthesis.models import Language

SUMMIT_FILE = "summit.yaml"
NOTES_DIR = "notes"


class Localised(BaseModel):
    """One text in each of the three languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)
    de: str = Field(min_length=1)

    def __getitem__(self, language: Language) -> str:
        return str(getattr(self, language))


class Workshop(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    name: Localised
    scope: Localised


class SummitConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: Localised
    host_city: str
    start: date
    end: date
    languages: tuple[Language, Language] = ("en", "fr")
    workshops: tuple[Workshop, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> SummitConfig:
        if self.end < self.start:
            raise ValueError("end is before start")
        if self.languages[0] == self.languages[1]:
            raise ValueError("languages must be two different languages")
        ids = [w.id for w in self.workshops]
        if len(set(ids)) != len(ids):
            raise ValueError(f"workshop ids are not unique: {ids}")
        return self

    @property
    def days(self) -> tuple[date, ...]:
        count = (self.end - self.start).days + 1
        return tuple(self.start + timedelta(days=i) for i in range(count))

    @property
    def workshop_ids(self) -> tuple[str, ...]:
        return tuple(w.id for w in self.workshops)

    def workshop(self, workshop_id: str) -> Workshop:
        for workshop in self.workshops:
            if workshop.id == workshop_id:
                return workshop
        raise KeyError(workshop_id)


def _field_path(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location) or "(top level)"


def load_summit(summit_dir: Path) -> SummitConfig:
    """Read and validate `summit.yaml`; a ConfigError names the field that fails."""
    path = summit_dir / SUMMIT_FILE
    if not path.is_file():
        raise ConfigError(
            path, "no summit description found", hint=f"create {SUMMIT_FILE} (see inputs/README.md)"
        )
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigError(path, f"not valid YAML: {error}", hint="fix the YAML syntax") from error
    if not isinstance(data, dict):
        raise ConfigError(path, "expected a mapping of fields", hint="see inputs/README.md")
    try:
        return SummitConfig.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise ConfigError(
            path,
            first["msg"],
            field=_field_path(first["loc"]),
            hint="see inputs/README.md for the fields summit.yaml takes",
        ) from error
