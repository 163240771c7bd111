"""Across notes and workshops: one pledge reported twice, the sentences that stand for a
workshop, themes shared by workshops, the index of cities, and what changed since last night.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from synthesis.extract.gazetteer import Gazetteer, load_gazetteer
from synthesis.models import (
    Changes,
    CityEntry,
    Commitment,
    Language,
    Note,
    NoteExtraction,
    Quote,
    SharedTheme,
    SourceSpan,
    WorkshopSynthesis,
    content_id,
)
from synthesis.run_index import RunIndex

_WORD = re.compile(r"\w{3,}")
SAME_PLEDGE = 0.5  # word overlap (Jaccard) of action + object above which two pledges are one
QUOTE_WORDS = (8, 45)  # a quote is a full sentence, not a fragment nor a paragraph
DIVERSITY = 0.7  # maximal marginal relevance: weight of centrality against redundancy


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def merge_commitments(commitments: Iterable[Commitment]) -> tuple[Commitment, ...]:
    """One entry per pledge: the same actor, deadline and (nearly) the same words in several
    notes are one commitment, kept as first reported, with the other quotes attached."""
    merged: list[Commitment] = []
    words: list[set[str]] = []
    for commitment in commitments:
        own = _words(f"{commitment.action} {commitment.object}")
        for index, kept in enumerate(merged):
            same_pledge = (
                kept.actor.key == commitment.actor.key
                and kept.deadline == commitment.deadline
                and (kept.id == commitment.id or _overlap(words[index], own) >= SAME_PLEDGE)
            )
            if same_pledge and kept.source.note_id != commitment.source.note_id:
                merged[index] = kept.model_copy(
                    update={"also_reported": (*kept.also_reported, commitment.source)}
                )
                break
            if same_pledge:
                break  # said twice in one note: one pledge, one quote
        else:
            merged.append(commitment)
            words.append(own)
    return tuple(merged)


def _vector(words: list[str], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(words)
    vector = {w: c * idf.get(w, 0.0) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def representative_quotes(
    notes: Sequence[Note], extractions: Sequence[NoteExtraction], *, count: int = 3
) -> tuple[Quote, ...]:
    """Sentences closest to what the workshop's notes say overall (TF-IDF centroid), chosen
    to differ from each other, quoted verbatim. Never paraphrased: the text is the note's."""
    by_id = {n.id: n for n in notes}
    low, high = QUOTE_WORDS
    candidates: list[tuple[Note, int, int, Language]] = []
    tokens: list[list[str]] = []
    for extraction in extractions:
        note = by_id.get(extraction.note_id)
        if note is None:
            continue
        for sentence in extraction.sentences:
            text = note.text[sentence.start : sentence.end]
            complete = text[:1].isupper() and text.rstrip("»”\"' ").endswith((".", "!"))
            if not complete or "\n" in text or not low <= len(text.split()) <= high:
                continue  # fragments, headings, questions and list items are no quotes
            candidates.append((note, sentence.start, sentence.end, sentence.language))
            tokens.append([w.casefold() for w in _WORD.findall(text)])
    if not candidates:
        return ()
    documents = len(candidates)
    frequency = Counter(w for words in tokens for w in set(words))
    idf = {w: math.log(1 + documents / f) for w, f in frequency.items()}
    vectors = [_vector(words, idf) for words in tokens]
    centroid: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for w, v in vector.items():
            centroid[w] += v / documents
    relevance = [_cosine(v, centroid) for v in vectors]
    chosen = pick_diverse(vectors, relevance, min(count, documents))
    top = max(relevance) or 1.0
    quotes = []
    for i in chosen:
        note, start, end, language = candidates[i]
        text = note.text[start:end]
        quotes.append(
            Quote(
                id=content_id("quote", note.id, str(start)),
                text=text,
                language=language,
                source=SourceSpan(note_id=note.id, start=start, end=end, quote=text),
                score=round(relevance[i] / top, 3),
            )
        )
    return tuple(quotes)


