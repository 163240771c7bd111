"""The sample summit shipped in inputs/ reads completely, in the right languages."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from synthesis.ingest import IngestResult, ingest_summit
from tests.conftest import FIXTURES, SAMPLE_SUMMIT

TRUTH = yaml.safe_load((FIXTURES / "sample_truth.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample() -> IngestResult:
    return ingest_summit(SAMPLE_SUMMIT)


def test_every_sample_note_is_read(sample: IngestResult) -> None:
    assert sample.rejected == []
    assert len(sample.notes) >= 20
    assert {n.source.removeprefix("notes/") for n in sample.notes} == set(TRUTH)


def test_sample_covers_languages_formats_workshops_and_days(sample: IngestResult) -> None:
    languages = Counter(n.language for n in sample.notes)
    assert min(languages[lang] for lang in ("en", "fr", "de")) >= 4
    assert {n.format for n in sample.notes} == {"txt", "md", "docx", "pdf", "odt"}
    assert set(Counter(n.workshop for n in sample.notes).values()) == {5}
    assert len({n.meta.session.day for n in sample.notes}) == 3


def test_detected_language_is_right_for_every_note(sample: IngestResult) -> None:
    wrong = {
        n.source: (n.detected_language, TRUTH[n.source.removeprefix("notes/")]["language"])
        for n in sample.notes
        if n.detected_language != TRUTH[n.source.removeprefix("notes/")]["language"]
    }
    assert wrong == {}


def test_the_paragraph_in_another_language_is_found(sample: IngestResult) -> None:
    for note in sample.notes:
        other = TRUTH[note.source.removeprefix("notes/")].get("other_language_paragraph")
        odd = {p.language for p in note.paragraphs} - {note.language}
        assert odd == ({other} if other else set()), note.source


def test_every_annotated_sentence_survives_parsing(sample: IngestResult) -> None:
    """Quotes in the truth file come from the sources; PDF/DOCX/ODT reading must not mangle them."""
    missing = []
    for note in sample.notes:
        text = " ".join(note.text.split())
        annotations = TRUTH[note.source.removeprefix("notes/")]
        for kind in ("commitments", "best_practices", "non_commitments"):
            for item in annotations.get(kind) or []:
                if " ".join(item["quote"].split()) not in text:
                    missing.append((note.source, item["quote"]))
    assert missing == []


def test_sample_documents_are_up_to_date_with_their_sources() -> None:
    sources = {p.stem for p in (Path(__file__).parent.parent / "scripts" / "sample_sources").glob("*/*.md")}
    generated = {
        p.stem for p in (SAMPLE_SUMMIT / "notes").glob("*/*") if p.suffix in {".docx", ".pdf", ".odt"}
    }
    assert sources == generated
