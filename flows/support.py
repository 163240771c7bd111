"""What the nightly flow needs besides its tasks: the task runner, per-process models, stage timings.

Kept apart from flows/nightly.py so that extraction worker processes, which
import this module to warm up, load no more than they need.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner
from prefect.utilities.annotations import quote

from synthesis.config import RunConfig
from synthesis.extract import Pipelines, PipelineSpec
from synthesis.models import Language
from synthesis.processes import die_with_parent
from synthesis.progress import write_progress

T = TypeVar("T")
# When the previous night's extractions are reused and fewer words than this are left (a note
# or two changed), they are extracted in this process: starting worker processes that import
# Prefect and load their models would cost more than the work.
IN_PROCESS_WORDS = 20_000


def by_ref(value: T) -> T:
    """Pass a large record as it is: Prefect neither walks nor copies it (typed as the record)."""
    return cast(T, quote(value))


@cache
def pipelines_for(models: tuple[tuple[str, str], ...]) -> Pipelines:
    """One set of spaCy pipelines per process: loaded once, never a task argument."""
    return Pipelines(PipelineSpec(models=dict(models)))  # type: ignore[arg-type]


def warm_worker(models: tuple[tuple[str, str], ...], languages: tuple[Language, ...]) -> None:
    """A worker process's start: die with the run, and load its models before any task arrives.

    (The language detector belongs to ingestion, which loads it once in its reader process.)"""
    die_with_parent()
    for language in languages:
        pipelines_for(models).get(language)


def task_runner(
    config: RunConfig, languages: tuple[Language, ...], *, small_change: bool
) -> TaskRunner[Any] | None:
    """Where extraction runs: worker processes, a Dask cluster, or (None) this process, the flow's
    own, for a small change, the thread runner or one worker: no subflow is started for it."""
    models = tuple(sorted(config.models.items()))
    if config.runner == "dask":
        from prefect_dask.task_runners import DaskTaskRunner

        if config.dask_address:
            return DaskTaskRunner(address=config.dask_address)
        cluster = {"n_workers": config.workers, "threads_per_worker": 1, "processes": True}
        return DaskTaskRunner(cluster_kwargs=cluster)
    if config.runner == "thread" or config.workers == 1 or (small_change and config.runner == "process"):
        return None  # one note after the other: spaCy pipelines are not thread-safe
    return ProcessPoolTaskRunner(
        max_workers=config.workers, initializer=warm_worker, initargs=(models, languages)
    )


class Stopwatch:
    """Seconds per stage, for the run report; the stage under way is in `progress` for the web."""

    def __init__(self, progress: Path) -> None:
        self.timings: dict[str, float] = {}
        self.progress = progress

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        write_progress(self.progress, name, datetime.now(UTC))
        start = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start
