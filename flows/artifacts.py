"""What organisers see on a run's page in the Prefect UI: the run report, as artifacts."""

from __future__ import annotations

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from synthesis.escape import markdown_text
from synthesis.report import RunReport, report_markdown


def publish_artifacts(report: RunReport) -> None:
    create_markdown_artifact(key="run-report", markdown=report_markdown(report), description="The run report")
    create_table_artifact(
        key="workshops",
        table=[{**w.model_dump(exclude={"top_concepts"}), "top concepts": ", ".join(w.top_concepts)}
               for w in report.workshops],
        description="Per workshop: notes read and what was extracted",
    )  # fmt: skip
    create_table_artifact(
        key="rejected-files",
        table=[
            {"file": markdown_text(r.source), "reason": r.reason.value, "what to do": markdown_text(r.hint)}
            for r in report.rejected
        ],
        description="Files that could not be used; they stay where they were uploaded",
    )
    create_table_artifact(
        key="timings",
        table=[{"stage": stage, "seconds": seconds} for stage, seconds in report.timings.items()],
        description="Seconds per stage",
    )
