"""From a stored synthesis to what the documents say, in the exhibition's two languages.

Pure and cheap: no NLP runs here, so a city can re-render the exhibition from
`synthesis.json` alone (see `summit kit`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

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
from synthesis.documents.i18n import N_, Localiser, Nn_
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import (
    Actor,
    Commitment,
    Language,
    Note,
    SummitConfig,
    SummitSynthesis,
    WorkshopSynthesis,
)

DEFAULT_PRESENTER = N_("International Observatory of Mayors on Living Together")
POSTER_COMMITMENTS = (3, 6)  # at least / at most, when that many were made
CHART_CONCEPTS = 8
STRENGTH = {
    "firm": N_("firm commitment"),
    "planned": N_("planned commitment"),
    "proposed": N_("proposed commitment"),
}

Say = Callable[[Localiser], str]


class _Columns:
    """The two localisers, and the ways of saying one thing in both."""

    def __init__(self, languages: tuple[Language, Language], texts: TranslatedTexts) -> None:
        self.left, self.right = Localiser(languages[0]), Localiser(languages[1])
        self.texts = texts

    def say(self, how: Say) -> Pair:
        return Pair(Text(how(self.left), self.left.language), Text(how(self.right), self.right.language))

    def message(self, message: str, **values: object) -> Pair:
        return self.say(lambda loc: loc(message, **values))

    def same(self, text: str) -> Pair:
        """Names that are not translated (cities, initiatives, model versions)."""
        return self.say(lambda _: text)

    def free(self, text: str, source: Language) -> Pair:
        """A sentence from a note: verbatim in its language, translated or marked in the other."""
        return Pair(self._column(text, source, self.left), self._column(text, source, self.right))

    def _column(self, text: str, source: Language, loc: Localiser) -> Text:
        if source == loc.language:
            return Text(text, source, verbatim=True)
        translation = self.texts.get(text, source, loc.language)
        if translation.origin == "original":
            marker = loc(N_("original: %(language)s"), language=source.upper())
            return Text(text, source, marker=marker, verbatim=True)
        if translation.origin == "machine":
            engine = translation.engine or "?"
            marker = loc(N_("machine translation (%(engine)s)"), engine=engine)
            return Text(translation.text, loc.language, marker=marker)
        return Text(translation.text, loc.language)


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


class _Names:
    """Display names for actors, from the city index; else the words of the note."""

    def __init__(self, synthesis: SummitSynthesis) -> None:
        self.cities = {c.id: c.name for c in synthesis.cities}
        self.notes: dict[str, Note] = {n.id: n for n in synthesis.notes}

    def actor(self, actor: Actor) -> str:
        if actor.id and actor.id in self.cities:
            return self.cities[actor.id]
        if actor.kind == "first_person" or not actor.text.strip():
            return "—"
        return actor.text

    def source(self, note_id: str) -> str:
        note = self.notes.get(note_id)
        return note.source if note else note_id

    def attribution(self, note_id: str) -> str:
        note = self.notes.get(note_id)
        if note is None:
            return ""
        return ", ".join(p for p in (note.meta.rapporteur, note.meta.city) if p)


def _commitment(c: _Columns, names: _Names, item: Commitment, workshop: Pair) -> CommitmentItem:
    return CommitmentItem(
        id=item.id,
        city=names.actor(item.actor),
        deadline=c.say(lambda loc: loc.deadline(item.deadline)),
        text=c.free(item.source.quote, item.language),
        workshop=workshop,
        source=names.source(item.source.note_id),
        strength=c.message(STRENGTH[item.strength]),
        also_reported=len(item.also_reported),
    )


def key_commitments(
    items: Iterable[CommitmentItem], originals: dict[str, Commitment]
) -> tuple[CommitmentItem, ...]:
    """The poster's few: firm and dated first, reported by several notes, one per city before repeats."""
    rank = {"firm": 0, "planned": 1, "proposed": 2}

    def weight(item: CommitmentItem) -> tuple[int, int, int, str]:
        original = originals[item.id]
        return (rank[original.strength], original.deadline is None, -item.also_reported, item.id)

    ordered = sorted(items, key=weight)
    first_per_city = [i for n, i in enumerate(ordered) if i.city not in {o.city for o in ordered[:n]}]
    rest = [i for i in ordered if i not in first_per_city]
    return tuple((first_per_city + rest)[: POSTER_COMMITMENTS[1]])


def _workshop(
    c: _Columns, names: _Names, summit: SummitConfig, ws: WorkshopSynthesis, url: str | None
) -> WorkshopContent:
    info = summit.workshop(ws.workshop)
    name = c.say(lambda loc: info.name[loc.language])
    commitments = tuple(_commitment(c, names, item, name) for item in ws.commitments)
    originals = {item.id: item for item in ws.commitments}
    stats = ws.stats
    languages: Say = lambda loc: ", ".join(  # noqa: E731
        f"{loc.language_name(code)} {loc.number(n)}" for code, n in sorted(stats.languages.items())
    )
    return WorkshopContent(
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
        key_commitments=key_commitments(commitments, originals),
        recommendations=tuple(c.free(r.source.quote, r.language) for r in ws.recommendations),
        practices=tuple(
            PracticeItem(
                id=p.id,
                city=names.actor(p.city),
                initiative=p.initiative,
                text=c.free(p.source.quote, p.language),
                source=names.source(p.source.note_id),
            )
            for p in ws.best_practices
        ),
        quotes=tuple(
            QuoteItem(
                id=q.id,
                text=c.free(q.text, q.language),
                attribution=names.attribution(q.source.note_id),
                source=names.source(q.source.note_id),
            )
            for q in ws.quotes
        ),
        url=url.replace("{workshop}", ws.workshop) if url else None,
    )


