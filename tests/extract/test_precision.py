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
