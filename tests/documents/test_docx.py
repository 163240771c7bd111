"""The editable DOCX booklet, read back with python-docx."""

from __future__ import annotations

import dataclasses
import importlib.util
import itertools
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import Exhibition, Pair, Text
from synthesis.documents.docx import STYLES, TEMPLATE, back_matter, render_booklet_docx
from synthesis.documents.docx.ooxml import set_column_widths
from synthesis.documents.docx.styles import (
    CHARACTER_STYLES,
    FONT,
    HEADING_1,
    PARAGRAPH_STYLES,
    TABLE_STYLES,
)
from synthesis.documents.errors import DocumentError
from synthesis.documents.translation import translate_free_text
from synthesis.models import SummitSynthesis
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.memory import TranslationMemory
from tests.documents.conftest import HOSTILE, RARE
from tests.documents.named import CREDIT, CREDIT_LINES, GERMAN, ORIGINAL, with_names

ROOT = Path(__file__).resolve().parents[2]
MEMORY = ROOT / "inputs" / "dusseldorf-2019" / "translations"
W_VAL = qn("w:val")


# -- reading the booklet back ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def booklet(small_exhibition: Exhibition, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_booklet_docx(small_exhibition, tmp_path_factory.mktemp("docx") / "booklet.docx")


@pytest.fixture(scope="module")
def document(booklet: Path) -> Any:
    return docx.Document(str(booklet))


def block_text(block: Any) -> str:
    """A paragraph's text, or a table's cells' texts, one line each."""
    if hasattr(block, "rows"):
        return "\n".join(p.text for row in block.rows for cell in row.cells for p in cell.paragraphs)
    return str(block.text)


def sections(document: Any) -> dict[str, str]:
    """The booklet's text, split at each level-1 heading and keyed by it ("cover" before the first)."""
    found: dict[str, list[str]] = {"cover": []}
    current = found["cover"]
    for block in document.iter_inner_content():
        if not hasattr(block, "rows") and block.style.name == HEADING_1:
            current = found.setdefault(block.text, [])
        else:
            current.append(block_text(block))
    return {heading: "\n".join(texts) for heading, texts in found.items()}


def heading(pair: Pair) -> str:
    return f"{pair.left.text} / {pair.right.text}" if pair.left.text != pair.right.text else pair.left.text


def tables_after(document: Any, heading_text: str) -> list[Any]:
    """The tables between the level-1 heading reading `heading_text` and the next one."""
    tables, inside = [], False
    for block in document.iter_inner_content():
        if not hasattr(block, "rows") and block.style.name == HEADING_1:
            inside = block.text == heading_text
        elif inside and hasattr(block, "rows"):
            tables.append(block)
    return tables


def all_paragraphs(document: Any) -> Iterator[Any]:
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        else:
            yield block


def printed(text: str) -> str:
    """What the booklet writes for `text`: U+202F as U+00A0 (see `wide_no_break_spaces`)."""
    return text.replace("\u202f", "\u00a0")


def texts_of(pair: Pair) -> tuple[str, str]:
    return printed(pair.left.text), printed(pair.right.text)


# -- content -----------------------------------------------------------------------------------------


def test_cover_has_both_titles_subtitles_edition_and_presenter(
    document: Any, small_exhibition: Exhibition
) -> None:
    cover = sections(document)["cover"]
    ex = small_exhibition
    for pair in (ex.title, ex.subtitle, ex.edition):
        for text in texts_of(pair):
            assert text in cover
    assert ex.author in cover


def contents_paragraphs(document: Any) -> list[Any]:
    """The paragraphs between the contents heading and the next level-1 heading."""
    blocks = list(document.iter_inner_content())
    start = next(n for n, b in enumerate(blocks) if not hasattr(b, "rows") and b.style.name == HEADING_1)
    found = []
    for block in blocks[start + 1 :]:
        if hasattr(block, "rows") or block.style.name == HEADING_1:
            break
        found.append(block)
    return found


