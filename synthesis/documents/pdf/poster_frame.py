"""The poster's frame: the accent band across the top and the footer along the bottom.

Both name who stands behind the poster, the organiser (and the city presenting it, when a city
reuses the exhibition), in both languages. The band grows with its text rather than shrinking
it: a logo beside a long name wraps it, and on a wall no line may fall under the body size.
"""

from __future__ import annotations

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from synthesis.documents.content import Exhibition, Pair, WorkshopContent
from synthesis.documents.pdf.blocks import SEPARATOR
from synthesis.documents.pdf.charts import qr_code
from synthesis.documents.pdf.logo import fit
from synthesis.documents.pdf.markup import both, escape
from synthesis.documents.pdf.styles import Sheet

# The footer's share of the width for the QR code's caption, which may wrap beside the code:
# the rest goes to who, place and edition, which would otherwise wrap under one another.
CAPTION_SHARE = 0.3


def who(exhibition: Exhibition) -> list[str]:
    """Markup lines naming the presenter and the organiser, one per language (once if alike).

    Hand-made content may lack the organiser: the metadata's one-line author stands in.
    """
    organiser = exhibition.organiser
    if organiser is None:
        return [escape(exhibition.author)]
    presenter = exhibition.presenter
    lines = []
    for side in ("left", "right"):
        parts = [getattr(organiser, side).text]
        if presenter is not None:
            parts.insert(0, getattr(presenter, side).text)
        lines.append(escape(SEPARATOR.join(parts)))
    return lines[:1] if lines[0] == lines[1] else lines


def draw_band(
    canvas: Canvas, exhibition: Exhibition, sheet: Sheet, logo: ImageReader | None, page: tuple[float, float]
) -> float:
    """The accent band across the top: who and the summit on the left, the logo on a white card
    on the right. Returns the band's lower edge."""
    page_width, page_height = page
    left = sheet.length("margin_left")
    right = page_width - sheet.length("margin_right")
    logo_size = fit(logo, (right - left) / 3, sheet.length("logo_height")) if logo is not None else None
    if logo_size is not None:
        right -= logo_size[0] + 2 * _card_padding(sheet, logo_size) + sheet.length("gutter")

    lines = [Paragraph(line, sheet["organiser"]) for line in who(exhibition)]
    lines.append(Paragraph(escape(both(exhibition.title)), sheet["band_title"]))
    text_height = sum(_height(canvas, line, right - left) for line in lines)
    text_height += sum(line.getSpaceBefore() for line in lines[1:])
    padding = sheet.length("band_padding")
    height = max(sheet.length("band_height"), text_height + 2 * padding)
    bottom = page_height - sheet.length("margin_top") - height

    canvas.setFillColor(sheet.palette.accent)
    canvas.rect(0, bottom, page_width, height, stroke=0, fill=1)
    if logo is not None and logo_size is not None:
        _draw_logo(canvas, sheet, logo, logo_size, page_width - sheet.length("margin_right"), bottom, height)
    y = bottom + (height + text_height) / 2  # the text block centred in the band
    for index, line in enumerate(lines):
        y -= line.height + (line.getSpaceBefore() if index else 0)
        line.drawOn(canvas, left, y)
    return float(bottom)


def _height(canvas: Canvas, paragraph: Paragraph, width: float) -> float:
    _, height = paragraph.wrapOn(canvas, width, 1e6)
    return float(height)


def _card_padding(sheet: Sheet, logo_size: tuple[float, float]) -> float:
    """Around the logo on its card: a quarter of what the band's usual height leaves free."""
    return (sheet.length("band_height") - logo_size[1]) / 4


def _draw_logo(
    canvas: Canvas,
    sheet: Sheet,
    logo: ImageReader,
    size: tuple[float, float],
    right: float,
    bottom: float,
    height: float,
) -> None:
    """The logo on a white rounded card, so any logo reads on any accent colour."""
    logo_width, logo_height = size
    pad = _card_padding(sheet, size)
    card_left = right - logo_width - 2 * pad
    middle = bottom + height / 2
    canvas.setFillColor(sheet.palette.on_accent)
    canvas.roundRect(
        card_left,
        middle - logo_height / 2 - pad,
        logo_width + 2 * pad,
        logo_height + 2 * pad,
        pad,
        stroke=0,
        fill=1,
    )
    canvas.drawImage(logo, card_left + pad, middle - logo_height / 2, logo_width, logo_height, mask="auto")


def draw_footer(
    canvas: Canvas, exhibition: Exhibition, workshop: WorkshopContent, sheet: Sheet, left: float, width: float
) -> float:
    """Who, place, dates and edition on the left; on the right the QR code with its caption beside
    it and its address under both, for whoever cannot scan. Returns the footer's upper edge (its rule).
    """
    info: list[Flowable] = [
        Paragraph("<br/>".join(who(exhibition)), sheet["footer_title"]),
        Paragraph(_two_lines(exhibition.subtitle), sheet["footer"]),
        Paragraph(_two_lines(exhibition.edition), sheet["footer"]),
    ]
    if not workshop.url:
        table = Table([[info]], colWidths=[width])
        commands: list[tuple[object, ...]] = []
    else:
        qr_size = qr_side(sheet)
        address = _address(workshop.url)
        style = sheet["address"]
        # The address, under the caption and the code, is typed by hand: it never wraps.
        address_width = stringWidth(address, style.fontName, style.fontSize) * 1.02
        caption_width = max(width * CAPTION_SHARE, address_width - qr_size)
        table = Table(
            [
                [
                    info,
                    Paragraph(_two_lines(exhibition.headings.scan), sheet["caption"]),
                    qr_code(workshop.url, qr_size, sheet.fonts.regular.name),
                ],
                ["", Paragraph(escape(address), style), ""],
            ],
            colWidths=[width - caption_width - qr_size, caption_width, qr_size],
        )
        commands = [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 1), (2, 1)), ("VALIGN", (1, 0), (1, 0), "MIDDLE")]
    table.setStyle(
        sheet.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), sheet.length("gutter") / 2),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
                ("RIGHTPADDING", (1, 1), (1, 1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *commands,
            ]
        )
    )
    _, height = table.wrap(width, qr_side(sheet) * 6)
    bottom = sheet.length("margin_bottom")
    table.drawOn(canvas, left, bottom)

    top = bottom + float(height) + sheet.length("footer_gap")
    canvas.setStrokeColor(sheet.palette.rule)
    canvas.setLineWidth(sheet.length("section_rule") / 2)
    canvas.line(left, top, left + width, top)
    return top


def qr_side(sheet: Sheet) -> float:
    """The size's QR code, never smaller than a phone reads from arm's length, whatever the paper.

    The sheet scales all its geometry with the paper, `qr_min` too: unscaled here.
    """
    return max(sheet.length("qr_size"), sheet.length("qr_min") / sheet.scale)


def _address(url: str) -> str:
    """The QR code's address as a reader types it: browsers add the scheme themselves."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme) :].rstrip("/")
    return url


def _two_lines(pair: Pair) -> str:
    """Both languages on separate lines, once if they agree."""
    if pair.left.text.strip() == pair.right.text.strip():
        return escape(pair.left.text)
    return f"{escape(pair.left.text)}<br/>{escape(pair.right.text)}"
