"""Checks on what a presenter brings: the accent colour and the logo file."""

from __future__ import annotations

import re
from pathlib import Path

from docx.image.exceptions import InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError
from docx.image.image import Image
from docx.shared import RGBColor

from synthesis.documents.errors import DocumentError

_HEX_COLOUR = re.compile(r"#([0-9A-Fa-f]{6})")
_LOGO_TYPES = ("image/png", "image/jpeg")
# Relative luminance above which black text reads better than white (WCAG contrast crossover).
_LIGHT_BACKGROUND = 0.179


def accent_colour(accent: str) -> RGBColor:
    """The colour of "#1F5C99"; DocumentError if `accent` is not six hex digits after '#'."""
    match = _HEX_COLOUR.fullmatch(accent.strip())
    if match is None:
        raise DocumentError(
            f"accent colour {accent!r} is not a hex colour like #1F5C99",
            hint="set the branding accent to '#' followed by six hex digits, e.g. #1F5C99",
        )
    return RGBColor.from_string(match.group(1).upper())


def text_colour_on(background: RGBColor) -> RGBColor:
    """Black or white, whichever reads better on `background` (a light accent gets black text)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = background
    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return RGBColor(0, 0, 0) if luminance > _LIGHT_BACKGROUND else RGBColor(0xFF, 0xFF, 0xFF)


def checked_logo(logo: Path) -> Path:
    """`logo` if it is a readable PNG or JPEG image; DocumentError saying what is wrong otherwise.

    Checked before the booklet is built, so a bad logo fails fast and names the file.
    """
    hint = "give the branding a readable PNG or JPEG logo, or none"
    if not logo.is_file():
        raise DocumentError(f"logo {logo} does not exist or is not a file", hint=hint)
    try:
        image = Image.from_file(str(logo))
    except (OSError, InvalidImageStreamError, UnexpectedEndOfFileError, UnrecognizedImageError) as error:
        raise DocumentError(f"logo {logo} cannot be read as an image ({error})", hint=hint) from error
    except Exception as error:  # a truncated header can surface as struct.error or IndexError
        raise DocumentError(f"logo {logo} is a damaged image ({error})", hint=hint) from error
    if image.content_type not in _LOGO_TYPES:
        raise DocumentError(f"logo {logo} is {image.content_type}, not a PNG or JPEG image", hint=hint)
    return logo
