"""Bilingual building blocks shared by the poster and the booklet.

Everything is laid out in parallel columns: the exhibition's left language on the left, its
right language on the right. Each item of a section is a one-row, two-column Table, so the two
versions of an item always start on the same line however long either is, and a page can
break between items.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from synthesis.documents.content import (
    CommitmentItem,
    Exhibition,
    Fact,
    Headings,
    Pair,
    PracticeItem,
    QuoteItem,
    Text,
)
from synthesis.documents.pdf.markup import bold, escape, italic, text_markup
from synthesis.documents.pdf.styles import Sheet

Cell = list[Flowable]
Row = tuple[Cell, Cell]

SEPARATOR = " · "  # between the parts of an item's byline: punctuation, not wording
SIDES = ("left", "right")


def names(pair: Pair | None, fallback: str) -> tuple[str, str]:
    """A name in each column's language (Montreal / Montréal); hand-made content may give one only."""
    if pair is None:
        return fallback, fallback
    return pair.left.text, pair.right.text


def credit_lines(exhibition: Exhibition) -> list[str]:
    """Plain-text lines naming who presents and the organiser, one per language (once if alike):
    "Köln · Internationale Beobachtungsstelle…", "Cologne · International Observatory…".

    Hand-made content may lack the organiser: the metadata's one-line author stands in.
    """
    organiser = exhibition.organiser
    if organiser is None:
        return [exhibition.author]
    presenter = exhibition.presenter
    lines = []
    for side in SIDES:
        parts = [getattr(organiser, side).text]
        if presenter is not None:  # the city first: "Köln · Internationale Beobachtungsstelle…"
            parts.insert(0, getattr(presenter, side).text)
        lines.append(SEPARATOR.join(parts))
    return lines[:1] if lines[0] == lines[1] else lines


