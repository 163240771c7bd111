"""The styles of minutes, transcripts and reports each tuning round taught (`styles/`):
what is found, with its actor, strength and deadline, and what is no pledge beside a twin that is one."""

from __future__ import annotations

import pytest

from synthesis.models import Language
from tests.extract.conftest import Extract, assert_twin_pledges_and_text_does_not, pledges
from tests.extract.styles import bodies, minutes, people, reports, speakers, talk

FOUND = [*minutes.FOUND, *people.FOUND, *reports.FOUND, *talk.FOUND, *bodies.FOUND, *speakers.FOUND]
NOT_PLEDGES = [
    *minutes.NOT_PLEDGES,
    *people.NOT_PLEDGES,
    *reports.NOT_PLEDGES,
    *talk.NOT_PLEDGES,
    *bodies.NOT_PLEDGES,
    *speakers.NOT_PLEDGES,
]


@pytest.mark.parametrize(("lang", "text", "city", "wanted"), FOUND)
def test_found(
    extract: Extract, lang: Language, text: str, city: str | None, wanted: list[tuple[str, str, str | None]]
) -> None:
    assert pledges(extract, text, lang, city) == wanted


@pytest.mark.parametrize(("lang", "pledge", "not_a_pledge"), NOT_PLEDGES)
def test_not_a_pledge(extract: Extract, lang: Language, pledge: str, not_a_pledge: str) -> None:
    assert_twin_pledges_and_text_does_not(extract, lang, pledge, not_a_pledge)
