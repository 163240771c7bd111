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
            assert set(PLACEHOLDER.findall(string)) == wanted, f"{language}: placeholders differ in {key!r}"


def test_fixed_text_and_formats_follow_the_language() -> None:
    from datetime import date

    en, fr, de = (i18n.Localiser(code) for code in LANGUAGES)
    assert (en("Deadline"), fr("Deadline"), de("Deadline")) == ("Deadline", "Échéance", "Frist")
    assert (en.number(2161), fr.number(2161), de.number(2161)) == ("2,161", "2\u202f161", "2.161")
    assert fr.date(date(2020, 12, 31)) == "31 décembre 2020"
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
