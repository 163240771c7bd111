"""First-person pledges: the speaker's place from an attribution or a minutes label, else the note's city.

The sentences are the issue's own examples ("What goes wrong today", point 1)
and their counterparts in the other languages; none comes from an evaluation split.
"""

from __future__ import annotations

import pytest

from synthesis.models import Language
from tests.extract.conftest import Extract

ATTRIBUTED = [
    ("en", "'I will open two centres next year,' said the mayor of Namur.", "namur"),
    ("en", "Dakar (deputy mayor): I'll send the figures by Friday.", "dakar"),
    ("fr", "« J'ouvrirai deux centres l'an prochain », a déclaré la maire de Rabat.", "rabat"),
    ("fr", "Dakar (adjoint au maire) : je vous enverrai les chiffres vendredi.", "dakar"),
    ("de", "„Ich werde nächstes Jahr zwei Zentren eröffnen“, so die Bürgermeisterin von Köln.", "cologne"),
    ("de", "Dakar (stellv. Bürgermeister): Ich werde die Zahlen bis Freitag schicken.", "dakar"),
]


@pytest.mark.parametrize(("lang", "text", "place"), ATTRIBUTED)
def test_a_quoted_or_minuted_speaker_is_the_actor(
    extract: Extract, lang: Language, text: str, place: str
) -> None:
    [commitment] = extract(text, lang, city="lyon").commitments
    assert commitment.actor.id == place and commitment.actor.kind == "city"


UNATTRIBUTED = [
    ("en", "I will send the report tomorrow."),
    ("fr", "Je vous enverrai le rapport demain."),
    ("de", "Ich werde den Bericht morgen schicken."),
]


@pytest.mark.parametrize(("lang", "text"), UNATTRIBUTED)
def test_the_first_person_singular_is_the_notes_city(extract: Extract, lang: Language, text: str) -> None:
    [commitment] = extract(text, lang, city="lyon").commitments
    assert commitment.actor.id == "lyon"
    assert commitment.deadline == "2019-09-01"  # "tomorrow" from the session day, 31 August 2019


@pytest.mark.parametrize(("lang", "text"), UNATTRIBUTED)
def test_with_no_city_the_pledge_is_kept_unresolved_as_written(
    extract: Extract, lang: Language, text: str
) -> None:
    [commitment] = extract(text, lang).commitments
    assert commitment.actor.id is None and commitment.actor.kind == "first_person"
    assert commitment.actor.text.lower() in {"i", "je", "ich"}


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "Nadia Bennani, deputy mayor of Rabat, will open two youth centres next year.", "rabat"),
        (
            "fr",
            "Aminata Diallo, adjointe au maire de Dakar, présentera le budget au conseil en décembre.",
            "dakar",
        ),
    ],
)
def test_a_named_person_stands_for_the_place_the_apposition_gives(
    extract: Extract, lang: Language, text: str, place: str
) -> None:
    [commitment] = extract(text, lang).commitments
    assert (commitment.actor.id, commitment.actor.kind) == (place, "city")


def test_a_named_person_with_no_place_is_kept_for_review(extract: Extract) -> None:
    [commitment] = extract("Nadia Bennani will send the figures by Friday.", "en").commitments
    assert (commitment.actor.id, commitment.actor.kind) == (None, "unresolved")
