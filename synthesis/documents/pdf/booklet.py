"""The A4 booklet: cover, contents, one section per workshop, the register, the city index,
the shared themes and the method, every section in parallel language columns.

The contents page is a reportlab TableOfContents filled by a multi-pass build: each section
starts with an invisible `SectionAnchor` that reports its page and adds a PDF bookmark.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from synthesis.documents.content import CityRow, CommitmentItem, Exhibition, Pair, Text, WorkshopContent
from synthesis.documents.pdf.blocks import Blocks
from synthesis.documents.pdf.charts import concept_chart
from synthesis.documents.pdf.logo import fit, load_logo
from synthesis.documents.pdf.markup import both, escape, text_markup
from synthesis.documents.pdf.metadata import metadata_for
from synthesis.documents.pdf.styles import Sheet, booklet_sheet

# Share of the frame width per column of the two tables (they add up to 1).
REGISTER_COLUMNS = (0.13, 0.37, 0.15, 0.18, 0.17)
CITY_COLUMNS = (0.22, 0.48, 0.15, 0.15)


def render_booklet(exhibition: Exhibition, path: Path) -> Path:
    """Write the booklet to `path` and return it."""
    sheet = booklet_sheet(exhibition.branding.accent)
    logo = load_logo(exhibition.branding.logo)
    metadata = metadata_for(exhibition, subject=both(exhibition.edition))
    path.parent.mkdir(parents=True, exist_ok=True)

    document = _BookletDocument(
        str(path),
        pagesize=A4,
        leftMargin=sheet.length("margin_left"),
        rightMargin=sheet.length("margin_right"),
        topMargin=sheet.length("margin_top"),
        bottomMargin=sheet.length("margin_bottom"),
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        keywords=list(metadata.keywords),
        lang=metadata.lang,
        invariant=1,  # no timestamp or random id: the same input gives the same bytes
        pageCompression=1,
        # Without it reportlab's page preamble references Helvetica, which would then be listed.
        initialFontName=sheet.fonts.regular.name,
    )
    pages = _Pages(exhibition, sheet, logo)
    document.addPageTemplates(
        [
            PageTemplate("cover", frames=pages.cover_frames(document), onPage=pages.draw_cover),
            PageTemplate("body", frames=[pages.body_frame(document)], onPage=pages.draw_body),
        ]
    )
    document.multiBuild(_story(exhibition, sheet, document.width))
    return path


class _BookletDocument(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionAnchor):
            self.notify("TOCEntry", (flowable.level, escape(flowable.title), self.page, flowable.key))


class SectionAnchor(Flowable):  # type: ignore[misc]
    """Zero-size marker at the start of a section: a contents entry and a PDF bookmark."""

    def __init__(self, title: str, key: str, level: int) -> None:
        super().__init__()
        self.title = title  # plain text; escaped where it becomes markup
        self.key = key
        self.level = level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


# Pages -----------------------------------------------------------------------------------------


class _Pages:
    """Page templates: what is drawn on every page behind the flowing text."""

    def __init__(self, exhibition: Exhibition, sheet: Sheet, logo: ImageReader | None) -> None:
        self.exhibition = exhibition
        self.sheet = sheet
        self.logo = logo

    def _band(self, document: BaseDocTemplate) -> tuple[float, float]:
        """The cover's accent block: its lower edge and height."""
        height = self.sheet.length("cover_band_height")
        return document.pagesize[1] - self.sheet.length("cover_band_top") - height, height

    def cover_frames(self, document: BaseDocTemplate) -> list[Frame]:
        band_bottom, band_height = self._band(document)
        inset = band_height * 0.12
        title = Frame(
            document.leftMargin,
            band_bottom + inset,
            document.width,
            band_height - 2 * inset,
            0,
            0,
            0,
            0,
            id="cover-title",
        )
        below = band_bottom - self.sheet.length("gutter") * 2
        info = Frame(
            document.leftMargin,
            document.bottomMargin,
            document.width,
            below - document.bottomMargin,
            0,
            0,
            0,
            0,
            id="cover-info",
        )
        return [title, info]

    def body_frame(self, document: BaseDocTemplate) -> Frame:
        return Frame(
            document.leftMargin, document.bottomMargin, document.width, document.height, 0, 0, 0, 0, id="body"
        )

    def draw_cover(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        sheet = self.sheet
        page_width, page_height = float(document.pagesize[0]), float(document.pagesize[1])
        band_bottom, band_height = self._band(document)
        canvas.saveState()
        canvas.setFillColor(sheet.palette.accent)
        canvas.rect(0, band_bottom, page_width, band_height, stroke=0, fill=1)

        # Logo and presenter above the band, on white: any logo colours stay legible.
        top = page_height - document.topMargin
        left = document.leftMargin
        logo_height = 0.0
        if self.logo is not None:
            width, logo_height = fit(self.logo, document.width / 3, sheet.length("cover_logo_height"))
            canvas.drawImage(self.logo, left, top - logo_height, width, logo_height, mask="auto")
            left += width + sheet.length("gutter") * 2
        presenter = Paragraph(escape(self.exhibition.author), sheet["cover_presenter"])
        _, height = presenter.wrapOn(canvas, document.leftMargin + document.width - left, page_height)
        # Beside the logo, centred on it; alone, at the top margin.
        presenter.drawOn(canvas, left, top - max(height, (logo_height + height) / 2))
        canvas.restoreState()

    def draw_body(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """Footer: presenter on the left, page number on the right, under a hairline."""
        sheet = self.sheet
        size = sheet.length("footer_size")
        left, right = document.leftMargin, document.leftMargin + document.width
        baseline = sheet.length("footer_offset")
        canvas.saveState()
        canvas.setStrokeColor(sheet.palette.rule)
        canvas.setLineWidth(0.5)
        canvas.line(left, baseline + size * 1.6, right, baseline + size * 1.6)
        canvas.setFont(sheet.fonts.regular.name, size)
        canvas.setFillColor(sheet.palette.muted)
        canvas.drawString(left, baseline, self.exhibition.author)
        canvas.drawRightString(
            right, baseline, f"{both(self.exhibition.headings.page)} {canvas.getPageNumber()}"
        )
        canvas.restoreState()


# Story -----------------------------------------------------------------------------------------


def _story(exhibition: Exhibition, sheet: Sheet, width: float) -> list[Flowable]:
    blocks = Blocks(sheet, exhibition.headings, width)
    headings = exhibition.headings
    story: list[Flowable] = [*_cover(exhibition, sheet, width), NextPageTemplate("body"), PageBreak()]
    story += [_section_heading(blocks, headings.contents), _contents(sheet), PageBreak()]

    story.append(SectionAnchor(both(headings.workshops), "workshops", 0))
    if not exhibition.workshops:
        story += [_section_heading(blocks, headings.workshops), blocks.none(), PageBreak()]
    for workshop in exhibition.workshops:
        story += [*_workshop(workshop, blocks, sheet), PageBreak()]

    story += [
        SectionAnchor(both(headings.register), "register", 0),
        _section_heading(blocks, headings.register),
    ]
    story += [_register(exhibition.register, blocks, sheet), PageBreak()]

    story += [SectionAnchor(both(headings.cities), "cities", 0), _section_heading(blocks, headings.cities)]
    story.append(_cities(exhibition.cities, blocks, sheet))
    story += [SectionAnchor(both(headings.shared_themes), "themes", 0)]
    story += [
        _section_heading(blocks, headings.shared_themes, first=False),
        *blocks.pairs(exhibition.shared_themes),
    ]
    story.append(PageBreak())

    story += [SectionAnchor(both(headings.method), "method", 0), _section_heading(blocks, headings.method)]
    story += blocks.pairs(exhibition.method)
    if exhibition.method_facts:
        story += [blocks.heading(headings.figures), *blocks.facts(exhibition.method_facts)]
    return story


def _cover(exhibition: Exhibition, sheet: Sheet, width: float) -> list[Flowable]:
    """The titles inside the accent block, then subtitle and edition below it."""
    title = [
        Paragraph(escape(exhibition.title.left.text), sheet["cover_title"]),
        Paragraph(escape(exhibition.title.right.text), sheet["cover_title_second"]),
    ]
    band = sheet.length("cover_band_height") * 0.76
    # A one-cell table of the block's height centres the titles vertically, however many lines.
    centred = Table([[KeepInFrame(width, band, title, mode="shrink")]], colWidths=[width], rowHeights=[band])
    centred.setStyle(
        sheet.table_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [
        centred,
        FrameBreak(),
        Paragraph(escape(exhibition.subtitle.left.text), sheet["cover_subtitle"]),
        Paragraph(escape(exhibition.subtitle.right.text), sheet["cover_subtitle"]),
        Paragraph(escape(exhibition.edition.left.text), sheet["cover_meta"]),
        Paragraph(escape(exhibition.edition.right.text), sheet["cover_meta"]),
    ]


def _contents(sheet: Sheet) -> TableOfContents:
    layout = sheet.table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return TableOfContents(levelStyles=[sheet["toc_0"], sheet["toc_1"]], tableStyle=layout, dotsMinLevel=0)


def _section_heading(blocks: Blocks, pair: Pair, *, first: bool = True) -> Flowable:
    """A top-level heading in both languages over an accent rule (a section's first thing on a page)."""
    heading = blocks.heading(pair, "h1")
    thickness = blocks.sheet.length("section_rule")
    heading.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), thickness, blocks.sheet.palette.accent),
                ("BOTTOMPADDING", (0, 0), (-1, 0), blocks.sheet["h1"].fontSize * 0.5),
            ]
        )
    )
    heading.spaceAfter = blocks.sheet["h1"].fontSize * 0.6
    if not first:
        heading.spaceBefore = blocks.sheet["h1"].fontSize * 2
    return heading


