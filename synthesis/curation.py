"""Organisers' decisions applied to a synthesis: what is printed, in which words, in which workshop.

The night stores what it extracted (`synthesis.json`) untouched; documents are made from
`apply_curation(synthesis, curation, rule=...)`. A decision is keyed by its item's stable id.
When a typo fix in a note or a rule change gives the item a new id, the decision follows it to
the item of the same note and actor whose sentence is most alike (`SIMILAR_ENOUGH`). A decision
that finds no item is an orphan: reported, kept, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from synthesis.errors import SynthesisError
from synthesis.models import (
    Actor,
    BestPractice,
    Commitment,
    Curation,
    Decision,
    ItemAnchor,
    ItemKind,
    PrintRule,
    Quote,
    SourceSpan,
    SummitSynthesis,
    WorkshopSynthesis,
    content_id,
)
from synthesis.output import write_atomically
from synthesis.translate.memory import normalise

CURATION_FILE = "curation.yaml"
# A typo fix keeps a sentence above this; two different pledges of one city in one note stay
# below it (tests/test_curation.py pins both sides).
SIMILAR_ENOUGH = 0.8

Item = Commitment | BestPractice | Quote


class CurationError(SynthesisError):
    """curation.yaml cannot be read, or a decision names something that does not exist."""


@dataclass(frozen=True)
class Placed:
    """An item of the synthesis, with what a decision needs to find it again."""

    kind: ItemKind
    item: Item
    workshop: str
    anchor: ItemAnchor


@dataclass
class Matching:
    """Which decision applies to which item (by the item's current id), and which found none."""

    by_item: dict[str, Decision] = field(default_factory=dict)
    orphans: list[Decision] = field(default_factory=list)
    moved: dict[str, str] = field(default_factory=dict)  # decision id -> the item id it follows now


def placed_items(synthesis: SummitSynthesis) -> Iterator[Placed]:
    """Every commitment, best practice and quote of the synthesis, workshop by workshop."""
    sources = {note.id: note.source for note in synthesis.notes}
    for workshop in synthesis.workshops:
        kinds: tuple[tuple[ItemKind, tuple[Item, ...]], ...] = (
            ("commitment", workshop.commitments),
            ("practice", workshop.best_practices),
            ("quote", workshop.quotes),
        )
        for kind, items in kinds:
            for item in items:
                yield Placed(kind, item, workshop.workshop, anchor_of(item, sources))


def anchor_of(item: Item, sources: dict[str, str]) -> ItemAnchor:
    actor = (
        item.actor if isinstance(item, Commitment) else item.city if isinstance(item, BestPractice) else None
    )
    return ItemAnchor(
        note=sources.get(item.source.note_id, item.source.note_id),
        actor=actor.key if actor else "",
        sentence=item.source.quote,
    )


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, normalise(a), normalise(b), autojunk=False).ratio()


def match_decisions(curation: Curation, synthesis: SummitSynthesis) -> Matching:
    """Decisions to items: by id first, then by note, actor and sentence for the rest."""
    items = {(p.kind, p.item.id): p for p in placed_items(synthesis)}
    matching = Matching()
    waiting = []
    for decision in curation.decisions:
        if (decision.kind, decision.item_id) in items and decision.item_id not in matching.by_item:
            matching.by_item[decision.item_id] = decision
        else:
            waiting.append(decision)
    free = [p for p in items.values() if p.item.id not in matching.by_item]
    for decision in waiting:
        scored = [
            (similarity(decision.anchor.sentence, p.anchor.sentence), p)
            for p in free
            if p.kind == decision.kind
            and p.anchor.note == decision.anchor.note
            and p.anchor.actor == decision.anchor.actor
        ]
        score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if best is None or score < SIMILAR_ENOUGH:
            matching.orphans.append(decision)
            continue
        matching.by_item[best.item.id] = decision
        matching.moved[decision.id] = best.item.id
        free.remove(best)
    return matching


def _actor(edit: str, language: str) -> Actor:
    """An edited actor: a gazetteer id gives the place, anything else is kept as typed."""
    from synthesis.extract.gazetteer import load_gazetteer  # spaCy: not for `summit run`'s checks

    place = load_gazetteer().get(edit)
    if place is not None:
        return Actor(
            text=place.name_in(language), id=place.id, kind="city" if place.kind == "city" else "organisation"
        )
    if edit.casefold() == "participants":
        return Actor(text="participants", id="participants", kind="collective")
    return Actor(text=edit, id=None, kind="unresolved")


