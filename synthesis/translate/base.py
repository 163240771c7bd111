"""What every translation backend takes and gives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from synthesis.errors import SynthesisError
from synthesis.models import Language

Origin = Literal["original", "memory", "machine"]


class TranslationError(SynthesisError):
    """A backend failed; the chain moves on to the next one."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of free text to show in `target`, written in `source`."""

    text: str
    source: Language
    target: Language


@dataclass(frozen=True, slots=True)
class Translation:
    segment: Segment
    text: str
    origin: Origin  # "original": shown untranslated, with a marker; "machine": labelled as such
    engine: str | None = None

    @property
    def marker(self) -> str | None:
        """What the reader is told: 'original: FR', 'machine translation (argos)', or nothing."""
        if self.origin == "original":
            return f"original: {self.segment.source.upper()}"
        if self.origin == "machine":
            return f"machine translation ({self.engine})" if self.engine else "machine translation"
        return None


class Translator(Protocol):
    name: str
    origin: Origin

    def translate(self, segments: list[Segment]) -> list[str | None]:
        """A translation per segment, or None where this backend has none."""
        ...
