"""The nightly synthesis: everything uploaded so far in, the morning's files out.

Run it with `summit run inputs/<summit-id>`, which sets Prefect up for one
machine (see flows/runtime.py) before importing this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from prefect import flow, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.context import TaskRunContext

from synthesis.digest import changes_since, city_index, shared_themes
from synthesis.documents.content import Branding
from synthesis.documents.render import Rendered, render_exhibition
from synthesis.documents.translation import TranslatedTexts, translate_free_text
from synthesis.extract import DEFAULT_MODELS, Pipelines, PipelineSpec, extract_note
from synthesis.ingest import IngestLimits, discover, drop_duplicates, ingest_file, split_results
from synthesis.models import Language, Note, NoteExtraction, Rejection, RunInfo, SummitSynthesis
from synthesis.output import previous_run, rejections_markdown, run_dir, write_run
from synthesis.provenance import software_versions
from synthesis.settings import Settings
from synthesis.summit import SummitConfig, load_summit
from synthesis.translate.config import build_chain
from synthesis.workshops import summarise_workshops


@cache
def pipelines_for(models: tuple[tuple[str, str], ...]) -> Pipelines:
    """One set of loaded spaCy pipelines per process: never a task argument (pickling is slow)."""
    return Pipelines(PipelineSpec(models=dict(models)))  # type: ignore[arg-type]


def _extraction_key(context: TaskRunContext, parameters: dict[str, Any]) -> str:
    """A note's extraction is reused until its text or the pipeline (models, rules) changes."""
    models = tuple(sorted(parameters["models"].items()))
    return f"extract-{parameters['note'].id}-{pipelines_for(models).fingerprint()}"


@task
def load_summit_task(summit_dir: Path) -> SummitConfig:
    return load_summit(summit_dir)


@task
def discover_task(summit_dir: Path) -> tuple[list[Path], list[Rejection]]:
    return discover(summit_dir)


@task(task_run_name="ingest {path.name}")
def ingest_task(path: Path, summit_dir: Path, summit: SummitConfig, limits: IngestLimits) -> Note | Rejection:
    return ingest_file(path, summit_dir=summit_dir, summit=summit, limits=limits)


@task
def deduplicate_task(
    results: list[Note | Rejection], orphans: list[Rejection]
) -> tuple[list[Note], list[Rejection]]:
    outcome = split_results([*drop_duplicates(results), *orphans])
    return outcome.notes, outcome.rejected


@task(
    task_run_name="extract {note.source}",
    cache_key_fn=_extraction_key,
    persist_result=True,
    retries=1,
)
def extract_task(note: Note, models: dict[str, str]) -> NoteExtraction:
    return extract_note(note, pipelines_for(tuple(sorted(models.items()))))


@task
def previous_task(outputs_dir: Path, summit_id: str, run_date: date) -> SummitSynthesis | None:
    return previous_run(outputs_dir, summit_id, run_date.isoformat())


@task
def assemble_task(
    summit: SummitConfig,
    notes: list[Note],
    rejected: list[Rejection],
    extractions: Sequence[NoteExtraction | BaseException],
    previous: SummitSynthesis | None,
    run_date: date,
    started_at: datetime,
) -> SummitSynthesis:
    done = [e for e in extractions if isinstance(e, NoteExtraction)]
    failed = {
        note.id: f"{type(e).__name__}: {e}"[:300]
        for note, e in zip(notes, extractions, strict=True)
        if isinstance(e, BaseException)
    }
    models = {language: model for e in done for language, model in e.models.items()}
    workshops = summarise_workshops(notes, done, summit)
    return SummitSynthesis(
        run=RunInfo(
            summit_id=summit.id,
            run_date=run_date,
            started_at=started_at,
            finished_at=datetime.now(UTC),
            software=software_versions(),
            models=dict(sorted(models.items())),
        ),
        notes=tuple(notes),
        rejected=tuple(rejected),
        workshops=workshops,
        extractions=tuple(done),
        extraction_errors=failed,
        shared_themes=shared_themes(workshops),
        cities=city_index(workshops),
        changes=changes_since(workshops, previous),
        summit=summit,
    )


