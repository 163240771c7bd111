"""From processed Docs to the typed records of synthesis.models, with provenance."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from synthesis.extract import actors as actor_lib
from synthesis.extract.commitments import CommitmentMatch, RecommendationMatch
from synthesis.extract.practices import PracticeMatch
from synthesis.models import (
    Actor,
    BestPractice,
    Commitment,
    Language,
    Mention,
    Recommendation,
    Sentence,
    SourceSpan,
    content_id,
)


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def source_span(note_id: str, span: Span, offset: int) -> SourceSpan:
    text = span.text.strip()
    start = offset + span.start_char + (len(span.text) - len(span.text.lstrip()))
    return SourceSpan(note_id=note_id, start=start, end=start + len(text), quote=text)


def actor_record(actor: actor_lib.Actor) -> Actor:
    return Actor(text=actor.text, id=actor.id, kind=actor.kind)


def commitment_record(match: CommitmentMatch, *, note_id: str, language: Language, offset: int) -> Commitment:
    actor = actor_record(match.actor)
    source = source_span(note_id, match.sentence, offset)
    return Commitment(
        # The same pledge in the same words gets the same id in every note and every night.
        id=content_id(
            "commitment",
            actor.key,
            match.action,
            _normalised(match.object),
            _normalised(source.quote),
        ),
        actor=actor,
        action=match.action,
        object=match.object,
        deadline=match.deadline.value if match.deadline else None,
        deadline_text=match.deadline.text if match.deadline else None,
        strength=match.strength,
        language=language,
        source=source,
    )


def recommendation_record(
    match: RecommendationMatch, *, note_id: str, language: Language, offset: int
) -> Recommendation:
    source = source_span(note_id, match.sentence, offset)
    return Recommendation(
        id=content_id("recommendation", _normalised(source.quote)),
        actor=actor_record(match.actor) if match.actor else None,
        language=language,
        source=source,
    )


def practice_record(match: PracticeMatch, *, note_id: str, language: Language, offset: int) -> BestPractice:
    city = actor_record(match.city)
    source = source_span(note_id, match.sentence, offset)
    return BestPractice(
        id=content_id("practice", city.key, _normalised(match.initiative)),
        city=city,
        initiative=match.initiative,
        language=language,
        source=source,
    )


def mentions(spans: list[Span], offset: int, *, use_kb_id: bool) -> list[Mention]:
    return [
        Mention(
            id=span.kb_id_ if use_kb_id else span.label_,
            label=span.label_,
            start=offset + span.start_char,
            end=offset + span.end_char,
            text=span.text,
        )
        for span in spans
    ]


def sentences(doc: Doc, *, note_id: str, language: Language, offset: int) -> list[Sentence]:
    concepts = list(doc._.concepts)
    found = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        tags = tuple(dict.fromkeys(c.label_ for c in concepts if sent.start <= c.start < sent.end))
        found.append(
            Sentence(
                id=f"{note_id}:{start}-{start + len(text)}",
                note_id=note_id,
                start=start,
                end=start + len(text),
                language=language,
                concepts=tags,
            )
        )
    return found
