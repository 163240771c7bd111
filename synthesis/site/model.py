"""What the site shows, arranged by page: lookups, filter pages and every page's path.

Paths are built only from ids the synthesis guarantees (workshop ids, commitment hash
ids) and from `slugs`; anything else from the notes stays page content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from synthesis.documents.content import (
    CityRow,
    CommitmentItem,
    Exhibition,
    Pair,
    PracticeItem,
    Text,
    WorkshopContent,
)
from synthesis.documents.i18n import Localiser
from synthesis.errors import SynthesisError
from synthesis.models import Language
from synthesis.site.slugs import Slugs, slug

# Top-level folders of the site: a workshop with one of these ids would overwrite them.
RESERVED = frozenset({"register", "cities", "commitments"})
_WORKSHOP_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COMMITMENT_ID = re.compile(r"^[A-Za-z0-9_-]+$")


class SiteError(SynthesisError):
    """The exhibition cannot be laid out as a website (an id unfit for a path)."""


@dataclass(frozen=True, slots=True)
class Filter:
    """One pre-rendered view of the register: the site has no JavaScript to filter it."""

    kind: str  # "city", "workshop" or "deadline": the filter navigation's group
    path: str  # "register/city-montreal.html"
    label: Pair
    items: tuple[CommitmentItem, ...]


def both(left: str, right: str, languages: tuple[Language, Language]) -> Pair:
    return Pair(Text(left, languages[0]), Text(right, languages[1]))


def same(text: str, languages: tuple[Language, Language]) -> Pair:
    """A name the synthesis gives in one form only (the pair macro prints it once)."""
    return both(text, text, languages)


def actor_of(item: CommitmentItem | PracticeItem, languages: tuple[Language, Language]) -> Pair:
    return item.actor or same(item.city, languages)


def city_names(row: CityRow, languages: tuple[Language, Language]) -> Pair:
    return row.names or same(row.name, languages)


def commitment_path(item: CommitmentItem) -> str:
    return f"commitments/{item.id}.html"


def workshop_path(workshop: WorkshopContent) -> str:
    return f"{workshop.id}/index.html"


def _check_ids(exhibition: Exhibition) -> None:
    for workshop in exhibition.workshops:
        if workshop.id in RESERVED or not _WORKSHOP_ID.match(workshop.id):
            raise SiteError(
                f"workshop id {workshop.id!r} cannot name a folder of the website",
                hint=f"workshop ids are lowercase letters, digits and '-', other than {sorted(RESERVED)}",
            )
    for item in _all_commitments(exhibition):
        if not COMMITMENT_ID.match(item.id):
            raise SiteError(f"commitment id {item.id!r} cannot name a page", hint="rebuild the exhibition")


def _all_commitments(exhibition: Exhibition) -> Iterable[CommitmentItem]:
    yield from exhibition.register
    for workshop in exhibition.workshops:
        yield from workshop.key_commitments
        yield from workshop.commitments


class Site:
    """An exhibition with everything the templates look up: who links where."""

    def __init__(self, exhibition: Exhibition) -> None:
        _check_ids(exhibition)
        self.exhibition = exhibition
        self.languages: tuple[Language, Language] = exhibition.languages
        self.localisers = tuple(Localiser(language) for language in exhibition.languages)
        # First one wins: a hand-made exhibition may repeat an id, a built one never does.
        self.commitments: dict[str, CommitmentItem] = {}
        for item in _all_commitments(exhibition):
            self.commitments.setdefault(item.id, item)
        practices = [p for w in exhibition.workshops for p in w.practices]
        # One slug space for every actor and city, so that a city's page and its register filter agree.
        self.slugs = Slugs(
            [c.city for c in self.commitments.values()]
            + [row.name for row in exhibition.cities]
            + [p.city for p in practices]
        )
        self.city_rows = {row.name: row for row in exhibition.cities}
        self.filters = self._city_filters() + self._workshop_filters() + self._deadline_filters()
        self.filter_paths = {f.path for f in self.filters}

    def workshop_of(self, item: CommitmentItem) -> WorkshopContent | None:
        # The item names its workshop; ids are the fallback for content whose names were edited.
        for workshop in self.exhibition.workshops:
            if item.workshop == workshop.name:
                return workshop
        for workshop in self.exhibition.workshops:
            if any(c.id == item.id for c in workshop.commitments):
                return workshop
        return None

    def city_path(self, name: str) -> str | None:
        """The city's own page, for an actor that has one (organisations and "Participants" do not)."""
        return f"cities/{self.slugs[name]}.html" if name in self.city_rows else None

    def city_filter_path(self, name: str) -> str:
        return f"register/city-{self.slugs[name]}.html"

    def commitments_of(self, row: CityRow) -> tuple[CommitmentItem, ...]:
        return tuple(c for c in self.exhibition.register if c.city == row.name)

    def practices_of(self, row: CityRow) -> tuple[PracticeItem, ...]:
        return tuple(p for w in self.exhibition.workshops for p in w.practices if p.city == row.name)

    def count(self, number: int) -> Pair:
        """ "12 commitments" / "12 engagements", from the documents' catalogs."""
        forms = ("%(count)s commitment", "%(count)s commitments")
        left, right = (loc.plural(forms, number) for loc in self.localisers)
        return both(left, right, self.languages)

    def _city_filters(self) -> list[Filter]:
        register = self.exhibition.register
        names = sorted({c.city for c in register}, key=lambda n: (slug(n), n))
        filters = []
        for name in names:
            items = tuple(c for c in register if c.city == name)
            label = actor_of(items[0], self.languages)
            filters.append(Filter("city", self.city_filter_path(name), label, items))
        return filters

    def _workshop_filters(self) -> list[Filter]:
        return [
            Filter(
                "workshop",
                f"register/workshop-{w.id}.html",
                w.name,
                tuple(c for c in self.exhibition.register if self.workshop_of(c) is w),
            )
            for w in self.exhibition.workshops
        ]

    def _deadline_filters(self) -> list[Filter]:
        register = self.exhibition.register
        years = sorted({c.deadline_date[:4] for c in register if c.deadline_date})
        filters = [
            Filter(
                "deadline",
                f"register/deadline-{slug(year)}.html",
                same(year, self.languages),
                tuple(c for c in register if c.deadline_date and c.deadline_date[:4] == year),
            )
            for year in years
        ]
        undated = tuple(c for c in register if not c.deadline_date)
        if undated:
            left, right = (loc.deadline(None) for loc in self.localisers)
            filters.append(
                Filter("deadline", "register/deadline-none.html", both(left, right, self.languages), undated)
            )
        return filters
