"""Targets and nominal commitments (the issue's examples, point 2): found, with deadline and strength."""

from __future__ import annotations

import pytest

from synthesis.models import Language
from tests.extract.conftest import Extract

# (language, text, action, deadline, strength); the note's city is Lyon, so "our" is Lyon.
CASES = [
    ("en", "Our target is to cut emissions by 40% by 2025.", "cut", "2025", "planned"),
    ("en", "Lyon has set a target to plant 10,000 trees by 2025.", "plant", "2025", "planned"),
    ("en", "It is our intention to open a second shelter in 2021.", "open", "2021", "planned"),
    ("en", "We reaffirm our commitment to reach carbon neutrality by 2030.", "reach", "2030", "firm"),
    ("en", "We strive to halve food waste in school canteens by 2022.", "halve", "2022", "planned"),
    ("fr", "Notre objectif est de réduire les émissions de 40 % d'ici 2025.", "réduire", "2025", "planned"),
    (
        "fr",
        "Nous nous sommes fixé comme objectif de planter 10 000 arbres d'ici 2025.",
        "planter",
        "2025",
        "planned",
    ),
    ("fr", "Lyon vise à réduire la pauvreté de moitié d'ici 2030.", "réduire", "2030", "planned"),
    ("fr", "Nous avons pour ambition de rénover toutes les écoles d'ici 2026.", "rénover", "2026", "planned"),
    ("de", "Unser Ziel ist es, die Emissionen bis 2025 um 40 % zu senken.", "senken", "2025", "planned"),
    (
        "de",
        "Wir haben uns zum Ziel gesetzt, bis 2025 10.000 Bäume zu pflanzen.",
        "pflanzen",
        "2025",
        "planned",
    ),
    ("de", "Die Stadt strebt bis 2030 Klimaneutralität an.", "streben", "2030", "planned"),
]


@pytest.mark.parametrize(("lang", "text", "action", "deadline", "strength"), CASES)
def test_a_target_is_a_commitment_of_its_speaker(
    extract: Extract, lang: Language, text: str, action: str, deadline: str, strength: str
) -> None:
    [commitment] = extract(text, lang, city="lyon").commitments
    assert (commitment.actor.id, commitment.action, commitment.deadline, commitment.strength) == (
        "lyon", action, deadline, strength,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our target was to cut emissions by 2015, and we did."),
        ("fr", "Notre objectif n'est pas de réduire les budgets d'ici 2025."),
        ("de", "Unser Ziel ist es nicht, bis 2025 die Gebühren zu senken."),
    ],
)
def test_a_past_or_negated_target_is_not(extract: Extract, lang: Language, text: str) -> None:
    assert extract(text, lang, city="lyon").commitments == ()


@pytest.mark.parametrize(
    ("text", "actor", "action", "deadline"),
    [
        ("Nächstes Jahr eröffnen wir zwei neue Zentren.", "lyon", "eröffnen", "2020"),
        ("Dann kümmere ich mich um die Flüge.", "lyon", "kümmern", None),
        ("Ab 2021 übernimmt Köln die Leitung des Netzwerks.", "cologne", "übernehmen", "2021"),
    ],
)
def test_german_present_tense_for_the_future_is_a_pledge(
    extract: Extract, text: str, actor: str, action: str, deadline: str | None
) -> None:
    [commitment] = extract(text, "de", city="lyon").commitments
    assert (commitment.actor.id, commitment.action, commitment.deadline) == (actor, action, deadline)


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Ich schicke Ihnen die Zahlen bis Freitag.", "2019-09-06"),
        ("Ich lade die Partnerstädte bis Oktober ein.", "2019-10"),
        ("Bis Ende 2020 legen wir einen Aktionsplan vor.", "2020-12-31"),
        ("Bis Oktober schicken wir die Zahlen.", "2019-10"),
        # after a minutes label (spaCy's emoticon "):" no longer swallows its colon) or a quote
        ("Hamburg (Senatorin): Wir richten bis Sommer 2020 eine Beratungsstelle ein.", "2020-06"),
        ("„Wir schicken den Entwurf nächste Woche“, sagte die Vertreterin.", "2019-09"),
        ("Wir setzen uns dafür ein, bis 2023 jede Schule barrierefrei zu machen.", "2023"),
    ],
)
def test_a_german_present_tense_with_a_deadline_ahead_is_the_speakers_pledge(
    extract: Extract, text: str, deadline: str
) -> None:
    # The actions are not asserted: the lookup lemmatizer of blank German knows few verbs.
    [commitment] = extract(text, "de", city="lyon").commitments
    speaker = "hamburg" if text.startswith("Hamburg") else "lyon"
    assert (commitment.actor.id, commitment.deadline, commitment.strength) == (speaker, deadline, "firm")


