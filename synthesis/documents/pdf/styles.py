"""Load `styles.yaml` into typed objects: the palette, the geometry and reportlab ParagraphStyles.

The data file holds every size and colour, so the look can be tuned without touching layout code.
A `Sheet` is one ready-to-use set for a document: the booklet, or a poster at one size.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib import resources
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from synthesis.datafiles import load_data_yaml
from synthesis.documents.errors import DocumentError
from synthesis.documents.pdf.fonts import FontFace, FontFamily, register_family

STYLES_FILE = "styles.yaml"
POSTER_SIZES = ("A0", "A1", "A2", "A3")

_HEX_COLOUR = re.compile(r"#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")
# Line widths and font sizes among the geometry are in points; the rest is page geometry in mm.
_POINT_LENGTHS = frozenset({"section_rule", "footer_size"})
_ALIGNMENTS = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "justify": TA_JUSTIFY}


@dataclass(frozen=True, slots=True)
class Palette:
    accent: colors.Color
    text: colors.Color
    muted: colors.Color
    rule: colors.Color
    on_accent: colors.Color
    header_fill: colors.Color
    zebra: colors.Color
    track: colors.Color

    def named(self, name: str) -> colors.Color:
        if name in _PALETTE_NAMES:
            return getattr(self, name)
        return parse_colour(name, what="colour in styles.yaml")


_PALETTE_NAMES = frozenset(f.name for f in fields(Palette))


@dataclass(frozen=True, slots=True)
class TextStyle:
    """One paragraph style as written in the data file (sizes in points)."""

    size: float
    leading: float
    colour: str = "text"
    bold: bool = False
    italic: bool = False
    space_before: float = 0.0
    space_after: float = 0.0
    align: str = "left"
    indent: float = 0.0
    right_indent: float = 0.0

    def scaled(self, factor: float) -> TextStyle:
        return replace(
            self,
            size=self.size * factor,
            leading=self.leading * factor,
            space_before=self.space_before * factor,
            space_after=self.space_after * factor,
            indent=self.indent * factor,
            right_indent=self.right_indent * factor,
        )


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """The concept bar chart, in points."""

    label_size: float
    label_leading: float
    count_size: float
    bar_height: float
    row_gap: float
    label_share: float  # part of the chart's width given to the labels

    def scaled(self, factor: float) -> ChartStyle:
        return replace(
            self,
            label_size=self.label_size * factor,
            label_leading=self.label_leading * factor,
            count_size=self.count_size * factor,
            bar_height=self.bar_height * factor,
            row_gap=self.row_gap * factor,
        )


@dataclass(frozen=True, slots=True)
class Sheet:
    """Everything a renderer needs to lay out one document; geometry in points."""

    fonts: FontFamily
    palette: Palette
    paragraphs: Mapping[str, ParagraphStyle]
    geometry: Mapping[str, float]
    chart: ChartStyle
    scale: float = 1.0

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.paragraphs[name]

    def length(self, name: str) -> float:
        return self.geometry[name]

    def table_style(self, commands: Sequence[tuple[Any, ...]]) -> TableStyle:
        """A TableStyle in the sheet's font.

        A Table sets its cells' font before drawing even flowable cells, Helvetica by default,
        which would put an unembedded standard font in the PDF: every table starts from this.
        """
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.regular.name), *commands])


def parse_colour(value: str, *, what: str = "accent colour") -> colors.Color:
    """A hex colour, "#1F5C99" or "#15A"; anything else is a DocumentError naming the value."""
    match = _HEX_COLOUR.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise DocumentError(
            f"Invalid {what} {value!r}",
            hint='Give a hex colour such as "#1F5C99" (six hex digits, "#" optional).',
        )
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return colors.HexColor(f"#{digits}")


@cache
def _load_data() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(STYLES_FILE).read_text(encoding="utf-8")
    data = load_data_yaml(text)
    if not isinstance(data, dict):
        raise DocumentError(f"{STYLES_FILE} is not a mapping", hint="Restore the file from the repository.")
    return data


def _section(data: Mapping[str, Any], key: str) -> Any:
    try:
        return data[key]
    except KeyError:
        raise DocumentError(
            f"{STYLES_FILE} has no {key!r} entry", hint="Restore the file from the repository."
        ) from None


def font_family() -> FontFamily:
    spec = _section(_load_data(), "fonts")
    faces = {key: FontFace(**spec[key]) for key in ("regular", "bold", "italic", "bold_italic")}
    return FontFamily(package=spec["package"], directory=spec["directory"], family=spec["family"], **faces)


def _palette(accent: str | None) -> Palette:
    spec = dict(_section(_load_data(), "colours"))
    if accent is not None:
        spec["accent"] = accent
    return Palette(
        **{
            name: parse_colour(spec[name], what="accent colour" if name == "accent" else f"colour {name!r}")
            for name in _PALETTE_NAMES
        }
    )


def _paragraph_style(name: str, style: TextStyle, fonts: FontFamily, palette: Palette) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=fonts.face(bold=style.bold, italic=style.italic),
        fontSize=style.size,
        leading=style.leading,
        textColor=palette.named(style.colour),
        spaceBefore=style.space_before,
        spaceAfter=style.space_after,
        alignment=_ALIGNMENTS[style.align],
        leftIndent=style.indent,
        rightIndent=style.right_indent,
        # Notes carry long URLs and file paths: break them rather than overflow a column.
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )


def _sheet(document: str, accent: str | None, scale: float) -> Sheet:
    spec = _section(_load_data(), document)
    fonts = font_family()
    register_family(fonts)
    palette = _palette(accent)
    text_styles = {name: TextStyle(**values).scaled(scale) for name, values in spec["styles"].items()}
    geometry = {
        name: float(value) * scale * (1 if name in _POINT_LENGTHS else mm)
        for name, value in spec["geometry"].items()
    }
    return Sheet(
        fonts=fonts,
        palette=palette,
        paragraphs={name: _paragraph_style(name, s, fonts, palette) for name, s in text_styles.items()},
        geometry=geometry,
        chart=ChartStyle(**spec["chart"]).scaled(scale),
        scale=scale,
    )


def booklet_sheet(accent: str | None = None) -> Sheet:
    return _sheet("booklet", accent, 1.0)


@dataclass(frozen=True, slots=True)
class TableLayout:
    """The booklet's tables (`booklet: tables:` in the data file); lengths in points."""

    register: tuple[float, ...]  # preferred column shares, adding up to 1
    cities: tuple[float, ...]
    padding: float
    font_floor: float
    widen_limit: float = 1.5  # how far past its share a column grows to keep a hyphenated word whole


def booklet_tables() -> TableLayout:
    spec = _section(_section(_load_data(), "booklet"), "tables")
    return TableLayout(
        register=tuple(float(share) for share in spec["register"]),
        cities=tuple(float(share) for share in spec["cities"]),
        padding=float(spec["padding"]),
        font_floor=float(spec["font_floor"]),
        widen_limit=float(spec.get("widen_limit", 1.5)),
    )


def poster_scale(size: str) -> float:
    scales: Mapping[str, float] = _section(_section(_load_data(), "poster"), "scale")
    if size not in POSTER_SIZES or size not in scales:
        raise DocumentError(
            f"Unknown poster size {size!r}",
            hint=f"Use one of {', '.join(POSTER_SIZES)}.",
        )
    return float(scales[size])


def poster_sheet(size: str, accent: str | None = None) -> Sheet:
    return _sheet("poster", accent, poster_scale(size))
