"""summit_themes: concepts of data/vocabulary.yaml, and keyphrases ranked per workshop."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from synthesis.extract.themes import DATA, load_vocabulary, rank_keyphrases
from synthesis.models import LANGUAGES, Language
from tests.extract.conftest import Extract


@pytest.mark.parametrize(
    ("lang", "text", "concept", "words"),
    [
        ("en", "Benches make public space friendlier for everyone.", "public-space",
         "public space"),
        ("en", "We walked across the public squares of the old town.", "public-space",
         "public squares"),
        ("fr", "Les bancs rendent l'espace public plus accueillant.", "public-space",
         "espace public"),
        ("fr", "Les espaces publics du centre ont été rénovés.", "public-space",
         "espaces publics"),
        ("de", "Bänke machen den öffentlichen Raum freundlicher.", "public-space",
         "öffentlichen Raum"),
        ("de", "Der öffentliche Raum gehört allen.", "public-space", "öffentliche Raum"),
        ("en", "Affordable housing is scarce in the centre.", "housing", "Affordable housing"),
        ("fr", "Le logement abordable manque au centre-ville.", "housing", "logement abordable"),
        ("de", "Bezahlbarer Wohnraum fehlt in der Innenstadt.", "housing", "Bezahlbarer Wohnraum"),
    ],
)  # fmt: skip
def test_concepts_are_tagged_in_each_language(
    extract: Extract, lang: Language, text: str, concept: str, words: str
) -> None:
    extraction = extract(text, lang)
    mentions = [(m.id, m.text) for m in extraction.concepts]
    assert (concept, words) in mentions
    for mention in extraction.concepts:
        assert text[mention.start : mention.end] == mention.text
    # The sentence carries the concept too.
    [sentence] = extraction.sentences
    assert concept in sentence.concepts


def test_a_sentence_without_a_theme_gets_no_concept(extract: Extract) -> None:
    extraction = extract("The weather was nice on Tuesday.", "en")
    assert extraction.concepts == ()
    assert [s.concepts for s in extraction.sentences] == [()]


def test_concepts_are_tagged_per_sentence(extract: Extract) -> None:
    text = "Affordable housing is scarce. Benches make public space friendlier."
    extraction = extract(text, "en")
    assert [s.concepts for s in extraction.sentences] == [("housing",), ("public-space",)]


def test_keyphrases_are_noun_phrases_without_determiners(extract: Extract) -> None:
    extraction = extract("The public squares of Geneva need more benches.", "en")
    phrases = dict(extraction.keyphrases)
    assert phrases.get("public square") == "public squares"
    # Places are not keyphrases.
    assert not any("geneva" in key for key in phrases)


# -- the vocabulary file


def _data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def test_vocabulary_has_nine_top_concepts() -> None:
    top = _data()["top_concepts"]
    assert [c["id"] for c in top] == [
        "communicative", "healthy", "resilient", "connective", "inclusive",
        "diversity", "discrimination", "dialogue", "citizen-participation",
    ]  # fmt: skip
    for concept in top:
        assert set(concept["pref"]) == set(LANGUAGES)


def test_every_concept_has_labels_and_lemmas_in_every_language() -> None:
    data = _data()
    top = {c["id"] for c in data["top_concepts"]}
    concepts = data["concepts"]
    assert len(concepts) >= 60
    for concept in concepts:
        assert concept["broader"] in top, concept["id"]
        for lang in LANGUAGES:
            assert concept["pref"][lang].strip(), (concept["id"], lang)
            assert concept["alt"][lang], (concept["id"], lang)
            assert 2 <= len(concept["lemmas"][lang]) <= 8, (concept["id"], lang)
            assert all(str(entry).strip() for entry in concept["lemmas"][lang])


def test_concept_ids_are_unique() -> None:
    data = _data()
    ids = [c["id"] for c in data["top_concepts"] + data["concepts"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_label_or_lemma_names_two_concepts(lang: Language) -> None:
    labels: dict[str, set[str]] = {}
    lemmas: dict[str, set[str]] = {}
    for concept in _data()["concepts"]:
        for label in [concept["pref"][lang], *concept["alt"][lang]]:
            labels.setdefault(str(label).lower(), set()).add(concept["id"])
        for entry in concept["lemmas"][lang]:
            lemmas.setdefault(str(entry).lower(), set()).add(concept["id"])
    assert {k: v for k, v in labels.items() if len(v) > 1} == {}
    assert {k: v for k, v in lemmas.items() if len(v) > 1} == {}


def test_load_vocabulary_reads_the_file() -> None:
    vocabulary = load_vocabulary()
    assert len(vocabulary.top_concepts) == 9
    assert vocabulary.concepts["public-space"].broader == "communicative"
    assert vocabulary.label("public-space", "de") == "öffentlicher Raum"
    assert vocabulary.concept_for_phrase("large public space", "en") == "public-space"
    assert vocabulary.concept_for_phrase("weather", "en") is None


# -- ranking keyphrases across workshops


def test_a_phrase_typical_of_one_workshop_ranks_above_one_common_everywhere() -> None:
    everywhere = ("public space", "public space")
    phrases = {
        "communicative": Counter({("participatory budget", "participatory budget"): 4,
                                  everywhere: 6}),
        "healthy": Counter({("heat wave", "heat waves"): 3, everywhere: 6}),
        "inclusive": Counter({("sign language", "sign language"): 3, everywhere: 6}),
    }  # fmt: skip
    ranked = rank_keyphrases(phrases)
    top = [r.phrase for r in ranked["communicative"]]
    # Less frequent in the workshop, but found nowhere else: it comes first.
    assert top == ["participatory budget", "public space"]
    budget, space = ranked["communicative"]
    assert budget.score > space.score
    assert (budget.count, space.count) == (4, 6)
    assert space.concept == "public-space"


def test_ranking_shows_the_most_frequent_spelling_and_drops_rare_phrases() -> None:
    phrases = {
        "healthy": Counter(
            {("heat wave", "heat waves"): 3, ("heat wave", "heat wave"): 1, ("oddity", "oddity"): 1}
        ),
        "resilient": Counter({("flood", "floods"): 2}),
    }
    ranked = rank_keyphrases(phrases, min_count=2)
    assert [(r.phrase, r.count) for r in ranked["healthy"]] == [("heat waves", 4)]
    assert [r.phrase for r in rank_keyphrases(phrases, top=1)["resilient"]] == ["floods"]
