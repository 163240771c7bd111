"""One workshop: name, scope, figures, concepts, commitments, recommendations, practices, quotes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from synthesis.documents.content import (
    CommitmentItem,
    ConceptBar,
    Fact,
    Headings,
    Pair,
    PracticeItem,
    QuoteItem,
    WorkshopContent,
)
from synthesis.documents.docx import styles
from synthesis.documents.docx.blocks import (
    DETAIL_SEPARATOR,
    CellFiller,
    Item,
    Look,
    Side,
    add_heading,
    add_none,
    add_parallel_table,
    add_run,
    add_source,
    add_text,
    add_text_run,
    new_paragraph,
)
from synthesis.models import Language

# Between a label and its value, "Notes 5": wide enough to read as a gap, never a line break.
LABEL_GAP = "\u2002"
# Before a quote's attribution.
ATTRIBUTION_DASH = "— "


def add_workshop(document: Any, workshop: WorkshopContent, headings: Headings, look: Look) -> None:
    add_heading(document, workshop.name, styles.HEADING_1, look)
    add_parallel_table(document, (workshop.scope,), _fill_paragraph)
    _add_part(document, headings.figures, workshop.facts, fill_fact, headings, look)
    _add_part(
        document, headings.concepts, workshop.concepts, _concept_filler(headings.mentions), headings, look
    )
    _add_part(document, headings.commitments, workshop.commitments, _fill_commitment, headings, look)
    _add_part(document, headings.recommendations, workshop.recommendations, _fill_paragraph, headings, look)
    _add_part(document, headings.practices, workshop.practices, _fill_practice, headings, look)
    _add_part(document, headings.quotes, workshop.quotes, _fill_quote, headings, look)


def _add_part(
    document: Any,
    heading: Pair,
    items: Sequence[Item],
    fill: CellFiller[Item],
    headings: Headings,
    look: Look,
) -> None:
    add_heading(document, heading, styles.HEADING_2, look)
    if items:
        add_parallel_table(document, items, fill)
    else:
        add_none(document, headings.none)


def _fill_paragraph(cell: Any, pair: Pair, side: Side) -> None:
    add_text(cell, side(pair), styles.BODY)


def fill_fact(cell: Any, fact: Fact, side: Side) -> None:
    """ "Notes 5": the label in the label style, then the figure."""
    label, value = side(fact.label), side(fact.value)
    paragraph = new_paragraph(cell, styles.BODY)
    add_run(paragraph, label.text, language=label.language, style=styles.LABEL)
    add_run(paragraph, LABEL_GAP)
    add_text_run(paragraph, value)


def _concept_filler(mentions: Pair) -> CellFiller[ConceptBar]:
    def fill(cell: Any, concept: ConceptBar, side: Side) -> None:
        label, word = side(concept.label), side(mentions)
        paragraph = new_paragraph(cell, styles.BODY)
        add_text_run(paragraph, label)
        add_run(
            paragraph, f"{LABEL_GAP}{concept.count} {word.text}", language=word.language, style=styles.LABEL
        )

    return fill


def _fill_commitment(cell: Any, item: CommitmentItem, side: Side) -> None:
    add_text(cell, side(item.text), styles.BODY)
    deadline, strength = side(item.deadline), side(item.strength)
    details = new_paragraph(cell, styles.DETAIL)
    actor, language = _in_column(item.actor, item.city, side)
    add_run(details, actor, language=language)
    add_run(details, DETAIL_SEPARATOR)
    add_run(details, deadline.text, language=deadline.language)
    add_run(details, DETAIL_SEPARATOR)
    add_run(details, strength.text, language=strength.language)
    if item.reference is not None:
        add_source(cell, item.reference, styles.DETAIL)
    else:
        _add_source(cell, item.source)


def _fill_practice(cell: Any, item: PracticeItem, side: Side) -> None:
    title = new_paragraph(cell, styles.BODY)
    add_run(title, item.initiative, style=styles.LABEL)  # the initiative's own name, never translated
    add_run(title, DETAIL_SEPARATOR)
    city, language = _in_column(item.actor, item.city, side)  # no "Montreal" in the French column
    add_run(title, city, language=language)
    add_text(cell, side(item.text), styles.BODY)
    _add_source(cell, item.source)


def _fill_quote(cell: Any, item: QuoteItem, side: Side) -> None:
    """The quote in the column's language with its label, then, when they are in a language
    outside the pair, the words as written labelled in the column's language ("original in
    German"): each column reads whole on its own, as the rest of the table does."""
    add_text(cell, side(item.text), styles.QUOTE)
    if item.original is not None:
        add_text(cell, side(item.original), styles.QUOTE)
    credit, language = _in_column(item.credit, item.attribution, side)
    add_run(new_paragraph(cell, styles.DETAIL), ATTRIBUTION_DASH + credit, language=language)
    _add_source(cell, item.source)


def _in_column(pair: Pair | None, fallback: str, side: Side) -> tuple[str, Language | None]:
    """A name in the column's language, and that language; hand-made content may give one name
    for both columns, left in the document's language."""
    if pair is None:
        return fallback, None
    text = side(pair)
    return text.text, text.language


def _add_source(cell: Any, source: str) -> None:
    add_run(new_paragraph(cell, styles.DETAIL), source, style=styles.SOURCE)
