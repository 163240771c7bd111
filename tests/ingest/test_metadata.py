from datetime import date
from pathlib import Path

import pytest

from synthesis.errors import NoteRejected
from synthesis.ingest.metadata import build_meta, parse_language, parse_session, read_sidecar
from synthesis.models import RejectionReason, Session
from synthesis.summit import SummitConfig


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-08-31 morning", Session(day=date(2019, 8, 31), slot="morning")),
        ("31.08.2019 nachmittags", Session(day=date(2019, 8, 31), slot="afternoon")),
        ("day 3 pm", Session(day=date(2019, 9, 1), slot="afternoon")),
        ("Jour 1, matinée", Session(day=date(2019, 8, 30), slot="morning")),
        (date(2019, 8, 30), Session(day=date(2019, 8, 30))),
        ({"day": 2, "slot": "soir"}, Session(day=date(2019, 8, 31), slot="evening")),
        ({"day": "2019-09-01"}, Session(day=date(2019, 9, 1))),
    ],
)
def test_sessions_in_the_forms_rapporteurs_write(
    value: object, expected: Session, summit: SummitConfig
) -> None:
    assert parse_session(value, summit) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [("2019-09-05 morning", "not a day of the summit"), ("Saturday", "names no day")],
)
def test_bad_sessions(value: str, words: str, summit: SummitConfig) -> None:
    with pytest.raises(NoteRejected, match=words) as caught:
        parse_session(value, summit)
    assert caught.value.reason is RejectionReason.INVALID_METADATA


def test_language_names_and_codes() -> None:
    assert parse_language("fr-FR") == "fr"
    assert parse_language("Deutsch") == "de"
    assert parse_language("English") == "en"
    with pytest.raises(NoteRejected, match="'es' is not one of en, fr, de"):
        parse_language("es")


def test_layers_merge_with_later_ones_winning(summit: SummitConfig) -> None:
    meta = build_meta(
        {"title": "From the document", "rapporteur": "A", "session": "day 1"},
        {"session": "2019-08-31 evening", "city": "Rabat"},
        summit=summit,
        fallback_title="file name",
        folder_workshop="healthy",
    )
    assert meta.title == "From the document"
    assert meta.session == Session(day=date(2019, 8, 31), slot="evening")
    assert (meta.workshop, meta.city, meta.language) == ("healthy", "Rabat", None)


def test_missing_fields_are_named(summit: SummitConfig) -> None:
    with pytest.raises(NoteRejected, match="no rapporteur and no session given"):
        build_meta({}, summit=summit, fallback_title="t", folder_workshop="healthy")


@pytest.mark.parametrize(
    ("layer", "folder", "words"),
    [
        ({"workshop": "sports"}, None, "'sports' is not a workshop"),
        ({}, "sports", "notes/sports/ is not a workshop folder"),
        ({"workshop": "healthy"}, "inclusive", "sits in notes/inclusive/"),
        ({}, None, "names no workshop"),
    ],
)
def test_workshop_problems(
    layer: dict[str, str], folder: str | None, words: str, summit: SummitConfig
) -> None:
    with pytest.raises(NoteRejected, match=words) as caught:
        build_meta(
            {"rapporteur": "A", "session": "day 1", **layer},
            summit=summit,
            fallback_title="t",
            folder_workshop=folder,
        )
    assert caught.value.reason is RejectionReason.UNKNOWN_WORKSHOP


def test_broken_sidecar_names_itself(tmp_path: Path) -> None:
    note = tmp_path / "note.pdf"
    note.write_bytes(b"%PDF-")
    (tmp_path / "note.pdf.meta.yaml").write_text("session: [oops", encoding="utf-8")
    with pytest.raises(NoteRejected, match=r"note\.pdf\.meta\.yaml is not valid YAML"):
        read_sidecar(note)
