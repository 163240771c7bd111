"""The poster's items: key commitments, voices (quotes) and best practices, one row per item.

Both languages of an item sit side by side, left column and right column, and each column
names the actor in its own language (Montreal / Montréal). A text's marker (original, its
translation, machine translation) and the pointer to the booklet follow it inline, small and
muted, so that they cost no line of their own. A quote is always printed in the words as
written: when their language is outside the pair, they run across both columns above the two
translations, with the language they are in.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from synthesis.documents.content import CommitmentItem, Pair, PracticeItem, QuoteItem, Text
from synthesis.documents.pdf.blocks import SEPARATOR, Blocks, Cell, Row
from synthesis.documents.pdf.markup import bold, escape, italic, text_markup

POINTER = "→ "  # before "booklet": punctuation, not wording
SIDES = ("left", "right")


class PosterItems:
    """Builds the item rows of one poster. With `every_pointer` off, only a section's last item
    points to the booklet (a shorter poster, see the `fit` steps of selection.yaml)."""

    def __init__(self, blocks: Blocks, pointer: Pair | None, *, every_pointer: bool = True) -> None:
        self.blocks = blocks
        self.pointer = pointer
        self.every_pointer = every_pointer

    def commitments(self, items: tuple[CommitmentItem, ...]) -> list[Flowable]:
        if not items:
            return [self.blocks.none()]
        rows = []
        for n, item in enumerate(items):
            actors = _names(item.actor, item.city)
            cells = []
            for side, actor in zip(SIDES, actors, strict=True):
                deadline: Text = getattr(item.deadline, side)
                strength: Text = getattr(item.strength, side)
                byline = SEPARATOR.join(
                    (bold(escape(actor)), escape(deadline.text), self._muted(strength.text))
                )
                body = self._text(getattr(item.text, side), "body", self._pointer(side, n == len(items) - 1))
                cells.append([self.blocks.paragraph(byline, "meta"), body])
            rows.append(_row(cells))
        return self.blocks.rows(rows)

    def quotes(self, items: tuple[QuoteItem, ...]) -> list[Flowable]:
        if not items:
            return [self.blocks.none()]
        story: list[Flowable] = []
        for n, item in enumerate(items):
            if item.original is not None:
                story.append(self._original(item.original))
            credits = _names(item.credit, item.attribution)
            cells = []
            for side, credit in zip(SIDES, credits, strict=True):
                cell: Cell = [self._text(getattr(item.text, side), "quote", None)]
                parts = [f"— {escape(credit)}"] if credit else []
                pointer = self._pointer(side, n == len(items) - 1)
                if pointer is not None:
                    parts.append(self._small(POINTER + pointer.text))
                if parts:
                    cell.append(self.blocks.paragraph(SEPARATOR.join(parts), "attribution"))
                cells.append(cell)
            story.append(self.blocks.row(*_row(cells)))
        gap = self.blocks.sheet["quote"].leading * 0.6
        for row in story[:-1]:
            if not isinstance(row, Paragraph):  # the original stays with its translations
                row.spaceAfter = gap
        return story

    def _original(self, original: Pair) -> Paragraph:
        """The words as written, once across both columns, labelled in both languages."""
        labels = [text.marker for text in (original.left, original.right) if text.marker]
        markup = text_markup(original.left)
        if labels:
            markup += " " + self._small(f"({' / '.join(dict.fromkeys(labels))})")
        return self.blocks.paragraph(markup, "quote_original")

    def practices(self, items: tuple[PracticeItem, ...]) -> list[Flowable]:
        if not items:
            return [self.blocks.none()]
        rows = []
        for n, item in enumerate(items):
            cells = []
            for side, actor in zip(SIDES, _names(item.actor, item.city), strict=True):
                # The initiative keeps its own name in both columns: it is never translated.
                byline = SEPARATOR.join((bold(escape(actor)), italic(escape(item.initiative))))
                body = self._text(getattr(item.text, side), "body", self._pointer(side, n == len(items) - 1))
                cells.append([self.blocks.paragraph(byline, "meta"), body])
            rows.append(_row(cells))
        return self.blocks.rows(rows)

    def _text(self, text: Text, style: str, pointer: Text | None) -> Paragraph:
        markup = text_markup(text)
        if text.marker:
            markup += " " + self._small(f"({text.marker})")
        if pointer is not None:
            markup += " " + self._small(POINTER + pointer.text)
        return self.blocks.paragraph(markup, style)

    def _pointer(self, side: str, last: bool) -> Text | None:
        if self.pointer is None or not (self.every_pointer or last):
            return None
        pointer: Text = getattr(self.pointer, side)
        return pointer

    def _small(self, text: str) -> str:
        """Muted, at the size of the `marker` style: a label, not part of the sentence."""
        size = self.blocks.sheet["marker"].fontSize
        return f'<font size="{size:.2f}">{self._muted(text)}</font>'

    def _muted(self, text: str) -> str:
        colour = self.blocks.sheet.palette.muted.hexval()  # "0x6b7178"
        return f'<font color="#{colour[2:]}">{escape(text)}</font>'


def _names(pair: Pair | None, fallback: str) -> tuple[str, str]:
    """A name in each column's language; hand-made content may give only one for both."""
    if pair is None:
        return fallback, fallback
    return pair.left.text, pair.right.text


def _row(cells: list[Cell]) -> Row:
    left, right = cells
    return left, right
