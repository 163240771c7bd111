"""PDF renderer of the exhibition documents: posters (one per workshop) and the booklet.

Both lay out an `Exhibition` (see `synthesis.documents.content`) with reportlab, embedding
DejaVu Sans; the look lives in `styles.yaml`, every printed word comes from the Exhibition.
"""

from __future__ import annotations

from synthesis.documents.pdf.booklet import render_booklet
from synthesis.documents.pdf.poster import render_poster
from synthesis.documents.pdf.styles import POSTER_SIZES

__all__ = ["POSTER_SIZES", "render_booklet", "render_poster"]
