"""Ingestion: rapporteurs' files become typed, validated notes, or typed rejections."""

from synthesis.ingest.batch import (
    IngestResult,
    discover,
    drop_duplicates,
    ingest_summit,
    reader,
    split_results,
)
from synthesis.ingest.containers import ZipLimits
from synthesis.ingest.read import IngestLimits, ingest_file, read_document, read_note

__all__ = [
    "IngestLimits",
    "IngestResult",
    "ZipLimits",
    "discover",
    "drop_duplicates",
    "ingest_file",
    "ingest_summit",
    "read_document",
    "read_note",
    "reader",
    "split_results",
]
