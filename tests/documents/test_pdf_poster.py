"""The workshop posters: one page at every size, both languages, literal text, embedded fonts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextLine
from pypdf import PdfReader
from reportlab.lib import pagesizes

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import Exhibition, Pair, QuoteItem, Text, WorkshopContent
from synthesis.documents.errors import DocumentError
from synthesis.documents.pdf import POSTER_SIZES, render_poster
from synthesis.documents.pdf.markup import both
from synthesis.documents.pdf.poster import render_poster_fitted
from synthesis.documents.pdf.poster_frame import qr_side
from synthesis.documents.pdf.styles import poster_sheet
from synthesis.documents.selection import rules
from synthesis.documents.translation import translate_free_text
from synthesis.models import Language, SummitSynthesis
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.memory import TranslationMemory
from tests.documents.conftest import HOSTILE, RARE, commitment, pair
from tests.documents.pdf_checks import dictionary, font_problems, has_both, normalise, page_texts

MEMORY = Path(__file__).parents[2] / "inputs" / "dusseldorf-2019" / "translations"
PAIRS: list[tuple[Language, Language]] = [("en", "fr"), ("de", "en"), ("fr", "de")]


@pytest.fixture(scope="module")
def chosen(small_exhibition: Exhibition) -> Exhibition:
    """The hand-made exhibition with its poster items chosen, as build.py would, and the names
    build.py gives in each column's language."""
    workshops = tuple(
        dataclasses.replace(
            w,
            key_commitments=tuple(
                dataclasses.replace(c, actor=pair(c.city, f"{c.city} (fr)")) for c in w.key_commitments[:4]
            ),
            poster_quotes=(
                dataclasses.replace(
                    w.quotes[0], credit=pair("Claire Tremblay, Montreal", "Claire Tremblay, Montréal")
                ),
                _german_quote(w.quotes[1]),
            ),
            poster_practices=tuple(
                dataclasses.replace(p, actor=pair("Montreal", "Montréal")) for p in w.practices
            ),
            headline=pair("8 commitments from 2 cities", "8 engagements pris par 2 villes"),
            chart_caption=pair("Mentions in the notes", "Nombre de mentions dans les notes"),
            booklet_pointer=pair("booklet", "livret"),
        )
        for w in small_exhibition.workshops
    )
    return dataclasses.replace(
        small_exhibition,
        workshops=workshops,
        organiser=pair("International Observatory of Mayors", "Observatoire international des maires"),
        presenter=pair("Cologne", "Cologne"),
    )


def _german_quote(quote: QuoteItem) -> QuoteItem:
    """A quote written in German, outside the pair: both columns translate it."""
    words = "Wir hören zuerst zu."
    return dataclasses.replace(
        quote,
        text=Pair(
            Text("We listen first.", "en", marker="translated from German"),
            Text("Nous écoutons d’abord.", "fr", marker="traduit de l’allemand"),
        ),
        original=Pair(
            Text(words, "de", marker="original in German", verbatim=True),
            Text(words, "de", marker="original en allemand", verbatim=True),
        ),
        credit=pair("Awa Diop, Cologne", "Awa Diop, Cologne"),
    )


