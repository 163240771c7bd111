from synthesis.ingest.containers import ZipLimits
from synthesis.ingest.docx import read_docx
from tests.conftest import GOOD


def test_docx_paragraphs_lists_and_tables_in_order() -> None:
    document = read_docx((GOOD / "healthy-note.docx").read_bytes(), limits=ZipLimits())
    kinds = [b.kind for b in document.blocks]
    assert kinds == [
        "heading", "paragraph", "heading", "list_item", "list_item", "list_item",
        "table_row", "table_row", "table_row", "paragraph",
    ]  # fmt: skip
    texts = [b.text for b in document.blocks]
    assert "Lyon will plant 3,000 street trees in the densest districts by the end of 2020." in texts
    assert "Lyon | open two cool rooms for elderly residents | summer 2020" in texts


def test_docx_core_properties_become_metadata() -> None:
    document = read_docx((GOOD / "healthy-note.docx").read_bytes(), limits=ZipLimits())
    assert document.metadata == {
        "title": "Clean air and shaded streets",
        "rapporteur": "Claire Dubois",
        "workshop": "healthy",
        "session": "2019-08-31 afternoon",
        "language": "en",
        "city": "Lyon",
    }