@task(retries=2, retry_delay_seconds=2)
def write_task(synthesis: SummitSynthesis, directory: Path) -> list[Path]:
    return write_run(synthesis, directory)


@task(retries=2, retry_delay_seconds=10)  # an HTTP translation API may be briefly unavailable
def translate_task(
    synthesis: SummitSynthesis, languages: tuple[Language, Language], translators: list[str], memory_dir: Path
) -> TranslatedTexts:
    settings = Settings()  # the API key is read here, never passed as a (stored) flow parameter
    chain = build_chain(
        translators, memory_dir=memory_dir, url=settings.translate_url, api_key=settings.translate_key
    )
    return translate_free_text(synthesis, languages, chain)


@task
def render_task(
    synthesis: SummitSynthesis,
    texts: TranslatedTexts,
    directory: Path,
    languages: tuple[Language, Language],
    poster_size: str,
    public_url: str | None,
) -> Rendered:
    branding = Branding(url=public_url)
    return render_exhibition(
        synthesis, texts, directory, languages=languages, branding=branding, poster_size=poster_size
    )


@task
def report_task(synthesis: SummitSynthesis) -> None:
    """What organisers see on the run's page in the Prefect UI."""
    create_table_artifact(
        key="workshops",
        table=[
            {
                "workshop": w.workshop,
                **w.stats.model_dump(exclude={"languages"}),
                "commitments": len(w.commitments),
                "recommendations": len(w.recommendations),
                "best practices": len(w.best_practices),
                "top concepts": ", ".join(t.labels["en"] for t in w.themes[:3]),
            }
            for w in synthesis.workshops
        ],
        description="Per workshop: notes read and what was extracted",
    )
    create_markdown_artifact(key="rejected-files", markdown=rejections_markdown(synthesis.rejected))


@task
def report_documents_task(rendered: Rendered, texts: TranslatedTexts) -> None:
    counts = texts.counts()
    lines = ["# Documents", "", *(f"- `{path.name}`" for path in rendered.files)]
    lines += [f"- **not written** `{name}`: {why}" for name, why in rendered.failed.items()]
    lines += [
        "",
        f"Translations: {counts['memory']} from the memory, {counts['machine']} machine-translated, "
        f"{counts['original']} shown in the original language (exported to `to-translate.*.po`).",
        *(f"- translation backend failed: {failure}" for failure in texts.failures),
    ]
    create_markdown_artifact(key="documents", markdown="\n".join(lines))


@flow(name="nightly-synthesis", log_prints=True)
def nightly(
    summit_dir: Path,
    outputs_dir: Path = Path("outputs"),
    run_date: date | None = None,
    max_file_mb: float = 10.0,
    models: dict[str, str] | None = None,
    languages: tuple[Language, Language] | None = None,
    translators: list[str] | None = None,
    poster_size: str = "A1",
    public_url: str | None = None,
) -> SummitSynthesis:
    started_at = datetime.now(UTC)
    run_date = run_date or date.today()
    models = {**{str(k): v for k, v in DEFAULT_MODELS.items()}, **(models or {})}
    limits = IngestLimits(max_file_bytes=int(max_file_mb * 1_000_000))
    summit = load_summit_task(summit_dir)
    paths, orphans = discover_task(summit_dir)
    ingested = ingest_task.map(paths, unmapped(summit_dir), unmapped(summit), unmapped(limits))
    notes, rejected = deduplicate_task(ingested.result(), orphans)
    # A note whose extraction fails is reported, and the rest of the night goes on.
    extractions = extract_task.map(notes, unmapped(models)).result(raise_on_failure=False)
    previous = previous_task(outputs_dir, summit.id, run_date)
    synthesis = assemble_task(summit, notes, rejected, extractions, previous, run_date, started_at)
    directory = run_dir(outputs_dir, summit.id, run_date.isoformat())
    write_task(synthesis, directory)
    report_task(synthesis)
    languages = languages or summit.languages
    texts = translate_task(synthesis, languages, translators or ["memory"], summit_dir / "translations")
    rendered = render_task(synthesis, texts, directory, languages, poster_size, public_url or summit.url)
    report_documents_task(rendered, texts)
    return synthesis
