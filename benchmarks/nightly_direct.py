"""The night's library stages called directly, with no Prefect: the baseline of benchmarks.nightly.

.venv/bin/python -m benchmarks.nightly_direct SUMMIT WORK          # the whole night, direct
.venv/bin/python -m benchmarks.nightly_direct SUMMIT WORK --bare   # bare nlp.pipe ceiling, JSON
"""

from __future__ import annotations

import argparse
import json
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from synthesis.config import RunOptions, resolve_run_config
from synthesis.documents.content import Branding
from synthesis.documents.render import render_exhibition
from synthesis.documents.translation import translate_free_text
from synthesis.extract import Pipelines, PipelineSpec, extract_note
from synthesis.extract.pipeline import describe, load_base
from synthesis.ingest import IngestLimits
from synthesis.models import Language, Note
from synthesis.night import (
    assemble,
    collect_extractions,
    extract_batch,
    ingest_all,
    pipeline_fingerprint,
    plan_extraction,
)
from synthesis.output import write_run
from synthesis.publish import publish, run_name, start_staging
from synthesis.store import RecordStore
from synthesis.translate.config import build_chain

BARE_WORDS = 60_000  # per language: enough for a stable words/s


@cache
def _pipelines(models: tuple[tuple[str, str], ...]) -> Pipelines:
    return Pipelines(PipelineSpec(models=dict(models)))  # type: ignore[arg-type]


def _warm(models: tuple[tuple[str, str], ...], languages: tuple[Language, ...]) -> None:
    for language in languages:
        _pipelines(models).get(language)


def _extract(
    notes: list[Note], keys: dict[str, str], cache_dir: Path, models: tuple[tuple[str, str], ...]
) -> dict[str, str]:
    pipelines = _pipelines(models)
    store = RecordStore(cache_dir, "extractions")
    return extract_batch(notes, keys, store, lambda note: extract_note(note, pipelines))


def direct(summit_dir: Path, work: Path) -> None:
    started = datetime.now(UTC)
    options = RunOptions(outputs_dir=work / "direct-outputs", state_dir=work / "direct-state")
    config = resolve_run_config(summit_dir, options, today=date.today())
    staging = start_staging(config.summit_outputs, run_name(config.run_date, started))
    limits = IngestLimits(max_file_bytes=int(config.max_file_mb * 1_000_000))
    ingested = ingest_all(
        summit_dir, config.summit, limits=limits, store=RecordStore(config.cache_dir, "notes")
    )
    versions = {language: describe(model) for language, model in config.models.items()}
    plan = plan_extraction(
        ingested.notes, pipeline=pipeline_fingerprint(versions),
        store=RecordStore(config.cache_dir, "extractions"), batches=2 * config.workers,
    )  # fmt: skip
    models = tuple(sorted(config.models.items()))
    failed: dict[str, str] = {}
    init = (models, tuple(plan.languages))
    with ProcessPoolExecutor(config.workers, initializer=_warm, initargs=init) as pool:
        futures = [
            pool.submit(_extract, batch, plan.keys, config.cache_dir, models) for batch in plan.batches
        ]
        for future in futures:
            failed |= future.result()
    done = collect_extractions(plan, failed, RecordStore(config.cache_dir, "extractions"))
    synthesis = assemble(
        config.summit, ingested, done, None, run_date=config.run_date,
        started_at=started, finished_at=datetime.now(UTC), software={},
    )  # fmt: skip
    write_run(synthesis, staging)
    chain = build_chain(config.translators, memory_dir=summit_dir / "translations")
    texts = translate_free_text(synthesis, config.languages, chain)
    render_exhibition(
        synthesis, texts, staging, languages=config.languages,
        branding=Branding(url=config.public_url), poster_size=config.poster_size,
        workers=config.workers,
    )  # fmt: skip
    publish(staging, run_name(config.run_date, started))


def bare(summit_dir: Path, work: Path) -> dict[str, object]:
    """nlp.pipe words/s of each language's model alone, and the corpus time at that speed."""
    options = RunOptions(outputs_dir=work / "bare-outputs", state_dir=work / "bare-state")
    config = resolve_run_config(summit_dir, options, today=date.today())
    limits = IngestLimits(max_file_bytes=int(config.max_file_mb * 1_000_000))
    notes = ingest_all(
        summit_dir, config.summit, limits=limits, store=RecordStore(config.cache_dir, "n")
    ).notes
    texts: dict[str, list[str]] = {}
    for note in notes:
        for p in note.paragraphs:
            texts.setdefault(p.language, []).append(note.text[p.start : p.end])
    speed, ceiling = {}, 0.0
    for language, paragraphs in texts.items():
        corpus_words = sum(len(t.split()) for t in paragraphs)
        sample, count = [], 0
        for text in paragraphs:
            if count >= BARE_WORDS:
                break
            sample.append(text)
            count += len(text.split())
        nlp = load_base(language, config.models[language])  # type: ignore[index]
        list(nlp.pipe(sample[:50]))  # warm up
        start = time.perf_counter()
        for _ in nlp.pipe(sample, batch_size=32):
            pass
        speed[language] = round(count / (time.perf_counter() - start))
        ceiling += corpus_words / speed[language] / config.workers
    return {"words_per_second": speed, "workers": config.workers, "ceiling_seconds": round(ceiling, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("summit", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--bare", action="store_true")
    args = parser.parse_args()
    if args.bare:
        print(json.dumps(bare(args.summit, args.work)))
    else:
        direct(args.summit, args.work)


if __name__ == "__main__":
    main()
