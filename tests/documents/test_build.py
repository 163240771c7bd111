from __future__ import annotations

import pytest

from synthesis.documents.build import build_exhibition
from synthesis.documents.errors import DocumentError
from synthesis.documents.translation import TranslatedTexts, free_texts, translate_free_text
from synthesis.models import Language, SummitSynthesis
from synthesis.translate.base import Segment
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.memory import TranslationMemory


class Upper:
    """A pretend machine translator: upper-cases, so its output is recognisable."""

    name = "upper"
    origin = "machine"

    def translate(self, segments: list[Segment]) -> list[str | None]:
        return [s.text.upper() for s in segments]


def _french_commitment(synthesis: SummitSynthesis) -> str:
    return next(c.source.quote for w in synthesis.workshops for c in w.commitments if c.language == "fr")


def test_workshops_in_summit_order_with_both_languages(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    assert [w.id for w in exhibition.workshops] == list(sample_synthesis.summit.workshop_ids)  # type: ignore[union-attr]
    first = exhibition.workshops[0]
    assert (first.name.left.text, first.name.right.text) == ("Communicative cities", "Villes communicatives")
    assert exhibition.headings.register.right.text == "Registre des engagements"
    assert sum(len(w.commitments) for w in exhibition.workshops) == len(exhibition.register)


def test_untranslated_text_is_shown_in_the_original_with_a_marker(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    french = _french_commitment(sample_synthesis)
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    item = next(c for c in exhibition.register if c.text.right.text == french)
    assert item.text.right.marker is None and item.text.right.verbatim
    assert (item.text.left.text, item.text.left.language) == (french, "fr")
    assert item.text.left.marker == "original: FR"


def test_memory_and_machine_translations(sample_synthesis: SummitSynthesis) -> None:
    french = _french_commitment(sample_synthesis)
    memory = TranslationMemory({("fr", "en", french): "Our human translation."})
    texts = translate_free_text(sample_synthesis, ("en", "fr"), TranslatorChain([memory, Upper()]))
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=texts)
    by_original = {c.text.right.text: c for c in exhibition.register}
    assert by_original[french].text.left.text == "Our human translation."
    assert by_original[french].text.left.marker is None
    english = next(c for c in exhibition.register if c.text.left.language == "en" and c.text.left.verbatim)
    assert english.text.right.text == english.text.left.text.upper()
    assert english.text.right.marker == "traduction automatique (upper)"
    assert texts.counts()["memory"] == 1 and texts.counts()["original"] == 0


def test_every_pair_of_languages(sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts) -> None:
    pairs: list[tuple[Language, Language]] = [
        ("en", "fr"),
        ("fr", "en"),
        ("de", "en"),
        ("en", "de"),
        ("fr", "de"),
        ("de", "fr"),
    ]
    expected = {
        "en": "Commitments register",
        "fr": "Registre des engagements",
        "de": "Verzeichnis der Zusagen",
    }
    for left, right in pairs:
        exhibition = build_exhibition(sample_synthesis, languages=(left, right), texts=no_translations)
        assert exhibition.headings.register.left.text == expected[left]
        assert exhibition.headings.register.right.text == expected[right]
        assert exhibition.workshops[0].name.left.language == left


def test_free_text_is_each_quoted_sentence(sample_synthesis: SummitSynthesis) -> None:
    texts = list(free_texts(sample_synthesis))
    expected = [
        (item.source.quote, item.language)
        for w in sample_synthesis.workshops
        for item in (*w.commitments, *w.recommendations, *w.best_practices)
    ] + [(q.text, q.language) for w in sample_synthesis.workshops for q in w.quotes]
    assert sorted(texts) == sorted(expected)


def test_key_commitments_are_few_and_spread_over_cities(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    for workshop in exhibition.workshops:
        keys = workshop.key_commitments
        assert min(3, len(workshop.commitments)) <= len(keys) <= 6
        cities = [k.city for k in keys]
        distinct = len({c.city for c in workshop.commitments})
        assert len(set(cities)) == min(len(keys), distinct)


def test_refuses_what_it_cannot_render(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    with pytest.raises(DocumentError, match="same"):
        build_exhibition(sample_synthesis, languages=("fr", "fr"), texts=no_translations)
    old = sample_synthesis.model_copy(update={"summit": None})
    with pytest.raises(DocumentError, match="no summit description") as error:
        build_exhibition(old, languages=("en", "fr"), texts=no_translations)
    assert "summit run" in error.value.hint
