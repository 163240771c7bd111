"""One exhibition poster per workshop: a single portrait page, A1 by default, A0–A3 on request.

The page has three regions: the accent band with the presenter, the summit and the logo at the
top, the footer with place, dates, edition and the QR code at the bottom, and the workshop's
content between them. The content reads top-down: the workshop, its scope, the headline figure,
then key commitments, voices (quotes), best practices and the concept chart, every item in both
languages on one row, left column and right column.

A poster is read standing, so its text keeps its size: when the items `selection.py` chose do
not fit, the poster takes the `fit` steps of `selection.yaml` (drop the last items of a section
down to a count, shorten), trying again after each; only when all are taken is the content
shrunk as a whole. A poster never overflows and never gets a second page. The frame (band and
footer) is drawn by `poster_frame.py`, the items by `poster_items.py`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from reportlab.lib import pagesizes
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from synthesis.documents.content import Exhibition, Pair, WorkshopContent
from synthesis.documents.pdf.blocks import Blocks
from synthesis.documents.pdf.charts import concept_chart
from synthesis.documents.pdf.fitting import ShrinkToFit
from synthesis.documents.pdf.logo import load_logo
from synthesis.documents.pdf.markup import both, escape
from synthesis.documents.pdf.metadata import metadata_for
from synthesis.documents.pdf.poster_frame import draw_band, draw_footer
from synthesis.documents.pdf.poster_items import PosterItems
from synthesis.documents.pdf.styles import POSTER_SIZES, Sheet, poster_sheet
from synthesis.documents.selection import SECTIONS, rules


@dataclass(frozen=True, slots=True)
class Shown:
    """What of the chosen items the poster shows: how many per section, and the shortenings taken."""

    commitments: int
    quotes: int
    practices: int
    chart: int  # bars
    shortened: frozenset[str] = frozenset()  # of selection.SHORTENINGS


@dataclass(frozen=True, slots=True)
class Fitted:
    """The poster's content as drawn: `scale` above 1 means it was shrunk by that factor."""

    shown: Shown
    scale: float


def render_poster(exhibition: Exhibition, workshop: WorkshopContent, path: Path, *, size: str = "A1") -> Path:
    """Write the workshop's poster to `path` and return it."""
    render_poster_fitted(exhibition, workshop, path, size=size)
    return path


def render_poster_fitted(
    exhibition: Exhibition, workshop: WorkshopContent, path: Path, *, size: str = "A1"
) -> Fitted:
    """Write the workshop's poster to `path`; say what it shows and whether it was shrunk."""
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
    band_bottom = draw_band(canvas, exhibition, sheet, logo, (page_width, page_height))
    footer_top = draw_footer(canvas, exhibition, workshop, sheet, left, width)

    top = band_bottom - sheet.length("band_gap")
    bottom = footer_top + sheet.length("footer_gap")
    shown = _fewest_cut(canvas, exhibition, workshop, sheet, width, top - bottom)

    def build(story_width: float) -> list[Flowable]:
        return _content(exhibition, workshop, Blocks(sheet, exhibition.headings, story_width), shown)

    content = ShrinkToFit(build, width, top - bottom)
    content.wrapOn(canvas, width, top - bottom)
    content.drawOn(canvas, left, top - content.height)

    canvas.showPage()
    canvas.save()
    return Fitted(shown, content.scale)


