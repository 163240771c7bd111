"""From a stored synthesis to what the documents say, in the exhibition's two languages.

Pure and cheap: no NLP runs here, so a city can re-render the exhibition from
`synthesis.json` alone (see `summit kit`).
"""

from __future__ import annotations

import calendar
import unicodedata
from dataclasses import replace
from datetime import date

from synthesis.documents.columns import Columns as _Columns
from synthesis.documents.columns import Say
from synthesis.documents.content import (
    Branding,
    CityRow,
    CommitmentItem,
    ConceptBar,
    Exhibition,
    Fact,
    Headings,
    Pair,
    PracticeItem,
    QuoteItem,
    Text,
    WorkshopContent,
)
from synthesis.documents.errors import DocumentError
from synthesis.documents.i18n import N_, Nn_
from synthesis.documents.method import method_page
from synthesis.documents.names import localise_place, organiser
from synthesis.documents.selection import choose_for_poster
from synthesis.documents.sources import Sources
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import (
    Actor,
    BestPractice,
    Commitment,
    Language,
    Quote,
    Review,
    SummitConfig,
    SummitSynthesis,
    WorkshopSynthesis,
)

CHART_CONCEPTS = 8
STRENGTH = {
    "firm": N_("firm commitment"),
    "planned": N_("planned commitment"),
    "proposed": N_("proposed commitment"),
}
# After an item organisers have not reviewed yet, when they curate and print everything.
UNREVIEWED = N_("not yet reviewed")


def _headings(c: _Columns) -> Headings:
    m = c.message
    return Headings(
        contents=m(N_("Contents")),
        workshops=m(N_("Workshops")),
        commitments=m(N_("Commitments")),
        key_commitments=m(N_("Key commitments")),
        recommendations=m(N_("Recommendations")),
        practices=m(N_("Best practices")),
        quotes=m(N_("In their words")),
        concepts=m(N_("Most discussed")),
        figures=m(N_("Figures")),
        register=m(N_("Commitments register")),
        cities=m(N_("City index")),
        shared_themes=m(N_("Themes shared by several workshops")),
        method=m(N_("How this synthesis was made")),
        city=m(N_("City")),
        commitment=m(N_("Commitment")),
        deadline=m(N_("Deadline")),
        workshop=m(N_("Workshop")),
        source=m(N_("Source note")),
        mentions=m(N_("mentions")),
        none=m(N_("None recorded yet.")),
        scan=m(N_("Scan for the full synthesis")),
        page=m(N_("Page")),
    )


def _commitment(c: _Columns, names: Sources, item: Commitment, workshop: Pair) -> CommitmentItem:
    actor = names.actor(item.actor, item.language)
    return CommitmentItem(
        id=item.id,
        city=actor.left.text,
        deadline=c.say(lambda loc: loc.deadline(item.deadline)),
        text=c.free(item.text, item.language),
        workshop=workshop,
        source=names.source(item.source.note_id),
        strength=_reviewed(c, c.message(STRENGTH[item.strength]), item.review, in_text=True),
        also_reported=len(item.also_reported),
        deadline_date=item.deadline,
        reference=names.reference(item.source, workshop),
        actor=actor,
        original=c.original(item.text, item.language),
    )


def _practice(c: _Columns, names: Sources, practice: BestPractice) -> PracticeItem:
    city = names.actor(practice.city)
    return PracticeItem(
        id=practice.id,
        city=city.left.text,
        initiative=practice.initiative,
        text=_reviewed(c, c.free(practice.text, practice.language), practice.review),
        source=names.source(practice.source.note_id),
        actor=city,
    )


def _quote(c: _Columns, names: Sources, quote: Quote) -> QuoteItem:
    credit = names.attribution(quote.source.note_id)
    return QuoteItem(
        id=quote.id,
        text=_reviewed(c, c.quote(quote.text, quote.language), quote.review),
        attribution=credit.left.text,
        source=names.source(quote.source.note_id),
        original=c.original(quote.text, quote.language),
        credit=credit,
        poster=quote.poster,
    )


def _reviewed(c: _Columns, pair: Pair, review: Review | None, *, in_text: bool = False) -> Pair:
    """An item nobody has reviewed yet says so, discreetly: in its marker, or after its label."""
    if review != "unreviewed":
        return pair
    label = c.message(UNREVIEWED)

    def mark(text: Text, note: Text) -> Text:
        if in_text:
            return replace(text, text=f"{text.text} · {note.text}")
        return replace(text, marker=f"{text.marker} · {note.text}" if text.marker else note.text)

    return Pair(mark(pair.left, label.left), mark(pair.right, label.right))


def _register_order(item: CommitmentItem) -> tuple[bool, date, bool, str, str]:
    """By deadline, a year or month counting as its last day ("2020" is due by 31 December 2020),
    undated last; then by city (the left column's name), unnamed actors last, accents ignored."""
    due = _last_day(item.deadline_date) if item.deadline_date else date.max
    city = unicodedata.normalize("NFKD", item.city.casefold())
    city = "".join(ch for ch in city if not unicodedata.combining(ch))
    return (item.deadline_date is None, due, item.city == "—", city, item.id)


def _last_day(iso: str) -> date:
    """The last day an ISO date, month ("2020-06") or year ("2020") allows; date.max if unreadable."""
    parts = iso.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return date.max


