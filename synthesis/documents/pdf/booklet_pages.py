"""What the booklet draws on every page behind the flowing text: the cover's accent block, logo
and credits, and the running footer of the other pages.

Both name who presents the exhibition and the Observatory that organises it, in each column's
language ("Köln · Internationale Beobachtungsstelle…" over "Cologne · International
Observatory…"): a city's kit credits the Observatory in the language of each of its readers.
"""

from __future__ import annotations

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Paragraph

from synthesis.documents.content import Exhibition
from synthesis.documents.pdf.blocks import credit_lines
from synthesis.documents.pdf.logo import fit
from synthesis.documents.pdf.markup import both, escape
from synthesis.documents.pdf.styles import Sheet

# Footer lines, in font sizes: from one baseline to the next, and from the first up to the rule.
FOOTER_LEADING = 1.3
FOOTER_RULE = 1.6
COVER_GAP = 0.3  # between the cover's credit lines, in their leading


class Pages:
    """Page templates: the cover's frames and drawing, the body's frame and footer."""

    def __init__(self, exhibition: Exhibition, sheet: Sheet, logo: ImageReader | None) -> None:
        self.exhibition = exhibition
        self.sheet = sheet
        self.logo = logo
        self.credits = credit_lines(exhibition)

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

        # Logo and credits above the band, on white: any logo colours stay legible.
        top = page_height - document.topMargin
        left = document.leftMargin
        logo_height = 0.0
        if self.logo is not None:
            width, logo_height = fit(self.logo, document.width / 3, sheet.length("cover_logo_height"))
            canvas.drawImage(self.logo, left, top - logo_height, width, logo_height, mask="auto")
            left += width + sheet.length("gutter") * 2
        # One paragraph per language, a little apart: a German name wrapped over two lines must
        # not read as running on into the English one.
        style = sheet["cover_presenter"]
        gap = style.leading * COVER_GAP
        credits = [Paragraph(escape(line), style) for line in self.credits]
        heights = [
            c.wrapOn(canvas, document.leftMargin + document.width - left, page_height)[1] for c in credits
        ]
        height = sum(heights) + gap * (len(credits) - 1)
        # Beside the logo, centred on it; alone, at the top margin.
        y = top - max(height, (logo_height + height) / 2) + height
        for credit, credit_height in zip(credits, heights, strict=True):
            y -= credit_height
            credit.drawOn(canvas, left, y)
            y -= gap
        canvas.restoreState()

    def draw_body(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """Footer under a hairline: the credits on the left, one line per language, and the page
        number on the right of the first."""
        sheet = self.sheet
        size = sheet.length("footer_size")
        left, right = document.leftMargin, document.leftMargin + document.width
        baseline = sheet.length("footer_offset")
        canvas.saveState()
        canvas.setStrokeColor(sheet.palette.rule)
        canvas.setLineWidth(0.5)
        canvas.line(left, baseline + size * FOOTER_RULE, right, baseline + size * FOOTER_RULE)
        canvas.setFont(sheet.fonts.regular.name, size)
        canvas.setFillColor(sheet.palette.muted)
        canvas.drawString(left, baseline, self.credits[0])
        canvas.drawRightString(
            right, baseline, f"{both(self.exhibition.headings.page)} {canvas.getPageNumber()}"
        )
        # Further lines below the first, so the rule and the text above them do not move.
        for n, line in enumerate(self.credits[1:], start=1):
            canvas.drawString(left, baseline - n * size * FOOTER_LEADING, line)
        canvas.restoreState()
