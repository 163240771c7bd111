"""Commitments ("Rabat will open two centres by 2020") and recommendations ("cities should ...").

`CommitmentExtractor` finds them in a processed Doc; the `summit_commitments`
component runs it and stores the results in `doc._.commitments` and
`doc._.recommendations`. A commitment needs a trigger from
data/commitments.yaml whose complement (the action) is found, an actor that
can commit, and no negation, condition or question around it; a past
achievement is not a commitment. Rapporteurs' shorthand counts too:
"Dakar: 5 mediation points by end 2020", "Observatory to launch a database".

This module finds the triggers and the actor candidates of a doc; each sentence
is then read by sentence_reader (with qualifiers, actions, subjects and objects).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from synthesis.extract import sentence_reader
from synthesis.extract.actors import ActorFinder, Candidate
from synthesis.extract.attribution import introduced_speaker, speaker_label
from synthesis.extract.gazetteer import load_gazetteer
from synthesis.extract.lexicon import Lexicon, TriggerRule, after_openers, expand_first_token, load_lexicon
from synthesis.extract.qualifiers import is_question
from synthesis.extract.reading import CommitmentMatch, Reading, RecommendationMatch

__all__ = [
    "CommitmentComponent",
    "CommitmentExtractor",
    "CommitmentMatch",
    "RecommendationMatch",
    "make_commitments",
]

_ADVICE = "summit_recommendation"

for _name in ("commitments", "recommendations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=[])
# session_date: the day the note was taken; reference_date: the day relative deadlines count
# from when no session date is known (a caller's "today"). Without either, no deadline is read.
for _name in ("session_date", "reference_date", "speaker_city"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


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
        # A rule file of the user's own may have no openers: its sentence starts stay as written.
        self.openers = lexicon.words.get("speech_openers", frozenset())
        for rule in lexicon.triggers:
            if rule.pattern and (annotated or not rule.needs_annotation):
                variants = after_openers(
                    rule.pattern, self.openers, lexicon.words.get("discourse_fillers", ())
                )
                self.matcher.add(rule.id, expand_first_token(variants))
        self.matcher.add(_ADVICE, expand_first_token(list(lexicon.recommendations)))
        self.advice_key = vocab.strings[_ADVICE]

    def __call__(
        self,
        doc: Doc,
        *,
        session_date: date | None = None,
        speaker_city: str | None = None,
        reference_date: date | None = None,
    ) -> tuple[list[CommitmentMatch], list[RecommendationMatch]]:
        # Without a session date, relative deadlines count from the caller's reference date, and
        # no year is "past": a text from 2019 read in 2026 still pledges "d'ici 2021".
        session = session_date or reference_date
        session_known = session_date is not None  # per document: the extractor keeps no state
        matches = self.matcher(doc)
        advice = [start for key, start, _ in matches if key == self.advice_key]
        triggers = self._triggers(doc, [m for m in matches if m[0] != self.advice_key])
        # Only a trigger's own words are reserved: "haben die UNESCO und die AIMF vereinbart"
        # has its subjects inside the matched stretch, and so has „Ich schicke ... bis Freitag".
        # A rule whose verb is its last word ("Die Telekom stellt", „Ich schicke") reserves that word
        # alone: the words before it are the context that placed it, and may be its subject.
        # A weak trigger's word is not reserved: most find no deadline and are dropped, and a
        # word they matched ("Die regionale Verkehrsbehörde") stays part of its phrase.
        reserved = frozenset(
            i
            for t in triggers
            if not self._rule(t).needs_deadline
            for i in self._trigger_words(t)
            if not self.lexicon.has("first_person", doc[i].text)
        )
        weak = frozenset(t.end - 1 for t in triggers if self._rule(t).needs_deadline)
        candidates = self.actors.candidates(doc, reserved, weak)
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
        labelled, read_to = speaker_city, 0  # the speaker of the line's last label, else the note's city
        text = doc.text  # spaCy builds it anew on every access
        for sentence in map(self._after_label, doc.sents):
            in_sentence = [t for t in triggers if sentence.start <= t.start < sentence.end]
            words = sentence.text
            if "\n" in text[read_to : sentence.start_char + len(words) - len(words.lstrip())]:
                labelled = speaker_city  # a label holds to the end of its line: the next may be anyone's
            read_to = sentence.start_char + len(words.rstrip())
            speaker = labelled
            labelled = speaker_label(sentence, candidates, lexicon=self.lexicon) or labelled
            found: list[CommitmentMatch] = []
            if (
                in_sentence
                or any(sentence.start <= i <= sentence.start + 2 for i in openers)
                or sentence_reader.heading_word(self.lexicon, sentence)[1] is not None
            ):
                reading = Reading(
                    doc,
                    sentence,
                    candidates,
                    lexicon=self.lexicon,
                    actors=self.actors,
                    session=session,
                    session_known=session_known,
                    speaker_city=speaker,
                )
                found = sentence_reader.read(reading, in_sentence)
                commitments += found
            if not found:  # „Als Nächste spricht die Beigeordnete aus Douala.": who speaks next
                labelled = introduced_speaker(sentence, candidates, lexicon=self.lexicon) or labelled
        return commitments, self._recommendations(doc, advice, candidates, speaker_city)

    def _after_label(self, sentence: Span) -> Span:
        """The sentence after a minutes label ("Action: ...", "A: ..."), which is no part of it."""
        doc, start = sentence.doc, sentence.start
        while start < sentence.end and self.lexicon.has("bullets", doc[start].text):
            start += 1
        for length in (1, 2, 3):
            separator = start + length
            if separator + 1 >= sentence.end:
                break
            label = " ".join(t.lower_ for t in doc[start:separator])
            if not self.lexicon.has("line_labels", label):
                continue
            if doc[separator].like_num and separator + 2 < sentence.end:  # "TOP 7:", "Item 3 –"
                separator += 1
            if self.lexicon.has("line_label_separators", doc[separator].text):
                return doc[separator + 1 : sentence.end]
        return sentence

    def _triggers(self, doc: Doc, matches: list[tuple[int, int, int]]) -> list[Span]:
        # Word rules before rules on the tagger's morphology: where two match the same words,
        # filter_spans keeps the first ("comptons" is planned, even when tagged as a future).
        ordered = sorted(
            matches, key=lambda m: self.lexicon.trigger(doc.vocab.strings[m[0]]).needs_annotation
        )
        # A match after an opening quote, a minutes label or "Also," starts at its first word.
        spans = [Span(doc, self._past_openers(doc, start, end), end, label=m) for m, start, end in ordered]
        if self.by_ending:
            # Judge each distinct word once, by its ORTH id, not each token.
            for index, orth in enumerate(doc.to_array(ORTH).tolist()):
                rule_id = self._ending_rule(orth, doc)
                if rule_id is not None:
                    spans.append(Span(doc, index, index + 1, label=rule_id))
        # A rule that pledges only with a deadline ahead is a fallback: it never displaces
        # a trigger of its own words („Die Stadt Köln verpflichtet sich" keeps its "sich verpflichten").
        weak = [s for s in spans if self._rule(s).needs_deadline]
        strong = filter_spans([s for s in spans if not self._rule(s).needs_deadline])
        covered = {i for s in strong for i in range(s.start, s.end)}
        weak = filter_spans([s for s in weak if not covered & set(range(s.start, s.end))])
        return sorted([*strong, *weak], key=lambda s: s.start)

    def _past_openers(self, doc: Doc, start: int, end: int) -> int:
        fillers = self.lexicon.words.get("discourse_fillers", frozenset())
        while end - start > 1 and (
            doc[start].text in self.openers or doc[start].lower_ in fillers or doc[start].text == ","
        ):
            start += 1
        return start

    def _rule(self, trigger: Span) -> TriggerRule:
        return self.lexicon.trigger(trigger.doc.vocab.strings[trigger.label])

    def _trigger_words(self, trigger: Span) -> set[int]:
        last = self._rule(trigger).verb == "last"
        return {trigger.end - 1} if last else {trigger.start, trigger.end - 1}

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
            if sentence.start in found or is_question(sentence, self.lexicon):
                continue
            left = [c for c in candidates if sentence.start <= c.start and c.end <= start]
            actor = None
            if left:
                actor = self.actors.resolve(
                    doc, left[-1], speaker_city=speaker_city, all_candidates=candidates
                )
            found[sentence.start] = RecommendationMatch(sentence, actor)
        return list(found.values())


class CommitmentComponent:
    def __init__(self, nlp: Language, name: str, path: str | None = None) -> None:
        self.name = name
        annotated = any(name in nlp.pipe_names for name in ("tagger", "morphologizer"))
        self.extract = CommitmentExtractor(
            nlp.vocab, load_lexicon(nlp.lang, path), nlp.make_doc, annotated=annotated
        )

    def __call__(self, doc: Doc) -> Doc:
        commitments, recommendations = self.extract(
            doc,
            session_date=doc._.session_date,
            speaker_city=doc._.speaker_city,
            reference_date=doc._.reference_date,
        )
        doc._.commitments = commitments
        doc._.recommendations = recommendations
        return doc


@Language.factory(
    "summit_commitments",
    default_config={"path": None},  # None: our data/commitments.yaml
    requires=["doc.sents"],
    assigns=["doc._.commitments", "doc._.recommendations"],
)
def make_commitments(nlp: Language, name: str, path: str | None) -> CommitmentComponent:
    return CommitmentComponent(nlp, name, path)
