"""`summit`: the command line. Library errors become one-line messages with a hint here."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from synthesis.errors import SynthesisError
from synthesis.escape import rich_text
from synthesis.ingest import IngestLimits, IngestResult, discover, ingest_summit
from synthesis.models import Note, Rejection
from synthesis.report import EXIT_NOT_PUBLISHED, RunReport
from synthesis.settings import Settings
from web.cli import token_app
from web.command import web as web_command
from web.curation_cli import curation_app

if TYPE_CHECKING:
    from synthesis.config import RunConfig, RunOptions

app = typer.Typer(
    help="Summit Synthesis: rapporteurs' notes in, bilingual exhibition documents out.",
    no_args_is_help=True,
    add_completion=False,
)
# Piped output (logs, CI) is not wrapped at 80 columns.
out = Console(width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, soft_wrap=True)  # one-line messages stay one line

SummitDir = Annotated[
    Path,
    typer.Argument(help="the summit folder, e.g. inputs/dusseldorf-2019", show_default=False),
]
MaxFileMb = Annotated[
    float | None, typer.Option("--max-file-mb", help="reject uploads larger than this (default 10)")
]


Languages = Annotated[
    str | None,
    typer.Option(help="the documents' language pair, left column first, e.g. en,fr (default summit.yaml)"),
]
PosterSize = Annotated[str | None, typer.Option(help="poster paper size: A0, A1, A2 or A3 (default A1)")]
Excel = Annotated[
    bool | None,
    typer.Option(
        "--excel/--no-excel",
        help="start commitments.csv with a byte-order mark, so Excel reads its accents "
        "(default SUMMIT_EXCEL_CSV, else off)",
        show_default=False,
    ),
]


@contextmanager
def friendly_errors(code: int = 1) -> Iterator[None]:
    try:
        yield
    except SynthesisError as error:
        err.print(f"[bold red]Error:[/] {rich_text(error.message)}", highlight=False)
        if error.hint:
            err.print(f"[bold]Hint:[/] {rich_text(error.hint)}", highlight=False)
        raise typer.Exit(code) from None


def _note_row(note: Note) -> dict[str, Any]:
    return {
        "id": note.id,
        "source": note.source,
        "format": note.format,
        "workshop": note.workshop,
        "language": note.language,
        "declared_language": note.meta.language,
        "detected_language": note.detected_language,
        "words": note.words,
        "paragraphs": len(note.paragraphs),
        "title": note.meta.title,
        "rapporteur": note.meta.rapporteur,
        "session": str(note.meta.session),
        "status": "ok",
        "warnings": list(note.warnings),
    }


def _rejection_row(rejection: Rejection) -> dict[str, Any]:
    return {"status": "rejected", **rejection.model_dump(mode="json")}


def _under_notes(source: str) -> str:
    return source.removeprefix("notes/")


def _ingest_table(result: IngestResult) -> Table:
    table = Table(title=f"{len(result.notes)} notes read, {len(result.rejected)} rejected")
    table.add_column("File", overflow="fold")
    for column in ("Workshop", "Lang", "Words", "Status"):
        table.add_column(column, justify="right" if column == "Words" else "left")
    for note in sorted(result.notes, key=lambda n: (n.workshop, n.source)):
        status = "ok" + (f" ({'; '.join(note.warnings)})" if note.warnings else "")
        name = note.source.rsplit("/", 1)[-1]  # the workshop has its own column
        table.add_row(rich_text(name), note.workshop, note.language, str(note.words), rich_text(status))
    for rejected in result.rejected:
        table.add_row(
            rich_text(_under_notes(rejected.source)), "", "", "", f"[red]rejected: {rejected.reason.value}[/]"
        )
    return table


def _print_rejections(rejected: list[Rejection] | tuple[Rejection, ...]) -> None:
    for item in rejected:
        out.print(
            f"[red]✗[/] {rich_text(item.source)}: {rich_text(item.message)} → {rich_text(item.hint)}",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def ingest(
    summit_dir: SummitDir,
    as_json: Annotated[bool, typer.Option("--json", help="print machine-readable JSON")] = False,
    max_file_mb: MaxFileMb = None,
) -> None:
    """Read every note of a summit and show what was read and what was rejected."""
    settings = Settings()
    limit = max_file_mb or settings.max_file_mb
    limits = IngestLimits(max_file_bytes=int(limit * 1_000_000))
    with friendly_errors():
        total = len(discover(summit_dir)[0]) if (summit_dir / "notes").is_dir() else 0
        progress = Progress(
            TextColumn("Reading notes"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        with progress:
            bar = progress.add_task("", total=total)
            on_file: Callable[[Path], None] = lambda path: progress.update(  # noqa: E731
                bar, advance=1, description=path.name
            )
            result = ingest_summit(summit_dir, limits=limits, on_file=on_file)
    if as_json:
        payload = {
            "summit": result.summit_id,
            "notes": [_note_row(n) for n in result.notes],
            "rejected": [_rejection_row(r) for r in result.rejected],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(_ingest_table(result))
    _print_rejections(result.rejected)


def _model_overrides(overrides: list[str]) -> dict[str, str] | None:
    from synthesis.config import SettingError

    models: dict[str, str] = {}
    for override in overrides:
        language, equals, model = override.partition("=")
        if not equals or language not in ("en", "fr", "de") or not model:
            raise SettingError("--model", f"'{override}' is not LANG=MODEL", hint="e.g. en=en_core_web_sm")
        models[language] = model
    return models or None


def _parse_date(value: str | None, option: str) -> date | None:
    from synthesis.config import SettingError

    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise SettingError(option, f"'{value}' is not a date", hint="use YYYY-MM-DD") from None


def _pipelines(settings: Settings, overrides: list[str]) -> Any:
    from synthesis.extract import Pipelines, PipelineSpec

    with friendly_errors(2):
        models = {**settings.models(), **(_model_overrides(overrides) or {})}
    return Pipelines(PipelineSpec(models=models))  # type: ignore[arg-type]


Models = Annotated[
    list[str] | None,
    typer.Option("--model", help="LANG=MODEL, e.g. en=en_core_web_sm (repeatable; see docs/models.md)"),
]


@app.command()
def extract(
    files: Annotated[
        list[Path] | None, typer.Argument(help="notes to read (txt, md, docx, odt, pdf)")
    ] = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help='records, one per line: {"id", "text", "lang"?}')
    ] = None,
    lang: Annotated[str | None, typer.Option(help="language of the FILEs (default: detected)")] = None,
    session_date: Annotated[
        str | None,
        typer.Option(help="YYYY-MM-DD that relative deadlines count from (default today)"),
    ] = None,
    city: Annotated[str | None, typer.Option(help="the city that 'we' stands for")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="texts per nlp.pipe batch")] = 32,
    model: Models = None,
) -> None:
    """Extract commitments, recommendations, best practices, themes and places; one JSON line per input."""
    from synthesis.extract import TextRecord, extract_note, extract_texts
    from synthesis.extract.io import Defaults, RecordError, extraction_json, read_jsonl
    from synthesis.ingest.read import read_loose_note

    if bool(files) == bool(jsonl):
        err.print(
            "[bold red]Error:[/] give either FILE... or --jsonl IN.jsonl. "
            "[bold]Hint:[/] summit extract --help"
        )
        raise typer.Exit(2)
    if lang is not None and lang not in ("en", "fr", "de"):
        err.print(f"[bold red]Error:[/] --lang '{lang}' is not en, fr or de.")
        raise typer.Exit(2)
    try:
        day = date.fromisoformat(session_date) if session_date else None
    except ValueError:
        err.print(
            f"[bold red]Error:[/] --session-date '{session_date}' is not a date. "
            "[bold]Hint:[/] use YYYY-MM-DD"
        )
        raise typer.Exit(2) from None
    settings = Settings()
    pipelines = _pipelines(settings, model or [])
    failures = 0
    records: list[TextRecord] = []
    if jsonl is not None:
        if not jsonl.is_file():
            err.print(f"[bold red]Error:[/] {rich_text(str(jsonl))}: no such file")
            raise typer.Exit(1)
        for item in read_jsonl(jsonl, Defaults(session_date=day, speaker_city=city)):
            if isinstance(item, RecordError):
                failures += 1
                err.print(
                    f"[bold red]Error:[/] {rich_text(item.message)}. [bold]Hint:[/] {rich_text(item.hint)}",
                    highlight=False,
                )
            else:
                records.append(item)
    else:
        # A file is read exactly as the night reads a note (paragraph languages, table cells),
        # then extracted as the night extracts it: the same commitments for the same file.
        limits = IngestLimits(max_file_bytes=int(settings.max_file_mb * 1_000_000), sandbox=None)
        for path in files or []:
            try:
                note = read_loose_note(
                    path,
                    limits=limits,
                    session_day=day or date.today(),
                    language=lang,  # type: ignore[arg-type]  # checked to be en, fr or de above
                    city=city,
                )
            except (SynthesisError, OSError) as error:
                failures += 1
                message = (
                    error.message if isinstance(error, SynthesisError) else (error.strerror or str(error))
                )
                hint = f" [bold]Hint:[/] {rich_text(error.hint)}" if isinstance(error, SynthesisError) else ""
                err.print(
                    f"[bold red]Error:[/] {rich_text(str(path))}: {rich_text(message)}.{hint}",
                    highlight=False,
                )
                continue
            extraction = extract_note(note, pipelines)
            sys.stdout.write(
                json.dumps(extraction_json(str(path), note.language, extraction), ensure_ascii=False) + "\n"
            )
    # The command line is where "today" may be read: relative deadlines count from it.
    for record, language, extraction in extract_texts(
        records, pipelines, batch_size=batch_size, today=date.today()
    ):
        sys.stdout.write(
            json.dumps(extraction_json(record.id, language, extraction), ensure_ascii=False) + "\n"
        )
    if failures:
        raise typer.Exit(1)


def _print_report(report: RunReport, folder: Path) -> None:
    table = Table(title=f"{report.summit_id}, run {report.run}")
    table.add_column("Workshop")
    for column in ("Notes", "Words", "Commit-\nments", "Recommen-\ndations", "Best\npractices"):
        table.add_column(column, justify="right")
    table.add_column("Top concepts", overflow="fold")
    for w in report.workshops:
        table.add_row(
            w.workshop, str(w.notes), str(w.words), str(w.commitments), str(w.recommendations),
            str(w.best_practices), ", ".join(w.top_concepts) or "-",
        )  # fmt: skip
    out.print(table)
    _print_rejections(report.rejected)
    for note_id, error in report.extraction_errors.items():
        out.print(f"[red]✗[/] note {note_id}: extraction failed ({rich_text(error)}) → please report it")
    notes, cache = report.notes, report.cache
    out.print(
        f"Notes: {notes.read} read ({notes.new} new, {notes.changed} changed), {notes.rejected} rejected; "
        f"reused {cache.ingest_hits} readings and {cache.extraction_hits} extractions, "
        f"extracted {cache.extracted}.",
        highlight=False,
    )
    for name, why in report.failed_documents.items():
        err.print(f"[bold red]Error:[/] {rich_text(name)} was not written: {rich_text(why)}", highlight=False)
    out.print(f"Published {rich_text(str(folder))}/ (latest); report: {rich_text(str(folder / 'report.md'))}")


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"


@app.command()
def run(
    summit_dir: SummitDir,
    outputs: Annotated[Path | None, typer.Option(help="output folder (default outputs/)")] = None,
    run_date: Annotated[
        str | None, typer.Option("--date", help="the run's date, YYYY-MM-DD (default today)")
    ] = None,
    state_dir: Annotated[
        Path | None, typer.Option(help="Prefect's state and the cache (default .summit-state/)")
    ] = None,
    max_file_mb: MaxFileMb = None,
    model: Models = None,
    languages: Languages = None,
    poster_size: PosterSize = None,
    excel: Excel = None,
    runner: Annotated[
        str | None, typer.Option(help="extraction runs on: process (default), dask, thread")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="extraction workers (default: one per core)")
    ] = None,
    dask_address: Annotated[
        str | None, typer.Option(help="an existing Dask scheduler, with --runner dask")
    ] = None,
    keep_runs: Annotated[int | None, typer.Option(min=1, help="complete runs to keep (default 14)")] = None,
    trigger: Annotated[
        str | None, typer.Option(help="who asked for this run, as the lock and the report show it")
    ] = None,
) -> None:
    """Run the nightly synthesis now, as a Prefect flow on this machine, and publish it as `latest`.

    Exit codes: 0 published, 1 published but a document failed, 2 nothing published.
    """
    from synthesis.config import RunOptions, resolve_run_config

    with friendly_errors(EXIT_NOT_PUBLISHED):
        options = RunOptions(
            outputs_dir=outputs, state_dir=state_dir, run_date=_parse_date(run_date, "--date"),
            max_file_mb=max_file_mb, models=_model_overrides(model or []),
            languages=tuple(languages.split(",", 1)) if languages else None,
            poster_size=poster_size, runner=runner, workers=workers, dask_address=dask_address,
            keep_runs=keep_runs, excel_csv=excel,
        )  # fmt: skip
        config = resolve_run_config(summit_dir, options, today=date.today())
    _run_flow(config, options, trigger or f"`summit run` by {_who()}", "nightly")


def _run_flow(config: RunConfig, options: RunOptions, trigger: str, flow_name: str) -> None:
    """Run a flow of flows/ under the summit's lock and a Prefect server of its own; exit with its code."""
    from flows.runtime import configure_prefect, owned_server
    from synthesis.lock import run_lock

    locked = run_lock(config.summit_outputs, summit_id=config.summit.id, by=trigger, now=datetime.now(UTC))
    with friendly_errors(EXIT_NOT_PUBLISHED), locked:
        configure_prefect(config.state_dir)
        try:
            # Importing the flow imports Prefect, which reads the environment just set.
            with owned_server(meanwhile=lambda: import_module(f"flows.{flow_name}")):
                flow = getattr(import_module(f"flows.{flow_name}"), flow_name)
                report = flow(summit_dir=config.summit_dir, options=options, trigger=trigger)
        except SynthesisError:
            raise
        except Exception as error:
            first_line = (str(error).splitlines() or [""])[0]
            err.print(
                "[bold red]Error:[/] the run failed and published nothing: "
                f"{rich_text(type(error).__name__)}: {rich_text(first_line)}",
                highlight=False,
            )
            err.print("[bold]Hint:[/] `latest` still names the previous complete run; see the log above")
            raise typer.Exit(EXIT_NOT_PUBLISHED) from None
    from synthesis.publish import latest_run

    folder = latest_run(config.summit_outputs) or config.summit_outputs
    _print_report(report, folder)
    _print_documents(sorted(folder.glob("*.*")))
    raise typer.Exit(report.exit_code)


