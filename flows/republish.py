"""Publish the documents again from the latest run's synthesis: no note read, no model loaded.

What organisers trigger with "Publish documents now" after curating or translating: the new run
folder carries the curation and the translation memory as they are, and is published like a
night's, atomically, under the same lock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.nightly import (
    artifacts_task,
    curate_task,
    previous_task,
    publish_task,
    render_task,
    report_task,
    resolve_task,
    staging_task,
    translate_task,
    write_task,
)
from flows.support import Stopwatch, by_ref
from synthesis.config import RunOptions
from synthesis.lock import run_lock
from synthesis.models import SummitSynthesis
from synthesis.progress import progress_path
from synthesis.publish import NothingPublished, previous_synthesis, run_name
from synthesis.report import CacheCounts, RunReport


@task(cache_policy=NO_CACHE)
def stored_task(summit_outputs: Path) -> SummitSynthesis:
    stored = previous_synthesis(summit_outputs)
    if stored is None:
        raise NothingPublished(
            f"{summit_outputs} holds no complete run to publish again",
            hint="run the synthesis first (`summit run`)",
        )
    return stored


@flow(name="publish-documents")
def republish(summit_dir: Path, options: RunOptions | None = None, trigger: str = "the web") -> RunReport:
    """Curate, translate, render and publish the latest synthesis again; returns the run report."""
    started_at = datetime.now(UTC)
    config = resolve_task(summit_dir, options or RunOptions(), date.today())
    with run_lock(config.summit_outputs, summit_id=config.summit.id, by=trigger, now=started_at):
        name = run_name(config.run_date, started_at)
        clock = Stopwatch(progress_path(config.state_dir, config.summit.id))
        staging = staging_task(config, name)
        with clock("synthesise"):
            previous = previous_task(config)
            synthesis = stored_task(config.summit_outputs)
            written = write_task(by_ref(synthesis), staging)
            printed = curate_task(by_ref(synthesis), config)
        with clock("translate"):
            texts = translate_task(by_ref(printed), config)
        with clock("render"):
            rendered = render_task(by_ref(printed), by_ref(texts), staging, config)
        nothing_read = CacheCounts(
            ingest_hits=0, extraction_hits=0, extracted=0, documents_reused=len(rendered.reused)
        )
        report = report_task(
            by_ref(synthesis), by_ref(previous), name, nothing_read, clock.timings, texts.counts(),
            [*written, *rendered.files], rendered.failed, staging,
        )  # fmt: skip
        with clock("publish"):
            final = publish_task(staging, name, config)
        report = report.model_copy(update={"run": final.name})
        artifacts_task(by_ref(report))
        return report
