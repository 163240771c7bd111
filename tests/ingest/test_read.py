import unicodedata
from pathlib import Path

from synthesis.ingest import IngestLimits, read_note
from synthesis.summit import SummitConfig
from tests.conftest import GOOD, AddNote, write_note


def test_note_has_offsets_languages_metadata_and_a_content_id(
    summit_dir: Path, add_note: AddNote, summit: SummitConfig
) -> None:
    path = add_note(GOOD / "resilient-note.pdf", "resilient")
    note = read_note(path, summit_dir=summit_dir, summit=summit, limits=IngestLimits())
    assert note.source == "notes/resilient/resilient-note.pdf"
    assert note.format == "pdf"
    assert (note.language, note.detected_language, note.meta.language) == ("fr", "fr", None)
    # Metadata merged from the PDF's info dictionary and its sidecar.
    assert note.meta.rapporteur == "Jean Martin"
    assert str(note.meta.session) == "2019-09-01 morning"
    for paragraph in note.paragraphs:
        text = paragraph.text_in(note)
        assert text == text.strip() and text
    assert note.paragraphs[0].kind == "heading"
    assert note.text[note.paragraphs[0].start : note.paragraphs[0].end] == "Sécurité urbaine et prévention"
    assert note.words > 400
    again = read_note(path, summit_dir=summit_dir, summit=summit, limits=IngestLimits())
    assert again.id == note.id and len(note.id) == 16


def test_text_is_nfc_and_invisible_characters_go(summit_dir: Path, summit: SummitConfig) -> None:
    decomposed = unicodedata.normalize("NFD", "Genève et Zürich")
    path = write_note(
        summit_dir / "notes" / "healthy",
        "nfd.md",
        f"{decomposed} par\u00adtagent\u200b des données.",
    )
    note = read_note(path, summit_dir=summit_dir, summit=summit, limits=IngestLimits())
    assert note.text == "Genève et Zürich partagent des données."
    assert unicodedata.is_normalized("NFC", note.text)


def test_no_break_spaces_of_french_typography_are_kept(summit_dir: Path, summit: SummitConfig) -> None:
    path = write_note(summit_dir / "notes" / "healthy", "nbsp.md", "Question\u202f: qui paie\u00a0?")
    note = read_note(path, summit_dir=summit_dir, summit=summit, limits=IngestLimits())
    assert note.text == "Question\u202f: qui paie\u00a0?"


def test_list_items_sit_one_per_line_and_paragraphs_apart(summit_dir: Path, summit: SummitConfig) -> None:
    path = write_note(summit_dir / "notes" / "healthy", "l.md", "# Title\n\nIntro.\n- one\n- two\n\nEnd.")
    note = read_note(path, summit_dir=summit_dir, summit=summit, limits=IngestLimits())
    assert note.text == "Title\n\nIntro.\n\none\ntwo\n\nEnd."
    assert [p.kind for p in note.paragraphs] == [
        "heading",
        "paragraph",
        "list_item",
        "list_item",
        "paragraph",
    ]
    assert note.meta.title == "Title"  # no title field: the first heading


def test_long_note_in_another_language_than_declared_is_routed_by_its_text(
    summit_dir: Path, summit: SummitConfig
) -> None:
    body = (
        "Die Stadt Düsseldorf wird bis Ende 2020 fünf neue Begegnungsstätten eröffnen. "
        "Genf stellte sein Frühwarnsystem für Hitzewellen vor, das ältere Menschen anruft. "
        "Offen blieb die Frage, wer die Wartung der Plattform nach dem ersten Jahr bezahlt."
    )
    path = write_note(summit_dir / "notes" / "healthy", "de.md", body, language="en")
    note = read_note(path, summit_dir=summit_dir, summit=summit, limits=IngestLimits())
    assert (note.meta.language, note.language) == ("en", "de")
    assert note.warnings == ("declared language 'en' but the text is 'de'",)


def test_mixed_note_keeps_its_main_language_and_tags_the_odd_paragraph(
    summit_dir: Path, summit: SummitConfig
) -> None:
    body = (
        "La séance a porté sur la prévention et la sécurité dans les espaces publics.\n\n"
        "Montréal a présenté son centre de prévention, qui accompagne les familles.\n\n"
        "The mayor of Halifax said the city would publish its action plan by March 2020."
    )
    path = write_note(summit_dir / "notes" / "healthy", "mixed.md", body)
    note = read_note(path, summit_dir=summit_dir, summit=summit, limits=IngestLimits())
    assert note.language == "fr"
    assert [p.language for p in note.paragraphs] == ["fr", "fr", "en"]
