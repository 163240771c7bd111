"""The summit description, `inputs/<summit-id>/summit.yaml`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from synthesis.errors import ConfigError
from synthesis.models import Localised, SummitConfig, Workshop

__all__ = ["NOTES_DIR", "SUMMIT_FILE", "Localised", "SummitConfig", "Workshop", "load_summit"]

SUMMIT_FILE = "summit.yaml"
NOTES_DIR = "notes"


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
