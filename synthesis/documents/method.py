"""The method page: how these documents were made, in plain words, in both languages.

Written for citizens: what was read, what a program did, what people did (translations) and
what nobody has checked yet. Package and model versions go to a last, technical paragraph.
"""

from __future__ import annotations

import re
from collections import Counter

from synthesis.documents.columns import Columns
from synthesis.documents.content import Fact, Pair
from synthesis.documents.i18n import N_, Localiser, Nn_
from synthesis.documents.translation import TranslatedTexts, wanted_translations
from synthesis.models import SummitSynthesis

SOFTWARE = ("summit-synthesis", "spacy", "prefect", "reportlab", "python-docx", "babel")
# A model is described as "blank:de with spacy-lookups-data 1.0.5 (spaCy 3.8.18)": the leading
# identifier and version are printed, the English words after them are not.
_IDENTIFIER = re.compile(r"[\d:_.]")

NOTES = Nn_(
    "By %(date)s, the rapporteurs of the workshops had uploaded %(count)s note: %(languages)s.",
    "By %(date)s, the rapporteurs of the workshops had uploaded %(count)s notes: %(languages)s.",
)
IN_LANGUAGE = N_("%(count)s in %(language)s")
READING = Nn_(
    "Each night, a computer program reads every note and picks out the commitments, "
    "recommendations, best practices and topics discussed, following published rules. "
    "It found %(count)s commitment.",
    "Each night, a computer program reads every note and picks out the commitments, "
    "recommendations, best practices and topics discussed, following published rules. "
    "It found %(count)s commitments; a commitment reported by several notes is counted once.",
)
QUOTES = N_(
    "Quotes are sentences taken from the notes. They are printed as they were written, in their own "
    "language, which is named beside them; the translation beside a quote says where it comes from."
)
TRANSLATION = N_(
    "Sentences taken from the notes are printed in the language they were written in, and translated "
    "where a column is in another language."
)
BY_PEOPLE = Nn_(
    "%(count)s translation was made by people, through a translation memory.",
    "%(count)s translations were made by people, through a translation memory.",
)
BY_MACHINE = Nn_(
    "%(count)s translation was made by a machine and is marked as such.",
    "%(count)s translations were made by a machine and are marked as such.",
)
UNTRANSLATED = Nn_(
    '%(count)s sentence has no translation yet: it is shown as written, marked "original".',
    '%(count)s sentences have no translation yet: they are shown as written, marked "original".',
)
# No review step exists yet; when one does, say here what a person checked.
REVIEW = N_(
    "Nobody has yet reviewed this synthesis as a whole: it is a working document for discussion. Every "
    "commitment names the note it comes from, so that anyone can check it against what was said."
)
TECHNICAL = N_("Technical details: software %(software)s; language models %(models)s.")
ENGINES = N_("Machine translation: %(engines)s.")


def method_page(
    c: Columns, synthesis: SummitSynthesis, texts: TranslatedTexts
) -> tuple[tuple[Pair, ...], tuple[Fact, ...]]:
    origins = texts.origins(wanted_translations(synthesis, c.languages))
    commitments = sum(len(w.commitments) for w in synthesis.workshops)
    paragraphs = (
        c.say(lambda loc: _notes(loc, synthesis)),
        c.say(lambda loc: loc.plural(READING, commitments)),
        c.message(QUOTES),
        c.say(lambda loc: _translations(loc, origins)),
        c.message(REVIEW),
        c.say(lambda loc: _technical(loc, synthesis, texts)),
    )
    return paragraphs, _facts(c, synthesis, commitments)


def _notes(loc: Localiser, synthesis: SummitSynthesis) -> str:
    per_language = Counter(note.language for note in synthesis.notes)
    languages = [
        loc(IN_LANGUAGE, count=loc.number(n), language=loc.language_name(code))
        for code, n in per_language.most_common()
    ]
    date = loc.date(synthesis.run.run_date)
    return loc.plural(NOTES, len(synthesis.notes), date=date, languages=loc.list_of(languages))


def _translations(loc: Localiser, origins: Counter[str]) -> str:
    # Only the ways that were used: "0 translations were made by a machine" reads badly in French.
    counted = ((BY_PEOPLE, "memory"), (BY_MACHINE, "machine"), (UNTRANSLATED, "original"))
    sentences = [loc.plural(forms, origins[origin]) for forms, origin in counted if origins[origin]]
    return " ".join([loc(TRANSLATION), *sentences])


def _technical(loc: Localiser, synthesis: SummitSynthesis, texts: TranslatedTexts) -> str:
    run = synthesis.run
    software = ", ".join(f"{name} {run.software[name]}" for name in SOFTWARE if name in run.software)
    models = loc.list_of(
        [f"{loc.language_name(code)} ({model_identifier(run.models[code])})" for code in sorted(run.models)]
    )
    text = loc(TECHNICAL, software=software or "—", models=models or "—")
    if texts.engines():
        text += " " + loc(ENGINES, engines=", ".join(texts.engines()))
    return text


def model_identifier(description: str) -> str:
    """ "blank:de with spacy-lookups-data 1.0.5 (spaCy 3.8.18)" -> "blank:de"."""
    words = []
    for word in description.split():
        if not _IDENTIFIER.search(word):
            break
        words.append(word)
    if words:
        return " ".join(words)
    return description.split()[0] if description.strip() else "—"


def _facts(c: Columns, synthesis: SummitSynthesis, commitments: int) -> tuple[Fact, ...]:
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

    words = sum(n.words for n in synthesis.notes)
    return (
        Fact(c.message(N_("Run date")), c.say(lambda loc: loc.date(synthesis.run.run_date))),
        Fact(c.message(N_("Notes read")), c.say(lambda loc: loc.number(len(synthesis.notes)))),
        Fact(c.message(N_("Files rejected")), c.say(lambda loc: loc.number(len(synthesis.rejected)))),
        Fact(c.message(N_("Words")), c.say(lambda loc: loc.number(words))),
        Fact(c.message(N_("Commitments")), c.say(lambda loc: loc.number(commitments))),
        Fact(c.message(N_("Changes")), c.say(changed)),
    )
