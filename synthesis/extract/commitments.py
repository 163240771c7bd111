"""Commitments ("Rabat will open two centres by 2020") and recommendations ("cities should ...").

`extract_commitments(doc)` finds them; the `summit_commitments` component runs it
and stores the results in `doc._.commitments` and `doc._.recommendations`. A
commitment needs a trigger from data/commitments.yaml whose complement (the
action) is found, an actor that can commit, and no negation, condition or
question around it; a past achievement is not a commitment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from synthesis.extract.actors import Actor, ActorFinder, Candidate
from synthesis.extract.deadlines import Deadline, find_deadlines
from synthesis.extract.gazetteer import load_gazetteer
from synthesis.extract.lexicon import Lexicon, Strength, TriggerRule, load_lexicon

_BOUNDARY = frozenset({";", "\n", "•"})
_YEAR = re.compile(r"^(19|20)\d{2}$")
_FR_INFINITIVE = re.compile(r"^[a-zàâçéèêëîïôûùüÿœæ-]+(er|ir|re|oir|dre)$")
_DE_INFINITIVE = re.compile(r"^[a-zäöüß]+(en|ern|eln)$")
_EN_CLOSED_CLASS = frozenset(
    "the a an of in on at to for with by from and or but this that these those it he she they we "
    "you i his her their our its not no there here also".split()
)
_CONJUNCTIONS = frozenset({"and", "et", "und", "but", "mais", "aber", "sowie", "while", "tandis"})
_NOT_NEGATING_NEXT = frozenset({"only", "seulement", "nur", "later", "just", "least"})

for _name in ("commitments", "recommendations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=[])
for _name in ("session_date", "speaker_city"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True, slots=True)
class CommitmentMatch:
    sentence: Span
    trigger: Span
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
class _Action:
    index: int  # token of the main verb (or of the trigger itself)
    text: str
    passive: bool = False


class CommitmentExtractor:
    """Holds the compiled rules of one language; call it on a processed Doc."""

    def __init__(self, vocab: object, lexicon: Lexicon, make_doc: Callable[[str], Doc]) -> None:
        from spacy.vocab import Vocab

        assert isinstance(vocab, Vocab)
        self.lexicon = lexicon
        self.actors = ActorFinder(vocab, lexicon, load_gazetteer(), make_doc)
        self.plain = Matcher(vocab)
        self.annotated = Matcher(vocab)
        for rule in lexicon.triggers:
            (self.annotated if rule.needs_annotation else self.plain).add(rule.id, [rule.pattern])
        self.advice = Matcher(vocab)
        self.advice.add("recommendation", list(lexicon.recommendations))

    # -- public -------------------------------------------------------------

    def __call__(
        self, doc: Doc, *, session_date: date | None = None, speaker_city: str | None = None
    ) -> tuple[list[CommitmentMatch], list[RecommendationMatch]]:
        session = session_date or date.today()
        triggers = self._triggers(doc)
        candidates = self.actors.candidates(doc)
        commitments: list[CommitmentMatch] = []
        for sentence in doc.sents:
            in_sentence = [t for t in triggers if sentence.start <= t.start < sentence.end]
            if in_sentence:
                commitments += _SentenceReader(self, doc, sentence, candidates, session, speaker_city).read(
                    in_sentence
                )
        return commitments, self._recommendations(doc, candidates, speaker_city)

    # -- matching -----------------------------------------------------------

    def _triggers(self, doc: Doc) -> list[Span]:
        matches = list(self.plain(doc))
        if len(self.annotated) and doc.has_annotation("MORPH") and doc.has_annotation("POS"):
            matches += self.annotated(doc)
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in matches]
        return sorted(filter_spans(spans), key=lambda s: s.start)

    def _recommendations(
        self, doc: Doc, candidates: list[Candidate], speaker_city: str | None
    ) -> list[RecommendationMatch]:
        found: dict[int, RecommendationMatch] = {}
        for _, start, _ in self.advice(doc):
            sentence = doc[start].sent
            if sentence.start in found or _is_question(sentence, self.lexicon):
                continue
            left = [c for c in candidates if sentence.start <= c.start and c.end <= start]
            actor = None
            if left:
                actor = self.actors.resolve(doc, left[-1], speaker_city=speaker_city, all_candidates=candidates)
            found[sentence.start] = RecommendationMatch(sentence, actor)
        return list(found.values())


def _is_question(sentence: Span, lexicon: Lexicon) -> bool:
    text = sentence.text.strip()
    if "?" in text:
        return True
    head = text.lower().split(":")[0].strip() if ":" in text[:20] else ""
    return bool(head) and lexicon.has("question_starts", head) or "tbc" in text.lower()


class _SentenceReader:
    """Reads the commitments of one sentence, trigger by trigger."""

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
        self.candidates = candidates
        self.session = session
        self.speaker_city = speaker_city

    @cached_property
    def deadlines(self) -> list[Deadline]:
        base = self.sentence.start_char
        return [
            Deadline(d.value, base + d.start, base + d.end, d.text)
            for d in find_deadlines(self.sentence.text, language=self.lex.language, session=self.session)
        ]

    def read(self, triggers: list[Span]) -> list[CommitmentMatch]:
        if _is_question(self.sentence, self.lex):
            return []
        found: list[CommitmentMatch] = []
        for number, trigger in enumerate(triggers):
            rule = self.lex.trigger(self.doc.vocab.strings[trigger.label])
            following = triggers[number + 1].start if number + 1 < len(triggers) else None
            match = self._read_one(trigger, rule, following, found[-1].actor if found else None)
            if match:
                found.append(match)
        return found

    # -- one trigger ----------------------------------------------------------

    def _read_one(
        self, trigger: Span, rule: TriggerRule, following: int | None, previous_actor: Actor | None
    ) -> CommitmentMatch | None:
        start, end = self._clause(trigger)
        if rule.reported and not self._reported(trigger):
            return None
        action = self._action(trigger, rule, end)
        if action is None or self._negated(trigger, action, start) or self._conditional(start, end):
            return None
        if rule.id.startswith(("futur", "conditionnel")) and self.lex.has(
            "self_excluded_lemmas", self.doc[action.index].lemma_
        ):
            return None
        actor = self._actor(trigger, rule, action, start, end, previous_actor)
        if actor is None:
            return None
        region_end = min(following, end) if following is not None else end
        deadline = self._deadline(trigger, actor, start, region_end)
        if rule.past_capable and deadline is None and self._past(start, end):
            return None
        return CommitmentMatch(
            sentence=self.sentence,
            trigger=trigger,
            rule_id=rule.id,
            actor=actor,
            action=action.text,
            object=self._object(trigger, action, actor, deadline, region_end),
            deadline=deadline,
            strength=rule.strength,
        )

    def _clause(self, trigger: Span) -> tuple[int, int]:
        """Token bounds of the trigger's clause: the sentence, cut at ';' and line breaks."""
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
        return any(self.lex.has("reporting_verbs", t.text) for t in self.sentence if t.i < trigger.start)

    def _conditional(self, start: int, end: int) -> bool:
        words = self.doc[start:end]
        if any(self.lex.has("conditionals", t.text) for t in words):
            return True
        text = f" {words.text.lower()} "
        return any(f" {m} " in text for m in self.lex.words["conditionals"] if " " in m or "'" in m)

    def _negated(self, trigger: Span, action: _Action, clause_start: int) -> bool:
        first = max(clause_start, trigger.start - 3)
        last = max(action.index, trigger.end - 1)
        if self.lex.language == "de" and action.index < trigger.start:
            first = max(clause_start, action.index - 6)  # verb-final: "dass X keine Y einsetzen wird"
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
        return any(_YEAR.match(t.text) and int(t.text) < self.session.year for t in words)

    # -- the action -------------------------------------------------------------

    def _action(self, trigger: Span, rule: TriggerRule, clause_end: int) -> _Action | None:
        doc = self.doc
        if rule.complement == "self":
            token = trigger[-1] if rule.id.startswith(("futur", "conditionnel")) else trigger[0]
            return _Action(token.i, token.lemma_ or token.lower_)
        if rule.complement == "noun":
            return _Action(trigger.end - 1, "")
        if rule.complement == "de_inf":
            return self._german_infinitive(trigger, clause_end)
        if rule.complement == "zu_inf":
            return self._zu_infinitive(trigger, clause_end) or _Action(
                trigger[0].i, trigger[0].lemma_ or trigger[0].lower_
            )
        index = trigger.end
        skipped = 0
        while index < clause_end and skipped < 6 and self._skippable(doc[index]):
            index += 1
            skipped += 1
        if index >= clause_end:
            return None
        token = doc[index]
        if not self._verb_like(token, rule):
            return None
        if token.lower_ in ("be", "être") and index + 1 < clause_end:  # passive: will be opened by ...
            participle = doc[index + 1]
            if participle.tag_ == "VBN" or participle.morph.get("VerbForm") == ["Part"] or (
                not participle.tag_ and participle.lower_.endswith(("ed", "é", "ée", "és", "ées", "en"))
            ):
                return _Action(participle.i, participle.lemma_ or participle.lower_, passive=True)
        return _Action(index, self._verb_text(token))

    def _skippable(self, token: Token) -> bool:
        return self.lex.has("skip_before_verb", token.text) or token.pos_ == "ADV" or token.is_space

    def _verb_like(self, token: Token, rule: TriggerRule) -> bool:
        if not token.is_alpha:
            return False
        if self.lex.language == "fr":
            if token.morph.get("VerbForm"):
                return token.morph.get("VerbForm") == ["Inf"]
            return bool(_FR_INFINITIVE.match(token.lower_))
        if token.tag_:
            return token.tag_ in ("VB", "VBG") or token.pos_ in ("VERB", "AUX") and token.tag_ != "VBD"
        return token.is_lower and token.lower_ not in _EN_CLOSED_CLASS

    def _verb_text(self, token: Token) -> str:
        if self.lex.language == "fr":
            return token.lower_
        lemma = token.lemma_ or token.lower_
        particle = token.nbor(1) if token.i + 1 < len(self.doc) else None
        if particle is not None and particle.dep_ == "prt":
            return f"{lemma} {particle.lower_}"
        return lemma.lower()

    def _is_infinitive(self, token: Token) -> bool:
        if not _DE_INFINITIVE.match(token.text):
            return False
        lemma = token.lemma_
        return not lemma or lemma == token.text or lemma.lower() == token.lower_

    def _german_infinitive(self, trigger: Span, clause_end: int) -> _Action | None:
        doc = self.doc
        # Main clause: the infinitive closes the clause (wird ... eröffnen, / .).
        last_verb = None
        for token in doc[trigger.end : self.sentence.end]:
            if token.is_punct and token.text in ".;!?" or token.is_space and "\n" in token.text:
                break
            if token.text == "," and last_verb is not None:
                break
            if self._is_infinitive(token):
                last_verb = token
        if last_verb is not None:
            return self._german_action(last_verb)
        # Verb-final clause: "..., dass Düsseldorf Zentren eröffnen wird."
        before = doc[trigger.start - 1] if trigger.start > self.sentence.start else None
        if before is not None and self._is_infinitive(before):
            return self._german_action(before)
        return None

    def _german_action(self, infinitive: Token) -> _Action:
        if infinitive.lower_ == "werden" and infinitive.i > 0:  # future passive: ... eröffnet werden
            participle = self.doc[infinitive.i - 1]
            return _Action(participle.i, participle.lemma_ or participle.lower_, passive=True)
        return _Action(infinitive.i, infinitive.text)

    def _zu_infinitive(self, trigger: Span, clause_end: int) -> _Action | None:
        tokens = self.doc[trigger.end : self.sentence.end]
        for token in tokens:
            if token.text in ".;?!":
                break
            if token.lower_ == "zu" and token.i + 1 < len(self.doc) and self._is_infinitive(self.doc[token.i + 1]):
                return _Action(token.i + 1, self.doc[token.i + 1].text)
            if "zu" in token.lower_[2:-3] and _DE_INFINITIVE.match(token.text):  # einzurichten
                return _Action(token.i, token.lemma_ or token.text.replace("zu", "", 1))
        return None

    # -- the actor --------------------------------------------------------------

    def _actor(
        self,
        trigger: Span,
        rule: TriggerRule,
        action: _Action,
        start: int,
        end: int,
        previous_actor: Actor | None,
    ) -> Actor | None:
        in_clause = [c for c in self.candidates if start <= c.start and c.end <= end]
        left = [c for c in in_clause if c.end <= trigger.start]
        right = [c for c in in_clause if c.start >= trigger.end and c.start <= trigger.end + 3]
        if action.passive:
            agent = self._agent(action, end, in_clause)
            if agent:
                return agent
        chosen: Candidate | None = None
        if self.lex.language == "de" and right and self._subject_after_verb(trigger, start, left):
            chosen = right[0]
        elif left and not self._coordinated(trigger, left[-1]):
            chosen = left[-1]
        elif previous_actor is not None:
            return previous_actor  # "Rabat will open X and will fund Y"
        elif right and self.lex.language == "de":
            chosen = right[0]
        if chosen is None:
            return None
        return self.x.actors.resolve(
            self.doc, chosen, speaker_city=self.speaker_city, all_candidates=self.candidates
        )

    def _coordinated(self, trigger: Span, nearest: Candidate) -> bool:
        """'... and will' with no new subject between: the verb shares the previous subject."""
        between = [t for t in self.doc[nearest.end : trigger.start] if not self._skippable(t)]
        return bool(between) and between[-1].lower_ in _CONJUNCTIONS

    def _subject_after_verb(self, trigger: Span, clause_start: int, left: list[Candidate]) -> bool:
        """German V2: the clause opens with something other than the subject."""
        if trigger.start == clause_start:
            return True
        opener = self.doc[clause_start]
        if self.lex.has("prefield_openers", opener.text) or opener.like_num:
            return True
        return not left or left[-1].end < trigger.start - 1

    def _agent(self, action: _Action, end: int, in_clause: list[Candidate]) -> Actor | None:
        for candidate in in_clause:
            before = self.doc[candidate.start - 1] if candidate.start > 0 else None
            if (
                candidate.start > action.index - 8
                and before is not None
                and self.lex.has("agent_prepositions", before.text)
            ):
                return self.x.actors.resolve(
                    self.doc, candidate, speaker_city=self.speaker_city, all_candidates=self.candidates
                )
        return None

    # -- deadline and object ----------------------------------------------------

    def _deadline(self, trigger: Span, actor: Actor, start: int, end: int) -> Deadline | None:
        doc = self.doc
        low, high = doc[start].idx, doc[end - 1].idx + len(doc[end - 1]) if end > start else doc[start].idx
        actor_chars = (doc[actor.start].idx, doc[actor.end - 1].idx + len(doc[actor.end - 1]))
        usable = [
            d
            for d in self.deadlines
            if low <= d.start and d.end <= high and not (d.start < actor_chars[1] and actor_chars[0] < d.end)
        ]
        after = [d for d in usable if d.start >= trigger.start_char]
        return after[0] if after else (usable[-1] if usable else None)

    def _object(
        self, trigger: Span, action: _Action, actor: Actor, deadline: Deadline | None, end: int
    ) -> str:
        doc = self.doc
        if self.lex.language == "de" and action.index > trigger.start:
            first, last = trigger.end, action.index
        else:
            first, last = action.index + 1, end
        starts = {c.start for c in self.candidates if c.source in ("place", "name", "first_person", "collective")}
        words: list[str] = []
        for token in doc[first:last]:
            if actor.start <= token.i < actor.end or deadline and deadline.start <= token.idx < deadline.end:
                continue
            following = doc[token.i + 1] if token.i + 1 < last else None
            if following is not None and token.lower_ in _CONJUNCTIONS | {","} and following.i in starts:
                break  # "... a heat plan and Geneva plans to ...": the next actor's clause
            if token.text in (",", "(") and words and following is not None and self.lex.has(
                "subordinators", following.text
            ):
                break
            words.append(token.text_with_ws)
        return "".join(words).strip(" ,;:–-.")


def _is_boundary(token: Token) -> bool:
    return token.text in _BOUNDARY or token.is_space and "\n" in token.text


class CommitmentComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.extract = CommitmentExtractor(nlp.vocab, load_lexicon(nlp.lang), nlp.make_doc)  # type: ignore[arg-type]

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
