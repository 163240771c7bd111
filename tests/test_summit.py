from pathlib import Path

import pytest
import yaml

from synthesis.errors import ConfigError
from synthesis.summit import SummitConfig, load_summit
from tests.conftest import SAMPLE_SUMMIT


def test_sample_summit_has_five_workshops_in_three_languages(summit: SummitConfig) -> None:
    assert summit.workshop_ids == (
        "communicative",
        "healthy",
        "resilient",
        "connective",
        "inclusive",
    )
    assert summit.languages == ("en", "fr")
    assert len(summit.days) == 3
    assert summit.workshop("healthy").name["de"] == "Gesunde Städte"


def _write(tmp_path: Path, data: object) -> Path:
    (tmp_path / "summit.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def _sample() -> dict[str, object]:
    data = yaml.safe_load((SAMPLE_SUMMIT / "summit.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["workshops"][1]["name"].pop("de"), "workshops.1.name.de"),
        (lambda d: d.update(start="30 August"), "start"),
        (lambda d: d["workshops"][0].update(id="Communicative Cities"), "workshops.0.id"),
        (lambda d: d.update(languages=["en", "es"]), "languages.1"),
        (lambda d: d.update(colour="blue"), "colour"),
    ],
)
def test_invalid_summit_names_the_field(tmp_path: Path, change, field: str) -> None:
    data = _sample()
    change(data)
    with pytest.raises(ConfigError) as caught:
        load_summit(_write(tmp_path, data))
    assert caught.value.field == field
    assert f"field '{field}'" in caught.value.message
    assert caught.value.hint


def test_inconsistent_summit_is_refused(tmp_path: Path) -> None:
    data = _sample()
    data["end"] = "2019-08-01"
    with pytest.raises(ConfigError, match="end is before start"):
        load_summit(_write(tmp_path, data))


def test_missing_and_unparsable_summit_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no summit description"):
        load_summit(tmp_path)
    (tmp_path / "summit.yaml").write_text("id: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_summit(tmp_path)
