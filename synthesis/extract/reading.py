"""One sentence being read for commitments: what its readers share, and what they produce.

A `Reading` holds the sentence with its actor candidates, its deadlines and who
speaks in it. The modules that read a sentence (sentence_reader, qualifiers,
actions, german_verbs, subjects, objects) take it as their first argument.
`CommitmentMatch` and `RecommendationMatch` are what the extractor returns;
`Action` and `Draft` are a trigger's reading on the way there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from synthesis.extract.actors import Actor, ActorFinder, Candidate
from synthesis.extract.attribution import attributed_speaker
from synthesis.extract.deadlines import Deadline, find_deadlines
from synthesis.extract.german_names import german_apposition
from synthesis.extract.lexicon import Lexicon, Strength, TriggerRule


@dataclass(frozen=True, slots=True)
class CommitmentMatch:
    sentence: Span
    rule_id: str
    actor: Actor
    action: str
    object: str
    deadline: Deadline | None  # offsets into the doc's text
    strength: Strength


@dataclass(frozen=True, slots=True)
class RecommendationMatch:
    sentence: Span
    actor: Actor | None


@dataclass(frozen=True, slots=True)
class Action:
    index: int  # token of the main verb (or of the trigger itself)
    text: str
    passive: bool = False
    strength: Strength | None = None  # overrides the trigger's ("kündigte an, ... zu wollen")
    # A present passive ("wird von Namur verteilt") describes, unless a date makes it a plan.
    needs_deadline: bool = False
    second: int | None = None  # a German infinitive coordinated with this one


@dataclass(frozen=True, slots=True)
class Draft:
    """A trigger with its action and actors, before its deadline and object are read."""

    trigger: Span
    rule: TriggerRule
    action: Action
    actors: list[Actor]
    start: int  # the clause
    end: int
    coordinated: bool  # "... and will ...": shares the previous subject


def is_boundary(token: Token, lexicon: Lexicon) -> bool:
    return lexicon.has("clause_boundaries", token.text) or (token.is_space and "\n" in token.text)


class Reading:
    """A sentence of a doc, with the candidates, deadlines and speaker its readers need."""

    def __init__(
        self,
        doc: Doc,
        sentence: Span,
        candidates: list[Candidate],
        *,
        lexicon: Lexicon,
        actors: ActorFinder,
        session: date | None,
        session_known: bool,
        speaker_city: str | None,
    ) -> None:
        self.doc = doc
        self.sentence = sentence
        self.lex = lexicon
        self.actors = actors
        self.candidates = [c for c in candidates if sentence.start <= c.start < sentence.end]
        self.all_candidates = candidates
        self.session = session  # None: no day to count deadlines from, so none is read
        self.session_known = session_known  # without a session date, no year is "past"
        # A speaker quoted or minuted in the sentence speaks for their place, not the note's city.
        self.speaker_city = attributed_speaker(sentence, self.candidates, lexicon=lexicon) or speaker_city

    @cached_property
    def deadlines(self) -> list[Deadline]:
        if self.session is None:
            return []
        base = self.sentence.start_char
        found = find_deadlines(
            self.sentence.text,
            language=self.lex.language,
            session=self.session,
            keep_past=not self.session_known,
        )
        return [Deadline(d.value, base + d.start, base + d.end, d.text) for d in found]

    @cached_property
    def parenthetical(self) -> frozenset[int]:
        """Tokens of ', which ... ,' and ', qui ... ,' asides: their nouns are not the subject."""
        inside: set[int] = set()
        tokens = list(self.sentence)
        for position, token in enumerate(tokens[:-1]):
            if token.text == "," and self.lex.has("relatives", tokens[position + 1].text):
                for other in tokens[position + 1 :]:
                    if other.text == "," or is_boundary(other, self.lex):  # ";" is a boundary
                        break
                    inside.add(other.i)
        if self.lex.language == "de":
            inside.update(german_apposition(self.lex, tokens))
        return frozenset(inside)

    def clause(self, trigger: Span) -> tuple[int, int]:
        """Token bounds of the trigger's clause: the sentence, cut at ';'."""
        start, end = self.sentence.start, self.sentence.end
        for token in self.sentence:
            if is_boundary(token, self.lex):
                if token.i < trigger.start:
                    start = token.i + 1
                elif token.i >= trigger.end:
                    end = token.i
                    break
        return start, end

    def skippable(self, token: Token) -> bool:
        """Adverbs, clitics and the like between a trigger and its verb or subject."""
        return self.lex.has("skip_before_verb", token.text) or token.pos_ == "ADV" or token.is_space

    def resolve(self, candidate: Candidate) -> Actor | None:
        return self.actors.resolve(
            self.doc, candidate, speaker_city=self.speaker_city, all_candidates=self.all_candidates
        )
