"""Backends in order of trust; what none of them translates stays in its original language."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from synthesis.translate.base import Segment, Translation, TranslationError, Translator

log = logging.getLogger(__name__)


class TranslatorChain:
    def __init__(self, backends: Sequence[Translator]) -> None:
        self.backends = list(backends)
        self.failures: list[str] = []  # backends that failed this run, with why

    def translate(self, segments: Sequence[Segment]) -> list[Translation]:
        done: list[Translation | None] = [
            Translation(s, s.text, "original") if s.source == s.target else None for s in segments
        ]
        for backend in self.backends:
            pending = [i for i, t in enumerate(done) if t is None]
            if not pending:
                break
            try:
                found = backend.translate([segments[i] for i in pending])
            except TranslationError as error:
                # A failing engine costs its translations, never the night's documents.
                self.failures.append(f"{backend.name}: {error.message}")
                log.warning("%s", error.message)
                continue
            for index, text in zip(pending, found, strict=True):
                if text:
                    done[index] = Translation(segments[index], text, backend.origin, backend.name)
        return [t or Translation(s, s.text, "original") for t, s in zip(done, segments, strict=True)]

    @staticmethod
    def untranslated(translations: Sequence[Translation]) -> list[Segment]:
        return [
            t.segment for t in translations if t.origin == "original" and t.segment.source != t.segment.target
        ]
