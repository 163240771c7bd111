"""Language detection accuracy on short texts, paragraphs and whole notes.

    .venv/bin/python -m benchmarks.language

- sentences: the labelled sentences of benchmarks/data/extraction_dev.jsonl and
  extraction_heldout.jsonl (4-45 words each), raw py3langid restricted to en/fr/de;
- paragraphs: every paragraph of the sample summit (headings, bullet
  fragments, table rows included), labelled with its note's language; the one
  note with a paragraph in another language is left out. Raw, and with the
  policy ingestion uses: fragments under 4 words or under 0.8 confidence take
  the note's language;
- notes: the sample summit's notes against tests/fixtures/sample_truth.yaml.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import yaml

from synthesis.ingest import ingest_summit
from synthesis.ingest.language import classify, detect_paragraph

DATA = Path("benchmarks/data")
TRUTH = Path("tests/fixtures/sample_truth.yaml")
BUCKETS = ((1, 3), (4, 10), (11, 20), (21, 10_000))


def _bucket(text: str) -> str:
    words = len(text.split())
    low, high = next(b for b in BUCKETS if b[0] <= words <= b[1])
    return f"{low}-{high} words" if high < 10_000 else f"{low}+ words"


def _report(title: str, results: list[tuple[str, str, bool]]) -> None:
    """results: (language, text, correct)."""
    right = sum(ok for _, _, ok in results)
    print(f"{title}: {right}/{len(results)} = {right / len(results):.1%}")
    for label, key in (("language", 0), ("length", 1)):
        groups: dict[str, list[bool]] = {}
        for language, text, ok in results:
            groups.setdefault(language if key == 0 else _bucket(text), []).append(ok)
        line = ", ".join(f"{g} {sum(v)}/{len(v)}" for g, v in sorted(groups.items()))
        print(f"  by {label}: {line}")


def sentences() -> None:
    records = [
        json.loads(line)
        for path in (DATA / "extraction_dev.jsonl", DATA / "extraction_heldout.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    classify("warm up: load the model before timing")
    start = time.perf_counter()
    results = [(r["lang"], r["text"], classify(r["text"])[0] == r["lang"]) for r in records]
    per_call = (time.perf_counter() - start) / len(records) * 1e6
    _report(f"sentences, raw ({per_call:.0f} µs per call)", results)


def sample_summit() -> None:
    truth = yaml.safe_load(TRUTH.read_text(encoding="utf-8"))
    notes = ingest_summit(Path("inputs/dusseldorf-2019")).notes
    labels = {n.id: truth[n.source.removeprefix("notes/")] for n in notes}
    right_notes = sum(n.detected_language == labels[n.id]["language"] for n in notes)
    print(f"notes: {right_notes}/{len(notes)} detected correctly")
    raw: list[tuple[str, str, bool]] = []
    policy: list[tuple[str, str, bool]] = []
    for note in notes:
        if labels[note.id].get("other_language_paragraph"):
            continue
        for paragraph in note.paragraphs:
            text = paragraph.text_in(note)
            raw.append((note.language, text, classify(text)[0] == note.language))
            detected = detect_paragraph(text, fallback=note.language)
            policy.append((note.language, text, detected == note.language))
    _report("sample paragraphs, raw", raw)
    _report("sample paragraphs, with the fallback policy", policy)


if __name__ == "__main__":
    sentences()
    sample_summit()
