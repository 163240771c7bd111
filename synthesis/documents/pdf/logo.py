"""The presenter's logo: read once, checked before any page is written, scaled to fit a box."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.utils import ImageReader

from synthesis.documents.errors import DocumentError

_HINT = "Give a readable PNG or JPEG file as the logo, or no logo at all."


def load_logo(path: Path | None) -> ImageReader | None:
    """The image, or a DocumentError naming the file, so a bad logo fails before the PDF is started."""
    if path is None:
        return None
    if not path.is_file():
        raise DocumentError(f"Logo file not found: {path}", hint=_HINT)
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
    # Pillow and reportlab raise a variety of types for a corrupt or unsupported image.
    except Exception as error:
        raise DocumentError(f"Cannot read the logo {path}: {error}", hint=_HINT) from error
    if width <= 0 or height <= 0:
        raise DocumentError(f"The logo {path} is empty ({width}×{height} pixels)", hint=_HINT)
    return reader


def fit(reader: ImageReader, max_width: float, max_height: float) -> tuple[float, float]:
    """The largest size with the image's proportions inside the box."""
    width, height = reader.getSize()
    factor = min(max_width / width, max_height / height)
    return width * factor, height * factor