def _workshop(
    c: _Columns, names: Sources, summit: SummitConfig, ws: WorkshopSynthesis, url: str | None
) -> WorkshopContent:
    info = summit.workshop(ws.workshop)
    name = c.say(lambda loc: info.name[loc.language])
    commitments = tuple(_commitment(c, names, item, name) for item in ws.commitments)
    originals = {item.id: item for item in ws.commitments}
    stats = ws.stats
    languages: Say = lambda loc: ", ".join(  # noqa: E731
        f"{loc.language_name(code)} {loc.number(n)}" for code, n in sorted(stats.languages.items())
    )
    content = WorkshopContent(
        id=ws.workshop,
        name=name,
        scope=c.say(lambda loc: info.scope[loc.language]),
        facts=(
            Fact(c.message(N_("Notes")), c.say(lambda loc: loc.number(stats.notes))),
            Fact(c.message(N_("Rapporteurs")), c.say(lambda loc: loc.number(stats.rapporteurs))),
            Fact(c.message(N_("Words")), c.say(lambda loc: loc.number(stats.words))),
            Fact(c.message(N_("Languages of the notes")), c.say(languages)),
        ),
        concepts=tuple(
            ConceptBar(c.say(lambda loc, t=theme: t.labels.get(loc.language, t.concept)), theme.mentions)  # type: ignore[misc]
            for theme in ws.themes[:CHART_CONCEPTS]
        ),
        commitments=commitments,
        key_commitments=(),  # chosen with the other poster items, below
        recommendations=tuple(c.free(r.source.quote, r.language) for r in ws.recommendations),
        practices=tuple(_practice(c, names, p) for p in ws.best_practices),
        quotes=tuple(_quote(c, names, q) for q in ws.quotes),
        url=url.replace("{workshop}", ws.workshop) if url else None,
    )
    return choose_for_poster(content, originals, c.say)


def _cities(
    c: _Columns, names: Sources, synthesis: SummitSynthesis, summit: SummitConfig
) -> tuple[CityRow, ...]:
    rows = []
    for city in synthesis.cities:
        workshops = [summit.workshop(w) for w in dict.fromkeys(city.workshops) if w in summit.workshop_ids]
        city_names = names.actor(Actor(text=city.name, id=city.id, kind="city"))
        rows.append(
            CityRow(
                name=city_names.left.text,
                workshops=c.say(lambda loc, ws=workshops: ", ".join(w.name[loc.language] for w in ws)),  # type: ignore[misc]
                commitments=len(city.commitments),
                practices=len(city.best_practices),
                names=city_names,
            )
        )
    return tuple(sorted(rows, key=lambda row: row.name.casefold()))


def build_exhibition(
    synthesis: SummitSynthesis,
    *,
    languages: tuple[Language, Language],
    texts: TranslatedTexts,
    branding: Branding | None = None,
) -> Exhibition:
    """Everything the posters, the booklet and the exports say, in `languages` (left, right)."""
    summit = synthesis.summit
    if summit is None:
        raise DocumentError(
            f"the stored synthesis of {synthesis.run.summit_id} ({synthesis.run.run_date}) has no summit "
            "description",
            hint="it was written by an older version: run `summit run` again to rebuild it",
        )
    if languages[0] == languages[1]:
        raise DocumentError(
            f"the two languages are the same ({languages[0]})", hint="choose two of en, fr and de"
        )
    c = _Columns(languages, texts)
    names = Sources(c, synthesis)
    branding = branding or Branding()
    organised_by = c.say(lambda loc: organiser(loc.language))
    presenter = branding.presenter
    presented_by = c.say(lambda loc: localise_place(presenter, loc.language)) if presenter else None
    # Metadata and single-line places (footers) name who presents in the left column's language;
    # a city's kit keeps the organiser beside the city.
    author = organised_by.left.text
    if presented_by is not None:
        author = f"{presented_by.left.text} · {author}"
    workshops = tuple(
        _workshop(c, names, summit, ws, branding.url)
        for ws in sorted(synthesis.workshops, key=lambda w: summit.workshop_ids.index(w.workshop))
        if ws.workshop in summit.workshop_ids
    )
    register = tuple(sorted((item for w in workshops for item in w.commitments), key=_register_order))
    method, method_facts = method_page(c, synthesis, texts)
    shared = tuple(
        c.say(
            lambda loc, t=theme: loc.plural(  # type: ignore[misc]
                Nn_("%(concept)s — %(count)s workshop", "%(concept)s — %(count)s workshops"),
                len(t.workshops),
                concept=t.labels.get(loc.language, t.concept),
            )
        )
        for theme in synthesis.shared_themes
    )
    run_date = synthesis.run.run_date
    return Exhibition(
        summit_id=summit.id,
        languages=languages,
        title=c.say(lambda loc: summit.name[loc.language]),
        subtitle=c.say(
            lambda loc: loc(
                N_("%(city)s, %(dates)s"),
                city=localise_place(summit.host_city, loc.language),
                dates=loc.dates(summit.start, summit.end),
            )
        ),
        edition=c.say(
            lambda loc: loc(N_("Synthesis of the notes uploaded by %(date)s"), date=loc.date(run_date))
        ),
        branding=branding,
        headings=_headings(c),
        workshops=workshops,
        register=register,
        cities=_cities(c, names, synthesis, summit),
        shared_themes=shared,
        method=method,
        method_facts=method_facts,
        author=author,
        keywords=tuple(w.name.left.text for w in workshops),
        made_at=synthesis.run.finished_at,
        organiser=organised_by,
        presenter=presented_by,
    )