def pick_diverse(vectors: list[dict[str, float]], relevance: list[float], count: int) -> list[int]:
    """Maximal marginal relevance: each pick is the most central sentence, less its likeness
    to those already picked; on a tie, the earlier one.

    Redundancy is never negative, so a sentence scores at most DIVERSITY x its relevance:
    scanning by falling relevance can stop as soon as that bound drops below the best score
    found. This visits a handful of sentences instead of all of a workshop's thousands.
    """
    by_relevance = sorted(range(len(vectors)), key=lambda i: (-relevance[i], i))
    chosen: list[int] = []
    while len(chosen) < count:
        best, best_score = -1, -math.inf
        for i in by_relevance:
            if DIVERSITY * relevance[i] < best_score:
                break
            if i in chosen:
                continue
            redundancy = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            score = DIVERSITY * relevance[i] - (1 - DIVERSITY) * redundancy
            if score > best_score or (score == best_score and i < best):
                best, best_score = i, score
        chosen.append(best)
    return chosen


def shared_themes(workshops: Sequence[WorkshopSynthesis], *, minimum: int = 3) -> tuple[SharedTheme, ...]:
    """Concepts among the themes of at least `minimum` workshops."""
    places: dict[str, list[str]] = defaultdict(list)
    mentions: Counter[str] = Counter()
    labels: dict[str, dict[str, str]] = {}
    for workshop in workshops:
        for theme in workshop.themes:
            places[theme.concept].append(workshop.workshop)
            mentions[theme.concept] += theme.mentions
            labels[theme.concept] = theme.labels
    shared = [c for c, where in places.items() if len(where) >= minimum]
    shared.sort(key=lambda c: (-len(places[c]), -mentions[c], c))
    return tuple(
        SharedTheme(concept=c, labels=labels[c], workshops=tuple(places[c]), mentions=mentions[c])
        for c in shared
    )


def city_index(
    workshops: Sequence[WorkshopSynthesis], gazetteer: Gazetteer | None = None
) -> tuple[CityEntry, ...]:
    """Each known city with the commitments it made and the practices it presented."""
    gazetteer = gazetteer or load_gazetteer()
    pledged: dict[str, list[str]] = defaultdict(list)
    presented: dict[str, list[str]] = defaultdict(list)
    seen_in: dict[str, list[str]] = defaultdict(list)
    for workshop in workshops:
        for commitment in workshop.commitments:
            if commitment.actor.kind == "city" and commitment.actor.id:
                pledged[commitment.actor.id].append(commitment.id)
                seen_in[commitment.actor.id].append(workshop.workshop)
        for practice in workshop.best_practices:
            if practice.city.kind == "city" and practice.city.id:
                presented[practice.city.id].append(practice.id)
                seen_in[practice.city.id].append(workshop.workshop)
    entries = []
    for city in sorted(seen_in, key=lambda c: gazetteer.places[c].name if c in gazetteer.places else c):
        place = gazetteer.places.get(city)
        entries.append(
            CityEntry(
                id=city,
                name=place.name if place else city,
                country=place.country if place else None,
                workshops=tuple(dict.fromkeys(seen_in[city])),
                commitments=tuple(dict.fromkeys(pledged[city])),
                best_practices=tuple(dict.fromkeys(presented[city])),
            )
        )
    return tuple(entries)


def changes_since(workshops: Sequence[WorkshopSynthesis], previous: RunIndex | None) -> Changes:
    """Commitments that appeared or disappeared since the previous night, by stable id."""
    now = [c.id for w in workshops for c in w.commitments]
    before = [c.id for c in previous.commitments] if previous else []
    now_set, before_set = set(now), set(before)
    return Changes(
        previous_run=previous.run_date if previous else None,
        added=tuple(i for i in now if i not in before_set),
        removed=tuple(i for i in before if i not in now_set),
    )
