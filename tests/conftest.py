"""Shared fixtures. Prefect is pointed at a throw-away home before anything imports it."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

# Prefect reads its settings on first import, and prefect_test_harness isolates the
# database but not cached results, so the whole session gets its own PREFECT_HOME.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="summit-tests-prefect-")
os.environ.pop("PREFECT_API_URL", None)
from flows.runtime import configure_prefect

configure_prefect(Path(os.environ["PREFECT_HOME"]))

from synthesis.summit import SummitConfig, load_summit  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
SAMPLE_SUMMIT = ROOT / "inputs" / "dusseldorf-2019"

AddNote = Callable[..., Path]


@pytest.fixture(scope="session")
def summit() -> SummitConfig:
    return load_summit(SAMPLE_SUMMIT)


@pytest.fixture
def summit_dir(tmp_path: Path) -> Path:
    """An empty summit: the sample's summit.yaml and no notes."""
    directory = tmp_path / "summit"
    (directory / "notes").mkdir(parents=True)
    shutil.copy(SAMPLE_SUMMIT / "summit.yaml", directory / "summit.yaml")
    return directory


@pytest.fixture
def add_note(summit_dir: Path) -> AddNote:
    """Copy a fixture (and its sidecar, if any) into notes/<workshop>/ of the summit."""

    def add(fixture: Path, workshop: str, name: str | None = None) -> Path:
        target = summit_dir / "notes" / workshop / (name or fixture.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(fixture, target)
        sidecar = fixture.with_name(fixture.name + ".meta.yaml")
        if sidecar.exists():
            shutil.copy(sidecar, target.with_name(target.name + ".meta.yaml"))
        return target

    return add


def write_note(directory: Path, name: str, body: str, **meta: str) -> Path:
    """A UTF-8 Markdown note with front matter; defaults make it valid."""
    fields = {"rapporteur": "Test Rapporteur", "session": "2019-08-31 morning", **meta}
    front = "".join(f"{key}: {value}\n" for key, value in fields.items())
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    return path
