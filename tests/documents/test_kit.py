from __future__ import annotations

from pathlib import Path

import pytest

from synthesis.documents.content import Branding
from synthesis.documents.errors import DocumentError
from synthesis.documents.kit import check_branding, kit_folder_name, latest_synthesis, parse_languages


def test_language_pairs() -> None:
    assert parse_languages("fr,en") == ("fr", "en")
    assert parse_languages(" DE , en ") == ("de", "en")
    for bad in ("fr", "fr,fr", "fr,it", "en,fr,de", ""):
        with pytest.raises(DocumentError, match="not a language pair"):
            parse_languages(bad)


def test_branding_is_checked(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not a colour") as error:
        check_branding(Branding(presenter="Rabat", accent="red"))
    assert "#RRGGBB" in error.value.hint
    with pytest.raises(DocumentError, match="no such logo file"):
        check_branding(Branding(presenter="Rabat", logo=tmp_path / "missing.png"))
    fake = tmp_path / "logo.png"
    fake.write_text("not an image")
    with pytest.raises(DocumentError, match="not a readable image"):
        check_branding(Branding(presenter="Rabat", logo=fake))


def test_latest_synthesis_names_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no stored synthesis for 'x'") as error:
        latest_synthesis(tmp_path, "x")
    assert "summit run" in error.value.hint
    (tmp_path / "x" / "2019-09-01").mkdir(parents=True)
    (tmp_path / "x" / "2019-09-01" / "synthesis.json").write_text("{broken")
    with pytest.raises(DocumentError, match="not a readable synthesis"):
        latest_synthesis(tmp_path, "x")


def test_kit_folder_name() -> None:
    assert kit_folder_name("Be'er Sheva", ("de", "en")) == "kit-be-er-sheva-de-en"
    assert kit_folder_name("Düsseldorf", ("fr", "en")) == "kit-dusseldorf-fr-en"
