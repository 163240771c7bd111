"""What a workshop's poster shows: a few items chosen by the rules of `selection.yaml`.

The booklet keeps every commitment, quote and practice; a poster is read standing, so it shows
a handful, each once: firm and dated commitments first, one per city before repeats, no
sentence twice across its sections, and no agenda line ("Topic: …") passed off as a quote.
`build.py` calls `choose_for_poster` once per workshop; the poster renderer only lays out
what was chosen, and may drop items from the end or shorten them (the `fit` steps) to keep text large.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from synthesis.datafiles import load_data_yaml
from synthesis.documents.content import CommitmentItem, Pair, PracticeItem, QuoteItem, WorkshopContent
from synthesis.documents.errors import DocumentError
from synthesis.documents.i18n import N_, Localiser, Nn_
from synthesis.models import Commitment

RULES_FILE = "selection.yaml"
# A shorter text inside a longer one counts as the same sentence only from this length on,
# so that a short phrase common to two different sentences does not hide either.
_MIN_CONTAINED = 24

Say = Callable[[Callable[[Localiser], str]], Pair]
Item = TypeVar("Item", CommitmentItem, QuoteItem, PracticeItem)


SECTIONS = ("commitments", "quotes", "practices", "chart")
# What a poster can say more briefly: the booklet pointer after a section's last item only,
# and the chart without its caption.
SHORTENINGS = ("pointers", "chart_caption")


@dataclass(frozen=True, slots=True)
class Count:
    min: int  # the fewest the poster shows to fit: the lowest `to` of the section's `fit` steps
    max: int


@dataclass(frozen=True, slots=True)
class FitStep:
    """One step a poster takes when its items do not fit: drop a section's last items down to
    `to` (one at a time), or turn on one of the SHORTENINGS."""

    drop: str | None = None  # one of SECTIONS
    to: int = 0
    shorten: str | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    commitments: Count
    quotes: Count
    practices: Count
    strengths: tuple[str, ...]
    chart: Count  # bars of the concept chart
    readable_words: int
    city_kinds: frozenset[str]
    agenda: re.Pattern[str]
    fit: tuple[FitStep, ...]  # in the order the poster takes them


@cache
def rules() -> Rules:
    text = resources.files(__package__).joinpath(RULES_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = load_data_yaml(text)
    try:
        labels = [label for by_language in data["agenda_labels"].values() for label in by_language]
        steps = tuple(_fit_step(step) for step in data["fit"])
        counts = {section: _count(data[section]["max"], section, steps) for section in SECTIONS}
        return Rules(
            **counts,
            strengths=tuple(data["commitments"]["strengths"]),
            readable_words=int(data["readable_words"]),
            city_kinds=frozenset(data["city_kinds"]),
            agenda=agenda_pattern(labels),
            fit=steps,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise DocumentError(
            f"{RULES_FILE} is incomplete or wrong ({error})", hint="Restore it from the repository."
        ) from None


def _fit_step(data: dict[str, Any]) -> FitStep:
    step = FitStep(drop=data.get("drop"), to=int(data.get("to", 0)), shorten=data.get("shorten"))
    if (step.drop in SECTIONS) == (step.shorten in SHORTENINGS) or step.to < 0:
        raise ValueError(
            f"fit step {data}: drop one of {SECTIONS} to a count, or shorten one of {SHORTENINGS}"
        )
    return step


def _count(maximum: int, section: str, steps: Iterable[FitStep]) -> Count:
    """The section's maximum, and as minimum the fewest its `fit` steps drop it to."""
    return Count(min([int(maximum), *(s.to for s in steps if s.drop == section)]), int(maximum))


def agenda_pattern(labels: Iterable[str]) -> re.Pattern[str]:
    """A line opening with one of `labels` and a colon: "Topic: …", « Thème : … », "Thema: …"."""
    # Longest first, so "agenda item" is tried before "agenda".
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    # An item number may follow the label: "Tagesordnungspunkt 3:", "Point 2.1 :".
    return re.compile(rf"^\W*(?:{alternatives})(?:\s+[\d.]+)?\s*:", re.IGNORECASE)


# Choosing -----------------------------------------------------------------------------------


