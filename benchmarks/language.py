"""Language detection accuracy on short texts, paragraphs and whole notes.

    .venv/bin/python -m benchmarks.language

- short: the labelled sentences of benchmarks/data/extraction_*.jsonl (5-45 words each),
  raw py3langid restricted to en/fr/de, by length;
- paragraphs: every paragraph of the sample summit, labelled with its note's language
  (the one note with a paragraph in another language is left out), raw and with the
  policy used in ingestion (fragments under 4 words or under 0.8 confidence take the
  note's language);
- notes: the sample summit's notes against tests/fixtures/sample_truth.yaml.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import yaml

from synthesis.ingest import ingest_summit
from synthesis.ingest.language import classify, detect_paragraph

DATA = Path("benchmarks/data")
TRUTH = Path("tests/fixtures/sample_truth.yaml")
BUCKETS = ((1, 5), (6, 10), (11, 20), (21, 1000))


def _bucket(words: int) -> str:
    for low, high in BUCKETS:
        if low <= words <= high:
            return f"{low}-{high}" if high < 1000 else f"{low}+"
    return "0"


def short_texts() -> None:
    records = [
        json.loads(line)
        for path in sorted(DATA.glob("extraction_*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not records:
        print("short texts: no data in benchmarks/data/")
        return
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    by_length: Counter[str] = Counter()
    by_length_total: Counter[str] = Counter()
    classify("warm up: load the model before timing")
    start = time.perf_counter()
    for record in records:
        predicted, _ = classify(record["text"])
        ok = predicted == record["lang"]
        bucket = _bucket(len(record["text"].split()))
        total[record["lang"]] += 1
        right[record["lang"]] += ok
        by_length_total[bucket] += 1
        by_length[bucket] += ok
    per_call = (time.perf_counter() - start) / len(records) * 1e6
    print(
        f"short texts ({len(records)} labelled sentences, raw classifier, {per_call:.0f} µs/call):"
    )
    for lang in sorted(total):
        print(f"  {lang}: {right[lang]}/{total[lang]} = {right[lang] / total[lang]:.1%}")
    for bucket in sorted(by_length_total, key=lambda b: int(b.split("-")[0].rstrip("+"))):
        n, ok = by_length_total[bucket], by_length[bucket]
        print(f"  {bucket:>6} words: {ok}/{n} = {ok / n:.1%}")


def sample_summit() -> None:
    truth = yaml.safe_load(TRUTH.read_text(encoding="utf-8"))
    notes = ingest_summit(Path("inputs/dusseldorf-2019")).notes
    right_notes = sum(n.detected_language == truth[n.source[6:]]["language"] for n in notes)
    print(f"notes: {right_notes}/{len(notes)} detected correctly")
    raw = policy = count = 0
    for note in notes:
        if truth[note.source[6:]].get("other_language_paragraph"):
            continue
        for paragraph in note.paragraphs:
            text = paragraph.text_in(note)
            count += 1
            raw += classify(text)[0] == note.language
            policy += detect_paragraph(text, fallback=note.language) == note.language
    print(f"paragraphs ({count}): raw {raw}/{count} = {raw / count:.1%}, ", end="")
    print(f"with the fallback policy {policy}/{count} = {policy / count:.1%}")


if __name__ == "__main__":
    short_texts()
    sample_summit()
