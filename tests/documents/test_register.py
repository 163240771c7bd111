"""The booklet's commitments register, from the sample synthesis: whole words, ordered by deadline,
and sources a reader can look up (note title, rapporteur, paragraph), in the PDF and the DOCX."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import CommitmentItem, Exhibition, Pair, Text
from synthesis.documents.docx import render_booklet_docx
from synthesis.documents.pdf import register as pdf_register
from synthesis.documents.pdf import render_booklet
from synthesis.documents.pdf.blocks import credit_lines
from synthesis.documents.pdf.markup import both, quoted
from synthesis.documents.translation import TranslatedTexts, translate_free_text
from synthesis.models import Paragraph, SummitSynthesis
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.memory import TranslationMemory

MEMORY = Path(__file__).parents[2] / "inputs" / "dusseldorf-2019" / "translations"
BLOCK = 100  # characters per synthetic paragraph: the commitment at offset o is in ¶ o // BLOCK + 1


def with_paragraphs(synthesis: SummitSynthesis) -> SummitSynthesis:
    """Each note cut into blocks of BLOCK characters instead of its own paragraphs, so every
    source has a paragraph number the test can compute (the sample keeps no note text)."""
    spans = [c.source for w in synthesis.workshops for c in w.commitments]
    notes = []
    for note in synthesis.notes:
        end = max((s.end for s in spans if s.note_id == note.id), default=0) + BLOCK
        blocks = tuple(
            Paragraph(start=start, end=min(start + BLOCK - 2, end), kind="paragraph", language=note.language)
            for start in range(0, end, BLOCK)
        )
        notes.append(note.model_copy(update={"paragraphs": blocks}))
    return synthesis.model_copy(update={"notes": tuple(notes)})


@pytest.fixture(scope="module")
def synthesis(sample_synthesis: SummitSynthesis) -> SummitSynthesis:
    return with_paragraphs(sample_synthesis)


@pytest.fixture(scope="module", params=[("en", "fr"), ("de", "en")], ids="-".join)
def exhibition(synthesis: SummitSynthesis, request: pytest.FixtureRequest) -> Exhibition:
    languages = request.param
    texts = translate_free_text(synthesis, languages, TranslatorChain([TranslationMemory.load(MEMORY)]))
    return build_exhibition(synthesis, languages=languages, texts=texts)


@pytest.fixture(scope="module")
def register_text(exhibition: Exhibition, tmp_path_factory: pytest.TempPathFactory) -> str:
    return pdf_register_text(exhibition, render_booklet(exhibition, tmp_path_factory.mktemp("r") / "b.pdf"))


def words(text: str) -> str:
    """Whitespace (line ends, U+00A0, U+202F) collapsed to single spaces."""
    return " ".join(text.split())


def joined(text: str) -> str:
    """`words`, with compounds a line end broke after a hyphen joined again: for finding strings."""
    return re.sub(r"(?<=\w-) ", "", words(text))


def pdf_register_text(exhibition: Exhibition, path: Path) -> str:
    """The booklet's text from the register's heading to the city index's, the footers taken out."""
    text = words(" ".join(page.extract_text() for page in PdfReader(path).pages))
    h = exhibition.headings
    start = text.index(f"{h.register.left.text} {h.register.right.text}")
    end = text.index(f"{h.cities.left.text} {h.cities.right.text}", start)
    first, *others = (words(line) for line in credit_lines(exhibition))
    footer = (
        re.escape(f"{first} {both(h.page)} ") + r"\d+" + "".join(re.escape(f" {line}") for line in others)
    )
    return re.sub(footer, " ", text[start:end])


def printed(text: Text) -> list[str]:
    shown = quoted(text.text, text.language) if text.verbatim else text.text
    return [shown, text.marker or ""]


def cell_strings(pair: Pair) -> list[str]:
    """What a bilingual cell prints: the left text, the right one only if it differs or is marked."""
    shown = printed(pair.left)
    if pair.right.text.strip() != pair.left.text.strip() or pair.right.marker:
        shown += printed(pair.right)
    return shown