def choose_for_poster(
    workshop: WorkshopContent, originals: Mapping[str, Commitment], say: Say
) -> WorkshopContent:
    """The workshop with its poster items, headline figure, chart caption and booklet pointer set."""
    rule = rules()
    shown = _Shown()
    commitments = shown.take(rank_commitments(workshop.commitments, originals, rule), rule.commitments.max)
    # An organiser's choice wins: a pinned quote comes first, a refused one never shows.
    voices = [
        q for q in workshop.quotes if q.poster or (q.poster is None and not is_agenda_line(q.text, rule))
    ]
    pinned = tuple(q for q in voices if q.poster)[: rule.quotes.max]  # shown even if it repeats
    others = [q for q in _readable_first(voices, rule) if not q.poster]
    quotes = pinned + shown.take(others, rule.quotes.max - len(pinned))
    practices = shown.take(_one_per_city(_readable_first(workshop.practices, rule)), rule.practices.max)
    return replace(
        workshop,
        key_commitments=commitments,
        poster_quotes=quotes,
        poster_practices=practices,
        headline=_headline(workshop.commitments, originals, rule, say),
        chart_caption=say(lambda loc: loc(N_("Mentions in the notes"))),
        booklet_pointer=say(lambda loc: loc(N_("booklet"))),
    )


def rank_commitments(
    items: Iterable[CommitmentItem], originals: Mapping[str, Commitment], rule: Rules
) -> list[CommitmentItem]:
    """Firm before planned before proposed, dated first, readable and often reported; one per city first."""

    def weight(item: CommitmentItem) -> tuple[int, bool, bool, int, str]:
        original = originals[item.id]
        strength = rule.strengths.index(original.strength) if original.strength in rule.strengths else 99
        too_long = _words(item.text) > rule.readable_words
        return (strength, original.deadline is None, too_long, -item.also_reported, item.id)

    return _one_per_city(sorted(items, key=weight))


def is_agenda_line(text: Pair, rule: Rules) -> bool:
    return any(rule.agenda.match(side.text) for side in (text.left, text.right))


def normalised(text: str) -> str:
    """Letters and digits only, case and accents folded: the same sentence however it was typed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.split())


class _Shown:
    """The sentences already on the poster, in both languages."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def take(self, candidates: Iterable[Item], limit: int) -> tuple[Item, ...]:
        """The first `limit` candidates whose sentence is not on the poster yet."""
        taken: list[Item] = []
        for item in candidates:
            if len(taken) == limit:
                break
            texts = [normalised(side.text) for side in (item.text.left, item.text.right)]
            if any(self._seen(text) for text in texts):
                continue
            self.texts += texts
            taken.append(item)
        return tuple(taken)

    def _seen(self, text: str) -> bool:
        def same(a: str, b: str) -> bool:
            shorter, longer = sorted((a, b), key=len)
            return a == b or (len(shorter) >= _MIN_CONTAINED and shorter in longer)

        return any(same(text, other) for other in self.texts)


def _one_per_city(items: Sequence[Item]) -> list[Item]:
    """Each city's first item, then the others, both in the given order."""
    cities: set[str] = set()
    first: list[Item] = []
    rest: list[Item] = []
    for item in items:
        city = getattr(item, "city", None)
        (rest if city in cities else first).append(item)
        cities.add(city or "")
    return first + rest


def _readable_first(items: Sequence[Item], rule: Rules) -> list[Item]:
    return sorted(items, key=lambda item: _words(item.text) > rule.readable_words)  # stable


def _words(text: Pair) -> int:
    return max(len(text.left.text.split()), len(text.right.text.split()))


# The headline figure --------------------------------------------------------------------------


def _headline(
    items: Sequence[CommitmentItem], originals: Mapping[str, Commitment], rule: Rules, say: Say
) -> Pair | None:
    """ "17 commitments from 12 cities"; None when there is no commitment to count."""
    if not items:
        return None
    cities = len(
        {item.city for item in items if originals[item.id].actor.kind in rule.city_kinds and item.city != "—"}
    )
    if not cities:
        return say(lambda loc: loc.plural(Nn_("%(count)s commitment", "%(count)s commitments"), len(items)))
    return say(
        lambda loc: loc.plural(
            Nn_("%(count)s commitment from %(cities)s", "%(count)s commitments from %(cities)s"),
            len(items),
            # Inside the sentence above ("from 12 cities"): German needs the dative here.
            cities=loc.plural(Nn_("%(count)s city", "%(count)s cities"), cities),
        )
    )