@app.command()
def publish(
    summit_dir: SummitDir,
    outputs: Annotated[Path | None, typer.Option(help="output folder (default outputs/)")] = None,
    state_dir: Annotated[
        Path | None, typer.Option(help="Prefect's state and the cache (default .summit-state/)")
    ] = None,
    trigger: Annotated[
        str | None, typer.Option(help="who asked for this, as the lock and the report show it")
    ] = None,
) -> None:
    """Publish the documents again now, from the latest run's synthesis: no note is read and no model
    runs. They carry the organisers' curation and the translations made since.

    Exit codes: 0 published, 1 published but a document failed, 2 nothing published.
    """
    from synthesis.config import RunOptions, resolve_run_config

    with friendly_errors(EXIT_NOT_PUBLISHED):
        options = RunOptions(outputs_dir=outputs, state_dir=state_dir)
        config = resolve_run_config(summit_dir, options, today=date.today())
    _run_flow(config, options, trigger or f"`summit publish` by {_who()}", "republish")


@app.command()
def serve(
    inputs: Annotated[Path, typer.Argument(help="the folder of summits (default inputs/)")] = Path("inputs"),
    outputs: Annotated[Path | None, typer.Option(help="output folder (default outputs/)")] = None,
    state_dir: Annotated[
        Path | None, typer.Option(help="Prefect's state and the cache (default .summit-state/)")
    ] = None,
    port: Annotated[int, typer.Option(help="port of the Prefect server and UI, if one is started")] = 4200,
    runner: Annotated[str | None, typer.Option(help="where extraction runs: process, dask, thread")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="extraction workers (default: cores)")] = None,
    keep_runs: Annotated[int | None, typer.Option(min=1, help="complete runs kept (default 14)")] = None,
) -> None:
    """Run every summit's nightly synthesis on its schedule (summit.yaml), until stopped with Ctrl-C.

    Uses the Prefect server that PREFECT_API_URL names, or starts one on 127.0.0.1:PORT with its UI.
    """
    from flows.runtime import configure_prefect, owned_server
    from synthesis.config import RunOptions, SettingError

    options = RunOptions(
        outputs_dir=outputs, state_dir=state_dir, runner=runner, workers=workers, keep_runs=keep_runs
    )
    with friendly_errors(2):
        if not inputs.is_dir():
            raise SettingError(
                "INPUTS", f"{inputs} is not a folder", hint="give the folder that holds the summits"
            )
        configure_prefect(state_dir or Settings().state_dir)
        with owned_server(port=port, scheduler=True) as started:
            from flows.serve import deployments, serve_deployments

            found, skipped = deployments(inputs, options, today=date.today())
            for item in skipped:
                err.print(f"[yellow]Skipped[/] {rich_text(str(item.summit_dir))}: {rich_text(item.why)}")
            if not found:
                raise SettingError(
                    "INPUTS", f"no summit to serve under {inputs}", hint="see inputs/README.md"
                )
            for deployment in found:
                schedule = deployment.schedules[0].schedule if deployment.schedules else None
                when = f"{getattr(schedule, 'cron', '?')} ({getattr(schedule, 'timezone', '?')})"
                out.print(f"Serving nightly-synthesis/{rich_text(deployment.name)}: {rich_text(when)}")
            if started:
                out.print(f"Prefect UI: {started.removesuffix('/api')}", highlight=False)
            serve_deployments(found)


