"""Who said it and where: actors named in each column's language, and the note a sentence
comes from, by title, rapporteur and paragraph, for the documents' bylines and register."""

from __future__ import annotations

from synthesis.documents.columns import Columns
from synthesis.documents.content import Pair, SourceRef
from synthesis.documents.i18n import Localiser
from synthesis.documents.names import actor_name, localise_place, named_as_written
from synthesis.models import Actor, Language, Note, SourceSpan, SummitSynthesis


class Sources:
    """Display names for actors, in each column's language (see names.py); notes by id."""

    def __init__(self, c: Columns, synthesis: SummitSynthesis) -> None:
        self.c = c
        self.cities = {city.id: city.name for city in synthesis.cities}
        self.notes: dict[str, Note] = {n.id: n for n in synthesis.notes}

    def actor(self, actor: Actor, written_in: Language | None = None) -> Pair:
        """The actor's name in each column; words of the note are translated where translators
        have done so (the translation memory), else printed as written."""

        def name(loc: Localiser) -> str:
            named = actor_name(actor, loc, self.cities)
            if written_in and loc.language != written_in and named_as_written(actor):
                translation = self.c.texts.get(actor.text, written_in, loc.language)
                if translation.origin != "original":
                    return translation.text
            return named

        return self.c.say(name)

    def source(self, note_id: str) -> str:
        note = self.notes.get(note_id)
        return note.source if note else note_id

    def reference(self, span: SourceSpan, workshop: Pair) -> SourceRef | None:
        """The note by title and rapporteur, and the paragraph the sentence starts in."""
        note = self.notes.get(span.note_id)
        if note is None:
            return None
        return SourceRef(
            title=note.meta.title,
            rapporteur=note.meta.rapporteur,
            workshop=workshop,
            paragraph=_paragraph_number(note, span.start),
        )

    def attribution(self, note_id: str) -> Pair:
        """The rapporteur, and the city they speak for in each column's language."""
        note = self.notes.get(note_id)
        rapporteur, city = (note.meta.rapporteur, note.meta.city) if note else ("", None)
        return self.c.say(
            lambda loc: ", ".join(p for p in (rapporteur, city and localise_place(city, loc.language)) if p)
        )


def _paragraph_number(note: Note, offset: int) -> int | None:
    """1-based number of the block of `note` holding `offset`, counting headings and list items too:
    a reader counts what looks like a paragraph in the note, and each block is one."""
    number = None
    for n, paragraph in enumerate(note.paragraphs, start=1):
        if paragraph.start > offset:
            break
        number = n  # offsets between two blocks (blank lines) belong to the block before
    return number
