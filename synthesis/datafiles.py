"""The package's own YAML data files (rules, word lists, styles): trusted, read with libyaml.

Uploads never come here: their YAML goes through `synthesis.yamlsafe`. The C loader reads
the rule files about seven times faster than the pure-Python one, which every worker
process pays once per language it loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data_yaml(source: Path | str) -> Any:
    """A data file (a Path) or its text (a str), parsed as safe YAML."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return yaml.load(text, Loader=_LOADER)


def language_section(source: Path, language: str) -> dict[str, Any]:
    """A rule file's section for `language`, with its `shared` lists, which no language may redefine."""
    document: dict[str, Any] = load_data_yaml(source)
    data: dict[str, Any] = document[language]
    shared: dict[str, Any] = document.get("shared") or {}
    if overridden := sorted(set(shared) & set(data)):
        raise ValueError(f"{source.name}: {language} redefines the shared lists {overridden}")
    return {**shared, **data}