def _edited(item: Item, decision: Decision | None, curated: bool) -> Item:
    review = decision.review if decision else "unreviewed"
    update: dict[str, Any] = {"review": review} if curated else {}
    if decision is None:
        return item.model_copy(update=update)
    edits = decision.edits
    if isinstance(item, Commitment):
        if edits.actor:
            update["actor"] = _actor(edits.actor, item.language)
        if edits.deadline:
            update["deadline"], update["deadline_text"] = edits.deadline, None
        if edits.strength:
            update["strength"] = edits.strength
    if isinstance(item, BestPractice) and edits.actor:
        update["city"] = _actor(edits.actor, item.language)
    if edits.wording and not isinstance(item, Quote):  # a quote stays as it was said
        update["wording"] = edits.wording.strip()
    if isinstance(item, Quote) and decision.poster is not None:
        update["poster"] = decision.poster
    return item.model_copy(update=update)


def apply_curation(synthesis: SummitSynthesis, curation: Curation, *, rule: PrintRule) -> SummitSynthesis:
    """The synthesis as the documents print it: rejected and merged items out (and, with the rule
    "approved", everything not approved), edits applied, items moved to their workshop."""
    from synthesis.digest import city_index  # imports spaCy: not for `summit run`'s early checks

    matching = match_decisions(curation, synthesis)
    curated = bool(curation.decisions)
    kept: dict[str, dict[ItemKind, list[Item]]] = {w.workshop: {"commitment": [], "practice": [], "quote": []}
                                                   for w in synthesis.workshops}  # fmt: skip
    merged: dict[str, list[Commitment]] = {}
    refused = _refused_sentences(synthesis, matching)
    for placed in placed_items(synthesis):
        decision = matching.by_item.get(placed.item.id)
        if placed.kind != "commitment" and _overlaps(placed.item.source, refused) and not decision:
            continue  # a refused pledge is not printed as a voice or a practice either
        if decision and decision.merged_into and isinstance(placed.item, Commitment):
            merged.setdefault(decision.merged_into, []).append(placed.item)
            continue
        review = decision.review if decision else "unreviewed"
        if review == "rejected" or (rule == "approved" and review != "approved"):
            continue
        moved_to = decision.edits.workshop if decision else None
        target = moved_to if moved_to in kept else placed.workshop
        kept[target or placed.workshop][placed.kind].append(_edited(placed.item, decision, curated))
    workshops = []
    for workshop in synthesis.workshops:
        lists = kept[workshop.workshop]
        commitments = [_with_merged(c, merged) for c in lists["commitment"] if isinstance(c, Commitment)]
        workshops.append(
            workshop.model_copy(
                update={
                    "commitments": tuple(commitments),
                    "best_practices": tuple(p for p in lists["practice"] if isinstance(p, BestPractice)),
                    "quotes": tuple(q for q in lists["quote"] if isinstance(q, Quote)),
                }
            )
        )
    return synthesis.model_copy(update={"workshops": tuple(workshops), "cities": city_index(workshops)})


def _refused_sentences(synthesis: SummitSynthesis, matching: Matching) -> list[SourceSpan]:
    return [
        p.item.source
        for p in placed_items(synthesis)
        if p.kind == "commitment" and (d := matching.by_item.get(p.item.id)) and d.review == "rejected"
    ]


def _overlaps(span: SourceSpan, spans: list[SourceSpan]) -> bool:
    return any(s.note_id == span.note_id and s.start < span.end and span.start < s.end for s in spans)


def _with_merged(commitment: Commitment, merged: dict[str, list[Commitment]]) -> Commitment:
    """A pledge that others were merged into also reports their sources."""
    others = merged.get(commitment.id, [])
    if not others:
        return commitment
    spans = [*commitment.also_reported, *(s for o in others for s in (o.source, *o.also_reported))]
    return commitment.model_copy(update={"also_reported": tuple(dict.fromkeys(spans))})


def workshop_of(synthesis: SummitSynthesis, workshop_id: str) -> WorkshopSynthesis | None:
    return next((w for w in synthesis.workshops if w.workshop == workshop_id), None)


# --- curation.yaml -----------------------------------------------------------------------


def load_curation(summit_dir: Path) -> Curation:
    """The summit's decisions; none when it has no curation.yaml."""
    path = summit_dir / CURATION_FILE
    if not path.is_file():
        return Curation()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return Curation.model_validate(data)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise CurationError(f"{path}: not valid YAML ({error})", hint="fix the YAML syntax") from error
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CurationError(
            f"{path}: {where}: {first['msg']}",
            hint="export it again with `summit curation export`, or fix that field",
        ) from error


def curation_digest(summit_dir: Path) -> str:
    """What the documents' edition depends on: the file as it is now."""
    path = summit_dir / CURATION_FILE
    return content_id(path.read_bytes().hex()) if path.is_file() else ""


def dump_curation(curation: Curation) -> str:
    data = curation.model_dump(mode="json", exclude_defaults=True)
    header = "# Organisers' curation decisions, one per item (see docs/curation.md).\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def save_curation(summit_dir: Path, curation: Curation) -> Path:
    path = summit_dir / CURATION_FILE
    write_atomically(path, dump_curation(curation))
    return path