def printed_strings(exhibition: Exhibition) -> list[str]:
    """Every string the register prints, cell by cell, from the content model."""
    h = exhibition.headings
    strings = [both(pair) for pair in (h.register, h.city, h.commitment, h.deadline, h.workshop, h.source)]
    for item in exhibition.register:
        strings += cell_strings(item.actor) if item.actor else [item.city]
        for pair in (item.text, item.deadline, item.workshop):
            strings += cell_strings(pair)
        if item.original:
            strings += [*printed(item.original.left), item.original.right.marker or ""]
        if item.reference:
            strings += [item.reference.title, f"{item.reference.rapporteur} · ¶ {item.reference.paragraph}"]
    return strings


def expected_words(exhibition: Exhibition) -> set[str]:
    """Every word the register may print, split only at spaces."""
    found = set()
    for word in words(" ".join(printed_strings(exhibition))).split():
        # A compound may break after its own hyphens ("Rhénanie-du-|Nord-Westphalie"): any run
        # of its parts is a whole piece, "Rhénanie-du-No|rd" is not.
        parts = re.split(r"(?<=-)", word)
        found |= {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)}
    return found


def broken_words(exhibition: Exhibition, register: str) -> set[str]:
    """Words printed in the register that the content never had: the pieces of a split word."""
    return set(register.split()) - expected_words(exhibition)


def test_multi_word_city_names_print_whole(
    synthesis: SummitSynthesis, exhibition: Exhibition, register_text: str
) -> None:
    """Every multi-word name of the sample's cities, in either column's language, is printed whole
    as often as the register holds it (city cells and sentences): a split one is missing once."""
    cities = {c.name for c in synthesis.cities}
    names = set(cities)
    for item in exhibition.register:
        if item.actor and {item.actor.left.text, item.actor.right.text} & cities:
            names |= {item.actor.left.text, item.actor.right.text}
    multi_word = {name for name in names if re.search(r"[\s'’-]", name)}
    content = words(" ".join(printed_strings(exhibition)))
    in_register = {name for name in multi_word if name in content}
    assert len(in_register) >= 3, in_register  # Be'er Sheva, Buenos Aires, Tel Aviv-Yafo, ...
    for name in in_register:
        assert register_text.count(words(name)) == content.count(words(name)), name


def test_no_word_is_broken_inside_a_cell(exhibition: Exhibition, register_text: str) -> None:
    assert broken_words(exhibition, register_text) == set()