def _fewest_cut(
    canvas: Canvas,
    exhibition: Exhibition,
    workshop: WorkshopContent,
    sheet: Sheet,
    width: float,
    height: float,
) -> Shown:
    """Every chosen item if they fit at full size; else the first lighter version (`fit` steps)
    that does, given back what the room its last step freed can take; the lightest if none fits."""

    def fits(shown: Shown) -> bool:
        story = _content(exhibition, workshop, Blocks(sheet, exhibition.headings, width), shown)
        return _natural_height(canvas, story, width) <= height

    full = Shown(
        len(workshop.key_commitments),
        len(workshop.poster_quotes),
        len(workshop.poster_practices),
        min(len(workshop.concepts), rules().chart.max),
    )
    taken = [full]
    for lighter in _lighter(full):
        if fits(taken[-1]):
            break
        taken.append(lighter)
    else:
        if not fits(taken[-1]):
            return taken[-1]  # the lightest, to be shrunk
    # A late step (a quote) may free more room than the early ones (a practice) took: take back
    # what they cut, the latest first, as long as it fits.
    shown = taken[-1]
    for before, after in reversed(list(pairwise(taken[:-1]))):
        back = _undo(shown, before, after)
        if back != shown and fits(back):
            shown = back
    return shown


def _undo(shown: Shown, before: Shown, after: Shown) -> Shown:
    """`shown` with the change from `before` to `after` (one item, or one shortening) undone."""
    if before.shortened != after.shortened:
        return replace(shown, shortened=shown.shortened & before.shortened)
    counts = {name: getattr(shown, name) + getattr(before, name) - getattr(after, name) for name in SECTIONS}
    return replace(shown, **counts)


def _lighter(shown: Shown) -> Iterator[Shown]:
    """Each lighter poster in turn, one item fewer or one shortening more, as the `fit` steps say."""
    for step in rules().fit:
        if step.shorten is not None and step.shorten not in shown.shortened:
            shown = replace(shown, shortened=shown.shortened | {step.shorten})
            yield shown
        while step.drop is not None and getattr(shown, step.drop) > step.to:
            shown = replace(shown, **{step.drop: getattr(shown, step.drop) - 1})
            yield shown


def _natural_height(canvas: Canvas, story: list[Flowable], width: float) -> float:
    """The story's height at full size, spaced as ShrinkToFit (and a Frame) spaces it."""
    total = 0.0
    for index, flowable in enumerate(story):
        if index > 0:
            total += story[index - 1].getSpaceAfter() + flowable.getSpaceBefore()
        total += flowable.wrapOn(canvas, width, 1e9)[1]
    return total


def _content(
    exhibition: Exhibition, workshop: WorkshopContent, blocks: Blocks, shown: Shown
) -> list[Flowable]:
    headings = exhibition.headings
    every_pointer = "pointers" not in shown.shortened
    items = PosterItems(blocks, workshop.booklet_pointer, every_pointer=every_pointer)
    story: list[Flowable] = [*_title(workshop.name, blocks), blocks.pair(workshop.scope, "scope")]
    if workshop.headline is not None:
        story.append(blocks.pair(workshop.headline, "headline"))
    story += [
        blocks.heading(headings.key_commitments, rule=True),
        *items.commitments(workshop.key_commitments[: shown.commitments]),
        blocks.heading(headings.quotes, rule=True),
        *items.quotes(workshop.poster_quotes[: shown.quotes]),
        blocks.heading(headings.practices, rule=True),
        *items.practices(workshop.poster_practices[: shown.practices]),
        blocks.heading(headings.concepts, rule=True),
    ]
    if not workshop.concepts:
        return [*story, blocks.none()]
    story.append(concept_chart(workshop.concepts, blocks.width, blocks.sheet, limit=shown.chart))
    if workshop.chart_caption is not None and "chart_caption" not in shown.shortened:
        story.append(blocks.pair(workshop.chart_caption, "chart_caption"))
    return story


def _title(name: Pair, blocks: Blocks) -> list[Flowable]:
    """The workshop's name across the page, left language above right: poster-sized, one word of
    it would not fit a column. Once if both languages name it alike."""
    title = [blocks.paragraph(escape(name.left.text), "title")]
    if name.right.text.strip() != name.left.text.strip():
        title.append(blocks.paragraph(escape(name.right.text), "title_second"))
    return title


__all__ = ["POSTER_SIZES", "Fitted", "Shown", "render_poster", "render_poster_fitted"]
