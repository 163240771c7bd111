"""The run report: what a night read, reused, found, translated and wrote, for the organiser.

It is written as `report.md` and `report.json` in the run folder, and shown as
Prefect artifacts. Everything that came from a file or its name is escaped.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from synthesis.escape import markdown_text
from synthesis.models import Rejection, SummitSynthesis
from synthesis.output import write_atomically
from synthesis.run_index import CommitmentLine, RunIndex, commitment_lines, note_digests

# The documented exit codes of `summit run` (docs/running.md).
EXIT_CLEAN = 0
EXIT_FAILED_DOCUMENTS = 1
EXIT_NOT_PUBLISHED = 2


class NoteCounts(BaseModel):
    model_config = ConfigDict(frozen=True)

    read: int
    new: int
    changed: int
    removed: int
    rejected: int


class CacheCounts(BaseModel):
    model_config = ConfigDict(frozen=True)

    ingest_hits: int
    extraction_hits: int
    extracted: int
    documents_reused: int = 0  # linked from the latest run: their own inputs did not change


REUSED = "documents reused from the latest run: nothing they are made from changed"


class WorkshopLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    workshop: str
    notes: int
    words: int
    commitments: int
    recommendations: int
    best_practices: int
    top_concepts: tuple[str, ...]


class RunReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    summit_id: str
    run: str = Field(description="the run folder's name, once published")
    notes: NoteCounts
    rejected: tuple[Rejection, ...]
    extraction_errors: dict[str, str]
    warnings: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="notes read with warnings (a skipped passage, an encoding)"
    )
    workshops: tuple[WorkshopLine, ...]
    commitments: int
    commitments_added: tuple[CommitmentLine, ...]
    commitments_removed: tuple[CommitmentLine, ...]
    cache: CacheCounts
    timings: dict[str, float] = Field(description="seconds per stage")
    translations: dict[str, int] = Field(description="segments from the memory, machine, left original")
    documents: tuple[str, ...] = Field(description="files written, relative to the run folder")
    failed_documents: dict[str, str]
    reused_from: str | None = Field(
        None, description="the run whose documents were republished, when nothing they depend on changed"
    )

    @property
    def id(self) -> str:
        return f"{self.summit_id}/{self.run}"

    @property
    def exit_code(self) -> int:
        return EXIT_FAILED_DOCUMENTS if self.failed_documents else EXIT_CLEAN


def note_counts(synthesis: SummitSynthesis, previous: RunIndex | None) -> NoteCounts:
    """New and changed notes are counted by source path, against the previous complete run."""
    before = previous.notes if previous else {}
    now = note_digests(synthesis)
    return NoteCounts(
        read=len(now),
        new=sum(1 for s in now if s not in before),
        changed=sum(1 for s, digest in now.items() if s in before and before[s] != digest),
        removed=sum(1 for s in before if s not in now),
        rejected=len(synthesis.rejected),
    )


def _commitment_lines(ids: tuple[str, ...], lines: tuple[CommitmentLine, ...]) -> tuple[CommitmentLine, ...]:
    wanted = set(ids)
    found = [line for line in lines if line.id in wanted]
    return tuple(sorted(found, key=lambda line: (line.workshop, line.actor, line.id)))


def build_report(
    synthesis: SummitSynthesis,
    previous: RunIndex | None,
    *,
    run: str,
    cache: CacheCounts,
    timings: dict[str, float],
    translations: dict[str, int],
    documents: list[Path],
    failed_documents: dict[str, str],
    run_folder: Path,
    reused_from: str | None = None,
) -> RunReport:
    changes = synthesis.changes
    added, removed = (changes.added, changes.removed) if changes else ((), ())
    return RunReport(
        summit_id=synthesis.run.summit_id,
        run=run,
        notes=note_counts(synthesis, previous),
        rejected=synthesis.rejected,
        extraction_errors=dict(synthesis.extraction_errors),
        warnings={n.source: n.warnings for n in synthesis.notes if n.warnings},
        workshops=tuple(
            WorkshopLine(
                workshop=w.workshop,
                notes=w.stats.notes,
                words=w.stats.words,
                commitments=len(w.commitments),
                recommendations=len(w.recommendations),
                best_practices=len(w.best_practices),
                top_concepts=tuple(t.labels.get("en", t.concept) for t in w.themes[:3]),
            )
            for w in synthesis.workshops
        ),
        commitments=sum(len(w.commitments) for w in synthesis.workshops),
        commitments_added=_commitment_lines(added, commitment_lines(synthesis)),
        commitments_removed=_commitment_lines(removed, previous.commitments if previous else ()),
        cache=cache,
        timings={stage: round(seconds, 2) for stage, seconds in timings.items()},
        translations=translations,
        documents=tuple(sorted(p.relative_to(run_folder).as_posix() for p in documents)),
        failed_documents=failed_documents,
        reused_from=reused_from,
    )


def unchanged_report(
    previous: RunReport, *, run: str, cache: CacheCounts, timings: dict[str, float],
    documents: list[Path], run_folder: Path, reused_from: str,
) -> RunReport:  # fmt: skip
    """The report of a night that republished `previous`'s edition: the same findings, nothing new."""
    return previous.model_copy(
        update={
            "run": run,
            "notes": previous.notes.model_copy(update={"new": 0, "changed": 0, "removed": 0}),
            "commitments_added": (),
            "commitments_removed": (),
            "cache": cache,
            "timings": {stage: round(seconds, 2) for stage, seconds in timings.items()},
            "documents": tuple(sorted(p.relative_to(run_folder).as_posix() for p in documents)),
            "failed_documents": {},
            "reused_from": reused_from,
        }
    )