def _print_documents(files: list[Path]) -> None:
    shown = [f for f in files if f.suffix in {".pdf", ".docx", ".csv", ".po"}]
    out.print("Documents: " + ", ".join(rich_text(f.name) for f in shown), highlight=False, soft_wrap=True)
    untranslated = [f for f in shown if f.name.startswith("to-translate.")]
    if untranslated:
        out.print(
            "Some sentences have no translation yet and are shown in their original language: "
            f"give {', '.join(f.name for f in untranslated)} to translators, then put the filled files "
            "in the summit's translations/ folder (see docs/translation.md).",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def kit(
    summit_id: Annotated[
        str, typer.Argument(help="the summit's id, e.g. dusseldorf-2019", show_default=False)
    ],
    city: Annotated[str, typer.Option(help="the city presenting the exhibition", show_default=False)],
    languages: Annotated[str, typer.Option(help="language pair, left column first, e.g. fr,en")] = "en,fr",
    logo: Annotated[Path | None, typer.Option(help="the city's logo, PNG or JPEG")] = None,
    accent: Annotated[str, typer.Option(help="accent colour, #RRGGBB")] = "#1F5C99",
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="where to write (default: a kit-… folder beside the run)")
    ] = None,
    outputs: Annotated[Path | None, typer.Option(help="where runs are stored (default outputs/)")] = None,
    run_date: Annotated[str | None, typer.Option("--date", help="which run (default the latest)")] = None,
    translations: Annotated[
        Path | None,
        typer.Option(help="translation memory folder (default inputs/<summit-id>/translations)"),
    ] = None,
    poster_size: PosterSize = None,
    excel: Excel = None,
    url: Annotated[str | None, typer.Option(help="QR code target, {workshop} is the workshop id")] = None,
) -> None:
    """Re-render every document from a stored synthesis, under a city's name, logo and languages."""
    from synthesis.curation import apply_curation, load_curation
    from synthesis.documents.content import Branding
    from synthesis.documents.kit import check_branding, kit_folder_name, latest_synthesis, parse_languages
    from synthesis.documents.render import render_exhibition
    from synthesis.documents.translation import translate_free_text
    from synthesis.translate.config import build_chain

    settings = Settings()
    with friendly_errors():
        pair = parse_languages(languages)
        synthesis, stored = latest_synthesis(outputs or settings.outputs_dir, summit_id, run_date)
        public_url = url or settings.public_url or (synthesis.summit.url if synthesis.summit else None)
        branding = check_branding(Branding(presenter=city, logo=logo, accent=accent, url=public_url))
        memory = translations or Path("inputs") / summit_id / "translations"
        # The organisers' decisions hold in every city's edition: a rejected item is printed nowhere.
        rule = synthesis.summit.print if synthesis.summit else "all"
        synthesis = apply_curation(synthesis, load_curation(Path("inputs") / summit_id), rule=rule)
        chain = build_chain(
            settings.translator_names(),
            memory_dir=memory,
            url=settings.translate_url,
            api_key=settings.translate_key,
        )
        texts = translate_free_text(synthesis, pair, chain)
        # Run folders are immutable: a kit goes beside them, under kits/<run>/.
        directory = out_dir or stored.parent.parent / "kits" / stored.parent.name / kit_folder_name(
            city, pair
        )
        rendered = render_exhibition(
            synthesis,
            texts,
            directory,
            languages=pair,
            branding=branding,
            poster_size=poster_size or settings.poster_size,
            excel_csv=settings.excel_csv if excel is None else excel,
        )
    for failure in texts.failures:
        err.print(f"[yellow]Warning:[/] translation backend failed: {rich_text(failure)}", highlight=False)
    for name, why in rendered.failed.items():
        err.print(f"[bold red]Error:[/] {rich_text(name)} was not written: {rich_text(why)}", highlight=False)
    out.print(f"Kit for {rich_text(city)} ({'/'.join(pair)}) from {rich_text(str(stored))}", highlight=False)
    _print_documents(rendered.files)
    out.print(f"Written to {rich_text(str(directory))}/", highlight=False)
    if rendered.failed:
        raise typer.Exit(1)


translate_app = typer.Typer(help="Translation backends for the documents.", no_args_is_help=True)
app.add_typer(translate_app, name="translate")
app.add_typer(token_app, name="token")
app.add_typer(curation_app, name="curation")
app.command(name="web")(web_command)


@translate_app.command("install-models")
def install_models(
    files: Annotated[list[Path], typer.Argument(help="Argos .argosmodel files", show_default=False)],
) -> None:
    """Install Argos Translate language packages from local files (nothing is downloaded)."""
    from synthesis.translate.argos import install_argos_models

    with friendly_errors():
        installed = install_argos_models(files)
    for name in installed:
        out.print(f"installed {name}", highlight=False)
