"""The A4 booklet: every section in both languages, a real contents page, the register table."""

from __future__ import annotations

import dataclasses
import re
from itertools import pairwise
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from synthesis.documents.content import Exhibition
from synthesis.documents.errors import DocumentError
from synthesis.documents.pdf import render_booklet
from synthesis.documents.pdf.markup import both
from tests.documents.conftest import HOSTILE, RARE, commitment
from tests.documents.named import CREDIT, CREDIT_LINES, GERMAN, ORIGINAL, with_names
from tests.documents.pdf_checks import font_problems, has_both, normalise, page_texts


@pytest.fixture(scope="module")
def booklet(small_exhibition: Exhibition, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_booklet(small_exhibition, tmp_path_factory.mktemp("booklet") / "booklet.pdf")


@pytest.fixture(scope="module")
def pages(booklet: Path) -> list[str]:
    return page_texts(booklet)


def test_a4_pages(booklet: Path) -> None:
    reader = PdfReader(booklet)
    assert len(reader.pages) > 5
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.01)


def test_cover_has_title_subtitle_edition_and_presenter(
    small_exhibition: Exhibition, pages: list[str]
) -> None:
    cover = pages[0]
    for pair_ in (small_exhibition.title, small_exhibition.subtitle, small_exhibition.edition):
        assert has_both(cover, pair_)
    assert small_exhibition.author in cover


def test_every_heading_in_both_languages(small_exhibition: Exhibition, pages: list[str]) -> None:
    text = " ".join(pages)
    headings = small_exhibition.headings
    for name in (
        "contents",
        "commitments",
        "recommendations",
        "practices",
        "quotes",
        "concepts",
        "figures",
        "register",
        "cities",
        "shared_themes",
        "method",
    ):
        assert has_both(text, getattr(headings, name)), name
    for pair_ in (*small_exhibition.shared_themes, *small_exhibition.method):
        assert has_both(text, pair_)


@pytest.fixture(scope="module")
def contents(booklet: Path) -> str:
    """The contents page as laid out: the stream order puts each page number before its entry."""
    return normalise(PdfReader(booklet).pages[1].extract_text(extraction_mode="layout"))


def contents_page(contents: str, entry: str) -> int:
    """The page number the contents page gives for an entry."""
    found = re.search(re.escape(entry) + r"[ .]*?(\d+)", contents)
    assert found, entry
    return int(found.group(1))


def workshop_pages(exhibition: Exhibition, pages: list[str], contents: str) -> list[str]:
    """Each workshop's section: from its contents entry to the next entry's page, which it may share
    (a section starts on a new page only when little is left of the last one)."""
    starts = [contents_page(contents, both(w.name)) for w in exhibition.workshops]
    starts.append(contents_page(contents, both(exhibition.headings.register)))
    return [" ".join(pages[start - 1 : end]) for start, end in pairwise(starts)]


def test_each_workshop_section_is_bilingual(
    small_exhibition: Exhibition, pages: list[str], contents: str
) -> None:
    sections = workshop_pages(small_exhibition, pages, contents)
    for workshop, section in zip(small_exhibition.workshops, sections, strict=True):
        for pair_ in (
            workshop.name,
            workshop.scope,
            workshop.recommendations[0],
            workshop.practices[0].text,
            *(fact.label for fact in workshop.facts),
            *(item.text for item in workshop.commitments),
            *(item.text for item in workshop.quotes),
        ):
            assert has_both(section, pair_), pair_
        assert both(workshop.concepts[0].label) in section


def test_contents_page_numbers_point_at_the_sections(
    small_exhibition: Exhibition, pages: list[str], contents: str
) -> None:
    assert has_both(contents, small_exhibition.headings.contents)
    presenter = small_exhibition.author
    for n, workshop in enumerate(small_exhibition.workshops):
        number = contents_page(contents, both(workshop.name))
        heading = f"{workshop.name.left.text} {workshop.name.right.text}"
        assert heading in pages[number - 1]
        if n == 0:  # The footer is drawn first, then the first section's heading in both languages.
            assert pages[number - 1].startswith(f"{presenter} Page {number} {heading}")
    for pair_ in (small_exhibition.headings.register, small_exhibition.headings.method):
        assert has_both(pages[contents_page(contents, both(pair_)) - 1], pair_)


def test_bookmarks_follow_the_sections(small_exhibition: Exhibition, booklet: Path) -> None:
    outline = PdfReader(booklet).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles[0] == both(small_exhibition.headings.workshops)
    assert both(small_exhibition.headings.method) in titles


def test_register_table_has_bilingual_headers_and_both_texts(
    small_exhibition: Exhibition, pages: list[str]
) -> None:
    register = " ".join(page for page in pages if both(small_exhibition.headings.commitment) in page)
    headings = small_exhibition.headings
    for pair_ in (headings.city, headings.commitment, headings.deadline, headings.workshop, headings.source):
        assert both(pair_) in register
    for item in small_exhibition.register:
        assert item.source in register
    assert "« Commitment 7: " in register and "“Commitment 7: " in register


