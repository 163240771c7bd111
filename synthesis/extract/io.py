"""`summit extract` input and output: JSON lines in, one JSON object per record out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from synthesis.errors import SynthesisError
from synthesis.extract.run import TextRecord
from synthesis.extract.themes import load_vocabulary
from synthesis.models import LANGUAGES, Language, NoteExtraction


class RecordError(SynthesisError):
    """One input line cannot be read; the others still are."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(
            f"{path} line {line}: {message}",
            hint='each line must be a JSON object like {"id": "a1", "text": "...", "lang": "en"}',
        )
        self.line = line


@dataclass(frozen=True, slots=True)
class Defaults:
    session_date: date | None = None
    speaker_city: str | None = None


def _record(data: Any, path: Path, line: int, defaults: Defaults) -> TextRecord:
    if not isinstance(data, dict):
        raise RecordError(path, line, "not a JSON object")
    record_id, text, lang = data.get("id"), data.get("text"), data.get("lang")
    if not isinstance(record_id, str | int) or record_id == "":
        raise RecordError(path, line, "'id' is missing or not a string")
    if not isinstance(text, str):
        raise RecordError(path, line, "'text' is missing or not a string")
    if lang is not None and lang not in LANGUAGES:
        raise RecordError(path, line, f"'lang' is {lang!r}; use en, fr, de, or leave it out")
    session = defaults.session_date
    if data.get("session_date"):
        try:
            session = date.fromisoformat(str(data["session_date"]))
        except ValueError:
            raise RecordError(path, line, "'session_date' is not a YYYY-MM-DD date") from None
    return TextRecord(
        id=str(record_id),
        text=text,
        language=lang,
        session_date=session,
        speaker_city=data.get("speaker_city") or defaults.speaker_city,
    )


def read_jsonl(path: Path, defaults: Defaults | None = None) -> Iterator[TextRecord | RecordError]:
    """Records of a JSON-lines file, or a RecordError for each line that is not one."""
    defaults = defaults or Defaults()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield _record(json.loads(line), path, number, defaults)
            except json.JSONDecodeError as error:
                yield RecordError(path, number, f"not valid JSON ({error.msg})")
            except RecordError as error:
                yield error


def _actor(actor: Any) -> dict[str, Any]:
    return {
        "actor": actor.id or actor.text,
        "actor_text": actor.text,
        "actor_resolved": actor.resolved,
    }


def extraction_json(record_id: str, language: Language, extraction: NoteExtraction) -> dict[str, Any]:
    """The output line for one record; offsets are character offsets into its text."""
    vocabulary = load_vocabulary()
    return {
        "id": record_id,
        "language": language,
        "model": extraction.models.get(language),
        "commitments": [
            {
                "id": c.id,
                "text": c.source.quote,
                "start": c.source.start,
                "end": c.source.end,
                **_actor(c.actor),
                "action": c.action,
                "object": c.object,
                "deadline": c.deadline,
                "strength": c.strength,
            }
            for c in extraction.commitments
        ],
        "recommendations": [
            {
                "id": r.id,
                "text": r.source.quote,
                "start": r.source.start,
                "end": r.source.end,
                **(_actor(r.actor) if r.actor else {"actor": None}),
            }
            for r in extraction.recommendations
        ],
        "best_practices": [
            {
                "id": b.id,
                "city": b.city.id or b.city.text,
                "initiative": b.initiative,
                "text": b.source.quote,
                "start": b.source.start,
                "end": b.source.end,
            }
            for b in extraction.best_practices
        ],
        "themes": [
            {
                "concept": m.id,
                "label": vocabulary.label(m.id, language),
                "start": m.start,
                "end": m.end,
            }
            for m in extraction.concepts
        ],
        "entities": [
            {"id": e.id, "label": e.label, "text": e.text, "start": e.start, "end": e.end}
            for e in extraction.entities
        ],
    }