@pytest.fixture(scope="module")
def poster(chosen: Exhibition, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("poster") / "communicative.pdf"
    return render_poster(chosen, chosen.workshops[0], path)


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
    crowded = dataclasses.replace(workshop, key_commitments=key, poster_practices=workshop.practices * 8)
    path = render_poster(small_exhibition, crowded, tmp_path / "long.pdf", size="A3")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    # The last section and the footer are still there, nothing ran off the page.
    text = normalise(reader.pages[0].extract_text())
    assert has_both(text, small_exhibition.headings.practices)
    assert has_both(text, small_exhibition.headings.scan)


def test_every_section_is_there_in_both_languages(chosen: Exhibition, poster_text: str) -> None:
    small_exhibition = chosen
    headings = small_exhibition.headings
    workshop = small_exhibition.workshops[0]
    for pair_ in (
        workshop.name,
        workshop.scope,
        workshop.headline,
        workshop.chart_caption,
        headings.concepts,
        headings.key_commitments,
        headings.quotes,
        headings.practices,
        headings.scan,
        small_exhibition.subtitle,
        small_exhibition.edition,
        workshop.practices[0].text,
    ):
        assert pair_ is not None and has_both(poster_text, pair_), pair_
    assert both(workshop.concepts[0].label) in poster_text  # chart labels carry both languages
    for item in workshop.key_commitments:
        assert normalise(item.deadline.left.text) in poster_text
        assert normalise(item.deadline.right.text) in poster_text


def test_each_column_names_in_its_language(chosen: Exhibition, poster_text: str) -> None:
    assert "Claire Tremblay, Montreal" in poster_text and "Claire Tremblay, Montréal" in poster_text
    assert "İzmir (fr)" in poster_text and "Be'er Sheva (fr)" in poster_text  # commitments' actors
    assert "Montreal · Quartiers en dialogue" in poster_text
    assert "Montréal · Quartiers en dialogue" in poster_text


def test_band_and_footer_name_presenter_and_organiser_in_both_languages(poster_text: str) -> None:
    for line in (
        "Cologne · International Observatory of Mayors",
        "Cologne · Observatoire international des maires",
    ):
        assert poster_text.count(line) == 2, line  # the band and the footer


def test_without_organiser_the_author_is_named(small_exhibition: Exhibition, tmp_path: Path) -> None:
    (text,) = page_texts(render_poster(small_exhibition, small_exhibition.workshops[0], tmp_path / "a.pdf"))
    assert text.count(small_exhibition.author) == 2


def test_a_quote_outside_the_pair_prints_its_words_as_written(poster: Path, poster_text: str) -> None:
    assert "„Wir hören zuerst zu.“ (original in German / original en allemand)" in poster_text
    assert "We listen first. (translated from German)" in poster_text
    assert "Nous écoutons d’abord. (traduit de l’allemand)" in poster_text
    # The markers are labels, smaller than the quote but not under 60 % of the body size.
    sheet = poster_sheet("A1")
    marker = [
        size
        for line in _lines(poster)
        if "translated from German" in line.get_text()
        for size in _sizes(line)
    ]
    assert min(marker) >= 0.6 * sheet["body"].fontSize and min(marker) < sheet["quote"].fontSize


def test_items_are_dropped_to_the_minimums_before_text_is_shrunk(
    small_exhibition: Exhibition, tmp_path: Path
) -> None:
    rule = rules()
    workshop = small_exhibition.workshops[0]
    long = pair(f"{HOSTILE} " * 12, f"{HOSTILE} " * 12, verbatim=True)
    key = tuple(dataclasses.replace(commitment(n, workshop.name), text=long) for n in range(5))
    crowded = dataclasses.replace(
        workshop, key_commitments=key, poster_quotes=workshop.quotes, poster_practices=workshop.practices * 4
    )
    fitted = render_poster_fitted(small_exhibition, crowded, tmp_path / "crowded.pdf")
    floors = (rule.commitments.min, rule.quotes.min, rule.practices.min, rule.chart.min)
    shown = fitted.shown
    assert (shown.commitments, shown.quotes, shown.practices, shown.chart) == floors
    assert fitted.scale > 1  # shrunk only now
    few = dataclasses.replace(crowded, key_commitments=key[:1], poster_practices=workshop.practices)
    fitted = render_poster_fitted(small_exhibition, few, tmp_path / "few.pdf")
    assert fitted.scale == 1 and (fitted.shown.commitments, fitted.shown.quotes) == (1, 2)


def test_poster_shows_the_chosen_quotes_only(small_exhibition: Exhibition, tmp_path: Path) -> None:
    workshop = small_exhibition.workshops[1]
    quotes = tuple(
        dataclasses.replace(workshop.quotes[1], attribution=f"Speaker {n}, Dakar") for n in range(1, 5)
    )
    chosen = dataclasses.replace(workshop, quotes=quotes, poster_quotes=quotes[1:3])
    (text,) = page_texts(render_poster(small_exhibition, chosen, tmp_path / "q.pdf"))
    assert "Speaker 2, Dakar" in text and "Speaker 3, Dakar" in text
    assert "Speaker 1, Dakar" not in text and "Speaker 4, Dakar" not in text


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


def test_same_input_same_bytes(chosen: Exhibition, poster: Path, tmp_path: Path) -> None:
    again = render_poster(chosen, chosen.workshops[0], tmp_path / "again.pdf")
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
    # Commitments, quotes, practices and the chart.
    assert text.count(normalise(small_exhibition.headings.none.left.text)) == 4
    assert text.count(normalise(small_exhibition.headings.none.right.text)) == 4


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


# Posters for a wall --------------------------------------------------------------------------


def _lines(path: Path) -> list[LTTextLine]:
    """Every text line of the poster's page, as pdfminer lays it out."""
    (page,) = extract_pages(str(path))
    found: list[LTTextLine] = []

    def walk(item: object) -> None:
        if isinstance(item, LTTextLine):
            found.append(item)
        elif hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    walk(page)
    return found


def _starts(text: str, line: LTTextLine) -> bool:
    start = normalise(line.get_text())
    return bool(start) and text.startswith(start)


def _sizes(line: LTTextLine) -> list[float]:
    return [char.size for char in line if isinstance(char, LTChar) and char.get_text().strip()]


@pytest.fixture(scope="module", params=PAIRS, ids="-".join)
def sample_exhibition(sample_synthesis: SummitSynthesis, request: pytest.FixtureRequest) -> Exhibition:
    """The sample in a pair, translated with the summit's translation memory (as test_golden.py)."""
    languages: tuple[Language, Language] = request.param
    texts = translate_free_text(
        sample_synthesis, languages, TranslatorChain([TranslationMemory.load(MEMORY)])
    )
    return build_exhibition(sample_synthesis, languages=languages, texts=texts)


@pytest.fixture(scope="module")
def sample_poster(
    sample_exhibition: Exhibition, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Exhibition, Path]:
    exhibition = sample_exhibition
    workshop = dataclasses.replace(
        exhibition.workshops[0], url="https://example.org/dusseldorf-2019/communicative"
    )
    path = render_poster(exhibition, workshop, tmp_path_factory.mktemp("sample") / "poster.pdf", size="A1")
    return exhibition, path


def test_a1_text_is_sized_for_a_wall(sample_poster: tuple[Exhibition, Path]) -> None:
    exhibition, path = sample_poster
    lines = _lines(path)
    sizes = [size for line in lines for size in _sizes(line)]
    assert min(sizes) >= 24 - 0.01  # body, labels, markers, footer: nothing smaller
    name = normalise(exhibition.workshops[0].name.left.text)
    assert min(s for line in lines if normalise(line.get_text()) == name for s in _sizes(line)) >= 96 - 0.01
    headings = exhibition.headings
    for heading in (headings.key_commitments, headings.quotes, headings.practices, headings.concepts):
        # A long heading ("Stimmen aus den Workshops") wraps: its first line starts it.
        heading_lines = [line for line in lines if _starts(normalise(heading.left.text), line)]
        assert heading_lines, heading
        assert min(s for line in heading_lines for s in _sizes(line)) >= 48 - 0.01


def test_at_most_450_words_per_language_column(sample_poster: tuple[Exhibition, Path]) -> None:
    _, path = sample_poster
    middle = float(pagesizes.A1[0]) / 2
    # A line belongs to the column it starts in: the right language's column starts past the middle.
    left = sum(len(line.get_text().split()) for line in _lines(path) if line.x0 < middle)
    right = sum(len(line.get_text().split()) for line in _lines(path) if line.x0 >= middle)
    assert 100 < left <= 450 and 100 < right <= 450, (left, right)


def test_every_sample_poster_keeps_its_text_size(sample_exhibition: Exhibition, tmp_path: Path) -> None:
    """Items are dropped or shortened to fit, never the text shrunk, on each sample workshop."""
    for workshop in sample_exhibition.workshops:
        fitted = render_poster_fitted(sample_exhibition, workshop, tmp_path / f"{workshop.id}.pdf")
        assert fitted.scale == 1.0, (workshop.id, fitted.shown)
        assert fitted.shown.quotes >= 1 and fitted.shown.commitments >= 3, (workshop.id, fitted.shown)


def test_qr_code_is_at_least_3_cm_with_its_address(sample_poster: tuple[Exhibition, Path]) -> None:
    _, path = sample_poster
    (text,) = page_texts(path)
    assert "example.org/dusseldorf-2019/communicative" in text
    for size in POSTER_SIZES:
        assert qr_side(poster_sheet(size)) >= 30 * 72 / 25.4 - 0.01, size


def test_markers_are_at_least_60_percent_of_the_body() -> None:
    for size in POSTER_SIZES:
        sheet = poster_sheet(size)
        assert sheet["marker"].fontSize >= 0.6 * sheet["body"].fontSize, size