def test_the_check_finds_words_broken_by_fixed_columns(
    exhibition: Exhibition, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fixed columns, the city's too narrow for "Casablanca", split words; the check above sees it."""
    monkeypatch.setattr(
        pdf_register,
        "column_widths",
        lambda rows, shares, width, sheet, layout: [
            share * width for share in (0.08, 0.47, 0.15, 0.15, 0.15)
        ],
    )
    narrow = pdf_register_text(exhibition, render_booklet(exhibition, tmp_path / "narrow.pdf"))
    assert broken_words(exhibition, narrow)


def period_end(iso: str) -> date:
    """The last day a deadline allows: "2020" is 31 December 2020, "2020-06" is 30 June 2020."""
    parts = [int(part) for part in iso.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def city_key(city: str) -> str:
    decomposed = unicodedata.normalize("NFKD", city.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_register_is_ordered_by_stored_deadline_then_city(
    synthesis: SummitSynthesis, exhibition: Exhibition
) -> None:
    stored = {c.id: c.deadline for w in synthesis.workshops for c in w.commitments}
    assert len(exhibition.register) == len(stored)
    keys = []
    for item in exhibition.register:
        deadline = stored[item.id]
        assert item.deadline_date == deadline
        due = period_end(deadline) if deadline else date.max
        keys.append((deadline is None, due, item.city == "—", city_key(item.city)))
    assert keys == sorted(keys)
    assert keys[-1][0], "the sample has commitments without a deadline: they come last"
    # Sorting by the printed text would not give this order ("1 March 2021" < "31 December 2020").
    printed_deadlines = [item.deadline.left.text for item in exhibition.register]
    assert printed_deadlines != sorted(printed_deadlines)


def test_register_prints_rows_in_that_order(exhibition: Exhibition, register_text: str) -> None:
    cursor = 0
    for item in exhibition.register:
        found = joined(register_text).find(joined(printed(item.text.left)[0]), cursor)
        assert found >= cursor, item.id
        cursor = found


def expected_paragraph(synthesis: SummitSynthesis, item: CommitmentItem) -> int:
    (commitment,) = [c for w in synthesis.workshops for c in w.commitments if c.id == item.id]
    return commitment.source.start // BLOCK + 1


def test_source_is_note_title_rapporteur_and_paragraph_not_a_file(
    synthesis: SummitSynthesis, exhibition: Exhibition, register_text: str
) -> None:
    assert "notes/" not in register_text and ".docx" not in register_text
    for item in exhibition.register:
        reference = item.reference
        assert reference is not None
        assert reference.paragraph == expected_paragraph(synthesis, item)
        assert reference.workshop == item.workshop
        byline = f"{reference.rapporteur} · ¶ {reference.paragraph}"
        assert joined(reference.title) in joined(register_text) and byline in register_text


def test_docx_register_has_the_same_sources_and_order(exhibition: Exhibition, tmp_path: Path) -> None:
    document = docx.Document(str(render_booklet_docx(exhibition, tmp_path / "b.docx")))
    headers = [both(pair) for pair in (exhibition.headings.city, exhibition.headings.commitment)]
    (table,) = [t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == headers]
    rows = table.rows[1:]
    assert len(rows) == len(exhibition.register)
    for row, item in zip(rows, exhibition.register, strict=True):
        city, commitment, _, _, source = (cell.text for cell in row.cells)
        assert city.split("\n")[0] == item.city and commitment.startswith(item.text.left.text)
        if item.original is not None:
            assert item.original.left.text in commitment.split("\n")
        assert item.reference is not None and "notes/" not in source
        assert source.split("\n") == [
            item.reference.title,
            f"{item.reference.rapporteur} · ¶\u00a0{item.reference.paragraph}",  # never split from its number
        ]


def test_the_sample_numbers_every_source_paragraph(sample_synthesis: SummitSynthesis) -> None:
    """The stored sample keeps the notes' paragraph offsets (not their text): "¶ N" for every source."""
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=TranslatedTexts(found={}))
    numbers = [item.reference.paragraph for item in exhibition.register if item.reference is not None]
    assert len(numbers) == len(exhibition.register)
    assert all(n is not None and n >= 1 for n in numbers) and len(set(numbers)) > 5


def test_a_note_without_paragraphs_gives_no_number(sample_synthesis: SummitSynthesis) -> None:
    """A note stored without paragraphs: the source is still the title and the rapporteur."""
    notes = tuple(note.model_copy(update={"paragraphs": ()}) for note in sample_synthesis.notes)
    bare = sample_synthesis.model_copy(update={"notes": notes})
    exhibition = build_exhibition(bare, languages=("en", "fr"), texts=TranslatedTexts(found={}))
    for item in exhibition.register:
        assert item.reference is not None and item.reference.paragraph is None
        assert item.reference.title and item.reference.rapporteur


def test_words_outside_the_pair_are_printed_as_written(exhibition: Exhibition, register_text: str) -> None:
    """A sentence in a third language: both translations, then the words as written, labelled."""
    items = [item for item in exhibition.register if item.original is not None]
    assert items, "the sample has notes in all three languages"
    for item in items:
        assert item.original is not None
        original = item.original.left
        assert joined(quoted(original.text, original.language)) in joined(register_text)
        assert original.marker and words(original.marker) in register_text
