"""Quality of commitment extraction on the labelled sentences of benchmarks/data/.

    .venv/bin/python -m benchmarks.extraction [--split dev|heldout|realworld|all] [--errors LANG]

Every `extraction_<split>.jsonl` in benchmarks/data/ is a split; `all` (the
default) evaluates them all: dev, heldout, then the others by name.
For each language and split: precision, recall and F1 of commitment detection,
and, over the commitments found, the accuracy of actor, deadline and strength.
A predicted commitment matches a gold one when its quote overlaps the gold
quote in the same record (one to one, preferring the same actor).
Actors: a resolved gold actor must get the same canonical id; an unresolved
one must be given as written (case and leading articles aside; one must contain
the other as whole words, so that a gold "I" does not match "the city").

Splits whose records carry a `shape` (the real-world split) also get per-shape
figures (first_person, nominal, organisation, other):
- recall of a shape: matched gold commitments of that shape / gold commitments of that shape;
- precision of a shape: a predicted commitment takes the shape of the gold
  commitment it is matched to; an unmatched one (a false positive) takes the
  shape of its record (for a hard negative: the kind of pledge it imitates).
  Precision is tp / (tp + fp) over the predictions of that shape.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from synthesis.extract import DEFAULT_MODELS, Pipelines, PipelineSpec, TextRecord, extract_texts
from synthesis.models import Commitment

DATA = Path(__file__).parent / "data"
LANGS = ("en", "fr", "de")
SHAPES = ("first_person", "nominal", "organisation", "other")
_ARTICLES = (
    "the ",
    "a ",
    "an ",
    "le ",
    "la ",
    "les ",
    "l'",
    "un ",
    "une ",
    "der ",
    "die ",
    "das ",
    "ein ",
    "eine ",
)


def splits() -> list[str]:
    """Every extraction_<split>.jsonl in benchmarks/data/: dev and heldout first, then by name."""
    found = sorted(p.name[len("extraction_") : -len(".jsonl")] for p in DATA.glob("extraction_*.jsonl"))
    first = [s for s in ("dev", "heldout") if s in found]
    return first + [s for s in found if s not in first]


def load(split: str) -> list[dict[str, Any]]:
    path = DATA / f"extraction_{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _plain(text: str) -> str:
    text = " ".join(text.casefold().split())
    for article in _ARTICLES:
        text = text.removeprefix(article)
    return text


def actor_matches(gold: dict[str, Any], predicted: Commitment) -> bool:
    if gold["actor_resolved"]:
        return predicted.actor.id == gold["actor"]
    # Unresolved in the gold: the actor as written (our gazetteer may know a few more cities).
    a, b = _plain(gold["actor"]), _plain(predicted.actor.text)
    return a == b or _contains_words(a, b) or _contains_words(b, a)


def _contains_words(part: str, whole: str) -> bool:
    """`part` occurs in `whole` and does not start or end inside a word."""
    return bool(part) and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", whole) is not None


@dataclass
class ShapeScore:
    """Per-shape counts: gold commitments, matched pairs, unmatched predictions."""

    gold: int = 0
    tp: int = 0
    fp: int = 0

    def add(self, other: ShapeScore) -> None:
        self.gold += other.gold
        self.tp += other.tp
        self.fp += other.fp

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    def cell(self) -> str:
        p, r = self.precision, self.recall
        return (
            f"P {'  -  ' if p is None else f'{p:.3f}'} ({self.tp}/{self.tp + self.fp})  "
            f"R {'  -  ' if r is None else f'{r:.3f}'} ({self.tp}/{self.gold})"
        )


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    actor: int = 0
    deadline: int = 0
    strength: int = 0
    false_positive_kinds: Counter[str] = field(default_factory=Counter)
    shapes: dict[str, ShapeScore] = field(default_factory=dict)

    def shape(self, name: str) -> ShapeScore:
        return self.shapes.setdefault(name, ShapeScore())

    def shape_row(self) -> str:
        return "  |  ".join(f"{name} {self.shapes[name].cell()}" for name in SHAPES if name in self.shapes)

    def row(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        n = self.tp or 1
        return (
            f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})  "
            f"actor {self.actor / n:.3f}  deadline {self.deadline / n:.3f}  strength {self.strength / n:.3f}"
        )

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _overlaps(text: str, gold: dict[str, Any], predicted: Commitment) -> bool:
    start = text.find(gold["quote"])
    end = start + len(gold["quote"])
    return start >= 0 and predicted.source.start < end and start < predicted.source.end


def score(records: list[dict[str, Any]], pipelines: Pipelines, errors: list[str] | None = None) -> Score:
    result = Score()
    inputs = [
        TextRecord(
            id=r["id"],
            text=r["text"],
            language=r["lang"],
            session_date=date.fromisoformat(r["session_date"]),
            speaker_city=r.get("speaker_city"),
        )
        for r in records
    ]
    by_id = {r["id"]: r for r in records}
    for item, _, extraction in extract_texts(inputs, pipelines):
        record = by_id[item.id]
        predicted = list(extraction.commitments)
        golds = list(record["commitments"])
        pairs: list[tuple[dict[str, Any], Commitment]] = []
        # Two passes: first the pairs that agree on the actor, then any overlapping pair.
        for same_actor in (True, False):
            for gold in list(golds):
                candidates = [
                    p
                    for p in predicted
                    if _overlaps(record["text"], gold, p) and (actor_matches(gold, p) or not same_actor)
                ]
                if candidates:
                    pairs.append((gold, candidates[0]))
                    predicted.remove(candidates[0])
                    golds.remove(gold)
        shaped = "shape" in record
        if shaped:
            for gold in record["commitments"]:
                result.shape(gold.get("shape", "other")).gold += 1
        for gold in golds:
            result.fn += 1
            if errors is not None:
                errors.append(f"MISS {item.id} [{gold['actor']}|{gold['deadline']}] {record['text']}")
        for gold, best in pairs:
            result.tp += 1
            if shaped:
                result.shape(gold.get("shape", "other")).tp += 1
            ok_actor = actor_matches(gold, best)
            ok_deadline = best.deadline == gold["deadline"]
            ok_strength = best.strength == gold["strength"]
            result.actor += ok_actor
            result.deadline += ok_deadline
            result.strength += ok_strength
            if errors is not None and not (ok_actor and ok_deadline and ok_strength):
                errors.append(
                    f"ATTR {item.id} gold=({gold['actor']}, {gold['deadline']}, {gold['strength']}) "
                    f"got=({best.actor.id or best.actor.text}, {best.deadline}, {best.strength}) "
                    f"{record['text']}"
                )
        for extra in predicted:
            result.fp += 1
            result.false_positive_kinds[record["kind"]] += 1
            if shaped:
                result.shape(record["shape"]).fp += 1
            if errors is not None:
                errors.append(
                    f"FP   {item.id} ({record['kind']}) [{extra.actor.id or extra.actor.text}] "
                    f"{record['text']}"
                )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=[*splits(), "all"], default="all")
    parser.add_argument(
        "--errors", choices=LANGS, help="print the mistakes for this language (tuning splits only: dev, dev2)"
    )
    parser.add_argument("--model", action="append", default=[], help="LANG=MODEL, e.g. en=blank:en")
    parser.add_argument("--lang", choices=LANGS, action="append", help="only these languages")
    args = parser.parse_args()
    chosen = splits() if args.split == "all" else [args.split]
    models = dict(DEFAULT_MODELS)
    models.update(dict(m.split("=", 1) for m in args.model))
    pipelines = Pipelines(PipelineSpec(models=models))  # type: ignore[arg-type]
    for split in chosen:
        records = load(split)
        by_shape: dict[str, ShapeScore] = {}
        for language in args.lang or LANGS:
            subset = [r for r in records if r["lang"] == language]
            if not subset:
                continue  # a split may leave a language out (dev6 has no French)
            errors: list[str] | None = [] if args.errors == language and split.startswith("dev") else None
            result = score(subset, pipelines, errors)
            print(f"{split:8} {language}  n={len(subset):3}  {result.row()}")
            if result.false_positive_kinds:
                print(f"{'':14}false positives by kind: {dict(result.false_positive_kinds.most_common())}")
            if result.shapes:
                print(f"{'':14}by shape: {result.shape_row()}")
                for name, counts in result.shapes.items():
                    by_shape.setdefault(name, ShapeScore()).add(counts)
            for line in errors or []:
                print("   ", line)
        if by_shape:
            total = Score(shapes=by_shape)
            print(f"{split:8} all by shape: {total.shape_row()}")
    print("models:", pipelines.versions())


if __name__ == "__main__":
    main()
