from __future__ import annotations

import re

import pytest

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import Branding, CommitmentItem, Exhibition, Pair
from synthesis.documents.errors import DocumentError
from synthesis.documents.names import named_as_written
from synthesis.documents.translation import (
    TranslatedTexts,
    free_texts,
    translate_free_text,
    wanted_translations,
)
from synthesis.models import Language, SummitSynthesis
from synthesis.translate.base import Origin, Segment, Translation
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.memory import TranslationMemory


class Upper:
    """A pretend machine translator: upper-cases, so its output is recognisable."""

    name = "upper"
    origin: Origin = "machine"

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


def test_free_text_is_each_quoted_sentence_and_each_actor_named_as_written(
    sample_synthesis: SummitSynthesis,
) -> None:
    texts = list(free_texts(sample_synthesis))
    commitments = [c for w in sample_synthesis.workshops for c in w.commitments]
    expected = [(c.source.quote, c.language) for c in commitments]
    expected += [(c.actor.text, c.language) for c in commitments if named_as_written(c.actor)]
    expected += [(r.source.quote, r.language) for w in sample_synthesis.workshops for r in w.recommendations]
    expected += [(p.source.quote, p.language) for w in sample_synthesis.workshops for p in w.best_practices]
    expected += [(q.text, q.language) for w in sample_synthesis.workshops for q in w.quotes]
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


def _commitment_by_actor(exhibition: Exhibition, actor_id: str, synthesis: SummitSynthesis) -> CommitmentItem:
    wanted = next(c.id for w in synthesis.workshops for c in w.commitments if c.actor.id == actor_id)
    return next(item for item in exhibition.register if item.id == wanted)


def _names(pair: Pair | None) -> tuple[str, str]:
    assert pair is not None
    return pair.left.text, pair.right.text


