import pytest

from synthesis.errors import NoteRejected
from synthesis.ingest.sniff import check_format, sniff
from synthesis.models import RejectionReason
from tests.conftest import BAD, GOOD


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("healthy-note.docx", "docx"),
        ("connective-note.odt", "odt"),
        ("resilient-note.pdf", "pdf"),
        ("inclusive-note.txt", "text"),
    ],
)
def test_sniff_reads_magic_bytes(name: str, kind: str) -> None:
    assert sniff((GOOD / name).read_bytes()) == kind


@pytest.mark.parametrize(
    ("extension", "name", "reason", "words"),
    [
        (".pdf", "renamed-docx.pdf", RejectionReason.WRONG_EXTENSION, "Word document"),
        (".docx", "text-named.docx", RejectionReason.WRONG_EXTENSION, "plain text"),
        (".docx", "truncated.docx", RejectionReason.CORRUPT, "damaged"),
        (".jpg", "photo.jpg", RejectionReason.UNSUPPORTED_TYPE, "JPEG"),
        (".doc", "legacy.doc", RejectionReason.UNSUPPORTED_TYPE, "legacy Office"),
        (".txt", "renamed-docx.pdf", RejectionReason.WRONG_EXTENSION, "Word document"),
    ],
)
def test_extension_and_content_must_agree(
    extension: str, name: str, reason: RejectionReason, words: str
) -> None:
    with pytest.raises(NoteRejected) as caught:
        check_format(extension, (BAD / name).read_bytes())
    assert caught.value.reason is reason
    assert words in caught.value.message
    assert caught.value.hint


def test_renamed_file_hint_names_the_right_extension() -> None:
    with pytest.raises(NoteRejected) as caught:
        check_format(".pdf", (GOOD / "healthy-note.docx").read_bytes())
    assert ".docx" in caught.value.hint


def test_uppercase_extensions_are_accepted() -> None:
    assert check_format(".PDF", (GOOD / "resilient-note.pdf").read_bytes()) == "pdf"
    assert check_format(".Md", b"# Notes") == "md"
