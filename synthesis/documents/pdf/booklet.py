"""The A4 booklet: cover, contents, one section per workshop, the register, the city index,
the shared themes and the method, every section in parallel language columns.

The contents page is a reportlab TableOfContents filled by a multi-pass build: each section
starts with an invisible `SectionAnchor` that reports its page and adds a PDF bookmark.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
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

from synthesis.documents.content import Exhibition, Pair, WorkshopContent
from synthesis.documents.pdf.blocks import Blocks
from synthesis.documents.pdf.booklet_pages import Pages
from synthesis.documents.pdf.charts import concept_chart
from synthesis.documents.pdf.logo import load_logo
from synthesis.documents.pdf.markup import both, escape
from synthesis.documents.pdf.metadata import metadata_for
from synthesis.documents.pdf.register import city_table, register_table
from synthesis.documents.pdf.styles import Sheet, booklet_sheet


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
    pages = Pages(exhibition, sheet, logo)
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


# Story -----------------------------------------------------------------------------------------


def _story(exhibition: Exhibition, sheet: Sheet, width: float) -> list[Flowable]:
    blocks = Blocks(sheet, exhibition.headings, width)
    headings = exhibition.headings
    story: list[Flowable] = [*_cover(exhibition, sheet, width), NextPageTemplate("body"), PageBreak()]
    story += [_section_heading(blocks, headings.contents), _contents(sheet), PageBreak()]

    story.append(SectionAnchor(both(headings.workshops), "workshops", 0))
    if not exhibition.workshops:
        story += [_section_heading(blocks, headings.workshops), blocks.none()]
    for workshop in exhibition.workshops:
        story += [_section_break(sheet), *_workshop(workshop, blocks, sheet)]

    story += [
        _section_break(sheet),
        SectionAnchor(both(headings.register), "register", 0),
        _table_heading(blocks, headings.register),
        register_table(exhibition.register, blocks, sheet),
    ]
    story += [
        _section_break(sheet),
        SectionAnchor(both(headings.cities), "cities", 0),
        _table_heading(blocks, headings.cities),
        city_table(exhibition.cities, blocks, sheet),
        SectionAnchor(both(headings.shared_themes), "themes", 0),
        _section_heading(blocks, headings.shared_themes),
        *blocks.pairs(exhibition.shared_themes),
    ]
    story += [
        _section_break(sheet),
        SectionAnchor(both(headings.method), "method", 0),
        _section_heading(blocks, headings.method),
        *blocks.pairs(exhibition.method),
    ]
    if exhibition.method_facts:
        story += [blocks.heading(headings.figures), *blocks.facts(exhibition.method_facts)]
    return story


def _section_break(sheet: Sheet) -> Flowable:
    """A new page only if little is left of this one: a forced break after every section left
    pages three-quarters empty (a workshop's last two quotes alone on page 7)."""
    return CondPageBreak(sheet.length("section_min_space"))


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


def _section_heading(blocks: Blocks, pair: Pair) -> Flowable:
    """A top-level heading in both languages over an accent rule.

    Its space before separates it from the section above; at the top of a page the frame drops it.
    """
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
    heading.spaceBefore = blocks.sheet["h1"].fontSize * 2
    return heading


def _table_heading(blocks: Blocks, pair: Pair) -> Flowable:
    """A section heading over a long table: not kept with it, or reportlab would move both to the
    next page (and the contents would give the page the heading left); the section break before
    it leaves room for the first rows."""
    heading = _section_heading(blocks, pair)
    heading.keepWithNext = False
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


__all__ = ["render_booklet"]
