"""Which software produced a run, recorded in every output."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

TRACKED_PACKAGES = (
    "summit-synthesis",
    "prefect",
    "spacy",
    "pdfminer.six",
    "python-docx",
    "py3langid",
    "reportlab",
    "babel",
)


def software_versions(packages: tuple[str, ...] = TRACKED_PACKAGES) -> dict[str, str]:
    found: dict[str, str] = {}
    for package in packages:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    return found
