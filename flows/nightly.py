"""The nightly synthesis: everything uploaded so far in, the morning's files out.

Run it with `summit run inputs/<summit-id>`, which sets Prefect up for one
machine (see flows/runtime.py) before importing this module.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from synthesis.ingest import IngestLimits, discover, drop_duplicates, ingest_file, split_results
from synthesis.models import Note, Rejection, RunInfo, SummitSynthesis
from synthesis.output import rejections_markdown, run_dir, write_run
from synthesis.provenance import software_versions
from synthesis.stats import summarise_workshops
from synthesis.summit import SummitConfig, load_summit


@task
def load_summit_task(summit_dir: Path) -> SummitConfig:
    return load_summit(summit_dir)


@task
def discover_task(summit_dir: Path) -> tuple[list[Path], list[Rejection]]:
    return discover(summit_dir)


@task(task_run_name="ingest {path.name}")
def ingest_task(
    path: Path, summit_dir: Path, summit: SummitConfig, limits: IngestLimits
) -> Note | Rejection:
    return ingest_file(path, summit_dir=summit_dir, summit=summit, limits=limits)


@task
def assemble_task(
    summit: SummitConfig,
    results: list[Note | Rejection],
    orphans: list[Rejection],
    run_date: date,
    started_at: datetime,
) -> SummitSynthesis:
    outcome = split_results([*drop_duplicates(results), *orphans])
    return SummitSynthesis(
        run=RunInfo(
            summit_id=summit.id,
            run_date=run_date,
            started_at=started_at,
            finished_at=datetime.now(UTC),
            software=software_versions(),
        ),
        notes=tuple(outcome.notes),
        rejected=tuple(outcome.rejected),
        workshops=summarise_workshops(outcome.notes, summit),
    )


@task(retries=2, retry_delay_seconds=2)
def write_task(synthesis: SummitSynthesis, directory: Path) -> list[Path]:
    return write_run(synthesis, directory)


@task
def report_task(synthesis: SummitSynthesis) -> None:
    """What organisers see on the run's page in the Prefect UI."""
    create_table_artifact(
        key="workshops",
        table=[
            {
                "workshop": w.workshop,
                **w.stats.model_dump(exclude={"languages"}),
                **w.stats.languages,
            }
            for w in synthesis.workshops
        ],
        description="Notes read per workshop",
    )
    create_markdown_artifact(key="rejected-files", markdown=rejections_markdown(synthesis.rejected))


@flow(name="nightly-synthesis", log_prints=True)
def nightly(
    summit_dir: Path,
    outputs_dir: Path = Path("outputs"),
    run_date: date | None = None,
    max_file_mb: float = 10.0,
) -> SummitSynthesis:
    started_at = datetime.now(UTC)
    run_date = run_date or date.today()
    limits = IngestLimits(max_file_bytes=int(max_file_mb * 1_000_000))
    summit = load_summit_task(summit_dir)
    paths, orphans = discover_task(summit_dir)
    futures = ingest_task.map(paths, unmapped(summit_dir), unmapped(summit), unmapped(limits))
    synthesis = assemble_task(summit, futures.result(), orphans, run_date, started_at)
    write_task(synthesis, run_dir(outputs_dir, summit.id, run_date.isoformat()))
    report_task(synthesis)
    return synthesis
