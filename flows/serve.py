"""`summit serve`: one scheduled deployment per summit, served from this process.

A schedule needs a Prefect server that keeps running with its scheduler
service (the temporary server of `summit run` has none). `summit serve`
connects to the one PREFECT_API_URL names, or starts one that it owns.
Each deployment runs the same `nightly` flow as `summit run`, with the same
options, so a scheduled night behaves exactly like one started by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prefect import serve
from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron

from flows.nightly import nightly
from synthesis.config import RunOptions, resolve_run_config
from synthesis.errors import SynthesisError
from synthesis.summit import SUMMIT_FILE


@dataclass(frozen=True, slots=True)
class Skipped:
    summit_dir: Path
    why: str


def summit_folders(inputs_dir: Path) -> list[Path]:
    return sorted(p.parent for p in inputs_dir.glob(f"*/{SUMMIT_FILE}"))


def deployments(
    inputs_dir: Path, options: RunOptions, *, today: date
) -> tuple[list[RunnerDeployment], list[Skipped]]:
    """A deployment per valid summit under `inputs_dir`; a summit whose configuration fails is skipped."""
    found: list[RunnerDeployment] = []
    skipped: list[Skipped] = []
    for summit_dir in summit_folders(inputs_dir):
        try:
            config = resolve_run_config(summit_dir, options, today=today)
        except SynthesisError as error:
            skipped.append(Skipped(summit_dir, f"{error.message} ({error.hint})"))
            continue
        schedule = config.summit.schedule
        deployment = nightly.to_deployment(
            name=config.summit.id,
            description=f"The nightly synthesis of {config.summit.name.en}.",
            schedule=Cron(schedule.cron, timezone=schedule.timezone, active=schedule.active),
            parameters={
                "summit_dir": str(summit_dir.resolve()),
                "options": options.model_dump(mode="json", exclude_none=True),
                "trigger": "the schedule",
            },
            tags=["summit-synthesis"],
        )
        assert isinstance(deployment, RunnerDeployment)  # to_deployment is sync outside an event loop
        found.append(deployment)
    return found, skipped


def serve_deployments(found: list[RunnerDeployment]) -> None:
    """Register the deployments and run their flow runs until interrupted."""
    serve(*found, print_starting_message=False)
