"""One exhibition poster per workshop: a single portrait page, A1 by default, A0–A3 on request.

The page has three regions: the accent band with the presenter, the summit and the logo at the
top, the footer with place, dates, edition and the QR code at the bottom, and the workshop's
content between them.
The content is laid out at the size's scale and, if it is still too long, shrunk as a whole to
fit its region: a poster never overflows and never gets a second page.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import pagesizes
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Table

from synthesis.documents.content import Exhibition, Pair, WorkshopContent
from synthesis.documents.pdf.blocks import Blocks
from synthesis.documents.pdf.charts import concept_chart, qr_code
from synthesis.documents.pdf.fitting import ShrinkToFit
from synthesis.documents.pdf.logo import fit, load_logo
from synthesis.documents.pdf.markup import both, escape
from synthesis.documents.pdf.metadata import metadata_for
from synthesis.documents.pdf.styles import POSTER_SIZES, Sheet, poster_sheet

QUOTES_ON_POSTER = 3


def render_poster(exhibition: Exhibition, workshop: WorkshopContent, path: Path, *, size: str = "A1") -> Path:
    """Write the workshop's poster to `path` and return it."""
    # Everything that can be wrong (size, colour, logo) fails here, before the file is opened.
    sheet = poster_sheet(size, exhibition.branding.accent)
    logo = load_logo(exhibition.branding.logo)
    page_width, page_height = getattr(pagesizes, size)

    metadata = metadata_for(exhibition, suffix=both(workshop.name), subject=both(workshop.scope))

    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(
        str(path),
        pagesize=(page_width, page_height),
        invariant=1,  # no timestamp or random id: the same input gives the same bytes
        pageCompression=1,
        lang=metadata.lang,
        # Without it reportlab's page preamble references Helvetica, which would then be listed.
        initialFontName=sheet.fonts.regular.name,
    )
    metadata.apply(canvas)

    left = sheet.length("margin_left")
    width = page_width - left - sheet.length("margin_right")
    band_bottom = _draw_band(canvas, exhibition, sheet, logo, page_width, page_height)
    footer_top = _draw_footer(canvas, exhibition, workshop, sheet, left, width)

    top = band_bottom - sheet.length("band_gap")
    bottom = footer_top + sheet.length("footer_gap")

    def build(story_width: float) -> list[Flowable]:
        return _content(exhibition, workshop, Blocks(sheet, exhibition.headings, story_width), sheet)

    content = ShrinkToFit(build, width, top - bottom)
    _, content_height = content.wrapOn(canvas, width, top - bottom)
    content.drawOn(canvas, left, top - content_height)

    canvas.showPage()
    canvas.save()
    return path


def _content(
    exhibition: Exhibition, workshop: WorkshopContent, blocks: Blocks, sheet: Sheet
) -> list[Flowable]:
    headings = exhibition.headings
    chart: Flowable = (
        concept_chart(workshop.concepts, blocks.width, sheet) if workshop.concepts else blocks.none()
    )
    return [
        blocks.pair(workshop.name, "title"),
        blocks.pair(workshop.scope, "scope"),
        blocks.heading(headings.figures, rule=True),
        *blocks.facts(workshop.facts),
        blocks.heading(headings.concepts, rule=True),
        chart,
        blocks.heading(headings.key_commitments, rule=True),
        *blocks.commitments(workshop.key_commitments),
        blocks.heading(headings.quotes, rule=True),
        *blocks.quotes(workshop.quotes[:QUOTES_ON_POSTER]),
        blocks.heading(headings.practices, rule=True),
        *blocks.practices(workshop.practices),
    ]


def _draw_band(
    canvas: Canvas,
    exhibition: Exhibition,
    sheet: Sheet,
    logo: ImageReader | None,
    page_width: float,
    page_height: float,
) -> float:
    """The accent band across the top: presenter on the left, logo on a white card on the right.

    Returns the band's lower edge.
    """
    height = sheet.length("band_height")
    bottom = page_height - sheet.length("margin_top") - height
    canvas.setFillColor(sheet.palette.accent)
    canvas.rect(0, bottom, page_width, height, stroke=0, fill=1)

    left = sheet.length("margin_left")
    right = page_width - sheet.length("margin_right")
    if logo is not None:
        logo_width, logo_height = fit(logo, (right - left) / 3, sheet.length("logo_height"))
        pad = (height - logo_height) / 4
        card_left = right - logo_width - 2 * pad
        canvas.setFillColor(sheet.palette.on_accent)
        canvas.roundRect(
            card_left,
            bottom + (height - logo_height) / 2 - pad,
            logo_width + 2 * pad,
            logo_height + 2 * pad,
            pad,
            stroke=0,
            fill=1,
        )
        canvas.drawImage(
            logo, card_left + pad, bottom + (height - logo_height) / 2, logo_width, logo_height, mask="auto"
        )
        right = card_left - sheet.length("gutter")

    # Presenter, then the summit's name: the poster's "who" and "where", centred in the band.
    lines = [
        Paragraph(escape(exhibition.author), sheet["presenter"]),
        Paragraph(escape(both(exhibition.title)), sheet["band_title"]),
    ]
    content = KeepInFrame(right - left, height * 0.8, lines, mode="shrink")
    _, content_height = content.wrapOn(canvas, right - left, height * 0.8)
    content.drawOn(canvas, left, bottom + (height - content_height) / 2)
    return bottom


def _draw_footer(
    canvas: Canvas, exhibition: Exhibition, workshop: WorkshopContent, sheet: Sheet, left: float, width: float
) -> float:
    """Place, dates and edition on the left; the QR code with its caption on the right.

    Returns the footer's upper edge (its rule).
    """
    info: list[Flowable] = [
        Paragraph(_two_lines(exhibition.subtitle), sheet["footer_title"]),
        Paragraph(_two_lines(exhibition.edition), sheet["footer"]),
    ]
    row: list[object] = [info]
    widths = [width]
    if workshop.url:
        qr_size = sheet.length("qr_size")
        caption_width = width * 0.3
        row += [
            [Paragraph(_two_lines(exhibition.headings.scan), sheet["caption"])],
            qr_code(workshop.url, qr_size, sheet.fonts.regular.name),
        ]
        widths = [width - caption_width - qr_size, caption_width, qr_size]

    gap = sheet.length("gutter") / 2
    table = Table([row], colWidths=widths)
    table.setStyle(
        sheet.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), gap),
                ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    _, height = table.wrap(width, sheet.length("qr_size") * 4)
    bottom = sheet.length("margin_bottom")
    table.drawOn(canvas, left, bottom)

    top = bottom + float(height) + sheet.length("footer_gap")
    canvas.setStrokeColor(sheet.palette.rule)
    canvas.setLineWidth(sheet.length("section_rule") / 2)
    canvas.line(left, top, left + width, top)
    return top


def _two_lines(pair: Pair) -> str:
    """Both languages on separate lines, once if they agree."""
    if pair.left.text.strip() == pair.right.text.strip():
        return escape(pair.left.text)
    return f"{escape(pair.left.text)}<br/>{escape(pair.right.text)}"


__all__ = ["POSTER_SIZES", "render_poster"]
