"""summit_gazetteer: name variants of data/gazetteer.yaml, each mapped to one canonical id."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import spacy
import yaml

from synthesis.extract.gazetteer import DATA, SPAN_KEY, load_gazetteer
from synthesis.models import Language
from tests.extract.conftest import Extract


def _data() -> dict[str, Any]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def _entries() -> list[tuple[str, dict[str, Any]]]:
    data = _data()
    return [(kind, entry) for kind in ("cities", "organisations") for entry in data[kind]]


def _places(extract: Extract, text: str, lang: Language) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in extract(text, lang).entities]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Montréal, Montreal and MONTREAL sent delegates.",
            [("Montréal", "montreal"), ("Montreal", "montreal"), ("MONTREAL", "montreal")],
        ),
        (
            "fr",
            "Genève, Geneva et Genf ont signé.",
            [("Genève", "geneva"), ("Geneva", "geneva"), ("Genf", "geneva")],
        ),
        (
            "de",
            "Bruxelles, Brussels und Brüssel haben unterschrieben.",
            [("Bruxelles", "brussels"), ("Brussels", "brussels"), ("Brüssel", "brussels")],
        ),
        (
            "de",
            "Düsseldorf, Dusseldorf und Duesseldorf sind eine Stadt.",
            [
                ("Düsseldorf", "dusseldorf"),
                ("Dusseldorf", "dusseldorf"),
                ("Duesseldorf", "dusseldorf"),
            ],
        ),
        (
            "en",
            "The mayor of Geneva met Brussels.",
            [("Geneva", "geneva"), ("Brussels", "brussels")],
        ),
    ],
)
def test_variants_map_to_one_id(
    extract: Extract, lang: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _places(extract, text, lang) == expected


def test_mentions_carry_offsets_and_labels(extract: Extract) -> None:
    text = "Später sprach Genf mit der UNESCO."
    mentions = extract(text, "de").entities
    assert [(m.label, m.id) for m in mentions] == [("CITY", "geneva"), ("ORG", "unesco")]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Düsseldorfs Bürgermeister eröffnete die Sitzung.", [("Düsseldorfs", "dusseldorf")]),
        ("Genfs Programm wurde vorgestellt.", [("Genfs", "geneva")]),
        ("Die Delegation Lyons kam spät.", [("Lyons", "lyon")]),
    ],
)
def test_german_genitive_is_the_city(extract: Extract, text: str, expected: list) -> None:
    assert _places(extract, text, "de") == expected


def test_genitive_s_is_german_only(extract: Extract) -> None:
    # In English "Düsseldorfs" is no form of the name.
    assert _places(extract, "Two Düsseldorfs would be too many.", "en") == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Un maire a présenté un projet.", []),
        ("fr", "Un maire a écrit à l'ONU et à l'UN.", [("ONU", "un"), ("UN", "un")]),
        ("en", "The UN sent un représentant.", [("UN", "un")]),
        ("en", "Who asked the WHO?", [("WHO", "who")]),
        ("de", "Die UNO und die EU; eu und uno sind keine.", [("UNO", "un"), ("EU", "eu")]),
    ],
)
def test_acronyms_match_case_sensitively(extract: Extract, lang: Language, text: str, expected: list) -> None:
    assert _places(extract, text, lang) == expected


def test_the_longest_variant_wins(extract: Extract) -> None:
    places = _places(extract, "La Ville de Montréal et l'Université de Montréal travaillent ensemble.", "fr")
    assert places == [
        ("Ville de Montréal", "montreal"),
        ("Université de Montréal", "universite-de-montreal"),
    ]


def test_ids_names_and_countries_come_from_the_data_file() -> None:
    gazetteer = load_gazetteer()
    entries = _entries()
    assert set(gazetteer.places) == {entry["id"] for _, entry in entries}
    for kind, entry in entries:
        place = gazetteer.get(entry["id"])
        assert place is not None
        assert place.name == entry["name"]
        assert place.country == entry.get("country")
        assert place.kind == ("city" if kind == "cities" else "organisation")
        assert place.label == ("CITY" if kind == "cities" else "ORG")
        for variant in {entry["name"], *entry.get("variants", [])}:
            assert gazetteer.variants[str(variant)] == entry["id"]
    assert gazetteer.get("montreal").country == "CA"
    assert gazetteer.get("dusseldorf").country == "DE"
    assert gazetteer.get("un").country is None


def test_every_city_has_a_country_code() -> None:
    for entry in _data()["cities"]:
        country = entry.get("country")
        assert isinstance(country, str) and len(country) == 2 and country.isupper(), entry["id"]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_every_variant_is_unique() -> None:
    variants = [(entry["id"], str(v)) for _, entry in _entries() for v in entry.get("variants", [])]
    repeated = [v for v, n in Counter(v for _, v in variants).items() if n > 1]
    assert repeated == []
    # No two entries share a variant, even lowercased and without accents.
    owners: dict[str, set[str]] = {}
    for place_id, variant in variants:
        owners.setdefault(_fold(variant), set()).add(place_id)
    assert {v: ids for v, ids in owners.items() if len(ids) > 1} == {}


def test_ids_are_unique_and_the_name_is_a_variant() -> None:
    ids = [entry["id"] for _, entry in _entries()]
    assert len(ids) == len(set(ids))
    for _, entry in _entries():
        assert entry["name"] in entry["variants"], entry["id"]


def test_a_gazetteer_file_can_be_configured(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.yaml"
    data = {
        "cities": [{"id": "atlantis", "name": "Atlantis", "country": "XX", "variants": ["Atlantide"]}],
        "organisations": [{"id": "ocean-org", "name": "OCEAN", "variants": ["OCEAN"]}],
    }
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    nlp = spacy.blank("fr")
    nlp.add_pipe("summit_gazetteer", config={"path": str(path)})
    doc = nlp("Atlantide et l'OCEAN, mais pas l'ocean ni Genève.")
    assert [(s.text, s.kb_id_, s.label_) for s in doc.spans[SPAN_KEY]] == [
        ("Atlantide", "atlantis", "CITY"),
        ("OCEAN", "ocean-org", "ORG"),
    ]