def test_long_register_splits_with_its_header_repeated(small_exhibition: Exhibition, tmp_path: Path) -> None:
    name = small_exhibition.workshops[0].name
    exhibition = dataclasses.replace(small_exhibition, register=tuple(commitment(n, name) for n in range(30)))
    pages = page_texts(render_booklet(exhibition, tmp_path / "long.pdf"))
    with_header = [page for page in pages if both(exhibition.headings.commitment) in page]
    assert len(with_header) >= 3
    assert "notes/w/note-29.md" in " ".join(with_header)


def test_city_index(small_exhibition: Exhibition, pages: list[str]) -> None:
    (index,) = [
        page for page in pages if has_both(page, small_exhibition.headings.cities) and "Be'er" in page
    ]
    for city in small_exhibition.cities:
        assert city.name in index
        assert has_both(index, city.workshops)


def test_footer_has_page_number_and_presenter(small_exhibition: Exhibition, pages: list[str]) -> None:
    assert pages[2].startswith(f"{small_exhibition.author} Page 3 ")


def test_hostile_and_rare_strings_print_literally(pages: list[str]) -> None:
    text = " ".join(pages)
    assert normalise(HOSTILE) in text
    assert normalise(RARE) in text
    assert "&amp;" not in text and "&lt;" not in text


def test_only_embedded_dejavu_fonts(booklet: Path) -> None:
    assert font_problems(booklet) == []


def test_metadata_and_language(small_exhibition: Exhibition, booklet: Path) -> None:
    reader = PdfReader(booklet)
    assert reader.metadata is not None
    assert reader.metadata.title == small_exhibition.document_title()
    assert reader.metadata.author == small_exhibition.author
    assert reader.metadata.subject == both(small_exhibition.edition)
    assert str(reader.root_object["/Lang"]) == "en"


def test_empty_exhibition_says_none_recorded(
    small_exhibition: Exhibition, logo_png: Path, tmp_path: Path
) -> None:
    empty_workshops = tuple(
        dataclasses.replace(
            w, facts=(), concepts=(), commitments=(), recommendations=(), practices=(), quotes=()
        )
        for w in small_exhibition.workshops
    )
    exhibition = dataclasses.replace(
        small_exhibition,
        branding=dataclasses.replace(small_exhibition.branding, logo=logo_png),
        workshops=empty_workshops,
        register=(),
        cities=(),
        shared_themes=(),
        method_facts=(),
    )
    pages = page_texts(render_booklet(exhibition, tmp_path / "empty.pdf"))
    none = normalise(exhibition.headings.none.left.text)
    # 6 sections per workshop, then the register, the city index and the shared themes.
    assert " ".join(pages).count(none) == 6 * len(empty_workshops) + 3
    assert font_problems(tmp_path / "empty.pdf") == []


@pytest.fixture(scope="module")
def named(small_exhibition: Exhibition) -> Exhibition:
    return with_names(small_exhibition)


@pytest.fixture(scope="module")
def named_pages(named: Exhibition, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return page_texts(render_booklet(named, tmp_path_factory.mktemp("named") / "named.pdf"))


def test_cover_and_footers_credit_presenter_and_organiser_in_both_languages(
    named_pages: list[str],
) -> None:
    left, right = CREDIT_LINES
    assert left in named_pages[0] and right in named_pages[0]
    # Drawn first: the left line and the page number, then the right line under them.
    for number, page in enumerate(named_pages[1:], start=2):
        assert page.startswith(f"{left} Page {number} {right} "), number


def test_each_column_names_the_actor_in_its_language(named: Exhibition, named_pages: list[str]) -> None:
    text = " ".join(named_pages)
    initiative = named.workshops[0].practices[0].initiative
    assert f"Montreal · {initiative}" in text and f"Montréal · {initiative}" in text
    assert "Montreal · 31 December 2020" in text and "Montréal · 31 décembre 2020" in text
    assert "Montreal · 31 décembre 2020" not in text and "Montréal · 31 December 2020" not in text


def test_quotes_credit_each_column_and_print_words_outside_the_pair(named_pages: list[str]) -> None:
    text = " ".join(named_pages)
    assert f"— {CREDIT.left.text}" in text and f"— {CREDIT.right.text}" in text
    labels = f"{ORIGINAL.left.marker} / {ORIGINAL.right.marker}"
    assert f"„{GERMAN}“ {labels}" in text


def test_city_index_names_cities_in_both_languages(named: Exhibition, named_pages: list[str]) -> None:
    (index,) = [page for page in named_pages if has_both(page, named.headings.cities) and "Be'er" in page]
    names = named.cities[0].names
    assert names is not None and has_both(index, names)


def test_bad_logo_is_refused_before_writing(small_exhibition: Exhibition, tmp_path: Path) -> None:
    branding = dataclasses.replace(small_exhibition.branding, logo=tmp_path / "nowhere.jpg")
    with pytest.raises(DocumentError, match=r"nowhere\.jpg"):
        render_booklet(dataclasses.replace(small_exhibition, branding=branding), tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()
