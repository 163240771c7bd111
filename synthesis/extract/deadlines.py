"""Deadlines: find time expressions and normalise them to an ISO date, month or year.

The expressions are data (data/deadlines.yaml); this module compiles them and
turns a match into a value, resolving relative ones ("next year",
"d'ici deux ans", "bis Jahresende") against the day of the session.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from synthesis.datafiles import load_data_yaml
from synthesis.models import Language

DATA = Path(__file__).parent / "data" / "deadlines.yaml"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A normalised deadline ('2021', '2020-06' or '2020-12-31') and where it was said."""

    value: str
    start: int  # character offsets into the text that was searched
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Grammar:
    rules: tuple[_Rule, ...]
    months: dict[str, int]
    seasons: dict[str, int]
    numbers: dict[str, int]
    weekdays: dict[str, int]  # Monday is 0, as date.weekday() counts


def _alternation(words: dict[str, int]) -> str:
    # Longest first, so that "sept" does not win over "septembre".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _grammar(language: Language) -> _Grammar:
    data: dict[str, Any] = load_data_yaml(DATA)[language]
    months, seasons, numbers = data["months"], data["seasons"], data["numbers"]
    weekdays = data.get("weekdays", {})
    placeholders = {
        "{WEEKDAY}": f"(?P<weekday>{_alternation(weekdays)})",
        "{MONTH}": f"(?P<month>{_alternation(months)})",
        "{SEASON}": f"(?P<season>{_alternation(seasons)})",
        "{NUMBER}": _alternation(numbers),
    }
    rules = []
    for rule in data["rules"]:
        pattern = rule["pattern"]
        for placeholder, value in placeholders.items():
            pattern = pattern.replace(placeholder, value)
        rules.append(_Rule(rule["kind"], re.compile(rf"\b{pattern}", re.IGNORECASE)))
    return _Grammar(tuple(rules), months, seasons, numbers, weekdays)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _value(kind: str, groups: dict[str, str | None], grammar: _Grammar, session: date) -> str:
    year = int(groups["year"] or 0) if groups.get("year") else None

    def month_number() -> int:
        if groups.get("monthnum"):
            return int(groups["monthnum"] or 0)
        return grammar.months[(groups["month"] or "").lower()]

    if kind == "date":
        month, day = month_number(), int(groups["day"] or 1)
        if year is None:  # "until 15 September": the next such day after the session
            year = session.year + ((month, day) < (session.month, session.day))
        return date(year, month, day).isoformat()
    if kind == "month":
        month = month_number()
        if year is None:  # "by March": the next March on or after the session (September on 1 September)
            year = session.year + (month < session.month)
        return f"{year:04d}-{month:02d}"
    if kind == "season":
        return f"{year or session.year:04d}-{grammar.seasons[(groups['season'] or '').lower()]:02d}"
    if kind == "month_end":  # the month under way counts: "by the end of September" on 1 September
        month = month_number()
        year = year or session.year + (month < session.month)
        return date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    if kind == "this_month_end":
        return date(
            session.year, session.month, calendar.monthrange(session.year, session.month)[1]
        ).isoformat()
    if kind == "year_end":
        return f"{year or session.year:04d}-12-31"
    if kind == "year":
        return f"{year:04d}"
    if kind == "next_year":
        return f"{session.year + 1:04d}"
    if kind == "next_year_end":
        return f"{session.year + 1:04d}-12-31"
    if kind == "next_season":
        return f"{session.year + 1:04d}-{grammar.seasons[(groups['season'] or '').lower()]:02d}"
    if kind == "this_year":
        return f"{session.year:04d}"
    if kind == "next_month":
        return _add_months(session, 1).strftime("%Y-%m")
    if kind == "today":
        return session.isoformat()
    if kind == "next_week":  # the month the following week falls in
        return (session + timedelta(days=7)).strftime("%Y-%m")
    if kind == "coming_season":  # "in the spring": the next one, or the one under way
        month = grammar.seasons[(groups["season"] or "").lower()]
        return f"{session.year + (month < session.month):04d}-{month:02d}"
    if kind == "after_tomorrow":
        return (session + timedelta(days=2)).isoformat()
    if kind == "tomorrow":
        return (session + timedelta(days=1)).isoformat()
    if kind == "week_end":  # the next Friday after the session day
        return (session + timedelta(days=(4 - session.weekday() - 1) % 7 + 1)).isoformat()
    if kind == "calendar_week":
        week = int(groups.get("n") or 1)
        friday = date.fromisocalendar(session.year, week, 5)
        return (friday if friday >= session else date.fromisocalendar(session.year + 1, week, 5)).isoformat()
    if kind == "weekday":  # "by Friday": the next Friday after the session day
        ahead = (grammar.weekdays[(groups["weekday"] or "").lower()] - session.weekday() - 1) % 7 + 1
        return (session + timedelta(days=ahead)).isoformat()
    count = groups.get("n") or "1"
    n = int(count) if count.isdigit() else grammar.numbers[count.lower()]
    if kind == "in_years":
        return _add_months(session, 12 * n).isoformat()
    if kind == "in_months":
        return _add_months(session, n).isoformat()
    if kind == "in_weeks":
        return (session + timedelta(weeks=n)).isoformat()
    raise ValueError(f"unknown deadline kind {kind!r} in {DATA.name}")


def _not_before(value: str, session: date) -> bool:
    """A deadline lies ahead: '2019' is fine at a 2019 session, '2018' is not."""
    return value >= session.isoformat()[: len(value)]


def find_deadlines(
    text: str, *, language: Language, session: date, keep_past: bool = False
) -> list[Deadline]:
    """Every deadline in `text`, left to right, without overlaps.

    Relative ones count from `session`; dates before it are left out unless `keep_past`.
    """
    grammar = _grammar(language)
    taken: list[tuple[int, int]] = []
    found: list[Deadline] = []
    for rule in grammar.rules:
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            try:
                value = _value(rule.kind, match.groupdict(), grammar, session)
            except (ValueError, KeyError):  # "31 February", or a word the grammar lacks
                continue
            taken.append((start, end))
            matched = match.group(0)
            start += len(matched) - len(matched.lstrip())  # optional leading words leave a space
            if keep_past or _not_before(value, session):
                found.append(Deadline(value, start, end, matched.strip()))
    return sorted(found, key=lambda d: d.start)