SHOWN_CHANGES = 25  # more than this and the list says how many it leaves out


def _commitment_items(kind: str, lines: tuple[CommitmentLine, ...]) -> list[str]:
    items = [
        f"  - {kind} ({markdown_text(c.workshop)}) {markdown_text(c.actor)}: “{markdown_text(c.quote)}”"
        for c in lines[:SHOWN_CHANGES]
    ]
    if len(lines) > SHOWN_CHANGES:
        items.append(f"  - … and {len(lines) - SHOWN_CHANGES} more {kind} (see report.json)")
    return items


def report_markdown(report: RunReport) -> str:
    notes, cache = report.notes, report.cache
    lines = [
        f"# Run {report.run} of {markdown_text(report.summit_id)}",
        "",
        "## Notes",
        "",
        f"- {notes.read} read: {notes.new} new, {notes.changed} changed, {notes.removed} removed "
        "since the previous run",
        f"- {notes.rejected} rejected",
        *(
            f"  - {markdown_text(r.source)} ({r.reason.value}): {markdown_text(r.message)}. "
            f"What to do: {markdown_text(r.hint)}"
            for r in report.rejected
        ),
        *(
            f"- extraction failed for note {note}: {markdown_text(error)}"
            for note, error in report.extraction_errors.items()
        ),
        *(
            f"- read with a warning: {markdown_text(source)}: {markdown_text(warning)}"
            for source, warnings in report.warnings.items()
            for warning in warnings
        ),
        "",
        "## Workshops",
        "",
        "| workshop | notes | words | commitments | recommendations | best practices |",
        "|---|---:|---:|---:|---:|---:|",
        *(
            f"| {w.workshop} | {w.notes} | {w.words} | {w.commitments} | {w.recommendations} "
            f"| {w.best_practices} |"
            for w in report.workshops
        ),
        "",
        "## Commitments",
        "",
        f"- {report.commitments} in all: {len(report.commitments_added)} new, "
        f"{len(report.commitments_removed)} removed since the previous run",
        *_commitment_items("new", report.commitments_added),
        *_commitment_items("removed", report.commitments_removed),
        "",
        "## Work saved",
        "",
        f"- {cache.ingest_hits} notes reused without reading their file again",
        f"- {cache.extraction_hits} extractions reused, {cache.extracted} notes extracted",
        *([f"- {cache.documents_reused} {REUSED}"] if cache.documents_reused else []),
        "",
        "## Time per stage",
        "",
        "| stage | seconds |",
        "|---|---:|",
        *(f"| {stage} | {seconds:.1f} |" for stage, seconds in report.timings.items()),
        "",
        "## Translation",
        "",
        *(f"- {kind}: {count}" for kind, count in report.translations.items()),
        "",
        "## Documents",
        "",
        *(
            [
                f"Nothing the documents depend on changed since run {report.reused_from}: "
                "its documents are published again as they were.",
                "",
            ]
            if report.reused_from
            else []
        ),
        *(f"- {markdown_text(name)}" for name in report.documents),
        *(
            f"- **not written** {markdown_text(n)}: {markdown_text(why)}"
            for n, why in report.failed_documents.items()
        ),
    ]
    return "\n".join(lines) + "\n"


def write_report(report: RunReport, folder: Path) -> None:
    """report.md for people, report.json for scripts and the web."""
    write_atomically(folder / "report.md", report_markdown(report))
    write_atomically(folder / "report.json", report.model_dump_json(indent=2) + "\n")


def read_report(folder: Path) -> RunReport | None:
    try:
        return RunReport.model_validate_json((folder / "report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
