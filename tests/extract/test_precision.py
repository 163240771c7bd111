"""What looks like a pledge and is not (the issue's points 5 and 6), each beside a twin that is one."""

from __future__ import annotations

import pytest

from synthesis.models import Language
from tests.extract.conftest import Extract

# (language, not a pledge, a pledge that differs only where the rule looks)
CASES = [
    (
        "fr",
        "Nous prendrons en compte les remarques des habitants.",
        "Nous prendrons les remarques des habitants.",
    ),
    (
        "fr",
        "Lyon tiendra compte de l'avis des associations.",
        "Lyon tiendra une réunion avec les associations.",
    ),
    (
        "fr",
        "Nous considérons que la mixité sociale est une priorité.",
        "Nous considérerons toutes les demandes.",
    ),
    (
        "fr",
        "Nous améliorons chaque année l'accueil des familles.",
        "Nous améliorerons l'accueil des familles.",
    ),
    (
        "fr",
        "Lyon s'engage dans une démarche de concertation.",
        "Lyon s'engage à lancer une démarche de concertation.",
    ),
    ("en", "We'll see how the budget evolves next year.", "We'll open a shelter next year."),
    ("en", "We'll see.", "We'll see to it that every school has a canteen."),
    (
        "en",
        "We will take into account the views of residents.",
        "We will take the views of residents to the council.",
    ),
    ("de", "Wir werden sehen.", "Wir werden ein Zentrum eröffnen."),
    ("en", "They'll make the changes next month.", "Lyon will make the changes next month."),
]


@pytest.mark.parametrize(("lang", "idiom", "pledge"), CASES)
def test_an_idiom_or_a_present_tense_is_not_a_pledge(
    extract: Extract, lang: Language, idiom: str, pledge: str
) -> None:
    assert extract(idiom, lang, city="lyon").commitments == ()
    assert len(extract(pledge, lang, city="lyon").commitments) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We have to reduce emissions by 2030."),
        ("en", "We need to build more housing by 2025."),
        ("fr", "Il faut réduire les émissions d'ici 2030."),
        ("fr", "Nous devons construire plus de logements d'ici 2025."),
        ("de", "Wir müssen bis 2030 die Emissionen senken."),
    ],
)
def test_an_obligation_is_not_a_pledge(extract: Extract, lang: Language, text: str) -> None:
    assert extract(text, lang, city="lyon").commitments == ()


@pytest.mark.parametrize(
    ("lang", "question", "statement"),
    [
        ("en", "Will we open the centre next year", "We will open the centre next year."),
        ("en", "So when will you send the figures", "Lyon will send the figures by Friday."),
        (
            "fr",
            "Est-ce que nous ouvrirons le centre l'an prochain",
            "Nous ouvrirons le centre l'an prochain.",
        ),
        ("fr", "Ouvrirons-nous le centre l'an prochain", "Nous ouvrirons le centre l'an prochain."),
        (
            "de",
            "Werden wir das Zentrum nächstes Jahr eröffnen",
            "Wir werden das Zentrum nächstes Jahr eröffnen.",
        ),
    ],
)
def test_a_question_without_its_mark_is_not_a_pledge(
    extract: Extract, lang: Language, question: str, statement: str
) -> None:
    assert extract(question, lang, city="lyon").commitments == ()
    assert len(extract(statement, lang, city="lyon").commitments) == 1


@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        ("fr", "TotalEnergies s'engage à réduire ses émissions de 40 % d'ici 2030.", "TotalEnergies"),
        ("en", "Habitat for Humanity will build 200 homes by 2022.", "Habitat for Humanity"),
        ("en", "Emmaus Connect will train 300 volunteers by 2021.", "Emmaus Connect"),
        # German capitalises every noun: capitalised adjectives or a hyphen make the name.
        ("de", "Das Deutsche Rote Kreuz wird bis 2020 500 Ehrenamtliche schulen.", "Deutsche Rote Kreuz"),
        ("de", "Die Kölner Verkehrs-Betriebe werden ab 2020 Pläne aushängen.", "Kölner Verkehrs-Betriebe"),
    ],
)
def test_a_named_organisation_outside_the_gazetteer_is_an_organisation(
    extract: Extract, lang: Language, text: str, actor: str
) -> None:
    [commitment] = extract(text, lang).commitments
    assert (commitment.actor.text, commitment.actor.id, commitment.actor.kind) == (
        actor,
        None,
        "organisation",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Die Düsseldorfer Erklärung wird auf Englisch und Französisch vorliegen.",  # one adjective: a thing
        "Die regionale Behörde wird bis 2020 umziehen.",  # a common noun phrase, adjective in lower case
    ],
)
def test_a_german_noun_phrase_is_no_organisation_name(extract: Extract, text: str) -> None:
    assert all(c.actor.kind != "organisation" for c in extract(text, "de").commitments)
