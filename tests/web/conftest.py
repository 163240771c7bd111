"""A web app over a throw-away summit folder, database and outputs; tokens made directly in the database."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from synthesis.models import SummitSynthesis
from tests.conftest import SAMPLE_SUMMIT
from web.access import create_token
from web.app import create_app
from web.config import WebConfig

SUMMIT_ID = "dusseldorf-2019"
SAMPLE_SYNTHESIS = Path(__file__).parents[1] / "fixtures" / "synthesis-sample.json"
RUN_AT = datetime(2019, 9, 1, 23, 30, tzinfo=UTC)
FRENCH_NOTE = (
    "Atelier sur la ville inclusive. La maire de Lyon a présenté les cafés solidaires du quartier.\n\n"
    "Lyon s'engage à ouvrir trois nouveaux centres de quartier d'ici 2021, avec les associations locales.\n\n"
    "Les participants ont discuté de l'accueil des nouveaux arrivants et de la place des jeunes.\n"
)


@dataclass
class WebSetup:
    config: WebConfig
    client: TestClient
    make_token: Callable[..., str]

    @property
    def summit_dir(self) -> Path:
        return self.config.summit_dir(SUMMIT_ID)


@pytest.fixture
def web(tmp_path: Path) -> Iterator[WebSetup]:
    inputs = tmp_path / "inputs"
    summit_dir = inputs / SUMMIT_ID
    (summit_dir / "notes").mkdir(parents=True)
    shutil.copy(SAMPLE_SUMMIT / "summit.yaml", summit_dir / "summit.yaml")
    config = WebConfig(
        inputs_dir=inputs,
        outputs_dir=tmp_path / "outputs",
        state_dir=tmp_path / "state",
        db=tmp_path / "state" / "summit.db",
        max_file_bytes=2_000_000,
        max_files=3,
    )
    app = create_app(config)

    def make_token(
        role: str = "rapporteur",
        workshops: tuple[str, ...] = ("inclusive",),
        name: str = "Claire",
        languages: tuple[str, ...] = ("fr",),
    ) -> str:
        with Session(app.state.summit.engine) as db:
            token, _ = create_token(
                db,
                summit_id=SUMMIT_ID,
                role=role,
                workshops=workshops if role == "rapporteur" else (),  # type: ignore[arg-type]
                name=name,
                now=datetime.now(UTC),
                languages=languages if role == "translator" else (),
            )
            db.commit()
        return token

    with TestClient(app, base_url="http://testserver") as client:
        yield WebSetup(config, client, make_token)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def note_form(workshop: str = "inclusive", **extra: str) -> dict[str, str]:
    return {"workshop": workshop, "session": "2019-08-31 morning", "title": "Villes accueillantes", **extra}


def publish_sample(
    outputs: Path, synthesis: Path | SummitSynthesis = SAMPLE_SYNTHESIS, when: datetime = RUN_AT
) -> Path:
    """A complete run of the summit in `outputs`, holding a synthesis (a file, or a record), as `latest`."""
    from synthesis.publish import publish, run_name, start_staging

    name = run_name(when.date(), when)
    staging = start_staging(outputs / SUMMIT_ID, name)
    if isinstance(synthesis, Path):
        shutil.copy(synthesis, staging / "synthesis.json")
    else:
        (staging / "synthesis.json").write_text(synthesis.model_dump_json(), encoding="utf-8")
    return publish(staging, name)


@pytest.fixture
def published(web: WebSetup) -> Path:
    return publish_sample(web.config.outputs_dir)