def test_cities_and_organisations_are_named_in_each_columns_language(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    en_fr = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    montreal = _commitment_by_actor(en_fr, "montreal", sample_synthesis)
    assert _names(montreal.actor) == ("Montreal", "Montréal") and montreal.city == "Montreal"
    observatory = _commitment_by_actor(en_fr, "observatory", sample_synthesis)
    assert _names(observatory.actor) == (
        "International Observatory of Mayors on Living Together",
        "Observatoire international des maires sur le vivre ensemble",
    )
    practice = next(p for w in en_fr.workshops for p in w.practices if p.initiative.startswith("Welcome"))
    assert _names(practice.actor) == ("Montreal", "Montréal")
    rows = {row.name: row for row in en_fr.cities}
    assert _names(rows["Geneva"].names) == ("Geneva", "Genève")

    de_en = build_exhibition(sample_synthesis, languages=("de", "en"), texts=no_translations)
    geneva = _commitment_by_actor(de_en, "geneva", sample_synthesis)
    assert _names(geneva.actor) == ("Genf", "Geneva")
    assert _names(_commitment_by_actor(de_en, "brussels", sample_synthesis).actor) == ("Brüssel", "Brussels")
    assert [row.name for row in de_en.cities][:3] == ["Abidjan", "Algier", "Beerscheba"]


def test_actors_without_a_place_are_catalog_messages(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    # The notes say "Les participants", "Die Städte", "All cities present", "Plusieurs villes".
    en_fr = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    assert _names(_commitment_by_actor(en_fr, "participants", sample_synthesis).actor) == (
        "Participants",
        "Participants",
    )
    de_en = build_exhibition(sample_synthesis, languages=("de", "en"), texts=no_translations)
    collectives = {_names(item.actor) for item in de_en.register if item.city == "Teilnehmende"}
    assert collectives == {("Teilnehmende", "Participants")}
    several = next(item for item in en_fr.register if item.text.right.text.startswith("Plusieurs villes"))
    assert _names(several.actor) == ("Several cities", "Plusieurs villes")
    unnamed = {item.actor.right.text for item in en_fr.register if item.actor}
    assert not {"Les participants", "Die Städte", "Die Teilnehmenden"} & unnamed


def test_the_observatory_and_the_summit_are_named_in_both_languages(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    en_fr = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    assert _names(en_fr.organiser) == (
        "International Observatory of Mayors on Living Together",
        "Observatoire international des maires sur le vivre ensemble",
    )
    assert en_fr.presenter is None
    assert _names(en_fr.title)[1] == "2e Sommet international des maires sur le vivre ensemble"
    assert _names(en_fr.subtitle) == (
        "Düsseldorf, 30 August – 1 September 2019",
        "Düsseldorf, 30 août – 1er septembre 2019",
    )
    # A city's kit: the city in each language, and the Observatory stays named beside it.
    kit = build_exhibition(
        sample_synthesis,
        languages=("de", "en"),
        texts=no_translations,
        branding=Branding(presenter="Cologne"),
    )
    assert _names(kit.presenter) == ("Köln", "Cologne")
    assert _names(kit.organiser) == (
        "Internationale Beobachtungsstelle der Bürgermeister für das Zusammenleben",
        "International Observatory of Mayors on Living Together",
    )
    assert kit.author == "Köln · Internationale Beobachtungsstelle der Bürgermeister für das Zusammenleben"


def test_a_quote_keeps_its_original_with_a_language_label(sample_synthesis: SummitSynthesis) -> None:
    quotes = {q.language: q for w in sample_synthesis.workshops for q in w.quotes}
    french, german = quotes["fr"].text, quotes["de"].text
    memory = TranslationMemory({("fr", "en", french): "Our human translation."})
    texts = translate_free_text(sample_synthesis, ("en", "fr"), TranslatorChain([memory, Upper()]))
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=texts)
    by_id = {q.id: q for w in exhibition.workshops for q in w.quotes}

    item = by_id[quotes["fr"].id]
    assert item.original is None  # French is a column of the pair: the right column is the original
    assert (item.text.right.text, item.text.right.marker, item.text.right.verbatim) == (
        french,
        "original en français",
        True,
    )
    assert (item.text.left.text, item.text.left.marker) == (
        "Our human translation.",
        "translated from French",
    )

    item = by_id[quotes["de"].id]
    assert item.original is not None
    assert (item.original.left.text, item.original.left.language) == (german, "de")
    assert item.original.left.verbatim and item.original.right.verbatim
    assert (item.original.left.marker, item.original.right.marker) == (
        "original in German",
        "original en allemand",
    )
    assert item.text.left.text == german.upper()
    assert item.text.left.marker == "machine translation (upper)"
    assert item.text.right.marker == "traduction automatique (upper)"


def test_a_quote_is_credited_with_the_city_in_each_language(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    credits = {_names(q.credit) for w in exhibition.workshops for q in w.quotes}
    assert ("Claire Tremblay, Montreal", "Claire Tremblay, Montréal") in credits
    assert ("Marc Aubert, Geneva", "Marc Aubert, Genève") in credits


def test_a_commitment_outside_the_pair_keeps_its_original(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    texts = translate_free_text(sample_synthesis, ("en", "fr"), TranslatorChain([Upper()]))
    exhibition = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=texts)
    stored = {c.id: c for w in sample_synthesis.workshops for c in w.commitments}
    for item in exhibition.register:
        source = stored[item.id]
        if source.language == "de":
            assert item.original is not None
            assert (item.original.right.text, item.original.right.marker) == (
                source.source.quote,
                "original en allemand",
            )
            assert item.text.right.text == source.source.quote.upper()
        else:
            assert item.original is None
    # Untranslated, both columns already print the German words: no third copy.
    untranslated = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    assert all(item.original is None for item in untranslated.register)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.casefold()))


def test_the_method_page_speaks_each_columns_language(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts
) -> None:
    en_fr = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)
    french = " ".join(p.right.text for p in en_fr.method)
    assert not {"with", "and", "the", "of", "by", "pipeline", "spacy-lookups-data"} & _words(french)
    assert "with" not in french.split()
    assert "Au 2 septembre 2019, les rapporteurs des ateliers avaient déposé 25 notes\u00a0: " in french
    assert "9 en anglais, 9 en français et 7 en allemand." in french
    assert "Il a relevé 87 engagements" in french
    assert "Personne n’a encore relu cette synthèse" in french
    # Package versions only in the last, technical paragraph.
    assert en_fr.method[-1].right.text.startswith("Détails techniques")
    assert "blank:de" in en_fr.method[-1].right.text
    assert not any("blank:de" in p.right.text for p in en_fr.method[:-1])

    de_en = build_exhibition(sample_synthesis, languages=("de", "en"), texts=no_translations)
    german = " ".join(p.left.text for p in de_en.method)
    assert not {"with", "and", "the", "of", "by", "pipeline"} & _words(german)
    assert "9 auf Englisch, 9 auf Französisch und 7 auf Deutsch." in german
    english = " ".join(p.right.text for p in de_en.method)
    assert "had uploaded 25 notes" in english


def test_an_actor_named_only_by_the_notes_words_is_translated_where_translators_did_so(
    sample_synthesis: SummitSynthesis,
) -> None:
    [commitment] = [
        c
        for w in sample_synthesis.workshops
        for c in w.commitments
        if c.actor.text == "A local NGO from Düsseldorf"
    ]
    segment = Segment(commitment.actor.text, "en", "fr")
    texts = TranslatedTexts(
        {(segment.text, "en", "fr"): Translation(segment, "Une ONG locale de Düsseldorf", "memory")}
    )
    assert ("A local NGO from Düsseldorf", "en", "fr") in wanted_translations(sample_synthesis, ("en", "fr"))
    translated = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=texts)
    untranslated = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=TranslatedTexts({}))

    def actor(exhibition: Exhibition) -> tuple[str, str]:
        [item] = [i for i in exhibition.register if i.id == commitment.id]
        assert item.actor is not None
        return item.actor.left.text, item.actor.right.text

    assert actor(translated) == ("A local NGO from Düsseldorf", "Une ONG locale de Düsseldorf")
    assert actor(untranslated) == ("A local NGO from Düsseldorf", "A local NGO from Düsseldorf")  # as written
