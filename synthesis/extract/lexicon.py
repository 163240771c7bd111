"""The per-language rules of data/commitments.yaml, loaded once.

A language's lexicon holds its own section and the lists of the `shared` section.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from synthesis.datafiles import language_section, load_data_yaml
from synthesis.models import Language

DATA = Path(__file__).parent / "data" / "commitments.yaml"

Strength = Literal["firm", "planned", "proposed"]
Complement = Literal[
    "verb",
    "to_verb",
    "to_verb_or_noun",
    "inf",
    "inf_or_noun",
    "de_inf",
    "zu_inf",
    "self",
    "noun",
    "passive",
]


@dataclass(frozen=True, slots=True)
class TriggerRule:
    id: str
    strength: Strength
    complement: Complement
    pattern: list[dict[str, Any]] = field(default_factory=list)
    reported: bool = False
    past_capable: bool = False
    adjacent_actor: bool = False
    ending: tuple[str, ...] = ()  # instead of a pattern: words of 4+ letters ending so
    exclude: frozenset[str] = frozenset()  # ... unless they are one of these
    verb: str = "first"  # with complement self: the trigger's first or last word is the action
    present_only: bool = False  # a verb in the past tense (preterite_endings) is no trigger
    # A present tense is a pledge only with a deadline ahead: "Ich schicke die Zahlen bis Freitag".
    needs_deadline: bool = False
    # A full trigger that pledges only when a deadline is given ("our commitment to reach ... by
    # 2030"; without one, "our commitment to open data" describes). Unlike needs_deadline it is
    # no fallback: it keeps its own words.
    dated: bool = False
    # "I promise you that every school will ...": the clause that follows is what the speaker
    # pledges; its own trigger ("will") makes no second commitment with its own subject.
    takes_clause: bool = False
    # „Ziel ist es, …, heißt es im Klimaplan der Stadt Genf": the clause names no one; the body
    # that reports it after a reporting verb is its actor.
    reporter_acts: bool = False

    @property
    def needs_annotation(self) -> bool:
        """Patterns on MORPH or POS only run where a model sets them."""
        return any(key in token for token in self.pattern for key in ("MORPH", "POS", "TAG"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: Language
    triggers: tuple[TriggerRule, ...]
    recommendations: tuple[list[dict[str, Any]], ...]
    words: dict[str, frozenset[str]]  # every list, lower-cased, for one-word lookups
    phrases: dict[str, tuple[str, ...]]  # multi-word lists (actors), as written
    # The rules by id: looked up for every trigger found, so not searched each time.
    by_id: dict[str, TriggerRule] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {rule.id: rule for rule in self.triggers})

    def trigger(self, rule_id: str) -> TriggerRule:
        return self.by_id[rule_id]

    def has(self, list_name: str, word: str) -> bool:
        return word.lower() in self.words.get(list_name, frozenset())


PHRASE_LISTS = ("first_person", "collectives", "anaphora", "not_pledges")
Pattern = list[dict[str, Any]]


def expand_first_token(patterns: list[Pattern]) -> list[Pattern]:
    """Split `{"LOWER": {"IN": [...]}}` in a pattern's first token into one pattern per word.

    spaCy's Matcher checks plain values in C but runs a Python predicate for
    IN; the first token is tried at every position of every doc, so this is
    where the time goes. Later tokens are only tried after a first match. Long
    lists stay predicates: every extra pattern costs a little at every token too.
    """
    expanded: list[Pattern] = []
    for pattern in patterns:
        first = pattern[0] if pattern else {}
        keys = [k for k, v in first.items() if isinstance(v, dict) and set(v) == {"IN"}]
        if len(keys) != 1 or "OP" in first or len(first[keys[0]]["IN"]) > 8:
            expanded.append(pattern)
            continue
        key = keys[0]
        for word in first[key]["IN"]:
            expanded.append([{**first, key: word}, *pattern[1:]])
    return expanded


def after_openers(pattern: Pattern, openers: Collection[str], fillers: Collection[str] = ()) -> list[Pattern]:
    """A pattern for the start of a sentence, and the same pattern after an opening quote or a
    minutes label, or after a word of talk and its comma ("Also, nächste Woche ..."), which
    stand where its first word would: the match includes them."""
    first = pattern[0] if pattern else {}
    if first.get("IS_SENT_START") is not True or not openers:
        return [pattern]
    rest = [{k: v for k, v in first.items() if k != "IS_SENT_START"}, *pattern[1:]]
    variants = [pattern, [{"ORTH": {"IN": sorted(openers)}}, *rest]]
    if fillers:
        # „Ja, wir …", „Also … wir …", and after a label: „Dakar: Ja, wir …".
        filler = [{"LOWER": {"IN": sorted(fillers)}}, {"ORTH": {"IN": [",", "…", "..."]}}]
        variants.append([{"IS_SENT_START": True, **filler[0]}, filler[1], *rest])
        variants.append([{"ORTH": {"IN": sorted(openers)}}, *filler, *rest])
    return variants


@cache
def table_headers() -> dict[str, frozenset[str]]:
    """Header words of commitment tables, all languages together (tables mix them)."""
    data: dict[str, Any] = load_data_yaml(DATA)
    return {column: frozenset(w.lower() for w in words) for column, words in data["tables"].items()}


@cache
def load_lexicon(language: Language, path: str | None = None) -> Lexicon:
    """The rules of `language`, with the lists of the `shared` section; `path` replaces our rule file."""
    data = language_section(Path(path) if path else DATA, language)
    triggers = tuple(
        TriggerRule(
            id=rule["id"],
            strength=rule["strength"],
            complement=rule["complement"],
            pattern=rule.get("pattern", []),
            reported=rule.get("reported", False),
            past_capable=rule.get("past_capable", False),
            adjacent_actor=rule.get("adjacent_actor", False),
            ending=tuple(rule.get("ending", ())),
            exclude=frozenset(rule.get("exclude", ())),
            verb=rule.get("verb", "last" if rule.get("ending") else "first"),
            present_only=rule.get("present_only", False),
            needs_deadline=rule.get("needs_deadline", False),
            dated=rule.get("dated", False),
            takes_clause=rule.get("takes_clause", False),
            reporter_acts=rule.get("reporter_acts", False),
        )
        for rule in data["triggers"]
    )
    words: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    for name, values in data.items():
        if name in ("triggers", "recommendations", "tables"):
            continue
        if name in PHRASE_LISTS:
            phrases[name] = tuple(str(v) for v in values)
        # Phrase lists too: `has` tells a one-word entry ("ich", "we") at once.
        words[name] = frozenset(str(v).lower() for v in values)
    return Lexicon(language, triggers, tuple(data["recommendations"]), words, phrases)
