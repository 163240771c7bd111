"""summit_best_practices: what a city presented or runs, as opposed to what it will do."""

from __future__ import annotations

import pytest

from synthesis.models import Language
from tests.extract.conftest import Extract


def _practices(extract: Extract, text: str, lang: Language, city: str | None = None) -> list:
    extraction = extract(text, lang, city=city)
    return [(p.city.id, p.initiative) for p in extraction.best_practices]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Halifax presented its Welcoming Streets programme.",
         ("halifax", "Welcoming Streets programme")),
        ("en", "Halifax presented an initiative called Night Walks.", ("halifax", "Night Walks")),
        ("en", 'Halifax presented the "Safe Corners" project last year.',
         ("halifax", "Safe Corners")),
        ("en", "Sousse set up a citizen council.", ("sousse", "citizen council")),
        ("fr", "Halifax a présenté son programme Rues Accueillantes.",
         ("halifax", "Rues Accueillantes")),
        ("fr", "Sousse a mis en place un conseil citoyen.", ("sousse", "conseil citoyen")),
        ("de", "Halifax stellte sein Programm Offene Straßen vor.", ("halifax", "Offene Straßen")),
        ("de", "Dann stellte Halifax das Programm Offene Straßen vor.",
         ("halifax", "Offene Straßen")),
        pytest.param(
            "de", "Sousse hat einen Bürgerrat eingerichtet.", ("sousse", "Bürgerrat"),

            id="de-perfect-tense",
        ),
    ],
)  # fmt: skip
def test_a_presented_initiative_is_a_best_practice(
    extract: Extract, lang: Language, text: str, expected: tuple[str, str]
) -> None:
    extraction = extract(text, lang)
    assert [(p.city.id, p.initiative) for p in extraction.best_practices] == [expected]
    [practice] = extraction.best_practices
    assert practice.city.kind == "city"
    assert practice.language == lang
    assert practice.source.quote == text
    assert extraction.commitments == ()


@pytest.mark.parametrize(
    ("lang", "past", "future", "actor"),
    [
        ("en", "Sousse set up a citizen council.", "Sousse will set up a citizen council.",
         "sousse"),
        ("fr", "Sousse a mis en place un conseil citoyen.",
         "Sousse va mettre en place un conseil citoyen.", "sousse"),
        ("fr", "Sousse a mis en place un conseil citoyen.",
         "Sousse mettra en place un conseil citoyen.", "sousse"),
        ("de", "Halifax stellte sein Programm Offene Straßen vor.",
         "Halifax wird sein Programm Offene Straßen vorstellen.", "halifax"),
    ],
)  # fmt: skip
def test_a_plan_is_a_commitment_not_a_best_practice(
    extract: Extract, lang: Language, past: str, future: str, actor: str
) -> None:
    assert [p.city.id for p in extract(past, lang).best_practices] == [actor]
    extraction = extract(future, lang)
    assert extraction.best_practices == ()
    assert [c.actor.id for c in extraction.commitments] == [actor]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sousse could set up a citizen council."),
        ("en", "Did Halifax present its Welcoming Streets programme?"),
    ],
)
def test_a_hypothesis_or_a_question_is_not_a_best_practice(
    extract: Extract, lang: Language, text: str
) -> None:
    assert extract(text, lang).best_practices == ()


@pytest.mark.parametrize(
    ("lang", "text", "initiative"),
    [
        ("en", "We presented our Open Doors programme.", "Open Doors programme"),
        ("fr", "Nous avons présenté notre programme Portes Ouvertes.", "Portes Ouvertes"),
        ("de", "Wir stellten unser Programm Offene Türen vor.", "Offene Türen"),
    ],
)
def test_first_person_is_the_speakers_city(
    extract: Extract, lang: Language, text: str, initiative: str
) -> None:
    assert _practices(extract, text, lang, city="Toronto") == [("toronto", initiative)]
    [practice] = extract(text, lang, city="Toronto").best_practices
    assert practice.city.kind == "city"
    # Without a speaker city, "we" names no city and there is no practice to attribute.
    assert _practices(extract, text, lang) == []


def test_speaker_city_may_be_given_as_any_variant(extract: Extract) -> None:
    text = "Nous avons présenté notre programme Portes Ouvertes."
    assert _practices(extract, text, "fr", city="Genève") == [("geneva", "Portes Ouvertes")]
    assert _practices(extract, text, "fr", city="geneva") == [("geneva", "Portes Ouvertes")]
