import pytest

from synthesis.errors import NoteRejected
from synthesis.ingest.pdf import read_pdf
from synthesis.models import RejectionReason
from tests.conftest import BAD, GOOD


@pytest.fixture(scope="module")
def blocks() -> list[tuple[str, str]]:
    document = read_pdf((GOOD / "resilient-note.pdf").read_bytes())
    return [(b.kind, b.text) for b in document.blocks]


def test_running_header_and_page_numbers_are_dropped(blocks: list[tuple[str, str]]) -> None:
    text = "\n".join(t for _, t in blocks)
    assert "Mayors Summit" not in text  # the running header, on both pages
    assert "Page 1" not in text and "Page 2" not in text
    assert blocks[0] == ("heading", "Sécurité urbaine et prévention")


def test_words_hyphenated_at_line_ends_are_mended(blocks: list[tuple[str, str]]) -> None:
    text = " ".join(t for _, t in blocks)
    # The fixture breaks these words across lines ("viole-" / "nce", "soci-" / "aux").
    for word in ("violence", "sociaux", "habitantes", "souterrains"):
        assert f" {word}" in text
    assert "-\n" not in text and "viole-" not in text


def test_bullets_and_wrapped_lines(blocks: list[tuple[str, str]]) -> None:
    assert (
        "list_item",
        "Dakar prévoit de créer un observatoire municipal de la tranquillité publique.",
    ) in blocks
    # Its last word wrapped onto a line that layout analysis boxed on its own.
    question = "Question ouverte : comment mesurer le sentiment de sécurité des femmes"
    assert ("list_item", f"{question} dans les transports ?") in blocks


def test_pdf_info_is_metadata() -> None:
    document = read_pdf((GOOD / "resilient-note.pdf").read_bytes())
    # reportlab writes "unspecified" into empty fields; that is not a session.
    assert document.metadata == {
        "title": "Sécurité urbaine et prévention",
        "rapporteur": "Jean Martin",
    }


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("scanned.pdf", RejectionReason.SCANNED_PDF),
        ("protected.pdf", RejectionReason.PROTECTED),
    ],
)
def test_unusable_pdfs(name: str, reason: RejectionReason) -> None:
    with pytest.raises(NoteRejected) as caught:
        read_pdf((BAD / name).read_bytes())
    assert caught.value.reason is reason
