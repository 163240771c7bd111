import codecs

import pytest

from synthesis.errors import NoteRejected
from synthesis.ingest.text import decode, parse_blocks, read_text, split_front_matter
from synthesis.models import RejectionReason
from tests.conftest import BAD, GOOD


def test_utf8_with_and_without_bom() -> None:
    assert decode("Genève".encode()) == ("Genève", None)
    assert decode(codecs.BOM_UTF8 + "Genève".encode()) == ("Genève", None)


def test_utf16_with_bom_is_read() -> None:
    text, encoding = decode("Straße in Köln".encode("utf-16"))
    assert text == "Straße in Köln"
    assert encoding == "utf-16"


def test_cp1252_note_is_decoded_with_a_warning() -> None:
    document = read_text((GOOD / "cp1252-note.txt").read_bytes(), markdown=False)
    assert document.metadata["rapporteur"] == "Jürgen Weiß"
    assert document.blocks[1].text.startswith("Straßburg stellte das Programm „Nachbarn")
    assert document.warnings == ["read as cp1252, not UTF-8; save as UTF-8 next time"]


def test_text_in_no_western_encoding_is_rejected() -> None:
    with pytest.raises(NoteRejected) as caught:
        decode((BAD / "shift-jis.txt").read_bytes())
    assert caught.value.reason is RejectionReason.UNDECODABLE_TEXT
    assert "UTF-8" in caught.value.hint


def test_front_matter_is_split_from_the_body() -> None:
    meta, body = split_front_matter("---\ntitle: T\nsession: 2019-08-31\n---\nBody text.\n")
    assert meta["title"] == "T"
    assert body == "Body text.\n"
    assert split_front_matter("No front matter.") == ({}, "No front matter.")


@pytest.mark.parametrize(
    "text", ["---\ntitle: [unclosed\n---\nBody", "---\n- a list\n- not a mapping\n---\nBody"]
)
def test_bad_front_matter_is_invalid_metadata(text: str) -> None:
    with pytest.raises(NoteRejected) as caught:
        split_front_matter(text)
    assert caught.value.reason is RejectionReason.INVALID_METADATA


def test_one_statement_per_line_stays_apart_but_wrapped_lines_join() -> None:
    body = (
        "10:05 Opening by the mayor\n"
        "10:20 Rabat presented its plan, which covers\n"
        "three districts and the old town.\n"
        "- Dakar will open a centre\n"
        "  before the end of 2020\n"
        "- Q: budget?\n"
        "- key = maintenance agreements with residents' groups, otherwise it degrades fast\n"
        "Toronto will add 25 more laneways next year.\n"
        "\n"
        "| City | Pledge |\n|---|---|\n| Lyon | trees |\n"
    )
    blocks = parse_blocks(body, markdown=False)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "10:05 Opening by the mayor"),
        (
            "paragraph",
            "10:20 Rabat presented its plan, which covers three districts and the old town.",
        ),
        ("list_item", "Dakar will open a centre before the end of 2020"),
        ("list_item", "Q: budget?"),
        # A bullet goes on only on an indented or lower-case line: the sentence under it is its own.
        ("list_item", "key = maintenance agreements with residents' groups, otherwise it degrades fast"),
        ("paragraph", "Toronto will add 25 more laneways next year."),
        ("table_row", "City | Pledge"),
        ("table_row", "Lyon | trees"),
    ]


def test_markdown_headings_lists_and_inline_marks() -> None:
    document = read_text((GOOD / "communicative-note.md").read_bytes(), markdown=True)
    kinds = [b.kind for b in document.blocks]
    assert kinds == ["heading", "paragraph", "paragraph", "list_item", "list_item"]
    assert document.blocks[1].text.startswith("Namur a présenté sa démarche de chantiers ouverts,")
    assert "(détails)" in document.blocks[1].text and "https" not in document.blocks[1].text
    assert document.metadata["session"] == {"day": 1, "slot": "après-midi"}
