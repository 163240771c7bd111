"""The nightly synthesis: everything uploaded so far in, the morning's run folder out.

`summit run`, `summit serve`'s scheduled deployments and the web all start this
flow with the same parameters, and it resolves the same RunConfig from them.
Large records (notes, extractions, the synthesis) are passed `quote`d, so Prefect
never walks them, and reach the extraction workers as batch files, so a flow
run's parameters stay small; no task caches through Prefect (NO_CACHE): the
store of synthesis.night keeps what is worth keeping.
"""

from __future__ import annotations

import time
from concurrent.futures import Executor
from contextlib import ExitStack
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from flows.artifacts import publish_artifacts
from flows.extraction import (
    batches_task,
    cleanup_task,
    collect_task,
    extract_all,
    extraction_pipeline,
    plan_task,
)
from flows.support import IN_PROCESS_WORDS, Stopwatch, by_ref, task_runner
from synthesis.config import RunConfig, RunOptions, resolve_run_config
from synthesis.curation import apply_curation, curation_digest, load_curation
from synthesis.documents.content import Branding
from synthesis.documents.render import Rendered, aside_process, render_exhibition
from synthesis.documents.translation import TranslatedTexts, translate_free_text
from synthesis.edition import edition_key, republish, reusable_run, write_edition
from synthesis.ingest import IngestLimits
from synthesis.lock import run_lock
from synthesis.models import NoteExtraction, SummitSynthesis
from synthesis.night import (
    ExtractionPlan,
    Ingested,
    assemble,
    ingest_and_look_up,
)
from synthesis.output import write_run
from synthesis.progress import progress_path
from synthesis.provenance import software_versions
from synthesis.publish import latest_run, previous_index, prune, publish, run_name, start_staging
from synthesis.report import CacheCounts, RunReport, build_report, read_report, unchanged_report, write_report
from synthesis.run_index import RunIndex
from synthesis.site.moved import moved_commitments
from synthesis.store import RecordStore
from synthesis.translate.config import build_chain
from synthesis.workshops import StoredQuotes

T = TypeVar("T")
CACHE_DAYS = 60  # store records unused for this long are deleted


@task(cache_policy=NO_CACHE)
def resolve_task(summit_dir: Path, options: RunOptions, today: date) -> RunConfig:
    return resolve_run_config(summit_dir, options, today=today)


@task(cache_policy=NO_CACHE)
def staging_task(config: RunConfig, name: str) -> Path:
    return start_staging(config.summit_outputs, name)


@task(cache_policy=NO_CACHE)
def ingest_task(config: RunConfig) -> tuple[Ingested, dict[str, NoteExtraction]]:
    """The notes, and the stored extractions of those read before (loaded while the reader starts)."""
    limits = IngestLimits(max_file_bytes=int(config.max_file_mb * 1_000_000))
    stores = RecordStore(config.cache_dir, "notes"), RecordStore(config.cache_dir, "extractions")
    return ingest_and_look_up(config.summit_dir, config.summit, limits, stores, extraction_pipeline(config))


@task(cache_policy=NO_CACHE)
def assemble_task(
    config: RunConfig, ingested: Ingested, extractions: dict[str, NoteExtraction | str],
    previous: RunIndex | None, started_at: datetime,
) -> SummitSynthesis:  # fmt: skip
    return assemble(
        config.summit, ingested, extractions, previous, run_date=config.run_date,
        started_at=started_at, finished_at=datetime.now(UTC), software=software_versions(),
        quotes=StoredQuotes(RecordStore(config.cache_dir, "quotes")),
    )  # fmt: skip


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def write_task(synthesis: SummitSynthesis, staging: Path) -> list[Path]:
    return write_run(synthesis, staging)


@task(cache_policy=NO_CACHE)
def curate_task(synthesis: SummitSynthesis, config: RunConfig) -> SummitSynthesis:
    return apply_curation(synthesis, load_curation(config.summit_dir), rule=config.summit.print)


@task(cache_policy=NO_CACHE)
def translate_task(synthesis: SummitSynthesis, config: RunConfig) -> TranslatedTexts:
    key = config.translate_key.get_secret_value() if config.translate_key else None
    memory = config.summit_dir / "translations"
    chain = build_chain(config.translators, memory_dir=memory, url=config.translate_url, api_key=key)
    return translate_free_text(synthesis, config.languages, chain)


@task(cache_policy=NO_CACHE)
def render_task(
    synthesis: SummitSynthesis, texts: TranslatedTexts, staging: Path, config: RunConfig,
    aside: Executor | None = None,
) -> Rendered:  # fmt: skip
    latest = latest_run(config.summit_outputs)
    return render_exhibition(
        synthesis, texts, staging, languages=config.languages,
        branding=Branding(url=config.public_url), poster_size=config.poster_size,
        excel_csv=config.excel_csv, workers=config.workers,
        moved=moved_commitments(latest, synthesis), earlier=latest, aside=aside,
    )  # fmt: skip


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def publish_task(staging: Path, name: str, config: RunConfig) -> Path:
    final = publish(staging, name)
    prune(config.summit_outputs, keep=config.keep_runs)
    for kind in ("notes", "extractions", "quotes"):
        RecordStore(config.cache_dir, kind).prune(older_than_days=CACHE_DAYS, now=time.time())
    return final


