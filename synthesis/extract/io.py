"""`summit extract` input and output: JSON lines in, one JSON object per record out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

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


MAX_LINE_BYTES = 1_000_000  # one record; split longer texts into several records
MAX_ID_CHARS = 200


def _record(data: Any, path: Path, line: int, defaults: Defaults) -> TextRecord:
    if not isinstance(data, dict):
        raise RecordError(path, line, "not a JSON object")
    record_id, text, lang = data.get("id"), data.get("text"), data.get("lang")
    if isinstance(record_id, bool) or not isinstance(record_id, str | int) or record_id == "":
        raise RecordError(path, line, "'id' is missing or not a string")
    if len(str(record_id)) > MAX_ID_CHARS:
        raise RecordError(path, line, f"'id' is longer than {MAX_ID_CHARS} characters")
    if not isinstance(text, str):
        raise RecordError(path, line, "'text' is missing or not a string")
    if lang is not None and lang not in LANGUAGES:
        raise RecordError(path, line, f"'lang' is {str(lang)[:20]!r}; use en, fr, de, or leave it out")
    session = defaults.session_date
    if data.get("session_date"):
        try:
            session = date.fromisoformat(str(data["session_date"]))
        except ValueError:
            raise RecordError(path, line, "'session_date' is not a YYYY-MM-DD date") from None
    speaker = data.get("speaker_city")
    if speaker is not None and not isinstance(speaker, str):
        raise RecordError(path, line, "'speaker_city' is not a string")
    return TextRecord(
        id=str(record_id),
        text=text,
        language=lang,
        session_date=session,
        speaker_city=speaker or defaults.speaker_city,
    )


def _lines(handle: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(number, bytes) per line; None for a line over MAX_LINE_BYTES, which is skipped unread."""
    number = 0
    while chunk := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(chunk) <= MAX_LINE_BYTES or chunk.endswith(b"\n"):
            yield number, chunk
            continue
        while (rest := handle.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
            pass  # the rest of an oversized line
        yield number, None


def _parse_line(raw: bytes | None, path: Path, number: int, defaults: Defaults) -> TextRecord | RecordError:
    """One line as a record, or the reason it is not one: no line can stop the others."""
    if raw is None:
        return RecordError(path, number, f"the line is over {MAX_LINE_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return RecordError(
            path, number, f"not UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1})"
        )
    try:
        return _record(json.loads(text), path, number, defaults)
    except json.JSONDecodeError as error:
        return RecordError(path, number, f"not valid JSON ({error.msg})")
    except RecursionError:
        return RecordError(path, number, "JSON nested too deeply")
    except ValueError as error:  # e.g. a number of more than 4,300 digits
        return RecordError(path, number, f"not valid JSON ({str(error).split(';')[0][:80]})")
    except RecordError as error:
        return error


def read_jsonl(path: Path, defaults: Defaults | None = None) -> Iterator[TextRecord | RecordError]:
    """Records of a JSON-lines file, or a RecordError for each line that is not one."""
    defaults = defaults or Defaults()
    with path.open("rb") as handle:
        for number, raw in _lines(handle):
            if raw is not None and not raw.strip():
                continue
            yield _parse_line(raw, path, number, defaults)


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
