"""Free text from the notes, translated once per run for both columns of the documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from synthesis.documents.names import named_as_written
from synthesis.models import Language, SummitSynthesis
from synthesis.translate.base import Segment, Translation
from synthesis.translate.chain import TranslatorChain


def free_texts(synthesis: SummitSynthesis) -> Iterator[tuple[str, Language]]:
    """Every sentence the documents quote (commitments, recommendations, practices and quotes),
    and every actor they can only name with the note's words ("A local NGO from Düsseldorf")."""
    for workshop in synthesis.workshops:
        for commitment in workshop.commitments:
            yield commitment.text, commitment.language
            if named_as_written(commitment.actor):
                yield commitment.actor.text, commitment.language
        for recommendation in workshop.recommendations:
            yield recommendation.source.quote, recommendation.language
        for practice in workshop.best_practices:
            yield practice.text, practice.language
        for quote in workshop.quotes:
            yield quote.text, quote.language


def wanted_translations(
    synthesis: SummitSynthesis, languages: tuple[Language, Language]
) -> list[tuple[str, Language, Language]]:
    """(text, source, target) for every free text and every column not in its language, once each."""
    return list(
        dict.fromkeys(
            (text, source, target)
            for text, source in free_texts(synthesis)
            for target in languages
            if source != target
        )
    )


@dataclass(frozen=True)
class TranslatedTexts:
    """Each (text, source language, target language) and how it reads in the target."""

    found: dict[tuple[str, Language, Language], Translation]
    failures: tuple[str, ...] = ()  # backends that failed this run, with why

    def get(self, text: str, source: Language, target: Language) -> Translation:
        segment = Segment(text, source, target)
        return self.found.get((text, source, target)) or Translation(segment, text, "original")

    def needed(self) -> list[Translation]:
        """The translations a reader sees, i.e. those into another language."""
        return [t for t in self.found.values() if t.segment.source != t.segment.target]

    def untranslated(self) -> list[Segment]:
        return [t.segment for t in self.needed() if t.origin == "original"]

    def counts(self) -> Counter[str]:
        """How many segments each origin ("memory", "machine", "original") provided."""
        return Counter(t.origin for t in self.needed())

    def engines(self) -> tuple[str, ...]:
        return tuple(sorted({t.engine for t in self.needed() if t.origin == "machine" and t.engine}))

    def origins(self, wanted: Iterable[tuple[str, Language, Language]]) -> Counter[str]:
        """How the reader sees each wanted translation: "memory", "machine" or "original" (none yet).

        Unlike `counts`, a text the chain was never asked about counts as untranslated.
        """
        return Counter(self.get(text, source, target).origin for text, source, target in wanted)


def translate_free_text(
    synthesis: SummitSynthesis, languages: tuple[Language, Language], chain: TranslatorChain
) -> TranslatedTexts:
    """One call to the chain for the whole run, so an HTTP backend sees a few large batches."""
    wanted = wanted_translations(synthesis, languages)
    segments = [Segment(text, source, target) for text, source, target in wanted]
    translations = chain.translate(segments)
    return TranslatedTexts(
        found={(t.segment.text, t.segment.source, t.segment.target): t for t in translations},
        failures=tuple(chain.failures),
    )
