from datetime import UTC, date, datetime

from synthesis.models import (
    Note,
    NoteMeta,
    Paragraph,
    Rejection,
    RejectionReason,
    RunInfo,
    Session,
    SummitSynthesis,
    WorkshopStats,
    WorkshopSynthesis,
    content_id,
)


def make_note() -> Note:
    text = "Genève s'engage à publier un plan.\n\nDüsseldorf wird 2020 starten."
    return Note(
        id=content_id(text),
        source="notes/healthy/a.md",
        format="md",
        meta=NoteMeta(
            title="Plan",
            rapporteur="R",
            workshop="healthy",
            session=Session(day=date(2019, 8, 31), slot="morning"),
            city="Geneva",
        ),
        text=text,
        language="fr",
        detected_language="fr",
        paragraphs=(
            Paragraph(start=0, end=34, kind="paragraph", language="fr"),
            Paragraph(start=36, end=len(text), kind="paragraph", language="de"),
        ),
        words=11,
    )


def test_content_id_is_stable_and_content_dependent() -> None:
    assert content_id("abc") == content_id("abc")
    assert content_id("abc") != content_id("abd")
    assert len(content_id("abc")) == 16


def test_note_round_trips_through_json_with_non_ascii_text() -> None:
    note = make_note()
    dumped = note.model_dump_json()
    assert "Genève" in dumped and "Düsseldorf" in dumped
    assert Note.model_validate_json(dumped) == note
    assert note.paragraphs[1].text_in(note) == "Düsseldorf wird 2020 starten."
    assert note.paragraph_id(note.paragraphs[0]) == f"{note.id}:0-34"


def test_summit_synthesis_round_trips_and_has_stable_id() -> None:
    note = make_note()
    rejection = Rejection(source="notes/x/y.pdf", reason=RejectionReason.SCANNED_PDF, message="m", hint="h")
    synthesis = SummitSynthesis(
        run=RunInfo(
            summit_id="dusseldorf-2019",
            run_date=date(2019, 9, 1),
            started_at=datetime(2019, 9, 1, 1, 0, tzinfo=UTC),
            finished_at=datetime(2019, 9, 1, 1, 5, tzinfo=UTC),
            software={"prefect": "3.8.8"},
        ),
        notes=(note,),
        rejected=(rejection,),
        workshops=(
            WorkshopSynthesis(
                workshop="healthy",
                note_ids=(note.id,),
                stats=WorkshopStats(notes=1, rapporteurs=1, words=11, languages={"fr": 1}),
            ),
        ),
    )
    assert SummitSynthesis.model_validate_json(synthesis.model_dump_json()) == synthesis
    assert synthesis.id == "dusseldorf-2019/2019-09-01"
    assert rejection.id == Rejection.model_validate_json(rejection.model_dump_json()).id
    assert synthesis.workshops[0].id == "healthy"
