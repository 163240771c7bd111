"""Names of cities and organisations in each column's language, and words for unnamed actors.

The names come from the extraction's gazetteer (`names: {fr: Genève, de: Genf}`, else the English
`name`). The file is read here directly: importing `synthesis.extract` would load spaCy, and the
documents are built without it (see `summit kit`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from synthesis.datafiles import load_data_yaml
from synthesis.documents.i18n import N_, Localiser
from synthesis.models import Actor, Language

GAZETTEER = Path(__file__).parents[1] / "extract" / "data" / "gazetteer.yaml"
ACTOR_WORDS = Path(__file__).parent / "actors.yaml"
ORGANISER = "observatory"  # the gazetteer id of the body that organises the summits
PARTICIPANTS = N_("Participants")
# The keys of actors.yaml, as messages.
PLACEHOLDERS = {"several-cities": N_("Several cities")}
NO_ACTOR = "—"


def fold(text: str) -> str:
    """Case, accents, apostrophes and a final full stop ignored: "Genève" and "geneve" match."""
    text = unicodedata.normalize("NFKD", text.strip().rstrip(".").casefold().replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class PlaceNames:
    names: dict[str, dict[str, str]]  # place id -> language -> display name ("en" always present)
    ids: dict[str, str]  # folded variant -> place id

    def name(self, place_id: str, language: Language) -> str | None:
        names = self.names.get(place_id)
        return names.get(language, names["en"]) if names else None

    def find(self, written: str) -> str | None:
        """The id of the place a name as written stands for, if the gazetteer knows it."""
        return self.ids.get(fold(written))


@cache
def place_names(path: Path = GAZETTEER) -> PlaceNames:
    data: dict[str, Any] = load_data_yaml(path)
    names: dict[str, dict[str, str]] = {}
    ids: dict[str, str] = {}
    for entry in [*data["cities"], *data["organisations"]]:
        names[entry["id"]] = {"en": entry["name"], **entry.get("names", {})}
        for variant in (entry["name"], *entry.get("names", {}).values(), *entry.get("variants", [])):
            ids.setdefault(fold(str(variant)), entry["id"])
    return PlaceNames(names, ids)


@cache
def _placeholders() -> dict[str, str]:
    """Folded words of a note -> the message said instead."""
    data: dict[str, list[str]] = load_data_yaml(ACTOR_WORDS)
    return {fold(words): PLACEHOLDERS[key] for key, variants in data.items() for words in variants}


def localise_place(written: str, language: Language) -> str:
    """A place as someone wrote it ("Genève", "Cologne"), in `language`; an unknown name unchanged."""
    places = place_names()
    place_id = places.find(written)
    return places.name(place_id, language) or written if place_id else written


def organiser(language: Language) -> str:
    name = place_names().name(ORGANISER, language)
    assert name is not None, f"the gazetteer has no {ORGANISER!r} entry"
    return name


def named_as_written(actor: Actor) -> bool:
    """An actor that only the note's own words name ("A local NGO from Düsseldorf"): no place,
    no catalog placeholder. Such words go to the translators like any sentence of a note."""
    return (
        actor.kind == "unresolved"
        and not actor.id
        and bool(actor.text.strip())
        and fold(actor.text) not in _placeholders()
    )


def actor_name(actor: Actor, loc: Localiser, cities: Mapping[str, str]) -> str:
    """Who commits or presents, as a reader of `loc`'s language names them.

    A place by its gazetteer name (else the city index's), the participants and the usual
    placeholders by a catalog message; anything else stays as the note wrote it.
    """
    if actor.kind == "collective":
        return loc(PARTICIPANTS)
    if actor.id:
        name = place_names().name(actor.id, loc.language) or cities.get(actor.id)
        if name:
            return name
    if actor.kind == "first_person" or not actor.text.strip():
        return NO_ACTOR
    placeholder = _placeholders().get(fold(actor.text))
    return loc(placeholder) if placeholder else actor.text
