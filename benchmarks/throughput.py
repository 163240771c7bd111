"""Words per second of the full extraction against a bare `nlp.pipe` of the same model.

    .venv/bin/python -m benchmarks.throughput [--words 30000] [--batch-size 32] [--repeat 3]

Per language, the corpus is the sample summit's text in that language (each
note split by language, so one German paragraph in a French note counts as
German) and the labelled sentences of benchmarks/data/, repeated up to
--words words.

- bare: the model alone (`load_base`: tokenizer, tagger/morphologizer, parser,
  lemmatiser; NER is excluded in both), `nlp.pipe(texts, batch_size)`.
- full: `extract_texts`, i.e. our sentence rules, gazetteer, commitments,
  themes and best practices, plus the conversion to typed records.

Speed: both run in one process, warmed up, alternately --repeat times; the
best run of each counts. Memory: each mode also runs alone in a fresh
process, whose peak resident memory (VmHWM) is reported.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable
from datetime import date
from pathlib import Path

from synthesis.extract import DEFAULT_MODELS, Pipelines, TextRecord, extract_texts
from synthesis.extract.pipeline import load_base
from synthesis.extract.run import segments
from synthesis.ingest import ingest_summit
from synthesis.models import LANGUAGES, Language

DATA = Path(__file__).parent / "data"


def corpus(language: Language, words: int) -> list[str]:
    texts = []
    for note in ingest_summit(Path("inputs/dusseldorf-2019")).notes:
        texts += [note.text[s.start : s.end] for s in segments(note) if s.language == language]
    for path in (DATA / "extraction_dev.jsonl", DATA / "extraction_heldout.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["lang"] == language:
                texts.append(record["text"])
    repeated, total = [], 0
    while total < words:
        for text in texts:
            repeated.append(text)
            total += len(text.split())
            if total >= words:
                break
    return repeated


def _bare(language: Language, texts: list[str], batch_size: int) -> Callable[[], object]:
    nlp = load_base(language, DEFAULT_MODELS[language])
    return lambda: deque(nlp.pipe(texts, batch_size=batch_size), maxlen=0)


def _full(language: Language, texts: list[str], batch_size: int) -> Callable[[], object]:
    pipelines = Pipelines()
    records = [TextRecord(str(i), t, language) for i, t in enumerate(texts)]
    today = date.today()  # as `summit extract` reads it: deadlines are part of the work measured
    return lambda: deque(extract_texts(records, pipelines, batch_size=batch_size, today=today), maxlen=0)


def speed(language: Language, words: int, batch_size: int, repeat: int) -> dict[str, float]:
    texts = corpus(language, words)
    count = sum(len(t.split()) for t in texts)
    runs = {"bare": _bare(language, texts, batch_size), "full": _full(language, texts, batch_size)}
    best = {mode: float("inf") for mode in runs}
    for run in runs.values():  # warm-up: first calls load and allocate
        run()
    for _ in range(repeat):
        for mode, run in runs.items():
            start = time.perf_counter()
            run()
            best[mode] = min(best[mode], time.perf_counter() - start)
    return {"words": count, "bare": count / best["bare"], "full": count / best["full"]}


def peak_memory(language: Language, mode: str, words: int, batch_size: int) -> float:
    texts = corpus(language, words)
    (_bare if mode == "bare" else _full)(language, texts, batch_size)()
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec.
    status = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=30_000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", nargs=2, metavar=("LANG", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory:
        print(peak_memory(args.memory[0], args.memory[1], args.words, args.batch_size))
        return
    print(f"{'lang':4} {'model':24} {'words':>7} {'bare w/s':>9} {'full w/s':>9} {'ratio':>6} "
          f"{'bare MB':>8} {'full MB':>8}")  # fmt: skip
    for language in LANGUAGES:
        figures = speed(language, args.words, args.batch_size, args.repeat)
        memory = {}
        for mode in ("bare", "full"):
            command = [sys.executable, "-m", "benchmarks.throughput", "--memory", language, mode,
                       "--words", str(args.words), "--batch-size", str(args.batch_size)]  # fmt: skip
            output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            memory[mode] = float(output.strip().splitlines()[-1])
        print(
            f"{language:4} {DEFAULT_MODELS[language]:24} {figures['words']:7.0f} {figures['bare']:9.0f} "
            f"{figures['full']:9.0f} {figures['full'] / figures['bare']:6.2f} "
            f"{memory['bare']:8.0f} {memory['full']:8.0f}"
        )


if __name__ == "__main__":
    main()