def _cities(c: _Columns, synthesis: SummitSynthesis, summit: SummitConfig) -> tuple[CityRow, ...]:
    rows = []
    for city in sorted(synthesis.cities, key=lambda e: e.name.casefold()):
        workshops = [summit.workshop(w) for w in dict.fromkeys(city.workshops) if w in summit.workshop_ids]
        rows.append(
            CityRow(
                name=city.name,
                workshops=c.say(lambda loc, ws=workshops: ", ".join(w.name[loc.language] for w in ws)),  # type: ignore[misc]
                commitments=len(city.commitments),
                practices=len(city.best_practices),
            )
        )
    return tuple(rows)


def _method(
    c: _Columns, synthesis: SummitSynthesis, texts: TranslatedTexts
) -> tuple[tuple[Pair, ...], tuple[Fact, ...]]:
    paragraphs = (
        c.message(
            N_(
                "Rapporteurs took notes in every workshop, in English, French or German, and uploaded "
                "them. Each night a pipeline reads every note uploaded so far and rebuilds these documents."
            )
        ),
        c.message(
            N_(
                "Commitments, recommendations, best practices and the concepts discussed are found by "
                "language models (spaCy) and published rules, then merged when several notes report the "
                "same pledge. Quotes are sentences chosen from the notes and printed as they were written."
            )
        ),
        c.message(
            N_(
                "A text written in the other language of a column is translated by a translation memory "
                "kept by human translators, or by machine translation where it is configured; machine "
                "translations are labelled. A text nobody has translated yet is shown in its original "
                'language, marked "original".'
            )
        ),
        c.message(
            N_(
                "This is a working document for discussion. Every commitment names the note it comes "
                "from, so it can be checked against what was said."
            )
        ),
    )
    run, counts = synthesis.run, texts.counts()
    notes_per_language: Say = lambda loc: ", ".join(  # noqa: E731
        f"{loc.language_name(code)} {loc.number(n)}"
        for code, n in sorted(_count(n.language for n in synthesis.notes).items())
    )
    words = sum(n.words for n in synthesis.notes)
    commitments = sum(len(w.commitments) for w in synthesis.workshops)
    changes = synthesis.changes

    def changed(loc: Localiser) -> str:
        if changes is None or changes.previous_run is None:
            return loc(N_("first run"))
        return loc(
            N_("%(added)s added, %(removed)s removed since %(date)s"),
            added=loc.number(len(changes.added)),
            removed=loc.number(len(changes.removed)),
            date=loc.date(changes.previous_run),
        )

    models = "; ".join(f"{lang}: {model}" for lang, model in sorted(run.models.items())) or "—"
    engines = ", ".join(texts.engines()) or "—"
    facts = (
        Fact(c.message(N_("Run date")), c.say(lambda loc: loc.date(run.run_date))),
        Fact(c.message(N_("Notes read")), c.say(lambda loc: loc.number(len(synthesis.notes)))),
        Fact(c.message(N_("Files rejected")), c.say(lambda loc: loc.number(len(synthesis.rejected)))),
        Fact(c.message(N_("Words")), c.say(lambda loc: loc.number(words))),
        Fact(c.message(N_("Notes per language")), c.say(notes_per_language)),
        Fact(c.message(N_("Commitments")), c.say(lambda loc: loc.number(commitments))),
        Fact(c.message(N_("Changes")), c.say(changed)),
        Fact(
            c.message(N_("Translated by the translation memory")),
            c.say(lambda loc: loc.number(counts["memory"])),
        ),
        Fact(c.message(N_("Machine-translated")), c.say(lambda loc: loc.number(counts["machine"]))),
        Fact(c.message(N_("Machine translation engines")), c.same(engines)),
        Fact(
            c.message(N_("Shown in the original language")), c.say(lambda loc: loc.number(counts["original"]))
        ),
        Fact(c.message(N_("Language models")), c.same(models)),
        Fact(c.message(N_("Software")), c.same(_software(run.software))),
    )
    return paragraphs, facts


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _software(versions: dict[str, str]) -> str:
    wanted = ("summit-synthesis", "spacy", "prefect", "reportlab", "python-docx", "babel")
    return ", ".join(f"{name} {versions[name]}" for name in wanted if name in versions) or "—"


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
    names = _Names(synthesis)
    branding = branding or Branding()
    if branding.presenter is None:
        branding = replace(branding, presenter=c.left(DEFAULT_PRESENTER))
    workshops = tuple(
        _workshop(c, names, summit, ws, branding.url)
        for ws in sorted(synthesis.workshops, key=lambda w: summit.workshop_ids.index(w.workshop))
        if ws.workshop in summit.workshop_ids
    )
    register = tuple(
        sorted(
            (item for w in workshops for item in w.commitments),
            key=lambda i: (i.city == "—", i.city.casefold(), i.deadline.left.text, i.id),
        )
    )
    method, method_facts = _method(c, synthesis, texts)
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
                N_("%(city)s, %(dates)s"), city=summit.host_city, dates=loc.dates(summit.start, summit.end)
            )
        ),
        edition=c.say(
            lambda loc: loc(N_("Synthesis of the notes uploaded by %(date)s"), date=loc.date(run_date))
        ),
        branding=branding,
        headings=_headings(c),
        workshops=workshops,
        register=register,
        cities=_cities(c, synthesis, summit),
        shared_themes=shared,
        method=method,
        method_facts=method_facts,
        author=branding.presenter or "",
        keywords=tuple(w.name.left.text for w in workshops),
    )
