"""The extraction stage of the night: which notes to extract, and their extraction on the runner.

Kept apart from flows/nightly.py: worker processes import this module (the task they run is
defined here), not the whole night.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import TaskRunner

from flows.support import pipelines_for
from synthesis.config import RunConfig
from synthesis.extract import extract_note
from synthesis.extract.pipeline import describe
from synthesis.models import Note, NoteExtraction
from synthesis.night import (
    ExtractionPlan,
    collect_extractions,
    extract_batch,
    pipeline_fingerprint,
    read_batch,
    write_batches,
)
from synthesis.night import plan_extraction as plan_notes
from synthesis.store import RecordStore


def extraction_pipeline(config: RunConfig) -> str:
    return pipeline_fingerprint({language: describe(model) for language, model in config.models.items()})


@task(cache_policy=NO_CACHE)
def plan_task(notes: list[Note], config: RunConfig, known: dict[str, NoteExtraction]) -> ExtractionPlan:
    store, batches = RecordStore(config.cache_dir, "extractions"), 2 * config.workers
    return plan_notes(notes, pipeline=extraction_pipeline(config), store=store, batches=batches, known=known)


@task(cache_policy=NO_CACHE)
def batches_task(plan: ExtractionPlan, config: RunConfig) -> list[Path]:
    # One folder per summit: the run lock makes this run its only user.
    return write_batches(plan, config.state_dir / "work" / config.summit.id)


@task(cache_policy=NO_CACHE, task_run_name="extract {batch_file.name}", retries=1)
def extract_batch_task(
    batch_file: Path, cache_dir: Path, models: tuple[tuple[str, str], ...]
) -> dict[str, str]:
    batch = read_batch(batch_file)
    pipelines = pipelines_for(models)
    store = RecordStore(cache_dir, "extractions")
    return extract_batch(batch.notes, batch.keys, store, lambda note: extract_note(note, pipelines))


@flow(name="extract-notes")
def extract_notes(
    batch_files: list[Path], cache_dir: Path, models: tuple[tuple[str, str], ...]
) -> dict[str, str]:
    """Extract the batches on the configured runner, into the store; returns the notes that failed."""
    futures = [extract_batch_task.submit(path, cache_dir, models) for path in batch_files]
    failed: dict[str, str] = {}
    for future in futures:
        failed.update(future.result())
    return failed


@task(cache_policy=NO_CACHE)
def collect_task(
    plan: ExtractionPlan, failed: dict[str, str], config: RunConfig
) -> dict[str, NoteExtraction | str]:
    return collect_extractions(plan, failed, RecordStore(config.cache_dir, "extractions"))


@task(cache_policy=NO_CACHE)
def cleanup_task(files: list[Path]) -> None:
    for path in files:
        path.unlink(missing_ok=True)


def extract_all(files: list[Path], config: RunConfig, runner: TaskRunner[Any] | None) -> dict[str, str]:
    """The batches extracted on `runner`, or (None) one after the other in this process, from the
    calling flow: a subflow would cost more than a note or two. Returns the notes that failed."""
    models = tuple(sorted(config.models.items()))
    if runner is not None:
        return extract_notes.with_options(task_runner=runner)(files, config.cache_dir, models)
    return {
        note: error
        for path in files
        for note, error in extract_batch_task(path, config.cache_dir, models).items()
    }