@task(cache_policy=NO_CACHE)
def edition_task(config: RunConfig, ingested: Ingested, plan: ExtractionPlan) -> str:
    settings = {"languages": config.languages, "poster_size": config.poster_size,
                "public_url": config.public_url, "translators": config.translators,
                "translate_url": config.translate_url, "excel_csv": config.excel_csv,
                "curation": curation_digest(config.summit_dir)}  # fmt: skip
    return edition_key(
        config.summit, ingested.notes, ingested.rejected, plan.keys,
        settings=settings, translations_dir=config.summit_dir / "translations",
    )  # fmt: skip


@task(cache_policy=NO_CACHE)
def reuse_task(config: RunConfig, edition: str, staging: Path) -> tuple[list[Path], RunReport] | None:
    """The latest run's documents and report, when it was made from this very edition."""
    run = reusable_run(config.summit_outputs, edition)
    report = read_report(run) if run else None
    return (republish(run, staging), report) if run and report else None


@task(cache_policy=NO_CACHE)
def edition_write_task(staging: Path, edition: str) -> None:
    write_edition(staging, edition)


def latest_name(config: RunConfig) -> str | None:
    run = latest_run(config.summit_outputs)
    return run.name if run else None


@task(cache_policy=NO_CACHE)
def previous_task(config: RunConfig) -> RunIndex | None:
    return previous_index(config.summit_outputs)


@task(cache_policy=NO_CACHE)
def report_task(
    synthesis: SummitSynthesis, previous: RunIndex | None, name: str, cache: CacheCounts,
    timings: dict[str, float], translations: dict[str, int], documents: list[Path],
    failed: dict[str, str], staging: Path,
) -> RunReport:  # fmt: skip
    report = build_report(
        synthesis, previous, run=name, cache=cache, timings=timings, translations=translations,
        documents=documents, failed_documents=failed, run_folder=staging,
    )  # fmt: skip
    write_report(report, staging)
    return report


@task(cache_policy=NO_CACHE)
def unchanged_report_task(
    previous: RunReport, name: str, cache: CacheCounts, timings: dict[str, float],
    documents: list[Path], staging: Path, reused_from: str,
) -> RunReport:  # fmt: skip
    report = unchanged_report(
        previous, run=name, cache=cache, timings=timings, documents=documents,
        run_folder=staging, reused_from=reused_from,
    )  # fmt: skip
    write_report(report, staging)
    return report


@task(cache_policy=NO_CACHE)
def artifacts_task(report: RunReport) -> None:
    publish_artifacts(report)


@flow(name="nightly-synthesis")
def nightly(summit_dir: Path, options: RunOptions | None = None, trigger: str = "the schedule") -> RunReport:
    """Read, extract, write, translate, render and publish one summit; returns the run report."""
    started_at = datetime.now(UTC)
    config = resolve_task(summit_dir, options or RunOptions(), date.today())
    lock = run_lock(config.summit_outputs, summit_id=config.summit.id, by=trigger, now=started_at)
    with lock, ExitStack() as stack:
        name = run_name(config.run_date, started_at)
        clock = Stopwatch(progress_path(config.state_dir, config.summit.id))
        staging = staging_task(config, name)
        with clock("ingest"):
            ingested, known = ingest_task(config)
        with clock("extract"):
            plan = plan_task(by_ref(ingested.notes), config, by_ref(known))
            failed: dict[str, str] = {}
            if plan.batches:
                small = bool(plan.found) and plan.words < IN_PROCESS_WORDS
                runner = task_runner(config, tuple(plan.languages), small_change=small)
                files = batches_task(by_ref(plan), config)
                failed = extract_all(files, config, runner)
                cleanup_task(files)
        edition = edition_task(config, by_ref(ingested), by_ref(plan))
        cache = CacheCounts(
            ingest_hits=ingested.cached,
            extraction_hits=len(plan.found),
            extracted=sum(len(batch) for batch in plan.batches),
        )
        reused = None if plan.batches or failed else reuse_task(config, edition, staging)
        if reused is not None:  # nothing the documents depend on changed: republish them
            files, before = reused
            report = unchanged_report_task(
                by_ref(before), name, cache, clock.timings, files, staging, latest_name(config) or ""
            )
        else:
            # The DOCX's process starts now: its start overlaps the synthesis, not the render.
            aside = stack.enter_context(aside_process(config.workers))
            with clock("synthesise"):
                previous = previous_task(config)
                done = collect_task(by_ref(plan), failed, config)
                synthesis = assemble_task(
                    config, by_ref(ingested), by_ref(done), by_ref(previous), started_at
                )
                written = write_task(by_ref(synthesis), staging)
                printed = curate_task(by_ref(synthesis), config)
            with clock("translate"):
                texts = translate_task(by_ref(printed), config)
            with clock("render"):
                rendered = render_task(by_ref(printed), by_ref(texts), staging, config, by_ref(aside))
            stack.close()
            cache = cache.model_copy(update={"documents_reused": len(rendered.reused)})
            if not rendered.failed:
                edition_write_task(staging, edition)
            report = report_task(
                by_ref(synthesis), by_ref(previous), name, cache, clock.timings, texts.counts(),
                [*written, *rendered.files], rendered.failed, staging,
            )  # fmt: skip
        with clock("publish"):
            final = publish_task(staging, name, config)
        report = report.model_copy(update={"run": final.name})
        artifacts_task(by_ref(report))
        return report