class Blocks:
    """Builds flowables for one document, `width` points wide, in the styles of `sheet`."""

    def __init__(self, sheet: Sheet, headings: Headings, width: float) -> None:
        self.sheet = sheet
        self.headings = headings
        self.width = width
        self.gutter = sheet.length("gutter")
        # What a column's content gets once half the gutter is taken on its inner side.
        self.column_width = (width - self.gutter) / 2

    # Paragraphs ---------------------------------------------------------------------------

    def paragraph(self, markup: str, style: str) -> Paragraph:
        """`markup` must already be escaped (see markup.py)."""
        return Paragraph(markup, self.sheet[style])

    def text(self, text: Text, style: str = "body") -> Cell:
        """The text, and under it its marker, small and grey."""
        cell: Cell = [self.paragraph(text_markup(text), style)]
        if text.marker:
            cell.append(self.paragraph(escape(text.marker), "marker"))
        return cell

    # Parallel columns ---------------------------------------------------------------------

    def row(self, left: Cell, right: Cell) -> Table:
        """One item in both languages, side by side: the two versions start on the same line."""
        half = self.width / 2
        table = Table([[left, right]], colWidths=[half, half])
        table.setStyle(
            self.sheet.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), self.gutter / 2),
                    ("LEFTPADDING", (1, 0), (1, 0), self.gutter / 2),
                    ("RIGHTPADDING", (1, 0), (1, 0), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def rows(self, rows: Sequence[Row], *, gap: float | None = None) -> list[Flowable]:
        """A section's items, one table each, so a page can break between any two of them."""
        gap = self.sheet["body"].leading * 0.7 if gap is None else gap
        tables = [self.row(left, right) for left, right in rows]
        for table in tables[:-1]:
            table.spaceAfter = gap
        return tables

    def pair(self, pair: Pair, style: str = "body") -> Table:
        table = self.row(self.text(pair.left, style), self.text(pair.right, style))
        # Paragraph spacing at the edge of a cell is dropped, so the table carries the style's spacing.
        table.spaceBefore = self.sheet[style].spaceBefore
        table.spaceAfter = self.sheet[style].spaceAfter
        return table

    def pairs(self, pairs: Sequence[Pair], style: str = "body") -> list[Flowable]:
        if not pairs:
            return [self.none()]
        return self.rows([(self.text(p.left, style), self.text(p.right, style)) for p in pairs])

    def heading(self, pair: Pair, style: str = "h2", *, rule: bool = False) -> Table:
        """A section heading in both languages; it stays on the page of what follows it.

        With `rule`, an accent line runs above it across both columns.
        """
        table = self.pair(pair, style)
        table.keepWithNext = True
        if rule:
            thickness = self.sheet.length("section_rule")
            table.setStyle(
                TableStyle(
                    [
                        ("LINEABOVE", (0, 0), (-1, 0), thickness, self.sheet.palette.accent),
                        ("TOPPADDING", (0, 0), (-1, 0), self.sheet[style].fontSize * 0.5),
                    ]
                )
            )
        return table

    def none(self) -> Table:
        return self.pair(self.headings.none, "none")

    # Sections -----------------------------------------------------------------------------

    def facts(self, facts: Sequence[Fact]) -> list[Flowable]:
        if not facts:
            return [self.none()]
        left = [(fact.label.left, fact.value.left) for fact in facts]
        right = [(fact.label.right, fact.value.right) for fact in facts]
        return [self.row([self._fact_table(left)], [self._fact_table(right)])]

    def _fact_table(self, facts: Sequence[tuple[Text, Text]]) -> Table:
        label_width = self.column_width * 0.42
        table = Table(
            [
                [
                    self.paragraph(escape(label.text), "fact_label"),
                    self.paragraph(escape(value.text), "fact_value"),
                ]
                for label, value in facts
            ],
            colWidths=[label_width, self.column_width - label_width],
        )
        line = self.sheet.palette.rule
        table.setStyle(
            self.sheet.table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), self.gutter / 3),
                    ("TOPPADDING", (0, 0), (-1, -1), self.sheet["fact_label"].fontSize * 0.25),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), self.sheet["fact_label"].fontSize * 0.3),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.5 * self.sheet.scale, line),
                ]
            )
        )
        return table

    def commitments(self, items: Sequence[CommitmentItem]) -> list[Flowable]:
        if not items:
            return [self.none()]
        return self.rows([self._commitment(item) for item in items])

    def _commitment(self, item: CommitmentItem) -> Row:
        def side(actor: str, deadline: Text, text: Text, strength: Text) -> Cell:
            byline = SEPARATOR.join((bold(escape(actor)), escape(deadline.text)))
            cell: Cell = [self.paragraph(f"{byline}{SEPARATOR}{self._muted(escape(strength.text))}", "meta")]
            return cell + self.text(text)

        # Each column names the actor in its own language: "Montréal" never heads the English one.
        left, right = names(item.actor, item.city)
        return (
            side(left, item.deadline.left, item.text.left, item.strength.left),
            side(right, item.deadline.right, item.text.right, item.strength.right),
        )

    def practices(self, items: Sequence[PracticeItem]) -> list[Flowable]:
        if not items:
            return [self.none()]
        rows = []
        for item in items:
            # The initiative keeps its own name in both columns: it is never translated; the
            # city is named in each column's language.
            left, right = (
                self.paragraph(SEPARATOR.join((bold(escape(actor)), italic(escape(item.initiative)))), "meta")
                for actor in names(item.actor, item.city)
            )
            rows.append(([left, *self.text(item.text.left)], [right, *self.text(item.text.right)]))
        return self.rows(rows)

    def quotes(self, items: Sequence[QuoteItem]) -> list[Flowable]:
        if not items:
            return [self.none()]
        story: list[Flowable] = []
        gap = self.sheet["quote"].leading
        for item in items:
            if item.original is not None:
                story.append(self._original(item.original))
            left, right = (f"— {escape(credit)}" for credit in names(item.credit, item.attribution))
            row = self.row(
                [*self.text(item.text.left, "quote"), self.paragraph(left, "attribution")],
                [*self.text(item.text.right, "quote"), self.paragraph(right, "attribution")],
            )
            row.spaceAfter = gap
            story.append(row)
        story[-1].spaceAfter = 0
        return story

    def _original(self, original: Pair) -> Paragraph:
        """The words as written, in a language outside the pair: once across both columns, above
        their two translations and kept with them, labelled in both languages."""
        labels = dict.fromkeys(text.marker for text in (original.left, original.right) if text.marker)
        markup = text_markup(original.left)
        if labels:
            size = self.sheet["marker"].fontSize
            markup += f' <font size="{size:.2f}">{self._muted(escape(" / ".join(labels)))}</font>'
        paragraph = self.paragraph(markup, "quote")
        paragraph.keepWithNext = True
        paragraph.spaceAfter = self.sheet["marker"].leading * 0.5
        return paragraph

    def _muted(self, markup: str) -> str:
        colour = self.sheet.palette.muted.hexval()  # "0x6b7178"
        return f'<font color="#{colour[2:]}">{markup}</font>'
