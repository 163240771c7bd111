"""Every message the web app shows is in each catalog, translated, with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "web" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def marked() -> set[str | tuple[str, str]]:
    methods = [("web/**.py", "python"), ("web/templates/**.html", "jinja2")]
    keywords = {"_": None, "N_": None, "_n": (1, 2)}
    found: set[str | tuple[str, str]] = set()
    for _, _, message, _, _ in extract_from_dir(ROOT, methods, keywords=keywords):  # type: ignore[arg-type]
        found.add(tuple(message) if isinstance(message, (tuple, list)) else message)  # type: ignore[arg-type]
    return found


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_the_catalog_holds_exactly_the_marked_messages_translated(language: str) -> None:
    with (LOCALE / language / "LC_MESSAGES" / "web.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    entries = {m.id if isinstance(m.id, str) else tuple(m.id): m for m in catalog if m.id}
    wanted = marked()
    assert len(wanted) > 100
    assert not wanted - set(entries), f"missing from {language}: {sorted(map(str, wanted - set(entries)))}"
    assert not set(entries) - wanted, (
        f"no longer used in {language}: {sorted(map(str, set(entries) - wanted))}"
    )
    for key, message in entries.items():
        assert "fuzzy" not in message.flags, key
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = key if isinstance(key, tuple) else (key,)
        assert all(strings), f"{language}: no translation for {key!r}"
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) <= set(PLACEHOLDER.findall(ids[-1])), (language, key)
