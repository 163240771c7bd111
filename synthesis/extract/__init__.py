"""Extraction: commitments, recommendations, best practices, themes and places.

Importing the package registers the spaCy components (`summit_gazetteer`,
`summit_commitments`, `summit_themes`, `summit_best_practices`,
`summit_sentences`).
"""

from synthesis.extract.pipeline import DEFAULT_MODELS, Pipelines, PipelineSpec, build_pipeline
from synthesis.extract.run import TextRecord, extract_note, extract_texts

__all__ = [
    "DEFAULT_MODELS",
    "PipelineSpec",
    "Pipelines",
    "TextRecord",
    "build_pipeline",
    "extract_note",
    "extract_texts",
]
