"""Fields of an upload and its sidecar, validated with the parsers ingestion uses."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from synthesis.errors import NoteRejected
from synthesis.escape import has_control, printable
from synthesis.ingest.metadata import MAX_FIELD_CHARS, parse_session
from synthesis.summit import SummitConfig
from synthesis.uploads.names import UploadError

LANGUAGE_CHOICES = ("auto", "en", "fr", "de")


@dataclass(frozen=True)
class UploadFields:
    workshop: str
    session: str  # e.g. "2019-08-31 morning"
    title: str
    rapporteur: str
    language: str = "auto"  # "auto" leaves the language to detection


def _one_line(text: str) -> str:
    return " ".join(text.split())


def sidecar_text(fields: UploadFields) -> str:
    """The `.meta.yaml` sidecar: plain YAML that ingestion's sidecar reader accepts."""
    data = {
        "title": _one_line(fields.title),
        "rapporteur": _one_line(fields.rapporteur),
        "workshop": fields.workshop,
        "session": _one_line(fields.session),
    }
    if fields.language != "auto":
        data["language"] = fields.language
    # safe_dump quotes whatever would read back as another type ("yes", "2019-08-31", "null").
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)


def _bad_field(field: str, message: str, hint: str) -> UploadError:
    return UploadError("bad_field", message, hint=hint, field=field)


def validate_fields(fields: UploadFields, summit: SummitConfig) -> None:
    """UploadError("bad_field") naming the first field that ingestion would not accept."""
    if fields.workshop not in summit.workshop_ids:
        raise _bad_field(
            "workshop",
            f"workshop '{printable(fields.workshop)}' is not a workshop of this summit",
            f"choose one of: {', '.join(summit.workshop_ids)}",
        )
    try:
        parse_session(_one_line(fields.session), summit)
    except NoteRejected as rejected:
        raise _bad_field("session", rejected.message, rejected.hint) from None
    for name, value in (("title", fields.title), ("rapporteur", fields.rapporteur)):
        text = _one_line(value)
        if not text:
            raise _bad_field(name, f"the {name} is empty", f"write the note's {name}")
        if has_control(text):
            raise _bad_field(name, f"the {name} holds control characters", "type it again as plain text")
        if len(text) > MAX_FIELD_CHARS:
            raise _bad_field(
                name, f"the {name} is {len(text):,} characters long", f"keep it under {MAX_FIELD_CHARS}"
            )
    if fields.language not in LANGUAGE_CHOICES:
        raise _bad_field(
            "language",
            f"language '{printable(fields.language)}' is not one of {', '.join(LANGUAGE_CHOICES)}",
            "choose English, French, German, or let the language be detected",
        )
