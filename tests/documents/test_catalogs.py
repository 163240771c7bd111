"""Every message the code marks is translated in every catalog, with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from synthesis.documents import i18n
from synthesis.models import LANGUAGES

SOURCE = Path(i18n.__file__).parent
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _marked() -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    keywords = {"N_": None, "Nn_": (1, 2)}
    for _file, _line, message, _comments, _context in extract_from_dir(str(SOURCE), keywords=keywords):
        found.add(message if isinstance(message, str) else (message[0], message[1]))
    return found


def test_the_code_marks_messages() -> None:
    marked = _marked()
    assert "Commitments register" in marked
    assert ("%(concept)s — %(count)s workshop", "%(concept)s — %(count)s workshops") in marked


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language: str) -> None:
    with i18n.catalog_path(language).open("rb") as handle:  # type: ignore[arg-type]
        catalog = read_po(handle)
    entries = {m.id if isinstance(m.id, str) else tuple(m.id): m for m in catalog if m.id}
    marked = _marked()
    missing = sorted(str(m) for m in marked if m not in entries)
    assert not missing, f"{language} catalog misses: {missing}"
    stale = sorted(str(m) for m in entries if m not in marked)
    assert not stale, f"{language} catalog has messages the code no longer uses: {stale}"
    for key, message in entries.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: untranslated {key!r}"
        assert not message.fuzzy, f"{language}: fuzzy {key!r}"
        ids = key if isinstance(key, tuple) else (key,)
        wanted = set(PLACEHOLDER.findall(" ".join(ids)))
        for string in strings:
            assert set(PLACEHOLDER.findall(str(string))) == wanted, (
                f"{language}: placeholders differ in {key!r}"
            )


def test_fixed_text_and_formats_follow_the_language() -> None:
    from datetime import date

    en, fr, de = (i18n.Localiser(code) for code in LANGUAGES)
    assert (en("Deadline"), fr("Deadline"), de("Deadline")) == ("Deadline", "Échéance", "Frist")
    # A no-break space, not CLDR's narrow one: no font the documents may fall back on lacks it.
    assert (en.number(2161), fr.number(2161), de.number(2161)) == ("2,161", "2\u00a0161", "2.161")
    assert fr.date(date(2020, 12, 31)) == "31 décembre 2020"
    # The first of the month is "1er" in French; months are spelled out, never "sept.".
    first = date(2019, 9, 1)
    assert (en.date(first), fr.date(first), de.date(first)) == (
        "1 September 2019",
        "1er septembre 2019",
        "1. September 2019",
    )
    assert fr.deadline("2021-09-01") == "1er septembre 2021"
    start = date(2019, 8, 30)
    assert (en.dates(start, first), fr.dates(start, first), de.dates(start, first)) == (
        "30 August – 1 September 2019",
        "30 août – 1er septembre 2019",
        "30. August – 1. September 2019",
    )
    assert fr.dates(first, date(2019, 9, 3)) == "1er–3 septembre 2019"
    assert de.dates(date(2019, 12, 30), date(2020, 1, 2)) == "30. Dezember 2019 – 2. Januar 2020"
    assert (en.list_of(["a", "b", "c"]), fr.list_of(["a", "b"]), de.list_of(["a", "b"])) == (
        "a, b and c",
        "a et b",
        "a und b",
    )
    assert de.deadline("2021-06") == "Juni 2021"
    assert en.deadline("2020") == "2020"
    assert fr.deadline(None) == "sans échéance précisée"
    forms = ("%(concept)s — %(count)s workshop", "%(concept)s — %(count)s workshops")
    assert [fr.plural(forms, n, concept="x") for n in (0, 1, 2)] == [
        "x — 0 atelier",
        "x — 1 atelier",
        "x — 2 ateliers",
    ]
    assert [de.plural(forms, n, concept="x") for n in (0, 1, 2)] == [
        "x — 0 Workshops",
        "x — 1 Workshop",
        "x — 2 Workshops",
    ]


def test_french_and_german_wording_is_idiomatic() -> None:
    fr, de = i18n.Localiser("fr"), i18n.Localiser("de")
    assert fr("In their words") == "Paroles de participants"
    assert de("In their words") == "Stimmen aus den Workshops"
    assert fr("Scan for the full synthesis") == "Scannez pour lire la synthèse complète"
    assert de("Scan for the full synthesis") == "Scannen und die ganze Synthese lesen"
    assert (fr("Participants"), de("Participants")) == ("Participants", "Teilnehmende")
    assert (fr("translated from German"), de("translated from French")) == (
        "traduit de l’allemand",
        "aus dem Französischen übersetzt",
    )


@pytest.mark.parametrize("language", ["fr", "de"])
def test_no_english_word_in_french_or_german_messages(language: str) -> None:
    english = {"with", "and", "the", "of", "by", "pipeline", "run", "memory"}
    with i18n.catalog_path(language).open("rb") as handle:  # type: ignore[arg-type]
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            words = set(re.findall(r"[^\W\d_]+", PLACEHOLDER.sub("", str(string)).casefold()))
            assert not english & words, f"{language}: {string!r}"
