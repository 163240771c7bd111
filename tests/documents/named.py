"""The small exhibition with names that differ between its languages: who presents and the
organiser, actors, quote credits, a quote written outside the pair, and a city's names."""

from __future__ import annotations

import dataclasses

from synthesis.documents.content import CityRow, Exhibition, Pair, Text, WorkshopContent
from tests.documents.conftest import pair

ORGANISER = pair("International Observatory of Mayors", "Observatoire international des maires")
PRESENTER = pair("Geneva", "Genève")
ACTOR = pair("Montreal", "Montréal")
CREDIT = pair("Claire Tremblay, Montreal", "Claire Tremblay, Montréal")
GERMAN = "Wir hören zuerst zu."
ORIGINAL = Pair(
    Text(GERMAN, "de", marker="original in German", verbatim=True),
    Text(GERMAN, "de", marker="original en allemand", verbatim=True),
)
CITY = pair("Geneva", "Genève")
# What the credits read, one line per language.
CREDIT_LINES = (
    "Geneva · International Observatory of Mayors",
    "Genève · Observatoire international des maires",
)


def _workshop(workshop: WorkshopContent) -> WorkshopContent:
    first, *rest = workshop.commitments
    quote, *others = workshop.quotes
    return dataclasses.replace(
        workshop,
        commitments=(dataclasses.replace(first, city="Montreal", actor=ACTOR), *rest),
        practices=tuple(dataclasses.replace(p, city="Montreal", actor=ACTOR) for p in workshop.practices),
        quotes=(dataclasses.replace(quote, credit=CREDIT, original=ORIGINAL), *others),
    )


def with_names(exhibition: Exhibition) -> Exhibition:
    workshops = tuple(_workshop(w) for w in exhibition.workshops)
    first = exhibition.cities[0]
    return dataclasses.replace(
        exhibition,
        organiser=ORGANISER,
        presenter=PRESENTER,
        author=CREDIT_LINES[0],
        workshops=workshops,
        register=tuple(c for w in workshops for c in w.commitments),
        cities=(
            CityRow("Geneva", first.workshops, first.commitments, first.practices, names=CITY),
            *exhibition.cities[1:],
        ),
    )
