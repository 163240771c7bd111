"""table_commitments: "City | Commitment | Deadline" tables, one commitment per row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from synthesis.extract import Pipelines, extract_note
from synthesis.extract.tables import table_commitments
from synthesis.ingest import IngestLimits, read_note
from synthesis.models import Note
from synthesis.summit import SummitConfig
from tests.conftest import write_note

SESSION = date(2019, 8, 31)

MakeNote = Callable[..., Note]


@pytest.fixture
def make_note(summit_dir: Path, summit: SummitConfig) -> MakeNote:
    """A note of the healthy workshop read from Markdown, as ingest reads every note."""

    def make(body: str, name: str = "table.md", **meta: str) -> Note:
        path = write_note(summit_dir / "notes" / "healthy", name, body, **meta)
        return read_note(path, summit_dir=summit_dir, summit=summit, limits=IngestLimits())

    return make


PLEDGES = """# Pledges

The last round of the workshop.

| City | Commitment | Deadline |
|------|------------|----------|
| Dakar | Open five mediation points | by end 2020 |
| Participants | Share their data | next year |
| Atlantis | Build a sea wall | |
"""


def test_each_row_gives_actor_action_object_and_deadline(make_note: MakeNote) -> None:
    note = make_note(PLEDGES)
    found = table_commitments(note, language="en", session=SESSION)
    assert [(c.actor.id, c.actor.kind, c.action, c.object, c.deadline, c.deadline_text) for c in found] == [
        ("dakar", "city", "open", "five mediation points", "2020-12-31", "by end 2020"),
        ("participants", "collective", "share", "their data", "2020", "next year"),
        (None, "unresolved", "build", "a sea wall", None, None),
    ]
    assert found[2].actor.text == "Atlantis"
    for commitment in found:
        assert commitment.strength == "firm"
        assert commitment.language == "en"
        source = commitment.source
        assert source.note_id == note.id
        assert note.text[source.start : source.end] == source.quote
    assert [c.source.quote for c in found] == [
        "Open five mediation points",
        "Share their data",
        "Build a sea wall",
    ]


def test_headers_in_french_with_columns_in_another_order(make_note: MakeNote) -> None:
    body = (
        "Engagements de l'atelier.\n\n"
        "| Échéance | Ville | Engagement |\n|---|---|---|\n"
        "| fin 2021 | Genève | Publier le guide |\n"
        "| l'an prochain | Bruxelles | Former des médiateurs |\n"
    )
    note = make_note(body, language="fr")
    found = table_commitments(note, language="fr", session=SESSION)
    assert [(c.actor.id, c.action, c.object, c.deadline) for c in found] == [
        ("geneva", "publier", "le guide", "2021-12-31"),
        ("brussels", "former", "des médiateurs", "2020"),
    ]


def test_a_table_without_a_deadline_column_gives_no_deadline(make_note: MakeNote) -> None:
    note = make_note("| Stadt | Maßnahme |\n|---|---|\n| Köln | Beratungsbüro eröffnen 2021 |\n")
    [commitment] = table_commitments(note, language="de", session=SESSION)
    assert (commitment.actor.id, commitment.deadline) == ("cologne", None)


def test_past_deadline_in_a_row_is_no_deadline(make_note: MakeNote) -> None:
    body = "| City | Commitment | Deadline |\n|---|---|---|\n| Lyon | Plant trees | 2017 |\n"
    [commitment] = table_commitments(make_note(body), language="en", session=SESSION)
    assert (commitment.actor.id, commitment.deadline) == ("lyon", None)


@pytest.mark.parametrize(
    "body",
    [
        "| Name | Role |\n|---|---|\n| Dakar | Host of the next meeting |\n",
        "| City | Population |\n|---|---|\n| Dakar | 1 million |\n",
        "| Commitment | Deadline |\n|---|---|\n| Open a centre | 2020 |\n",
        "Dakar: open a centre.\nLyon: plant trees.\n",
    ],
    ids=["no-known-headers", "no-commitment-column", "no-actor-column", "no-table"],
)
def test_a_table_without_actor_and_commitment_headers_gives_nothing(make_note: MakeNote, body: str) -> None:
    note = make_note(body)
    assert table_commitments(note, language="en", session=SESSION) == []


def test_only_the_table_under_a_commitment_header_is_read(make_note: MakeNote) -> None:
    body = (
        "| City | Commitment |\n|---|---|\n| Dakar | Open a centre |\n\n"
        "Other figures follow.\n\n"
        "| City | Population |\n|---|---|\n| Lyon | 500,000 |\n"
    )
    found = table_commitments(make_note(body), language="en", session=SESSION)
    assert [(c.actor.id, c.action) for c in found] == [("dakar", "open")]


def test_a_row_with_an_empty_commitment_cell_is_skipped(make_note: MakeNote) -> None:
    body = (
        "| City | Commitment | Deadline |\n|---|---|---|\n"
        "| Dakar | Open a centre | 2020 |\n| Lyon | | 2021 |\n"
    )
    found = table_commitments(make_note(body), language="en", session=SESSION)
    assert [c.actor.id for c in found] == ["dakar"]


def test_extract_note_reads_table_rows_once(make_note: MakeNote, pipelines: Pipelines) -> None:
    # The sentence rules alone would read this row too ("Lyon | plans to plant ...").
    body = (
        "Rabat will open a centre by 2021.\n\n"
        "| City | Commitment | Deadline |\n|---|---|---|\n"
        "| Lyon | plans to plant 500 trees | 2021 |\n"
    )
    note = make_note(body)
    extraction = extract_note(note, pipelines)
    got = [(c.actor.id, c.action, c.deadline, c.source.quote) for c in extraction.commitments]
    assert got == [
        ("rabat", "open", "2021", "Rabat will open a centre by 2021."),
        ("lyon", "plans", "2021", "plans to plant 500 trees"),
    ]