def _workshop(workshop: WorkshopContent, blocks: Blocks, sheet: Sheet) -> list[Flowable]:
    headings = blocks.headings
    chart: Flowable = (
        concept_chart(workshop.concepts, blocks.width, sheet) if workshop.concepts else blocks.none()
    )
    return [
        SectionAnchor(both(workshop.name), f"workshop-{workshop.id}", 1),
        _section_heading(blocks, workshop.name),
        blocks.pair(workshop.scope, "lead"),
        blocks.heading(headings.figures),
        *blocks.facts(workshop.facts),
        blocks.heading(headings.concepts),
        chart,
        blocks.heading(headings.commitments),
        *blocks.commitments(workshop.commitments),
        blocks.heading(headings.recommendations),
        *blocks.pairs(workshop.recommendations),
        blocks.heading(headings.practices),
        *blocks.practices(workshop.practices),
        blocks.heading(headings.quotes),
        *blocks.quotes(workshop.quotes),
    ]


# Tables ----------------------------------------------------------------------------------------


def _register(items: Sequence[CommitmentItem], blocks: Blocks, sheet: Sheet) -> Flowable:
    """Every commitment, one row each; the header row repeats on every page the table runs to."""
    if not items:
        return blocks.none()
    h = blocks.headings
    header = [_head(pair, sheet) for pair in (h.city, h.commitment, h.deadline, h.workshop, h.source)]
    rows = [
        [
            Paragraph(escape(item.city), sheet["table_cell"]),
            _both_cell(item.text, sheet),
            _both_cell(item.deadline, sheet),
            _both_cell(item.workshop, sheet),
            Paragraph(escape(item.source), sheet["table_small"]),
        ]
        for item in items
    ]
    return _table([header, *rows], REGISTER_COLUMNS, blocks.width, sheet)


