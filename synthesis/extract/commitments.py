"""Commitments ("Rabat will open two centres by 2020") and recommendations ("cities should ...").

`CommitmentExtractor` finds them in a processed Doc; the `summit_commitments`
component runs it and stores the results in `doc._.commitments` and
`doc._.recommendations`. A commitment needs a trigger from
data/commitments.yaml whose complement (the action) is found, an actor that
can commit, and no negation, condition or question around it; a past
achievement is not a commitment. Rapporteurs' shorthand counts too:
"Dakar: 5 mediation points by end 2020", "Observatory to launch a database".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from synthesis.extract.actors import Actor, ActorFinder, Candidate
from synthesis.extract.attribution import attributed_speaker
from synthesis.extract.deadlines import Deadline, find_deadlines
from synthesis.extract.gazetteer import load_gazetteer
from synthesis.extract.lexicon import (
    Lexicon,
    Strength,
    TriggerRule,
    expand_first_token,
    load_lexicon,
)

_BOUNDARY = frozenset({";", "•"})
_SHORTHAND = frozenset({":", "→", "->", "=>", "⇒", "–", "—"})
_BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", "◦", "‣"})
_YEAR = re.compile(r"^(19|20)\d{2}$")
_FR_INFINITIVE = re.compile(r"^[a-zàâçéèêëîïôûùüÿœæ-]+(er|ir|re|oir|dre)$")
_DE_INFINITIVE = re.compile(r"^[a-zäöüß]+(en|ern|eln)$")
_CONJUNCTIONS = frozenset({"and", "et", "und", "but", "mais", "aber", "sowie", "while", "tandis"})
_RELATIVES = frozenset({"that", "which", "who", "qui", "der", "die", "das", "welche", "welcher", "welches"})
_NOT_NEGATING_NEXT = frozenset({"only", "seulement", "nur", "later", "just", "least"})
_ADVICE = "summit_recommendation"
_SUBJECTS = ("place", "name", "first_person", "collective", "anaphora", "agent", "agent_place")

for _name in ("commitments", "recommendations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=[])
for _name in ("session_date", "speaker_city"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


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
class _Draft:
    """A trigger with its action and actors, before its deadline and object are read."""

    trigger: Span
    rule: TriggerRule
    action: _Action
    actors: list[Actor]
    start: int  # the clause
    end: int
    coordinated: bool  # "... and will ...": shares the previous subject


@dataclass(frozen=True, slots=True)
class _Action:
    index: int  # token of the main verb (or of the trigger itself)
    text: str
    passive: bool = False
    strength: Strength | None = None  # overrides the trigger's ("kündigte an, ... zu wollen")
    # A present passive ("wird von Namur verteilt") describes, unless a date makes it a plan.
    needs_deadline: bool = False
    second: int | None = None  # a German infinitive coordinated with this one


class CommitmentExtractor:
    """The compiled rules of one language; call it on a Doc with sentences."""

    def __init__(
        self, vocab: Vocab, lexicon: Lexicon, make_doc: Callable[[str], Doc], *, annotated: bool = False
    ) -> None:
        """`annotated`: the pipeline tags part of speech and morphology, so rules may use them."""
        self.lexicon = lexicon
        self.actors = ActorFinder(vocab, lexicon, load_gazetteer(), make_doc)
        # One Matcher for triggers and advice: a single pass over each doc.
        self.matcher = Matcher(vocab)
        self.by_ending = [rule for rule in lexicon.triggers if rule.ending]
        self._endings: dict[int, str | None] = {}
        for rule in lexicon.triggers:
            if rule.pattern and (annotated or not rule.needs_annotation):
                self.matcher.add(rule.id, expand_first_token([rule.pattern]))
        self.matcher.add(_ADVICE, expand_first_token(list(lexicon.recommendations)))
        self.advice_key = vocab.strings[_ADVICE]
        self.session_known = True

    def __call__(
        self, doc: Doc, *, session_date: date | None = None, speaker_city: str | None = None
    ) -> tuple[list[CommitmentMatch], list[RecommendationMatch]]:
        # Without a session date, relative deadlines count from today, and no year is "past":
        # a text from 2019 read in 2026 still pledges "d'ici 2021".
        session = session_date or date.today()
        self.session_known = session_date is not None
        matches = self.matcher(doc)
        advice = [start for key, start, _ in matches if key == self.advice_key]
        triggers = self._triggers(doc, [m for m in matches if m[0] != self.advice_key])
        # Only a trigger's own words are reserved: "haben die UNESCO und die AIMF vereinbart"
        # has its subjects inside the matched stretch.
        reserved = frozenset(i for t in triggers for i in {t.start, t.end - 1})
        candidates = self.actors.candidates(doc, reserved)
        # A trigger that needs its actor right before it ("Observatory to launch") is dropped
        # at once where none stands there: in English that is most "to"s.
        ends = {c.end for c in candidates} | {c.end + 1 for c in candidates}
        triggers = [
            t
            for t in triggers
            if not self.lexicon.trigger(doc.vocab.strings[t.label]).adjacent_actor or t.start in ends
        ]
        commitments: list[CommitmentMatch] = []
        # Shorthand ("Dakar: 5 points by 2020") opens with an actor and a separator.
        openers = {c.start for c in candidates} | {c.start - 1 for c in candidates}
        for sentence in doc.sents:
            in_sentence = [t for t in triggers if sentence.start <= t.start < sentence.end]
            if in_sentence or any(sentence.start <= i <= sentence.start + 2 for i in openers):
                reader = _SentenceReader(self, doc, sentence, candidates, session, speaker_city)
                commitments += reader.read(in_sentence)
        return commitments, self._recommendations(doc, advice, candidates, speaker_city)

    def _triggers(self, doc: Doc, matches: list[tuple[int, int, int]]) -> list[Span]:
        # Word rules before rules on the tagger's morphology: where two match the same words,
        # filter_spans keeps the first ("comptons" is planned, even when tagged as a future).
        ordered = sorted(
            matches, key=lambda m: self.lexicon.trigger(doc.vocab.strings[m[0]]).needs_annotation
        )
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in ordered]
        if self.by_ending:
            # Judge each distinct word once, by its ORTH id, not each token.
            for index, orth in enumerate(doc.to_array(ORTH).tolist()):
                rule_id = self._ending_rule(orth, doc)
                if rule_id is not None:
                    spans.append(Span(doc, index, index + 1, label=rule_id))
        return sorted(filter_spans(spans), key=lambda s: s.start)

    def _ending_rule(self, orth: int, doc: Doc) -> str | None:
        if orth not in self._endings:
            text = doc.vocab.strings[orth]
            self._endings[orth] = next(
                (
                    rule.id
                    for rule in self.by_ending
                    if len(text) > 3
                    and text.endswith(rule.ending)
                    and text.islower()
                    and text not in rule.exclude
                ),
                None,
            )
        return self._endings[orth]

    def _recommendations(
        self, doc: Doc, advice: list[int], candidates: list[Candidate], speaker_city: str | None
    ) -> list[RecommendationMatch]:
        found: dict[int, RecommendationMatch] = {}
        for start in advice:
            sentence = doc[start].sent
            if sentence.start in found or _is_question(sentence, self.lexicon):
                continue
            left = [c for c in candidates if sentence.start <= c.start and c.end <= start]
            actor = None
            if left:
                actor = self.actors.resolve(
                    doc, left[-1], speaker_city=speaker_city, all_candidates=candidates
                )
            found[sentence.start] = RecommendationMatch(sentence, actor)
        return list(found.values())


def _is_question(sentence: Span, lexicon: Lexicon) -> bool:
    text = sentence.text.strip().lstrip("".join(_BULLETS)).strip()
    if "?" in text:
        return True
    head = text.split(":")[0].strip().lower() if ":" in text[:24] else ""
    return bool(head) and lexicon.has("question_starts", head)


def _is_boundary(token: Token) -> bool:
    return token.text in _BOUNDARY or (token.is_space and "\n" in token.text)


class _SentenceReader:
    """Reads the commitments of one sentence."""

    def __init__(
        self,
        extractor: CommitmentExtractor,
        doc: Doc,
        sentence: Span,
        candidates: list[Candidate],
        session: date,
        speaker_city: str | None,
    ) -> None:
        self.x = extractor
        self.lex = extractor.lexicon
        self.doc = doc
        self.sentence = sentence
        self.candidates = [c for c in candidates if sentence.start <= c.start < sentence.end]
        self.all_candidates = candidates
        self.session = session
        # A speaker quoted or minuted in the sentence speaks for their place, not the note's city.
        self.speaker_city = attributed_speaker(sentence, self.candidates, lexicon=self.lex) or speaker_city

    @cached_property
    def deadlines(self) -> list[Deadline]:
        base = self.sentence.start_char
        found = find_deadlines(
            self.sentence.text,
            language=self.lex.language,
            session=self.session,
            keep_past=not self.x.session_known,
        )
        return [Deadline(d.value, base + d.start, base + d.end, d.text) for d in found]

    @cached_property
    def parenthetical(self) -> frozenset[int]:
        """Tokens of ', which ... ,' and ', qui ... ,' asides: their nouns are not the subject."""
        inside: set[int] = set()
        tokens = list(self.sentence)
        for position, token in enumerate(tokens[:-1]):
            if token.text == "," and tokens[position + 1].lower_ in _RELATIVES:
                for other in tokens[position + 1 :]:
                    if other.text in (",", ";") or _is_boundary(other):
                        break
                    inside.add(other.i)
        return frozenset(inside)

    def read(self, triggers: list[Span]) -> list[CommitmentMatch]:
        if _is_question(self.sentence, self.lex):
            return []
        drafts: list[_Draft] = []
        for trigger in triggers:
            rule = self.lex.trigger(self.doc.vocab.strings[trigger.label])
            draft = self._draft(trigger, rule, drafts[-1].actors[-1] if drafts else None)
            if draft:
                drafts.append(draft)
        found: list[CommitmentMatch] = []
        for number, draft in enumerate(drafts):
            following = drafts[number + 1].trigger.start if number + 1 < len(drafts) else None
            region_end = min(following, draft.end) if following is not None else draft.end
            deadline = self._deadline(draft.trigger, draft.actors[-1], draft.start, region_end)
            if draft.action.needs_deadline and deadline is None:
                continue
            near = max(draft.start, min(a.start for a in draft.actors) - 5)
            if draft.rule.past_capable and deadline is None and self._past(near, draft.end):
                continue
            obj, also = self._object(draft, deadline, region_end)
            for actor in draft.actors:
                strength = draft.action.strength or draft.rule.strength
                match = CommitmentMatch(
                    self.sentence, draft.rule.id, actor, draft.action.text, obj, deadline, strength
                )
                same = next((m for m in found if m.actor == actor or m.actor.key == actor.key), None)
                if same is not None and not draft.coordinated:
                    # "pledged that every project will ...", "plans to X and to Y": one pledge, said twice.
                    if same.deadline is None and deadline is not None:
                        found[found.index(same)] = replace(same, deadline=deadline)
                    continue
                found.append(match)
                if also:  # "will show X and offer Y": a second action under the same trigger
                    first, last = also.index + 1, region_end
                    if self.lex.language == "de":  # "... und die Tafeln zur Verfügung stellen"
                        first, last = draft.action.index + 2, also.index
                    found.append(
                        replace(
                            match,
                            action=also.text,
                            object=self._words(first, last, draft, deadline),
                        )
                    )
        return found + self._shorthand(found)

    def _draft(self, trigger: Span, rule: TriggerRule, previous_actor: Actor | None) -> _Draft | None:
        start, end = self._clause(trigger)
        if rule.reported and not self._reported(trigger):
            return None
        if any(self.lex.has("indirect_questions", t.text) for t in self.doc[start : trigger.start]):
            return None  # "Montréal fragte, ob Düsseldorf ... anbieten wird"
        if self.lex.language == "de" and trigger.start > 0 and self.doc[trigger.start - 1].lower_ == "zu":
            return None  # "... eröffnen zu wollen" belongs to the announcing verb
        if self._in_relative_clause(trigger, start) or self._after_wish(trigger):
            return None
        action = self._action(trigger, rule, end)
        if action is None or self._negated(trigger, action, start) or self._conditional(trigger, start, end):
            return None
        if rule.complement == "self" and self.lex.has("self_excluded_lemmas", self.doc[action.index].lemma_):
            return None
        if self._not_a_pledge(trigger, action, end) or (
            rule.ending and self._present_first_plural(self.doc[action.index])
        ):
            return None
        coordinated = self._coordinated_trigger(trigger, start)
        actors = self._actors(trigger, rule, action, start, end, previous_actor if coordinated else None)
        if not actors:
            return None
        return _Draft(trigger, rule, action, actors, start, end, coordinated)

    def _after_wish(self, trigger: Span) -> bool:
        """'Cities should commit to ...', 'Beteiligung müsse ... gedacht werden': advice, not a pledge."""
        before = self.doc[max(self.sentence.start, trigger.start - 6) : trigger.start]
        return any(self.lex.has("wish_modals", t.text) for t in before)

    def _coordinated_trigger(self, trigger: Span, clause_start: int) -> bool:
        before = [t for t in self.doc[clause_start : trigger.start] if not self._skippable(t)]
        return bool(before) and before[-1].lower_ in _CONJUNCTIONS

    def _clause(self, trigger: Span) -> tuple[int, int]:
        """Token bounds of the trigger's clause: the sentence, cut at ';'."""
        start, end = self.sentence.start, self.sentence.end
        for token in self.sentence:
            if _is_boundary(token):
                if token.i < trigger.start:
                    start = token.i + 1
                elif token.i >= trigger.end:
                    end = token.i
                    break
        return start, end

    def _reported(self, trigger: Span) -> bool:
        return any(self.lex.has("reporting_verbs", t.text) for t in self.sentence if t.i != trigger.start)

    def _in_relative_clause(self, trigger: Span, clause_start: int) -> bool:
        """'an agency that will match ...', 'un centre qui va ...': part of an object, not a pledge."""
        index = trigger.start - 1
        while index >= clause_start and self._skippable(self.doc[index]):
            index -= 1
        if index >= clause_start and self.doc[index].lower_ in ("that", "which", "who", "qui"):
            return True
        if self.lex.language == "de":
            comma = max((t.i for t in self.doc[clause_start : trigger.start] if t.text == ","), default=None)
            if comma is not None and comma + 2 < trigger.start and self.doc[comma + 1].lower_ in _RELATIVES:
                # ", die ... werde" is relative; ", die Stadt werde" is an article and its noun.
                return not self.doc[comma + 2].text[:1].isupper()
        return False

    def _conditional(self, trigger: Span, start: int, end: int) -> bool:
        # A colon opens a new statement: "si ..., Genève a pris un engagement : la Ville ouvrira".
        for token in self.doc[start : trigger.start]:
            if token.text == ":":
                start = token.i + 1
        words = self.doc[start:end]
        if self.lex.has("inverted_conditionals", words[0].text) and trigger.start > start:
            return True  # "Should the ministry release the funds, Dakar will ..."
        if any(
            self.lex.has("conditionals", t.text)
            and not (t.i > 0 and self.doc[t.i - 1].lower_ in ("même", "even"))
            for t in words
        ):
            return True  # but "même si" / "even if" concede, they do not condition
        text = f" {words.text.lower()} "
        return any(f" {m} " in text for m in self.lex.words["conditionals"] if " " in m or "'" in m)

    def _negated(self, trigger: Span, action: _Action, clause_start: int) -> bool:
        # "We won't close it, but instead we will ...": only what follows the turn counts.
        for token in self.doc[clause_start : trigger.start]:
            if self.lex.has("contrastives", token.text):
                clause_start = token.i + 1
        before = self.doc[clause_start : trigger.start]
        if any(self.lex.has("subject_negations", t.text) and t.i not in self.parenthetical for t in before):
            return True  # "Neither Algiers nor Casablanca plan ...", "Keine Stadt wird ..."
        first = max(clause_start, trigger.start - 3)
        last = max(action.index, trigger.end - 1)
        if action.index < trigger.start:  # German verb-final: "dass X keine Y einsetzen wird"
            first = max(clause_start, action.index - 6)
        elif self.lex.language == "de" and action.index == trigger.start:
            last = self._clause(trigger)[1] - 1  # "Wir wollen das Modell nicht übernehmen"
        for token in self.doc[first : last + 1]:
            if self.lex.has("negations", token.text):
                following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
                if following is None or following.lower_ not in _NOT_NEGATING_NEXT:
                    return True
        return False

    def _past(self, start: int, end: int) -> bool:
        words = self.doc[start:end]
        text = f" {words.text.lower()} "
        if any(f" {m} " in text for m in self.lex.words["past_markers"]):
            return True
        known = self.x.session_known
        return known and any(_YEAR.match(t.text) and int(t.text) < self.session.year for t in words)

    # -- the action -------------------------------------------------------------

    def _skippable(self, token: Token) -> bool:
        return self.lex.has("skip_before_verb", token.text) or token.pos_ == "ADV" or token.is_space

    def _next_content(self, index: int, end: int) -> int:
        """The next token that is not an adverb, clitic or comma-delimited aside."""
        skipped = 0
        while index < end and skipped < 12:
            token = self.doc[index]
            if token.text == ",":
                closing = next(
                    (t.i for t in self.doc[index + 1 : min(end, index + 10)] if t.text == ","), None
                )
                index = (closing + 1) if closing is not None else index + 1
            elif self._skippable(token):
                index += 1
            else:
                return index
            skipped += 1
        return end

    def _action(self, trigger: Span, rule: TriggerRule, clause_end: int) -> _Action | None:
        doc = self.doc
        complement = rule.complement
        if complement == "self":
            if self.lex.language == "de":
                infinitive = self._german_infinitive(trigger)  # "Köln will ein Büro einrichten"
                if infinitive is not None and infinitive.index > trigger.start and not infinitive.passive:
                    return infinitive
            token = trigger[-1] if rule.verb == "last" else trigger[0]
            if rule.present_only and self._preterite(token):
                return None  # "Dann diskutierten die Teilnehmenden ...": a report, not a plan
            return _Action(token.i, (token.lemma_ or token.lower_).lower())
        if complement == "noun":
            return _Action(trigger.end - 1, "")
        if complement == "de_inf":
            return self._german_infinitive(trigger)
        if complement == "zu_inf":
            found = self._zu_infinitive(trigger)
            if found is None and any(t.lower_ in ("dass", "daß") for t in self.doc[trigger.end : clause_end]):
                return None  # "kündigte an, dass die Stadt ... werde": the inner verb carries the pledge
            return found or _Action(trigger[0].i, (trigger[0].lemma_ or trigger[0].lower_))
        index = self._next_content(trigger.end, clause_end)
        if complement == "passive":
            return self._participle(index, clause_end)
        if index >= clause_end:
            return None
        token = doc[index]
        if token.lower_ in ("be", "être") and index + 1 < clause_end:
            participle = self._participle(self._next_content(index + 1, clause_end), clause_end)
            if participle:
                return participle
        if self._verb_like(token):
            return _Action(index, self._verb_text(token))
        if complement in ("to_verb_or_noun", "inf_or_noun") and token.is_alpha:
            head = trigger[0] if trigger[0].lower_ not in ("s'", "s’", "se", "nous", "m'") else trigger[-1]
            return _Action(trigger.end - 1, (head.lemma_ or head.lower_).lower())
        return None

    def _participle(self, index: int, clause_end: int) -> _Action | None:
        if index >= clause_end:
            return None
        token = self.doc[index]
        endings = (
            "ed",
            "é",
            "ée",
            "és",
            "ées",
            "is",
            "ise",
            "it",
            "ite",
            "ert",
            "erte",
            "erts",
            "ertes",
        )
        is_participle = (
            token.tag_ == "VBN"
            or token.morph.get("VerbForm", []) == ["Part"]
            or (
                # Untagged, or a French participle the small model calls an adjective ("ouvert").
                (not token.tag_ or token.pos_ == "ADJ") and token.lower_.endswith(endings)
            )
        )
        return _Action(index, (token.lemma_ or token.lower_).lower(), passive=True) if is_participle else None

    def _verb_like(self, token: Token) -> bool:
        if not token.is_alpha:
            return False
        if self.lex.language == "fr":
            if token.morph.get("VerbForm", []):
                return token.morph.get("VerbForm", []) == ["Inf"]
            if token.pos_ and token.pos_ != "VERB":
                return False  # "culture" ends like an infinitive
            return bool(_FR_INFINITIVE.match(token.lower_))
        if token.tag_:
            return token.tag_ in ("VB", "VBG") or (
                token.pos_ in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBN")
            )
        return token.is_lower and not self.lex.has("closed_class", token.text)

    def _verb_text(self, token: Token) -> str:
        if self.lex.language == "fr":
            return token.lower_
        lemma = (token.lemma_ or token.lower_).lower()
        particle = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if particle is not None and particle.dep_ == "prt":
            return f"{lemma} {particle.lower_}"
        return lemma

    def _not_a_pledge(self, trigger: Span, action: _Action, clause_end: int) -> bool:
        """ "we'll see how ...", « prendrons en compte », « s'engage dans »: idioms, not undertakings.

        Each entry of `not_pledges` is a run of words that holds the action or a word of the
        trigger (as its lemma or as written) anywhere in it: "tenir compte", "en compte"; "$"
        at the end stands for the end of the clause ("see $": "We'll see.").
        """
        words = [t for t in self.doc[self.sentence.start : clause_end] if not t.is_punct]
        anchors = {action.index, *range(trigger.start, trigger.end)}
        for phrase in self.lex.phrases.get("not_pledges", ()):
            parts = phrase.lower().split()
            ends_clause = parts[-1] == "$"
            parts = parts[:-1] if ends_clause else parts
            for first in range(len(words) - len(parts) + 1):
                window = words[first : first + len(parts)]
                if not any(w.i in anchors for w in window):
                    continue
                if all(p in (w.lower_, w.lemma_.lower()) for w, p in zip(window, parts, strict=True)) and (
                    not ends_clause or first + len(parts) == len(words)
                ):
                    return True
        return False

    @staticmethod
    def _present_first_plural(token: Token) -> bool:
        """« considérons », « améliorons »: the present of an -er verb (stem + -ons), not a future
        (considérerons): an ending rule for the future would read them as one."""
        lemma = token.lemma_.lower()
        return lemma.endswith("er") and token.lower_ == lemma[:-2] + "ons"

    def _preterite(self, token: Token) -> bool:
        """eröffneten, diskutierten: the lemma's stem and a past-tense ending (weak verbs)."""
        lemma = token.lemma_.lower()
        if not lemma or lemma == token.lower_:
            return False
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else lemma
        return token.lower_.startswith(stem) and self.lex.has("preterite_endings", token.lower_[len(stem) :])

    def _is_infinitive(self, token: Token) -> bool:
        """Lower case, -en/-ern/-eln, and lemmatised to a verb (adjectives lose their ending)."""
        if not _DE_INFINITIVE.match(token.text) or self.lex.has("not_infinitives", token.text):
            return False
        lemma = token.lemma_
        return not lemma or lemma == token.text or bool(_DE_INFINITIVE.match(lemma))

    def _is_participle(self, token: Token) -> bool:
        """eröffnet, eingerichtet, gegründet: lower case, and lemmatised to another (verb) form."""
        return (
            token.is_lower
            and token.is_alpha
            and token.lower_.endswith(("t", "en"))
            and token.lemma_ not in ("", token.text)
            and bool(_DE_INFINITIVE.match(token.lemma_))
        )

    def _german_infinitive(self, trigger: Span) -> _Action | None:
        doc = self.doc
        if len(trigger) > 1 and trigger[-1].lower_ == "werden" and self._is_participle(trigger[-2]):
            return _Action(trigger[-2].i, trigger[-2].lemma_, passive=True)  # soll ... eingerichtet werden
        # Verb-final clause: "..., dass Düsseldorf Zentren eröffnen wird", "... „integriert“ werden,".
        before = next((t for t in reversed(doc[self.sentence.start : trigger.start]) if not t.is_quote), None)
        if before is not None and before.i >= trigger.start - 2:
            if self._is_infinitive(before):
                return _Action(before.i, before.text)
            if self._is_participle(before):
                return _Action(before.i, before.lemma_, passive=True)
        # Main clause: the last infinitive before the clause ends (wird ... eröffnen.).
        verbs: list[Token] = []
        last_participle = None
        final: Token | None = None  # the clause's last word: the infinitive's place in a main clause
        for token in doc[trigger.end : self.sentence.end]:
            if token.text in ".;!?" or (token.is_space and "\n" in token.text):
                break
            final = token
            if token.text == "," and (verbs or last_participle is not None):
                break
            if self._is_infinitive(token):
                verbs.append(token)
            elif self._is_participle(token):
                last_participle = token
        if verbs:
            last_verb = verbs[-1]
            if last_verb.lower_ == "werden" and last_verb.i > 0:  # future passive: eröffnet werden
                participle = doc[last_verb.i - 1]
                return _Action(participle.i, participle.lemma_ or participle.lower_, passive=True)
            first = verbs[0]
            if (
                first is not last_verb
                and first.i + 1 < len(doc)
                and doc[first.i + 1].lower_ in ("und", "sowie")
            ):
                # "Wir werden X zeigen und Y zur Verfügung stellen": two actions, one trigger.
                return _Action(first.i, first.text, second=last_verb.i)
            return _Action(last_verb.i, last_verb.text)
        if last_participle is not None:  # "wird 2020 von Paris angelegt": a passive with an agent
            return _Action(last_participle.i, last_participle.lemma_, passive=True, needs_deadline=True)
        if (
            final is not None
            and final.is_lower
            and _DE_INFINITIVE.match(final.text)
            and not self.lex.has("not_infinitives", final.text)
        ):
            # "... morgen schicken.": the lookup lemmatiser reads some verbs as adjectives (schick).
            return _Action(final.i, final.text)
        return None

    def _zu_infinitive(self, trigger: Span) -> _Action | None:
        for token in self.doc[trigger.end : self.sentence.end]:
            if token.text in ".;?!":
                break
            following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
            if token.lower_ == "zu" and following is not None and self._is_infinitive(following):
                before = self.doc[token.i - 1]
                if following.lower_ == "wollen" and self._is_infinitive(before):  # eröffnen zu wollen
                    return _Action(before.i, before.text, strength="planned")
                return _Action(following.i, following.text)
            if "zu" in token.lower_[2:-3] and _DE_INFINITIVE.match(token.text):  # einzurichten
                return _Action(token.i, token.lemma_ or token.text.replace("zu", "", 1))
        return None

    # -- the actor --------------------------------------------------------------

    def _subjects(self, start: int, end: int) -> list[Candidate]:
        return [
            c
            for c in self.candidates
            if start <= c.start
            and c.end <= end
            and c.source in _SUBJECTS
            and c.start not in self.parenthetical
            and self.x.actors.can_be_subject(self.doc, c)
        ]

    def _resolve(self, candidate: Candidate) -> Actor | None:
        return self.x.actors.resolve(
            self.doc, candidate, speaker_city=self.speaker_city, all_candidates=self.all_candidates
        )

    def _actors(
        self,
        trigger: Span,
        rule: TriggerRule,
        action: _Action,
        start: int,
        end: int,
        previous_actor: Actor | None,
    ) -> list[Actor]:
        if action.passive:
            agent = self._agent(action, end)
            return [agent] if agent else []
        subjects = self._subjects(start, end)
        left = [c for c in subjects if c.end <= trigger.start]
        right = [c for c in subjects if trigger.start < c.start <= trigger.start + 4 and c.end <= end]
        if rule.adjacent_actor:
            return self._adjacent(trigger, start, left)
        chosen: Candidate | None = None
        if self.lex.language == "de" and action.index < trigger.start and left:
            # Verb-final clause: the subject comes first after "dass", "weil", a comma ...
            opener = max((t.i for t in self.doc[start : trigger.start] if t.text == "," or t.lower_ in (
                "dass", "daß", "weil", "ob", "wenn", "da")), default=start - 1)  # fmt: skip
            after_opener = [c for c in left if c.start > opener]
            chosen = after_opener[0] if after_opener else left[-1]
        elif self.lex.language == "de" and right and self._subject_after_verb(trigger, start, left):
            chosen = right[0]
            following = [c for c in subjects if c.start > chosen.start]
            return [
                a for a in (self._resolve(c) for c in [chosen, *self._joined_after(chosen, following)]) if a
            ]
        elif left and not self._coordinated(trigger, left[-1]):
            chosen = left[-1]
        elif previous_actor is not None:
            return [previous_actor]  # "Rabat will open X and will fund Y"
        elif left:
            chosen = left[0]  # "Brussels described X ... and committed to Y"
        elif right and self.lex.language == "de":
            chosen = right[0]
        if chosen is None:
            return self._first_person_trigger(trigger)
        actors = [self._resolve(c) for c in [*self._coordinated_subjects(chosen, subjects), chosen]]
        return [a for a in actors if a is not None]

    def _adjacent(self, trigger: Span, clause_start: int, left: list[Candidate]) -> list[Actor]:
        if not left:
            return []
        nearest = left[-1]
        between = [t for t in self.doc[nearest.end : trigger.start] if t.text != ":"]
        opening = [t for t in self.doc[clause_start : nearest.start] if t.text not in _BULLETS]
        if between or opening:
            return []
        actor = self._resolve(nearest)
        return [actor] if actor else []

    def _first_person_trigger(self, trigger: Span) -> list[Actor]:
        """'Our aim is to ...': the possessive in the trigger names the speaker."""
        first_person = {phrase.lower() for phrase in self.lex.phrases.get("first_person", ())}
        for token in trigger:
            if token.lower_ in first_person or self.lex.has("possessive_first_person", token.text):
                actor = self._resolve(Candidate(token.i, token.i + 1, "first_person"))
                return [actor] if actor else []
        return []

    def _coordinated_subjects(self, chosen: Candidate, subjects: list[Candidate]) -> list[Candidate]:
        """'Lyon et Genève s'engagent', 'the Observatory, UNESCO and the AIMF agreed'."""
        joined: list[Candidate] = []
        current = chosen
        for other in reversed([c for c in subjects if c.end <= chosen.start]):
            between = [
                t for t in self.doc[other.end : current.start] if not self.lex.has("determiners", t.text)
            ]
            listed = (
                between
                and all(t.text == "," or t.lower_ in _CONJUNCTIONS for t in between)
                and len(between) <= 2
            )
            # The join next to the verb's subject needs "and": "A, B and C", never a bare "A, C".
            if listed and (joined or any(t.lower_ in _CONJUNCTIONS for t in between)):
                joined.insert(0, other)
                current = other
            else:
                break
        return joined

    def _joined_after(self, chosen: Candidate, following: list[Candidate]) -> list[Candidate]:
        """'werden Genf und Lyon ...': subjects after the verb joined by 'und'."""
        joined: list[Candidate] = []
        current = chosen
        for other in following:
            between = [
                t for t in self.doc[current.end : other.start] if not self.lex.has("determiners", t.text)
            ]
            if (
                between
                and len(between) <= 2
                and all(t.text == "," or t.lower_ in _CONJUNCTIONS for t in between)
            ):
                joined.append(other)
                current = other
            else:
                break
        return joined

    def _coordinated(self, trigger: Span, nearest: Candidate) -> bool:
        """'... and will' with no new subject between: the verb shares the previous subject."""
        between = [t for t in self.doc[nearest.end : trigger.start] if not self._skippable(t)]
        return bool(between) and between[-1].lower_ in _CONJUNCTIONS

    def _subject_after_verb(self, trigger: Span, clause_start: int, left: list[Candidate]) -> bool:
        """German V2: the clause opens with something other than the subject."""
        while clause_start < trigger.start and self.doc[clause_start].text in _BULLETS:
            clause_start += 1
        if trigger.start == clause_start:
            return True
        opener = self.doc[clause_start]
        if self.lex.has("prefield_openers", opener.text) or opener.like_num:
            return True
        if left and left[-1].end >= trigger.start - 1:
            return False  # "Die Stadt Genf wird ...": the subject stands before the verb
        # An article opens a noun phrase: "Der Klimawandel wird ..." has its (non-agent) subject first.
        return not self.lex.has("determiners", opener.text) and trigger.start - clause_start <= 2

    def _agent(self, action: _Action, end: int) -> Actor | None:
        for candidate in self.candidates:
            first = candidate.start
            while first > 0 and self.lex.has("determiners", self.doc[first - 1].text):
                first -= 1  # "par la Ville de Dakar"
            before = self.doc[first - 1] if first > 0 else None
            if (
                action.index - 8 < candidate.start < end
                and before is not None
                and self.lex.has("agent_prepositions", before.text)
            ):
                return self._resolve(candidate)
        return None

    # -- shorthand ----------------------------------------------------------------

    def _shorthand(self, found: list[CommitmentMatch]) -> list[CommitmentMatch]:
        """'Dakar: 5 extra mediation points by end 2020', '- Genève : publication du guide, juin 2020'."""
        if found or not any(t.text in _SHORTHAND for t in self.sentence[:8]):
            return []
        tokens = [t for t in self.sentence if t.text not in _BULLETS and not t.is_space]
        if len(tokens) < 4:
            return []
        opening = next((c for c in self.candidates if c.start == tokens[0].i), None)
        if opening is None and self.lex.has("determiners", tokens[0].text):
            opening = next(
                (c for c in self.candidates if c.start == tokens[1].i), None
            )  # "- die Rheinbahn: ..."
        if opening is None or opening.source not in ("place", "name", "collective"):
            return []
        separator = self.doc[opening.end] if opening.end < len(self.doc) else None
        if separator is None or separator.text not in _SHORTHAND:
            return []
        rest_start, end = separator.i + 1, self.sentence.end
        actor = self._resolve(opening)
        deadline = next((d for d in self.deadlines if d.start >= separator.idx), None)
        if actor is None or deadline is None or self._negated_span(rest_start, end):
            return []
        words = [
            t.text_with_ws for t in self.doc[rest_start:end] if not (deadline.start <= t.idx < deadline.end)
        ]
        obj = "".join(words).strip(" ,;:–-.")
        return [CommitmentMatch(self.sentence, "shorthand", actor, "", obj, deadline, "firm")]

    def _negated_span(self, start: int, end: int) -> bool:
        return any(self.lex.has("negations", t.text) for t in self.doc[start:end])

    # -- deadline and object ----------------------------------------------------

    def _deadline(self, trigger: Span, actor: Actor, start: int, end: int) -> Deadline | None:
        doc = self.doc
        low = doc[start].idx
        high = doc[end - 1].idx + len(doc[end - 1]) if end > start else low
        actor_chars = (doc[actor.start].idx, doc[actor.end - 1].idx + len(doc[actor.end - 1]))
        usable = [
            d
            for d in self.deadlines
            if low <= d.start and d.end <= high and not (d.start < actor_chars[1] and actor_chars[0] < d.end)
        ]
        after = [d for d in usable if d.start >= trigger.start_char]
        return after[0] if after else (usable[-1] if usable else None)

    def _object(self, draft: _Draft, deadline: Deadline | None, end: int) -> tuple[str, _Action | None]:
        """The object of the action, and a second action coordinated with it, if any."""
        action, trigger = draft.action, draft.trigger
        if action.passive:
            # What is acted on is the passive's subject: "The new library will be opened by Dakar".
            opening = max(
                (
                    t.i + 1
                    for t in self.doc[draft.start : trigger.start]
                    if t.text == "," or t.text in _BULLETS
                ),
                default=draft.start,
            )
            subject = self._words(opening, trigger.start, draft, deadline)
            if subject:
                return subject, None
        if self.lex.language == "de" and action.index < trigger.start:
            # Verb-final: "..., dass Düsseldorf vier Begegnungsstätten eröffnen wird".
            subject_end = max(a.end for a in draft.actors)
            return self._words(min(subject_end, action.index), action.index, draft, deadline), None
        if self.lex.language == "de" and action.index > trigger.start:
            if action.second is not None:
                second = _Action(action.second, self.doc[action.second].text)
                return self._words(trigger.end, action.index, draft, deadline), second
            return self._words(trigger.end, action.index, draft, deadline), None
        first = action.index + 1
        if " " in action.text and first < end:
            first += 1  # the particle of a phrasal verb ("set up") is in the action already
        for token in self.doc[first:end]:
            following = self.doc[token.i + 1] if token.i + 1 < end else None
            if (token.lower_ in ("and", "et") and following is not None and self._verb_like(following)) and (
                self.lex.language == "fr" or following.tag_ == "VB"
            ):
                second = _Action(following.i, self._verb_text(following))
                return self._words(first, token.i, draft, deadline), second
        return self._words(first, end, draft, deadline), None

    def _words(self, first: int, last: int, draft: _Draft, deadline: Deadline | None) -> str:
        doc = self.doc
        starts = {
            c.start for c in self.candidates if c.source in ("place", "name", "first_person", "collective")
        }
        skip = {i for a in draft.actors for i in range(a.start, a.end)}
        if (
            draft.action.passive
        ):  # "by Dakar", "par la Ville de Dakar", "von Paris": the agent, not the object
            for actor in draft.actors:
                first_agent = actor.start
                while first_agent > 0 and self.lex.has("determiners", doc[first_agent - 1].text):
                    first_agent -= 1
                skip |= set(range(first_agent, actor.end))
                if first_agent > 0 and self.lex.has("agent_prepositions", doc[first_agent - 1].text):
                    skip.add(first_agent - 1)
        words: list[str] = []
        for token in doc[first:last]:
            if token.i in skip or (deadline and deadline.start <= token.idx < deadline.end):
                continue
            following = doc[token.i + 1] if token.i + 1 < last else None
            if following is not None and token.lower_ in _CONJUNCTIONS | {","} and following.i in starts:
                break  # "... a heat plan and Geneva plans to ...": the next actor's clause
            if (
                token.text in (",", "(")
                and words
                and following is not None
                and self.lex.has("subordinators", following.text)
            ):
                break
            words.append(token.text_with_ws)
        text = "".join(words).strip(" ,;:–-.")
        # What a removed deadline or agent leaves behind: "... l'environnement le", "ein Haus zu".
        parts = text.split()
        while parts and (
            parts[-1] == "zu"
            or self.lex.has("determiners", parts[-1])
            or self.lex.has("prepositions", parts[-1])
        ):
            parts.pop()
        return " ".join(parts) if parts != text.split() else text


class CommitmentComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        annotated = any(name in nlp.pipe_names for name in ("tagger", "morphologizer"))
        self.extract = CommitmentExtractor(
            nlp.vocab, load_lexicon(nlp.lang), nlp.make_doc, annotated=annotated
        )

    def __call__(self, doc: Doc) -> Doc:
        commitments, recommendations = self.extract(
            doc, session_date=doc._.session_date, speaker_city=doc._.speaker_city
        )
        doc._.commitments = commitments
        doc._.recommendations = recommendations
        return doc


@Language.factory("summit_commitments", requires=["doc.sents"], assigns=["doc._.commitments"])
def make_commitments(nlp: Language, name: str) -> CommitmentComponent:
    return CommitmentComponent(nlp, name)
