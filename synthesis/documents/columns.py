"""The exhibition's two columns: one localiser each, and the ways of saying one thing in both.

Free text (a sentence from a note) is printed verbatim in the column of its own language and
translated, or marked as untranslated, in the other. Quotes say more: the words as written always
carry a language label, a translation says where it comes from, and a quote written in a
language outside the pair keeps its original beside the two translations.
"""

from __future__ import annotations

from collections.abc import Callable

from synthesis.documents.content import Pair, Text
from synthesis.documents.i18n import N_, Localiser
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import Language

Say = Callable[[Localiser], str]

ORIGINAL = N_("original: %(language)s")
QUOTE_ORIGINAL = N_("original in %(language)s")
MACHINE = N_("machine translation (%(engine)s)")
# By source language: French and German say "from English" in ways that no placeholder builds.
TRANSLATED_FROM = {
    "en": N_("translated from English"),
    "fr": N_("translated from French"),
    "de": N_("translated from German"),
}


class Columns:
    def __init__(self, languages: tuple[Language, Language], texts: TranslatedTexts) -> None:
        self.left, self.right = Localiser(languages[0]), Localiser(languages[1])
        self.texts = texts

    @property
    def languages(self) -> tuple[Language, Language]:
        return self.left.language, self.right.language

    def say(self, how: Say) -> Pair:
        return Pair(Text(how(self.left), self.left.language), Text(how(self.right), self.right.language))

    def message(self, message: str, **values: object) -> Pair:
        return self.say(lambda loc: loc(message, **values))

    def same(self, text: str) -> Pair:
        """Names that are not translated (initiatives, file names)."""
        return self.say(lambda _: text)

    def free(self, text: str, source: Language) -> Pair:
        """A sentence from a note: verbatim in its language, translated or marked in the other."""
        return Pair(self._column(text, source, self.left), self._column(text, source, self.right))

    def quote(self, text: str, source: Language) -> Pair:
        """Like `free`, but every column says in which language its words were written."""
        return Pair(self._quote(text, source, self.left), self._quote(text, source, self.right))

    def original(self, text: str, source: Language) -> Pair | None:
        """The words as written when their language is outside the pair; None when a column holds them.

        Also None when neither column has a translation yet: both already print the words as written.
        """
        if source in self.languages:
            return None
        if all(self._column(text, source, loc).verbatim for loc in (self.left, self.right)):
            return None
        return Pair(self._as_written(text, source, self.left), self._as_written(text, source, self.right))

    def _column(self, text: str, source: Language, loc: Localiser) -> Text:
        if source == loc.language:
            return Text(text, source, verbatim=True)
        translation = self.texts.get(text, source, loc.language)
        if translation.origin == "original":
            return Text(text, source, marker=loc(ORIGINAL, language=source.upper()), verbatim=True)
        if translation.origin == "machine":
            marker = loc(MACHINE, engine=translation.engine or "?")
            return Text(translation.text, loc.language, marker=marker)
        return Text(translation.text, loc.language)

    def _quote(self, text: str, source: Language, loc: Localiser) -> Text:
        column = self._column(text, source, loc)
        if column.verbatim:
            return self._as_written(text, source, loc)
        if column.marker is None:  # from the translation memory, i.e. by a person
            return Text(column.text, column.language, marker=loc(TRANSLATED_FROM[source]))
        return column

    @staticmethod
    def _as_written(text: str, source: Language, loc: Localiser) -> Text:
        label = loc(QUOTE_ORIGINAL, language=loc.language_name(source))
        return Text(text, source, marker=label, verbatim=True)
