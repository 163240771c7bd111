"""Errors raised while writing documents."""

from __future__ import annotations

from synthesis.errors import SynthesisError


class DocumentError(SynthesisError):
    """A document could not be written: a bad logo, colour, size or stored synthesis."""