@pytest.mark.parametrize(
    "text",
    [
        "Nächstes Jahr ist die Konferenz in Köln.",
        "Dann diskutierten die Teilnehmenden über Wohnungen.",
        "Dann eröffnete Köln ein Zentrum.",
        "Ich schicke Ihnen die Zahlen.",  # a present tense with nothing ahead: a habit, not a pledge
        "Wir treffen uns jeden Monat mit den Vereinen.",
        "Wir schickten die Zahlen bis Freitag.",
    ],
)
def test_german_present_or_past_without_a_plan_is_not(extract: Extract, text: str) -> None:
    assert extract(text, "de", city="lyon").commitments == ()


@pytest.mark.parametrize(
    ("lang", "text", "actor", "deadline", "strength"),
    [
        ("en", "Our commitment: no family without a home by the end of 2020.", "lyon", "2020-12-31", "firm"),
        ("en", "Key target for 2021: every new hire completes the module.", "lyon", "2021", "planned"),
        (
            "fr",
            "L'engagement de Casablanca : un espace par quartier avant fin 2021.",
            "casablanca",
            "2021-12-31",
            "firm",
        ),
        ("fr", "Cible pour 2021 : 50 % des marchés ouverts à l'économie sociale.", "lyon", "2021", "planned"),
        ("de", "Unsere Verpflichtung: kein Kind ohne Kitaplatz bis 2022.", "lyon", "2022", "firm"),
        ("de", "Zielvorgabe für 2020: 30 Prozent der Neueinstellungen.", "lyon", "2020", "planned"),
    ],
)
def test_a_heading_that_names_a_pledge_is_one_without_a_verb(
    extract: Extract, lang: Language, text: str, actor: str, deadline: str, strength: str
) -> None:
    [commitment] = extract(text, lang, city="lyon").commitments
    assert (commitment.actor.id, commitment.deadline, commitment.strength) == (actor, deadline, strength)
    assert commitment.object and commitment.deadline not in commitment.object


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Objective of the session: share practices on housing."),  # no deadline
        ("fr", "Objectif de la séance : échanger sur le logement."),
        ("de", "Ziel der Sitzung: ein Austausch über Wohnungen."),
    ],
)
def test_a_heading_without_a_deadline_is_an_agenda_line(extract: Extract, lang: Language, text: str) -> None:
    assert extract(text, lang, city="lyon").commitments == ()


def test_a_heading_without_a_speaker_or_a_name_is_no_pledge(extract: Extract) -> None:
    assert extract("Key target for 2021: every new hire completes the module.", "en").commitments == ()


@pytest.mark.parametrize(
    ("text", "actor", "strength"),
    [
        # A fronted deadline followed by "wants" or "strives" is a plan, not a present-tense pledge.
        ("Bis 2030 will die Stadt Gatineau in ihren Gebäuden klimaneutral sein.", "gatineau", "planned"),
        ("Bis 2025 strebt Casablanca einen Jugendrat in jedem Bezirk an.", "casablanca", "planned"),
        # An office named by a compound ("Jobcenter", "Flüchtlingshilfe") acts, kept as written for review.
        ("Das Jobcenter hat zugesagt, ab 2020 Sprechstunden auf Arabisch anzubieten.", None, "firm"),
        # Welfare associations are in the gazetteer: named inside a target, they are its actor.
        ("Ziel der Diakonie ist es, 2020 zwei weitere Wärmestuben zu eröffnen.", "diakonie", "planned"),
    ],
)
def test_german_plans_offices_and_associations(
    extract: Extract, text: str, actor: str | None, strength: str
) -> None:
    [commitment] = extract(text, "de", city="lyon").commitments
    assert (commitment.actor.id, commitment.strength) == (actor, strength)
    if actor is None:
        assert (commitment.actor.text, commitment.actor.kind) == ("Das Jobcenter", "unresolved")