def test_contents_has_real_entries_inside_a_toc_field(document: Any, small_exhibition: Exhibition) -> None:
    """Read right after opening, no field update: every level-1 heading after the contents is an
    entry, and the entries are the TOC field's result, so Word can update them."""
    h = small_exhibition.headings
    entries = contents_paragraphs(document)
    later_headings = [
        p.text for p in document.paragraphs if p.style.name == HEADING_1 and p.text != heading(h.contents)
    ]
    assert [p.text for p in entries] == later_headings
    for workshop in small_exhibition.workshops:
        assert heading(workshop.name) in later_headings
    assert heading(h.register) in later_headings
    # begin, instruction, separate in the first entry's paragraph; end in the last one.
    first, last = entries[0]._p, entries[-1]._p
    kinds = [c.get(qn("w:fldCharType")) for c in first.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate"]
    (instruction,) = [el.text for el in first.iter(qn("w:instrText"))]
    assert instruction.strip().startswith("TOC \\o")
    assert [c.get(qn("w:fldCharType")) for c in last.iter(qn("w:fldChar"))] == ["end"]


def test_each_workshop_section_shows_both_languages(document: Any, small_exhibition: Exhibition) -> None:
    h = small_exhibition.headings
    found = sections(document)
    for workshop in small_exhibition.workshops:
        text = found[heading(workshop.name)]
        pairs: list[Pair] = [workshop.scope, h.figures, h.concepts, h.commitments, h.recommendations]
        pairs += [h.practices, h.quotes, *workshop.recommendations]
        pairs += [p for fact in workshop.facts for p in (fact.label, fact.value)]
        pairs += [concept.label for concept in workshop.concepts]
        pairs += [c.text for c in workshop.commitments] + [c.deadline for c in workshop.commitments]
        pairs += [p.text for p in workshop.practices] + [q.text for q in workshop.quotes]
        for pair in pairs:
            for string in texts_of(pair):
                assert string in text, (workshop.id, string)
        for quote in workshop.quotes:
            assert quote.attribution in text and quote.source in text
        for practice in workshop.practices:
            assert practice.initiative in text and practice.city in text


def test_markers_are_printed_in_the_marker_style(document: Any) -> None:
    markers = {p.text for p in all_paragraphs(document) if p.style.name == "Summit Marker"}
    assert markers == {"original : EN", "machine translation (test)"}


def test_verbatim_text_runs_use_the_verbatim_style(document: Any) -> None:
    verbatim = [r.text for p in all_paragraphs(document) for r in p.runs if r.style.name == "Summit Verbatim"]
    assert printed(RARE) in verbatim and "Nous écoutons d’abord." in verbatim
    assert "Cities should listen." in verbatim


def test_register_is_a_table_with_a_repeating_bilingual_header_and_a_row_per_commitment(
    document: Any, small_exhibition: Exhibition
) -> None:
    h = small_exhibition.headings
    (table,) = tables_after(document, heading(h.register))
    assert len(table.rows) == 1 + len(small_exhibition.register)
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == [
        heading(p) for p in (h.city, h.commitment, h.deadline, h.workshop, h.source)
    ]
    assert header.cells[0].text == "City / Ville"
    for row, item in zip(table.rows[1:], small_exhibition.register, strict=True):
        city, commitment, deadline, workshop, source = (c.text for c in row.cells)
        assert city == item.city and source == item.source
        # Left language, then right language, in the one cell.
        left_at = commitment.index(item.text.left.text)
        assert commitment.index(item.text.right.text, left_at + len(item.text.left.text)) > left_at
        assert deadline.split("\n") == list(texts_of(item.deadline))
        assert workshop.split("\n") == list(texts_of(item.workshop))


def test_city_index_table_and_back_matter(document: Any, small_exhibition: Exhibition) -> None:
    h = small_exhibition.headings
    (table,) = tables_after(document, heading(h.cities))
    assert len(table.rows) == 1 + len(small_exhibition.cities)
    assert table.rows[0].cells[0].text == heading(h.city)
    for row, city in zip(table.rows[1:], small_exhibition.cities, strict=True):
        assert row.cells[0].text == city.name
        assert row.cells[1].text.split("\n") == list(texts_of(city.workshops))
        assert [row.cells[2].text, row.cells[3].text] == [str(city.commitments), str(city.practices)]
    found = sections(document)
    for theme in small_exhibition.shared_themes:
        assert set(texts_of(theme)) <= set(found[heading(h.shared_themes)].split("\n"))
    method = found[heading(h.method)]
    for pair in [*small_exhibition.method, *(f.label for f in small_exhibition.method_facts)]:
        for string in texts_of(pair):
            assert string in method


def test_parallel_tables_put_each_language_in_its_own_column(document: Any) -> None:
    checked = 0
    for table in document.tables:
        if len(table.columns) != 2:
            continue
        for row in table.rows:
            for cell, wanted in zip(row.cells, ("en-GB", "fr-FR"), strict=True):
                for lang in cell._tc.iter(qn("w:lang")):
                    assert lang.get(W_VAL) == wanted
                    checked += 1
    assert checked > 50


def test_no_two_tables_touch_and_the_body_ends_with_a_paragraph(document: Any) -> None:
    # Word joins touching tables into one, and wants a paragraph after the last table.
    tags = [child.tag for child in document.element.body if child.tag != qn("w:sectPr")]
    assert (qn("w:tbl"), qn("w:tbl")) not in set(itertools.pairwise(tags))
    assert tags[-1] == qn("w:p")


@pytest.fixture(scope="module")
def named(small_exhibition: Exhibition, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The booklet of the small exhibition with names that differ between its languages."""
    path = tmp_path_factory.mktemp("named") / "named.docx"
    return docx.Document(str(render_booklet_docx(with_names(small_exhibition), path)))


def test_cover_and_footer_credit_presenter_and_organiser_in_both_languages(named: Any) -> None:
    cover = sections(named)["cover"].split("\n")
    assert list(CREDIT_LINES) == cover[-2:]
    footer = [p.text for p in named.sections[0].footer.paragraphs]
    assert footer[1:] == list(CREDIT_LINES)


def column_texts(document: Any) -> tuple[str, str]:
    """Everything the two-column tables print, left column and right column."""
    columns: tuple[list[str], list[str]] = ([], [])
    for table in document.tables:
        if len(table.columns) == 2:
            for row in table.rows:
                for texts, cell in zip(columns, row.cells, strict=True):
                    texts.append(cell.text)
    return "\n".join(columns[0]), "\n".join(columns[1])


def test_each_column_names_actors_and_credits_in_its_language(named: Any) -> None:
    left, right = column_texts(named)
    assert "Montreal · 31 December 2020" in left and "Montréal · 31 décembre 2020" in right
    assert "Quartiers en dialogue · Montreal" in left and "Quartiers en dialogue · Montréal" in right
    assert f"— {CREDIT.left.text}" in left and f"— {CREDIT.right.text}" in right
    assert "Montréal" not in left and "Montreal" not in right


def test_a_quote_outside_the_pair_prints_its_words_with_a_label_in_each_column(named: Any) -> None:
    left, right = column_texts(named)
    for column, original in zip((left, right), (ORIGINAL.left, ORIGINAL.right), strict=True):
        assert f"{GERMAN}\n{original.marker}" in column
    verbatim = [r for p in all_paragraphs(named) for r in p.runs if r.text == GERMAN]
    assert verbatim and {r.style.name for r in verbatim} == {"Summit Verbatim"}
    assert {lang.get(W_VAL) for r in verbatim for lang in r._r.iter(qn("w:lang"))} == {"de-DE"}


def test_city_index_names_cities_in_both_languages(named: Any, small_exhibition: Exhibition) -> None:
    (table,) = tables_after(named, heading(small_exhibition.headings.cities))
    assert table.rows[1].cells[0].text == "Geneva\nGenève"
    assert table.rows[2].cells[0].text == small_exhibition.cities[1].name  # no names: as given


# -- hostile text ------------------------------------------------------------------------------------


def test_narrow_no_break_spaces_are_written_as_no_break_spaces(document: Any, booklet: Path) -> None:
    """Arial on older systems shows U+202F as a box: the text keeps its no-break space, full width."""
    assert "\u202f" in RARE
    with zipfile.ZipFile(booklet) as archive:
        parts = [archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")]
    assert not any("\u202f" in part for part in parts)
    texts = [p.text for p in all_paragraphs(document)]
    assert RARE.replace("\u202f", "\u00a0") in texts
    assert "2\u00a0161" in "\n".join(texts)  # a French thousands separator


def test_hostile_and_rare_strings_come_back_literally(document: Any, booklet: Path) -> None:
    texts = [p.text for p in all_paragraphs(document)]
    assert any(HOSTILE in t for t in texts)
    assert printed(RARE) in texts
    with zipfile.ZipFile(booklet) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "<script>" not in xml and "&lt;script&gt;" in xml


def test_characters_xml_forbids_are_dropped_not_fatal(small_exhibition: Exhibition, tmp_path: Path) -> None:
    hostile = "Bad\x00 bytes\x07 and\x1b[31m escapes\ud800 here\ufffe\tend"
    exhibition = dataclasses.replace(
        small_exhibition, title=Pair(Text(hostile, "en"), Text("Titre", "fr")), author=f"Anne{chr(1)}"
    )
    document = docx.Document(str(render_booklet_docx(exhibition, tmp_path / "b.docx")))
    first: Any = next(iter(document.iter_inner_content()))
    assert first.text == "Bad bytes and[31m escapes here\tend"
    assert document.core_properties.author == "Anne"


def test_empty_lists_print_none(small_exhibition: Exhibition, tmp_path: Path) -> None:
    bare = dataclasses.replace(
        small_exhibition.workshops[0],
        facts=(),
        concepts=(),
        commitments=(),
        key_commitments=(),
        recommendations=(),
        practices=(),
        quotes=(),
    )
    exhibition = dataclasses.replace(
        small_exhibition,
        workshops=(bare,),
        register=(),
        cities=(),
        shared_themes=(),
        method=(),
        method_facts=(),
    )
    document = docx.Document(str(render_booklet_docx(exhibition, tmp_path / "empty.docx")))
    none = heading(exhibition.headings.none)
    found = sections(document)
    assert found[heading(bare.name)].count(none) == 6
    h = exhibition.headings
    for pair in (h.register, h.cities, h.shared_themes, h.method):
        assert found[heading(pair)] == none
    assert not document.tables[1:]  # the scope only

    nothing = dataclasses.replace(exhibition, workshops=())
    document = docx.Document(str(render_booklet_docx(nothing, tmp_path / "nothing.docx")))
    assert sections(document)[heading(h.contents)].startswith(heading(h.register))
    assert not document.tables


# -- styles and template -----------------------------------------------------------------------------


def used_style_ids(booklet: Path) -> set[str]:
    ids = set()
    with zipfile.ZipFile(booklet) as archive:
        for name in archive.namelist():
            if name.startswith("word/document") or name.startswith("word/footer"):
                root = docx.oxml.parse_xml(archive.read(name))
                for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
                    ids |= {el.get(W_VAL) for el in root.iter(qn(tag))}
    return ids


def test_every_style_used_is_in_styles_and_defined_by_the_template(booklet: Path, document: Any) -> None:
    template = docx.Document(str(TEMPLATE))
    template_by_id = {style.style_id: style.name for style in template.styles}
    used = {template_by_id[style_id] for style_id in used_style_ids(booklet)}
    assert used <= set(STYLES)
    assert used == set(STYLES)  # and STYLES lists nothing the renderer forgot to use
    # No paragraph falls back to the template's Normal style.
    assert {p.style.name for p in all_paragraphs(document)} <= set(PARAGRAPH_STYLES)


def test_accent_colour_colours_headings_and_table_headers(
    small_exhibition: Exhibition, tmp_path: Path
) -> None:
    exhibition = dataclasses.replace(
        small_exhibition, branding=dataclasses.replace(small_exhibition.branding, accent="#fde047")
    )
    document = docx.Document(str(render_booklet_docx(exhibition, tmp_path / "yellow.docx")))
    headings = [p for p in all_paragraphs(document) if p.style.name == HEADING_1]
    assert {str(r.font.color.rgb) for p in headings for r in p.runs} == {"FDE047"}
    fills = {shd.get(qn("w:fill")) for shd in document.element.body.iter(qn("w:shd"))}
    assert fills == {"FDE047"}
    header_runs = [
        r for p in all_paragraphs(document) if p.style.name == "Summit Table Header" for r in p.runs
    ]
    assert {str(r.font.color.rgb) for r in header_runs} == {"000000"}  # black reads on yellow


def test_template_missing_a_style_is_refused(small_exhibition: Exhibition, tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    with pytest.raises(DocumentError, match="lacks the styles Summit Title"):
        render_booklet_docx(small_exhibition, tmp_path / "b.docx", template=plain)
    with pytest.raises(DocumentError, match="cannot be opened"):
        render_booklet_docx(small_exhibition, tmp_path / "b.docx", template=tmp_path / "missing.docx")


def load_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    name = "make_docx_template"
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_template_script_defines_every_style_reproducibly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = load_script(monkeypatch)
    first = script.write_template(tmp_path / "a.docx")
    second = script.write_template(tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()
    kinds = {style.name: style.type for style in docx.Document(str(first)).styles}
    expected = (
        [(n, WD_STYLE_TYPE.PARAGRAPH) for n in PARAGRAPH_STYLES]
        + [(n, WD_STYLE_TYPE.CHARACTER) for n in CHARACTER_STYLES]
        + [(n, WD_STYLE_TYPE.TABLE) for n in TABLE_STYLES]
    )
    assert len(expected) == len(STYLES)
    for name, kind in expected:
        assert kinds.get(name) == kind, name
    # The committed template is the script's output, styles-wise.
    committed = {style.name: style.type for style in docx.Document(str(TEMPLATE)).styles}
    assert {n: committed.get(n) for n in STYLES} == {n: kinds[n] for n in STYLES}


# -- metadata ----------------------------------------------------------------------------------------


def test_document_language_and_core_properties(document: Any, small_exhibition: Exhibition) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(W_VAL) == "en-GB"
    properties = document.core_properties
    assert properties.title == small_exhibition.document_title()
    assert properties.author == small_exhibition.author
    assert properties.language == "en-GB"


def test_footer_numbers_pages_except_the_cover(document: Any) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Page") and footer.style.name == "Summit Footer"
    assert "PAGE" in "".join(el.text for el in footer._p.iter(qn("w:instrText")))


# -- branding errors ---------------------------------------------------------------------------------


def with_branding(exhibition: Exhibition, **changes: Any) -> Exhibition:
    return dataclasses.replace(exhibition, branding=dataclasses.replace(exhibition.branding, **changes))


@pytest.mark.parametrize("accent", ["blue", "#12345", "#GGGGGG", "1F5C99", ""])
def test_bad_accent_colour_is_a_document_error(
    small_exhibition: Exhibition, tmp_path: Path, accent: str
) -> None:
    with pytest.raises(DocumentError) as caught:
        render_booklet_docx(with_branding(small_exhibition, accent=accent), tmp_path / "b.docx")
    assert repr(accent) in caught.value.message and "#1F5C99" in caught.value.hint
    assert not (tmp_path / "b.docx").exists()


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)  # 2×2 pixels, 8-bit RGB
    pixels = zlib.compress(b"\x00" + b"\x1f\x5c\x99" * 2 + b"\x00" + b"\xff\xff\xff" * 2)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "does not exist"),
        (b"not an image at all", "cannot be read"),
        (b"GIF89a" + bytes(20), "not a PNG"),
    ],
)
def test_bad_logo_is_a_document_error(
    small_exhibition: Exhibition, tmp_path: Path, content: bytes | None, problem: str
) -> None:
    logo = tmp_path / "logo.png"
    if content is not None:
        logo.write_bytes(content)
    with pytest.raises(DocumentError, match=problem) as caught:
        render_booklet_docx(with_branding(small_exhibition, logo=logo), tmp_path / "b.docx")
    assert str(logo) in caught.value.message and caught.value.hint


def test_logo_is_placed_on_the_cover(small_exhibition: Exhibition, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(tiny_png())
    document = docx.Document(
        str(render_booklet_docx(with_branding(small_exhibition, logo=logo), tmp_path / "b.docx"))
    )
    assert len(document.inline_shapes) == 1
    first: Any = next(iter(document.iter_inner_content()))
    assert first._p.xpath(".//pic:pic") and first.style.name == "Summit Cover Text"


# -- fonts and column widths -------------------------------------------------------------------------


def test_every_style_names_the_chosen_font() -> None:
    """The template's defaults and every booklet style ask for `styles.FONT`, not the Calibri of old."""
    template = docx.Document(str(TEMPLATE))
    defaults = template.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert {fonts.get(qn(kind)) for kind in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {FONT}
    assert FONT == "Arial"
    for name in PARAGRAPH_STYLES:
        assert template.styles[name].font.name == FONT, name
    named = {el.get(qn("w:ascii")) for el in template.styles.element.iter(qn("w:rFonts"))}
    assert "Calibri" not in named


def word_widths(text: str, size: float, bold: bool, italic: bool) -> list[tuple[str, float]]:
    """Arial widths (Helvetica's metrics) of what Word cannot break: split at spaces and after hyphens."""
    face = {(False, False): "Helvetica", (True, False): "Helvetica-Bold"}.get((bold, False))
    face = face if not italic else ("Helvetica-BoldOblique" if bold else "Helvetica-Oblique")
    return [(w, stringWidth(w, face, size)) for w in re.split(r"\s+|(?<=-)", text) if w]


def style_value(style: Any, attribute: str) -> Any:
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def narrow_columns(document: Any) -> list[str]:
    """Every word wider than its column's room (cell width less the template's 2 × 85 twips)."""
    found = []
    styles_by_id = {s.style_id: s for s in document.styles}
    for number, table in enumerate(document.tables):
        for row in table.rows:
            for column, cell in enumerate(row.cells):
                room = table.rows[0].cells[column].width.pt - 2 * 85 / 20
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        styles_ = [styles_by_id.get(run._r.style), styles_by_id.get(paragraph._p.style)]
                        size = next(v for v in (style_value(s, "size") for s in styles_) if v is not None).pt
                        bold = any(style_value(s, "bold") for s in styles_)
                        italic = any(style_value(s, "italic") for s in styles_)
                        for word, width in word_widths(run.text, size, bold, italic):
                            if width > room:
                                found.append(
                                    f"table {number} column {column}: {word!r} {width:.0f} > {room:.0f}"
                                )
    return found


@pytest.fixture(scope="module")
def sample_exhibition(sample_synthesis: SummitSynthesis) -> Exhibition:
    texts = translate_free_text(
        sample_synthesis, ("de", "en"), TranslatorChain([TranslationMemory.load(MEMORY)])
    )
    return build_exhibition(sample_synthesis, languages=("de", "en"), texts=texts)


def test_no_column_is_narrower_than_its_longest_word(
    document: Any, sample_exhibition: Exhibition, tmp_path: Path
) -> None:
    assert narrow_columns(document) == []
    sample = docx.Document(str(render_booklet_docx(sample_exhibition, tmp_path / "sample.docx")))
    assert narrow_columns(sample) == []


def test_fixed_widths_of_old_are_found_too_narrow(
    sample_exhibition: Exhibition, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: the register's former fixed widths split "Drummondvill/e"-like words."""
    old = {5: (2.6, 7.0, 2.4, 2.8, 2.2), 4: (3.6, 7.4, 3.0, 3.0)}  # register, city index (cm)

    def fixed(table: Any, shares: Sequence[float], total: Any) -> None:
        set_column_widths(table, [round(Cm(width).pt * 20) for width in old[len(shares)]])

    monkeypatch.setattr(back_matter, "fit_columns", fixed)
    sample = docx.Document(str(render_booklet_docx(sample_exhibition, tmp_path / "fixed.docx")))
    assert narrow_columns(sample)
