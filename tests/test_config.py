from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synthesis.cli import app
from synthesis.config import RunOptions, SettingError, resolve_run_config
from synthesis.errors import ConfigError

TODAY = date(2019, 9, 1)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the project folder
    for name in ("SUMMIT_POSTER_SIZE", "SUMMIT_TRANSLATORS", "SUMMIT_KEEP_RUNS", "SUMMIT_RUNNER"):
        monkeypatch.delenv(name, raising=False)


def test_options_win_over_the_environment_which_wins_over_summit_yaml(
    summit_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMIT_POSTER_SIZE", "A0")
    monkeypatch.setenv("SUMMIT_KEEP_RUNS", "3")
    options = RunOptions(outputs_dir=tmp_path / "out", state_dir=tmp_path / "st", poster_size="a2")
    config = resolve_run_config(summit_dir, options, today=TODAY)
    assert (config.poster_size, config.keep_runs, config.run_date) == ("A2", 3, TODAY)
    assert config.languages == ("en", "fr")  # summit.yaml
    assert config.public_url == config.summit.url
    assert config.summit_outputs == tmp_path / "out" / "dusseldorf-2019"


def test_without_an_address_the_qr_codes_open_the_pages_summit_web_serves(
    summit_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMIT_SITE_URL", "https://expo.example.org/")
    monkeypatch.delenv("SUMMIT_PUBLIC_URL", raising=False)
    options = RunOptions(outputs_dir=tmp_path / "out", state_dir=tmp_path / "st")
    with_url = resolve_run_config(summit_dir, options, today=TODAY)
    assert with_url.public_url == with_url.summit.url  # summit.yaml's url wins
    yaml_file = summit_dir / "summit.yaml"
    yaml_file.write_text(
        "\n".join(line for line in yaml_file.read_text("utf-8").splitlines() if not line.startswith("url:")),
        encoding="utf-8",
    )
    config = resolve_run_config(summit_dir, options, today=TODAY)
    assert config.public_url == "https://expo.example.org/s/dusseldorf-2019/{workshop}/"
    monkeypatch.delenv("SUMMIT_SITE_URL")
    assert resolve_run_config(summit_dir, options, today=TODAY).public_url is None


def test_a_broken_curation_file_stops_the_run_before_anything_loads(summit_dir: Path, tmp_path: Path) -> None:
    from synthesis.curation import CurationError

    (summit_dir / "curation.yaml").write_text("decisions: [{kind: commitment}]\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"curation\.yaml"):
        resolve_run_config(
            summit_dir, RunOptions(outputs_dir=tmp_path / "o", state_dir=tmp_path / "s"), today=TODAY
        )


@pytest.mark.parametrize(
    ("options", "env", "message"),
    [
        (RunOptions(poster_size="B1"), {}, "--poster-size: 'B1' is not one of A0, A1, A2, A3"),
        (RunOptions(languages=("fr", "fr")), {}, "--languages: 'fr,fr' is not a language pair"),
        (RunOptions(runner="slurm"), {}, "--runner: 'slurm' is not one of"),
        (RunOptions(), {"SUMMIT_TRANSLATORS": "memory,deepl"}, "SUMMIT_TRANSLATORS: 'deepl'"),
        (RunOptions(), {"SUMMIT_TRANSLATORS": "http"}, "SUMMIT_TRANSLATE_URL: the http translation"),
        (RunOptions(), {"SUMMIT_KEEP_RUNS": "zero"}, "SUMMIT_KEEP_RUNS: Input should be a valid integer"),
    ],
)
def test_a_bad_setting_is_named_with_a_hint(
    summit_dir: Path, monkeypatch: pytest.MonkeyPatch, options: RunOptions, env: dict[str, str], message: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingError) as error:
        resolve_run_config(summit_dir, options, today=TODAY)
    assert message in error.value.message
    assert error.value.hint


def test_an_unwritable_output_folder_is_refused_before_the_run(summit_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SettingError, match="--outputs: cannot write to"):
        resolve_run_config(summit_dir, RunOptions(outputs_dir=blocker / "out"), today=TODAY)


def test_a_missing_summit_folder_and_a_bad_summit_yaml(tmp_path: Path) -> None:
    with pytest.raises(SettingError, match="is not a folder"):
        resolve_run_config(tmp_path / "nowhere", RunOptions(), today=TODAY)
    (tmp_path / "summit.yaml").write_text("id: x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="field 'name'"):
        resolve_run_config(tmp_path, RunOptions(), today=TODAY)


def test_summit_run_refuses_bad_configuration_before_prefect_starts(
    summit_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.runtime

    def refuse(*args: object) -> None:
        raise AssertionError("Prefect was configured before the configuration was checked")

    monkeypatch.setattr(flows.runtime, "configure_prefect", refuse)
    runner = CliRunner()
    for args, message in [
        (["--poster-size", "B1"], "Error: --poster-size: 'B1' is not one of A0, A1, A2, A3"),
        (["--date", "tomorrow"], "Error: --date: 'tomorrow' is not a date"),
        (["--model", "it=it_core"], "Error: --model: 'it=it_core' is not LANG=MODEL"),
    ]:
        result = runner.invoke(app, ["run", str(summit_dir), "--outputs", str(tmp_path / "o"), *args])
        assert result.exit_code == 2, result.output
        assert message in result.output and "Hint:" in result.output
        assert "Traceback" not in result.output
    result = runner.invoke(app, ["run", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "is not a folder" in result.output
