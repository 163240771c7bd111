"""Document properties (DOCX core properties, ODT meta, PDF info) as note metadata.

Office formats have no field for a workshop or a session, so the convention is:
title -> title, author/creator -> rapporteur, category -> workshop,
subject -> session, language -> language. Any field may also be written into
Keywords as ``field: value`` pairs separated by ``;`` (e.g. ``city: Rabat``).
"""

from __future__ import annotations

from typing import Any

PROPERTY_FIELDS = {
    "title": "title",
    "author": "rapporteur",
    "creator": "rapporteur",
    "initial-creator": "rapporteur",
    "category": "workshop",
    "subject": "session",
    "language": "language",
}


# Values that PDF and Office writers put in when the author left a field empty.
_PLACEHOLDERS = frozenset({"unspecified", "untitled", "anonymous", "unknown", "word document"})


def keyword_fields(keywords: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for pair in keywords.split(";"):
        key, colon, value = pair.partition(":")
        if colon and key.strip() and value.strip():
            fields[key.strip().lower()] = value.strip()
    return fields


def metadata_from_properties(properties: dict[str, str | None]) -> dict[str, Any]:
    """Map raw property names to note fields, skipping blanks."""
    metadata: dict[str, Any] = {}
    for name, value in properties.items():
        if not value or not value.strip() or value.strip().lower() in _PLACEHOLDERS:
            continue
        if name == "keywords":
            metadata.update(keyword_fields(value))
        elif name in PROPERTY_FIELDS:
            metadata.setdefault(PROPERTY_FIELDS[name], value.strip())
    return metadata
