"""A note's metadata, merged from its folder, its own properties and its sidecar."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from synthesis.errors import NoteRejected
from synthesis.escape import printable, strip_bidi
from synthesis.models import Language, NoteMeta, RejectionReason, Session, Slot
from synthesis.summit import SummitConfig
from synthesis.yamlsafe import load_plain_yaml

SIDECAR_SUFFIX = ".meta.yaml"
FIELDS = ("title", "rapporteur", "workshop", "session", "city", "language")
MAX_FIELD_CHARS = 300

_LANGUAGE_NAMES: dict[str, Language] = {
    "en": "en", "english": "en", "anglais": "en", "englisch": "en",
    "fr": "fr", "french": "fr", "français": "fr", "francais": "fr", "französisch": "fr",
    "de": "de", "german": "de", "allemand": "de", "deutsch": "de",
}  # fmt: skip
_SLOT_WORDS: dict[str, Slot] = {
    "morning": "morning", "am": "morning", "matin": "morning", "matinée": "morning",
    "vormittag": "morning", "vormittags": "morning", "morgens": "morning",
    "afternoon": "afternoon", "pm": "afternoon", "après-midi": "afternoon",
    "apres-midi": "afternoon", "nachmittag": "afternoon", "nachmittags": "afternoon",
    "evening": "evening", "soir": "evening", "soirée": "evening", "abend": "evening",
    "abends": "evening",
}  # fmt: skip
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_EUROPEAN_DAY = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_DAY_NUMBER = re.compile(r"\b(?:day|jour|tag|j|d)\s*(\d)\b", re.IGNORECASE)


def _invalid(message: str, hint: str) -> NoteRejected:
    return NoteRejected(RejectionReason.INVALID_METADATA, message, hint=hint)


def sidecar_path(note: Path) -> Path:
    return note.with_name(note.name + SIDECAR_SUFFIX)


def read_sidecar(note: Path) -> dict[str, Any]:
    path = sidecar_path(note)
    if path.is_symlink():
        raise NoteRejected(
            RejectionReason.SYMLINK,
            f"the sidecar {printable(path.name)} is a symbolic link",
            hint="upload the sidecar file itself, not a link to it",
        )
    if not path.is_file():
        return {}
    try:
        data = load_plain_yaml(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise _invalid(
            f"the sidecar {path.name} is not valid YAML: {' '.join(str(error).split())}",
            hint=f"fix {path.name} (UTF-8, one 'field: value' per line)",
        ) from error
    if not isinstance(data, dict):
        raise _invalid(f"the sidecar {path.name} is not a mapping", hint="write 'field: value' lines")
    return data


def parse_language(value: Any) -> Language:
    key = str(value).strip().lower().replace("_", "-").split("-")[0]
    if key in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[key]
    raise _invalid(
        f"language '{value}' is not one of en, fr, de",
        hint="notes are read in English, French or German; set language to en, fr or de",
    )


def _day_in(value: str, summit: SummitConfig) -> date | None:
    if match := _ISO_DAY.search(value):
        year, month, day = map(int, match.groups())
    elif match := _EUROPEAN_DAY.search(value):
        day, month, year = map(int, match.groups())
    elif match := _DAY_NUMBER.search(value):
        return summit.start + timedelta(days=int(match.group(1)) - 1)
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_session(value: Any, summit: SummitConfig) -> Session:
    """'2019-08-31 morning', '31.08.2019 nachmittags', 'day 2 pm', or {day:, slot:}."""
    slot_text = ""
    if isinstance(value, dict):
        day_value, slot_text = value.get("day"), str(value.get("slot") or "")
        if isinstance(day_value, int):
            day_value = f"day {day_value}"
    else:
        day_value = value
    day = day_value if isinstance(day_value, date) else _day_in(str(day_value), summit)
    words = re.findall(r"[\w-]+", f"{slot_text} {'' if isinstance(value, dict) else value}".lower())
    slot = next((_SLOT_WORDS[w] for w in words if w in _SLOT_WORDS), None)
    days = f"{summit.start.isoformat()} to {summit.end.isoformat()}"
    if day is None:
        raise _invalid(
            f"session '{value}' names no day",
            hint=f"write it as e.g. '{summit.start.isoformat()} morning' (summit days: {days})",
        )
    if day not in summit.days:
        raise _invalid(
            f"session day {day.isoformat()} is not a day of the summit ({days})",
            hint="correct the session's date",
        )
    return Session(day=day, slot=slot)


def _unknown_workshop(message: str, hint: str) -> NoteRejected:
    return NoteRejected(RejectionReason.UNKNOWN_WORKSHOP, message, hint=hint)


def _check_workshop(declared: str, folder: str | None, summit: SummitConfig) -> str:
    """The note's workshop: its folder and its own field must agree and be known."""
    known = summit.workshop_ids
    choices = f"use one of: {', '.join(known)}"
    if folder and folder not in known:
        where = f"move it to notes/{declared}/" if declared in known else choices
        raise _unknown_workshop(f"notes/{folder}/ is not a workshop folder of this summit", where)
    if declared and declared not in known:
        raise _unknown_workshop(f"workshop '{declared}' is not a workshop of this summit", choices)
    if folder and declared and declared != folder:
        raise _unknown_workshop(
            f"the note says workshop '{declared}' but sits in notes/{folder}/",
            f"move it to notes/{declared}/ or correct its 'workshop' field",
        )
    workshop = declared or folder
    if not workshop:
        raise _unknown_workshop(
            "the note names no workshop",
            f"put it in notes/<workshop>/ or set 'workshop'; {choices}",
        )
    return workshop