def _cities(cities: Sequence[CityRow], blocks: Blocks, sheet: Sheet) -> Flowable:
    if not cities:
        return blocks.none()
    h = blocks.headings
    header = [_head(pair, sheet) for pair in (h.city, h.workshops, h.commitments, h.practices)]
    rows = [
        [
            Paragraph(escape(city.name), sheet["table_cell"]),
            _both_cell(city.workshops, sheet),
            Paragraph(str(city.commitments), sheet["table_cell"]),
            Paragraph(str(city.practices), sheet["table_cell"]),
        ]
        for city in cities
    ]
    table = _table([header, *rows], CITY_COLUMNS, blocks.width, sheet)
    table.setStyle(TableStyle([("ALIGN", (2, 1), (-1, -1), "RIGHT")]))
    return table


def _head(pair: Pair, sheet: Sheet) -> Paragraph:
    """A header cell in both languages: "City / Ville"."""
    return Paragraph(escape(both(pair)), sheet["table_head"])


def _both_cell(pair: Pair, sheet: Sheet) -> list[Flowable]:
    """The left-language text, then the right-language one in grey (once if they agree)."""
    cell = _text_cell(pair.left, sheet, "table_cell")
    if pair.right.text.strip() != pair.left.text.strip() or pair.right.marker:
        cell += _text_cell(pair.right, sheet, "table_second")
    return cell


def _text_cell(text: Text, sheet: Sheet, style: str) -> list[Flowable]:
    cell: list[Flowable] = [Paragraph(text_markup(text), sheet[style])]
    if text.marker:
        cell.append(Paragraph(escape(text.marker), sheet["table_small"]))
    return cell


def _table(rows: list[list[Any]], shares: Sequence[float], width: float, sheet: Sheet) -> Table:
    palette = sheet.palette
    table = Table(rows, colWidths=[share * width for share in shares], repeatRows=1)
    table.setStyle(
        sheet.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), palette.header_fill),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, palette.accent),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, palette.zebra]),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, palette.rule),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


__all__ = ["render_booklet"]
