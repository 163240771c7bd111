"""Quality of commitment extraction on the labelled sentences of benchmarks/data/.

    .venv/bin/python -m benchmarks.extraction [--split dev|heldout|all] [--errors LANG]

For each language and split: precision, recall and F1 of commitment detection,
and, over the commitments found, the accuracy of actor, deadline and strength.
A predicted commitment matches a gold one when its quote overlaps the gold
quote in the same record (one to one, preferring the same actor).
Actors: a resolved gold actor must get the same canonical id; an unresolved
one must be given as written (case and leading articles aside).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from synthesis.extract import DEFAULT_MODELS, Pipelines, PipelineSpec, TextRecord, extract_texts
from synthesis.models import Commitment

DATA = Path(__file__).parent / "data"
LANGS = ("en", "fr", "de")
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
    return a == b or a in b or b in a


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    actor: int = 0
    deadline: int = 0
    strength: int = 0
    false_positive_kinds: Counter[str] = field(default_factory=Counter)

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
        for gold in golds:
            result.fn += 1
            if errors is not None:
                errors.append(f"MISS {item.id} [{gold['actor']}|{gold['deadline']}] {record['text']}")
        for gold, best in pairs:
            result.tp += 1
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
            if errors is not None:
                errors.append(
                    f"FP   {item.id} ({record['kind']}) [{extra.actor.id or extra.actor.text}] "
                    f"{record['text']}"
                )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--errors", choices=LANGS, help="print the mistakes for this language (dev only)")
    parser.add_argument("--model", action="append", default=[], help="LANG=MODEL, e.g. en=blank:en")
    parser.add_argument("--lang", choices=LANGS, action="append", help="only these languages")
    args = parser.parse_args()
    splits = ["dev", "heldout"] if args.split == "all" else [args.split]
    models = dict(DEFAULT_MODELS)
    models.update(dict(m.split("=", 1) for m in args.model))
    pipelines = Pipelines(PipelineSpec(models=models))  # type: ignore[arg-type]
    for split in splits:
        records = load(split)
        for language in args.lang or LANGS:
            subset = [r for r in records if r["lang"] == language]
            errors: list[str] | None = [] if args.errors == language and split == "dev" else None
            result = score(subset, pipelines, errors)
            print(f"{split:8} {language}  n={len(subset):3}  {result.row()}")
            if result.false_positive_kinds:
                print(f"{'':14}false positives by kind: {dict(result.false_positive_kinds.most_common())}")
            for line in errors or []:
                print("   ", line)
    print("models:", pipelines.versions())


if __name__ == "__main__":
    main()