_TEXT_KINDS = (str, int, float)


def _clean(text: str) -> str:
    """One line of text: bidi controls and other control characters out, spaces folded."""
    return " ".join("".join(c for c in strip_bidi(text) if c.isprintable() or c.isspace()).split())


def _typed(name: str, value: Any) -> Any:
    """A field's value if it has a documented type, cleaned; a rejection naming the field if not.

    YAML happily gives mappings, lists, booleans or bytes (`!!binary`) where a
    name is expected; turning those into text would print "{'a': 1}" on a poster.
    """
    if name == "session":
        if isinstance(value, date | int) and not isinstance(value, bool):
            return value
        if isinstance(value, dict):
            for key, part in value.items():
                if (
                    key not in ("day", "slot")
                    or not isinstance(part, date | int | str)
                    or isinstance(part, bool)
                ):
                    raise _invalid(
                        f"field 'session' has '{printable(str(key))}' of type {type(part).__name__}",
                        hint="write it as text ('2019-08-31 morning') or as {day: 2, slot: afternoon}",
                    )
            return {key: _clean(part) if isinstance(part, str) else part for key, part in value.items()}
    if isinstance(value, _TEXT_KINDS) and not isinstance(value, bool):
        text = _clean(str(value))
        if len(text) > MAX_FIELD_CHARS:
            raise _invalid(f"field '{name}' is {len(text):,} characters long", hint="shorten it to one line")
        return text
    kind = {dict: "a mapping", list: "a list", bytes: "binary data", bool: "true/false"}.get(type(value))
    raise _invalid(
        f"field '{name}' must be text, not {kind or type(value).__name__}",
        hint=f"write '{name}: ' followed by plain text on one line",
    )


def build_meta(
    *layers: dict[str, Any], summit: SummitConfig, fallback_title: str, folder_workshop: str | None
) -> NoteMeta:
    """Merge metadata layers (later ones win) and validate them against the summit."""
    merged: dict[str, Any] = {}
    for layer in layers:
        merged.update({str(k).lower(): v for k, v in layer.items() if v not in (None, "")})
    for name in FIELDS:
        if name in merged:
            merged[name] = _typed(name, merged[name])

    workshop = _check_workshop(str(merged.get("workshop") or "").strip().lower(), folder_workshop, summit)
    missing = [name for name in ("rapporteur", "session") if not merged.get(name)]
    if missing:
        raise _invalid(
            f"no {' and no '.join(missing)} given",
            hint="add them to the front matter, the document properties or a "
            f"<file>{SIDECAR_SUFFIX} sidecar (see inputs/README.md)",
        )
    return NoteMeta(
        title=str(merged.get("title") or fallback_title).strip(),
        rapporteur=str(merged["rapporteur"]).strip(),
        workshop=workshop,
        session=parse_session(merged["session"], summit),
        city=str(merged["city"]).strip() if merged.get("city") else None,
        language=parse_language(merged["language"]) if merged.get("language") else None,
    )
