"""Names of places in each column's language, from the gazetteer's `names`."""

from __future__ import annotations

from typing import Any

import yaml

from synthesis.documents.names import GAZETTEER, localise_place, organiser, place_names


def _entries() -> list[dict[str, Any]]:
    data = yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))
    return [*data["cities"], *data["organisations"]]


def test_every_localised_name_is_also_a_variant() -> None:
    # Extraction matches `variants` only: a name the documents print must be found in a note too.
    localised = [(entry["id"], name) for entry in _entries() for name in entry.get("names", {}).values()]
    assert len(localised) > 30
    missing = [(place_id, name) for place_id, name in localised if name not in _variants(place_id)]
    assert not missing
    assert all(set(entry.get("names", {})) <= {"fr", "de"} for entry in _entries())


def _variants(place_id: str) -> list[str]:
    return next(entry["variants"] for entry in _entries() if entry["id"] == place_id)


def test_names_default_to_the_english_name() -> None:
    places = place_names()
    assert [places.name("geneva", lang) for lang in ("en", "fr", "de")] == ["Geneva", "Genève", "Genf"]
    assert [places.name("montreal", lang) for lang in ("en", "fr", "de")] == [
        "Montreal",
        "Montréal",
        "Montreal",
    ]
    assert [places.name("cologne", lang) for lang in ("en", "fr", "de")] == ["Cologne", "Cologne", "Köln"]
    assert places.name("dakar", "fr") == "Dakar"
    assert places.name("atlantis", "fr") is None


def test_a_name_as_written_is_localised() -> None:
    assert localise_place("Genève", "de") == "Genf"
    assert localise_place("geneve", "en") == "Geneva"
    assert localise_place("Koeln", "fr") == "Cologne"
    assert localise_place("Atlantis", "fr") == "Atlantis"
    assert organiser("fr") == "Observatoire international des maires sur le vivre ensemble"
    assert organiser("de") == "Internationale Beobachtungsstelle der Bürgermeister für das Zusammenleben"


def test_the_extraction_gazetteer_knows_the_localised_names() -> None:
    from synthesis.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    geneva = gazetteer.places["geneva"]
    assert (geneva.name_in("en"), geneva.name_in("fr"), geneva.name_in("de")) == ("Geneva", "Genève", "Genf")
    assert gazetteer.variants["Genf"] == "geneva"
