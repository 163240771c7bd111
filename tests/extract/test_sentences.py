"""summit_sentences: boundaries from punctuation and line breaks, alike in every language."""

from __future__ import annotations

import pytest

from synthesis.extract import Pipelines
from synthesis.models import Language
from tests.extract.conftest import Extract


def _sentences(extract: Extract, text: str, lang: Language) -> list[str]:
    found = extract(text, lang).sentences
    for sentence in found:
        assert sentence.language == lang
        assert sentence.id == f"t:{sentence.start}-{sentence.end}"
    return [text[s.start : s.end] for s in found]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Dakar opened the session\nLyon spoke next",
         ["Dakar opened the session", "Lyon spoke next"]),
        ("en", "Points raised:\n- housing costs\n- safer streets",
         ["Points raised:", "- housing costs", "- safer streets"]),
        ("fr", "Dakar a ouvert la séance\nLyon a suivi",
         ["Dakar a ouvert la séance", "Lyon a suivi"]),
        ("fr", "Beer\nSheva prévoit un festival", ["Beer", "Sheva prévoit un festival"]),
        ("de", "Dakar eröffnete die Sitzung\n\nLyon sprach danach\nund Genf zuletzt",
         ["Dakar eröffnete die Sitzung", "Lyon sprach danach", "und Genf zuletzt"]),
    ],
)  # fmt: skip
def test_a_line_break_ends_a_sentence(
    extract: Extract, lang: Language, text: str, expected: list[str]
) -> None:
    assert _sentences(extract, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The new hall was opened. then the mayor spoke."),
        ("en", "Costs rose by 3 p.c. and the budget stayed."),
        ("fr", "La salle a été ouverte. puis le maire a parlé."),
        ("de", "Die Halle wurde eröffnet. danach sprach der Bürgermeister."),
    ],
)
def test_a_full_stop_before_a_lower_case_word_does_not_split(
    extract: Extract, lang: Language, text: str
) -> None:
    assert _sentences(extract, text, lang) == [text]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The hall is ready. The mayor spoke.", ["The hall is ready.", "The mayor spoke."]),
        ("en", "Is it ready? Yes! It is.", ["Is it ready?", "Yes!", "It is."]),
        ("fr", "La salle est prête. Le maire a parlé.",
         ["La salle est prête.", "Le maire a parlé."]),
        ("de", "Ist sie fertig? Ja! Sie ist es.", ["Ist sie fertig?", "Ja!", "Sie ist es."]),
    ],
)  # fmt: skip
def test_end_punctuation_before_a_capital_splits(
    extract: Extract, lang: Language, text: str, expected: list[str]
) -> None:
    assert _sentences(extract, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Es kostet ca. 200 Euro. Dann gingen wir.",
         ["Es kostet ca. 200 Euro.", "Dann gingen wir."]),
        ("de", "Zum Beispiel z.B. Köln. Und Bonn.", ["Zum Beispiel z.B. Köln.", "Und Bonn."]),
        ("en", "Washington, D.C. Hosts the next summit.",
         ["Washington, D.C. Hosts the next summit."]),
        pytest.param(
            "en", "It costs approx. 200 euros. Then we left.",
            ["It costs approx. 200 euros.", "Then we left."],

            id="en-approx",
        ),
        pytest.param(
            "fr", "Il coûte env. 200 euros. Puis nous partons.",
            ["Il coûte env. 200 euros.", "Puis nous partons."],

            id="fr-env",
        ),
    ],
)  # fmt: skip
def test_an_abbreviation_does_not_end_a_sentence(
    extract: Extract, lang: Language, text: str, expected: list[str]
) -> None:
    assert _sentences(extract, text, lang) == expected


def test_a_closing_quote_stays_with_its_sentence(extract: Extract) -> None:
    text = 'He said "we will." Then he left.'
    assert _sentences(extract, text, "en") == ['He said "we will."', "Then he left."]


def test_sentence_offsets_skip_surrounding_space(extract: Extract) -> None:
    text = "  First point. Second point.  "
    found = extract(text, "en").sentences
    assert [(s.start, s.end) for s in found] == [(2, 14), (15, 28)]
    assert [text[s.start : s.end] for s in found] == ["First point.", "Second point."]


def test_two_spaces_after_a_full_stop_still_split(extract: Extract) -> None:
    text = "First point.  Second point."
    assert _sentences(extract, text, "en") == ["First point.", "Second point."]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_every_pipeline_sets_boundaries_with_summit_sentences(pipelines: Pipelines, lang: Language) -> None:
    nlp = pipelines.get(lang)
    names = nlp.pipe_names
    assert names.count("summit_sentences") == 1
    assert "sentencizer" not in names
    if "parser" in names:  # the parser keeps the boundaries set before it
        assert names.index("summit_sentences") < names.index("parser")
    doc = nlp("Erste Zeile\nzweite Zeile. dritte Zeile")
    assert [s.text.strip() for s in doc.sents] == ["Erste Zeile", "zweite Zeile. dritte Zeile"]
