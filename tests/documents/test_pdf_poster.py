"""The workshop posters: one page at every size, both languages, literal text, embedded fonts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib import pagesizes

from synthesis.documents.content import Exhibition, WorkshopContent
from synthesis.documents.errors import DocumentError
from synthesis.documents.pdf import POSTER_SIZES, render_poster
from synthesis.documents.pdf.markup import both
from tests.documents.conftest import HOSTILE, RARE, commitment, pair
from tests.documents.pdf_checks import dictionary, font_problems, has_both, normalise, page_texts


@pytest.fixture(scope="module")
def poster(small_exhibition: Exhibition, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("poster") / "communicative.pdf"
    return render_poster(small_exhibition, small_exhibition.workshops[0], path)


@pytest.fixture(scope="module")
def poster_text(poster: Path) -> str:
    (text,) = page_texts(poster)
    return text


@pytest.mark.parametrize("size", POSTER_SIZES)
def test_one_portrait_page_at_every_size(small_exhibition: Exhibition, tmp_path: Path, size: str) -> None:
    path = render_poster(small_exhibition, small_exhibition.workshops[0], tmp_path / "p.pdf", size=size)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(getattr(pagesizes, size), abs=0.01)


def test_long_content_is_shrunk_onto_one_page(small_exhibition: Exhibition, tmp_path: Path) -> None:
    workshop = small_exhibition.workshops[0]
    long = pair(f"{HOSTILE} " * 25, f"{HOSTILE} " * 25, verbatim=True)
    key = tuple(dataclasses.replace(commitment(n, workshop.name), text=long) for n in range(6))
    crowded = dataclasses.replace(workshop, key_commitments=key, practices=workshop.practices * 8)
    path = render_poster(small_exhibition, crowded, tmp_path / "long.pdf", size="A3")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    # The last section and the footer are still there, nothing ran off the page.
    text = normalise(reader.pages[0].extract_text())
    assert has_both(text, small_exhibition.headings.practices)
    assert has_both(text, small_exhibition.headings.scan)


def test_every_section_is_there_in_both_languages(small_exhibition: Exhibition, poster_text: str) -> None:
    headings = small_exhibition.headings
    workshop = small_exhibition.workshops[0]
    for pair_ in (
        workshop.name,
        workshop.scope,
        headings.figures,
        headings.concepts,
        headings.key_commitments,
        headings.quotes,
        headings.practices,
        headings.scan,
        small_exhibition.subtitle,
        small_exhibition.edition,
        workshop.practices[0].text,
    ):
        assert has_both(poster_text, pair_), pair_
    assert small_exhibition.author in poster_text
    assert both(workshop.concepts[0].label) in poster_text  # chart labels carry both languages
    for item in workshop.key_commitments:
        assert normalise(item.deadline.left.text) in poster_text
        assert normalise(item.deadline.right.text) in poster_text
    assert "Claire Tremblay, Montréal" in poster_text


def test_poster_shows_the_first_three_quotes_only(small_exhibition: Exhibition, tmp_path: Path) -> None:
    workshop = small_exhibition.workshops[1]
    quotes = tuple(
        dataclasses.replace(workshop.quotes[1], attribution=f"Speaker {n}, Dakar") for n in range(1, 5)
    )
    path = render_poster(small_exhibition, dataclasses.replace(workshop, quotes=quotes), tmp_path / "q.pdf")
    (text,) = page_texts(path)
    assert "Speaker 3, Dakar" in text and "Speaker 4, Dakar" not in text


def test_hostile_and_rare_strings_print_literally(poster_text: str) -> None:
    assert normalise(HOSTILE) in poster_text
    assert normalise(RARE) in poster_text


def test_only_embedded_dejavu_fonts(poster: Path) -> None:
    assert font_problems(poster) == []


def test_metadata_and_language(small_exhibition: Exhibition, poster: Path) -> None:
    reader = PdfReader(poster)
    workshop = small_exhibition.workshops[0]
    assert reader.metadata is not None
    assert reader.metadata.title == small_exhibition.document_title(both(workshop.name))
    assert reader.metadata.author == small_exhibition.author
    assert reader.metadata.subject == both(workshop.scope)
    assert str(reader.root_object["/Lang"]) == "en"


def test_same_input_same_bytes(small_exhibition: Exhibition, poster: Path, tmp_path: Path) -> None:
    again = render_poster(small_exhibition, small_exhibition.workshops[0], tmp_path / "again.pdf")
    assert again.read_bytes() == poster.read_bytes()


def test_logo_and_accent_colour_are_drawn(
    small_exhibition: Exhibition, logo_png: Path, tmp_path: Path
) -> None:
    branding = dataclasses.replace(small_exhibition.branding, logo=logo_png, accent="#A0522D")
    exhibition = dataclasses.replace(small_exhibition, branding=branding)
    path = render_poster(exhibition, exhibition.workshops[1], tmp_path / "logo.pdf", size="A3")
    page = PdfReader(path).pages[0]
    images = [dictionary(x) for x in dictionary(dictionary(page["/Resources"])["/XObject"]).values()]
    assert any(str(image["/Subtype"]) == "/Image" for image in images)
    contents = page.get_contents()
    assert contents is not None
    assert b".627451 .321569 .176471 rg" in contents.get_data()  # the band's fill


def test_no_url_no_qr_code(small_exhibition: Exhibition, tmp_path: Path) -> None:
    workshop: WorkshopContent = dataclasses.replace(small_exhibition.workshops[1], url=None)
    (text,) = page_texts(render_poster(small_exhibition, workshop, tmp_path / "no-qr.pdf"))
    assert small_exhibition.headings.scan.left.text not in text


def test_empty_sections_say_none_recorded(small_exhibition: Exhibition, tmp_path: Path) -> None:
    empty = dataclasses.replace(
        small_exhibition.workshops[1], facts=(), concepts=(), key_commitments=(), practices=(), quotes=()
    )
    (text,) = page_texts(render_poster(small_exhibition, empty, tmp_path / "empty.pdf"))
    assert text.count(normalise(small_exhibition.headings.none.left.text)) == 5
    assert text.count(normalise(small_exhibition.headings.none.right.text)) == 5


def test_unknown_size_is_refused(small_exhibition: Exhibition, tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="'B2'") as raised:
        render_poster(small_exhibition, small_exhibition.workshops[0], tmp_path / "b2.pdf", size="B2")
    assert "A0" in raised.value.hint
    assert not (tmp_path / "b2.pdf").exists()


@pytest.mark.parametrize("accent", ["blue", "#12345", "#GGGGGG", ""])
def test_invalid_accent_colour_is_refused(small_exhibition: Exhibition, tmp_path: Path, accent: str) -> None:
    branding = dataclasses.replace(small_exhibition.branding, accent=accent)
    exhibition = dataclasses.replace(small_exhibition, branding=branding)
    with pytest.raises(DocumentError, match=f"accent colour '{accent}'") as raised:
        render_poster(exhibition, exhibition.workshops[0], tmp_path / "colour.pdf")
    assert "#1F5C99" in raised.value.hint
    assert not (tmp_path / "colour.pdf").exists()


def test_missing_or_unreadable_logo_is_refused(small_exhibition: Exhibition, tmp_path: Path) -> None:
    garbage = tmp_path / "logo.png"
    garbage.write_bytes(b"not an image at all")
    for logo in (tmp_path / "missing.png", garbage):
        branding = dataclasses.replace(small_exhibition.branding, logo=logo)
        exhibition = dataclasses.replace(small_exhibition, branding=branding)
        with pytest.raises(DocumentError, match=logo.name) as raised:
            render_poster(exhibition, exhibition.workshops[0], tmp_path / "logo.pdf")
        assert "PNG or JPEG" in raised.value.hint
    assert not (tmp_path / "logo.pdf").exists()
