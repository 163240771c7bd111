"""Which actor a candidate stands for: a gazetteer place, the participants, the speaker's
city for the first person, or an earlier actor for an anaphor ("the city", "elle")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from synthesis.extract.actor_types import PARTICIPANTS, Actor, ActorKind, Candidate
from synthesis.extract.attribution import reporting_body
from synthesis.extract.gazetteer import Gazetteer
from synthesis.extract.lexicon import Lexicon


def resolve(
    doc: Doc,
    candidate: Candidate,
    *,
    lexicon: Lexicon,
    gazetteer: Gazetteer,
    speaker_city: str | None,
    all_candidates: list[Candidate],
) -> Actor | None:
    """The actor of `candidate`, or None for a pronoun that names nobody."""
    span = doc[candidate.start : candidate.end]
    text = span.text
    if candidate.source == "place" and candidate.place_id:
        place = gazetteer.places[candidate.place_id]
        kind: ActorKind = "city" if place.kind == "city" else "organisation"
        return Actor(text, place.id, kind, candidate.start, candidate.end)
    if candidate.source == "collective":
        return Actor(text, PARTICIPANTS, "collective", candidate.start, candidate.end)
    if candidate.source == "first_person":
        body = _apposed_body(lexicon, doc, candidate)
        if body is not None:  # "We at Harbour Food Bank will", „Wir, die Tafel Köln, werden"
            itself = next(
                (c for c in all_candidates if c.place_id and c.start <= body[0] and c.end == body[1]),
                None,
            )
            if itself is not None:  # „Wir, die Stadt Genf, werden": the place itself
                return resolve(
                    doc, itself, lexicon=lexicon, gazetteer=gazetteer, speaker_city=None, all_candidates=[]
                )
            return Actor(doc[body[0] : body[1]].text, None, "organisation", body[0], body[1])
        city = _place_id(gazetteer, speaker_city)
        if city:
            return Actor(text, city, "city", candidate.start, candidate.end)
        return Actor(text, None, "first_person", candidate.start, candidate.end)
    if candidate.source == "anaphora" and span.text.lower() == "on" and speaker_city:
        city = _place_id(gazetteer, speaker_city)  # colloquial French "on" = "nous"
        if city:
            return Actor(text, city, "city", candidate.start, candidate.end)
    if candidate.source == "anaphora" and lexicon.has("reported_impersonal", text):
        reporter = reporting_body(span.sent, all_candidates, after=candidate.end, lexicon=lexicon)
        if reporter is None:  # „man" alone is anyone: no actor
            return None
        reported = resolve(
            doc, reporter, lexicon=lexicon, gazetteer=gazetteer, speaker_city=None, all_candidates=[]
        )
        return reported and (reported if reported.resolved else replace(reported, kind="organisation"))
    if candidate.source == "anaphora":
        antecedent = _antecedent(lexicon, gazetteer, doc, candidate, span, all_candidates)
        if antecedent:
            # A known place is named by its id; an unknown one keeps its own name.
            named = text if antecedent.resolved else antecedent.text
            return replace(antecedent, text=named, start=candidate.start, end=candidate.end)
        if speaker_city and any(lexicon.has("city_anaphora", t.text) for t in span):
            city = _place_id(gazetteer, speaker_city)
            if city:
                return Actor(text, city, "city", candidate.start, candidate.end)
        if lexicon.has("pronouns_without_antecedent", span.text):
            # Impersonal ("on va", "it will rain") or someone the note never named ("they'll
            # make the changes"): a pronoun is never shown as an actor.
            return None
        return Actor(text, None, "unresolved", candidate.start, candidate.end)
    if candidate.source == "name" and not candidate.organisation:
        represented = _represented_place(lexicon, gazetteer, doc, candidate, all_candidates)
        if represented is not None:  # "Nadia Bennani, deputy mayor of Rabat, will ...": Rabat
            place = gazetteer.places[represented]
            kind = "city" if place.kind == "city" else "organisation"
            return Actor(text, place.id, kind, candidate.start, candidate.end)
    kind = "organisation" if candidate.organisation else "unresolved"
    return Actor(text, None, kind, candidate.start, candidate.end)


APPOSITION_REACH = 8  # tokens of ", deputy mayor of Rabat," after a person's name


def _apposed_body(lexicon: Lexicon, doc: Doc, candidate: Candidate) -> tuple[int, int] | None:
    """The organisation a first person names right after itself: "We at Harbour Food Bank",
    „Wir, die Arbeitsgemeinschaft …, werden", « Nous, à l'Association …, allons »."""
    i = candidate.end
    commas = i < len(doc) and doc[i].text == ","
    i += commas
    # Without commas only "We at …": „wir die Sprechstunde" is a verb's pronoun and its object.
    between = "first_person_appositions" if commas else "first_person_at"
    while i < len(doc) and lexicon.has(between, doc[i].text):
        i += 1
    if i == candidate.end + commas or i >= len(doc) or not doc[i].text[:1].isupper():
        return None  # "we, the mayors, agree": only "at", « à », „die" … before a capitalised name
    if not commas:  # "We at Harbour Food Bank will": the capitalised words are the name
        end = i
        while end < len(doc) and doc[end].is_title:
            end += 1
        return (i, end)
    closing = next((t.i for t in doc[i : i + APPOSITION_REACH] if t.text == ","), None)
    return (i, closing) if closing is not None and closing > i else None


def _represented_place(
    lexicon: Lexicon, gazetteer: Gazetteer, doc: Doc, candidate: Candidate, all_candidates: list[Candidate]
) -> str | None:
    """The place a named person stands for, when an apposition says so right after the name."""
    if candidate.end >= len(doc) or doc[candidate.end].text not in (",", "("):
        return None
    reach = doc[candidate.end + 1 : min(candidate.end + 1 + APPOSITION_REACH, len(doc))]
    closing = next((t.i for t in reach if t.text in (",", ")", ":")), reach.end)
    if not any(lexicon.has("proxy_heads", t.text) for t in doc[candidate.end + 1 : closing]):
        return None
    places = [c for c in all_candidates if c.place_id and candidate.end < c.start and c.end <= closing]
    return places[0].place_id if places else None


def _antecedent(
    lexicon: Lexicon,
    gazetteer: Gazetteer,
    doc: Doc,
    candidate: Candidate,
    span: Span,
    all_candidates: list[Candidate],
) -> Actor | None:
    """The nearest actor before the anaphor, in its sentence or the two before."""
    city_only = any(lexicon.has("city_anaphora", t.text) for t in span)
    sentence_start = span.sent.start
    previous_sentences = [s for s in doc.sents if s.end <= sentence_start][-2:]
    window_start = previous_sentences[0].start if previous_sentences else sentence_start
    for other in reversed(all_candidates):
        if other.end > candidate.start or other.start < window_start:
            continue
        if other.source == "place" and other.place_id:
            place = gazetteer.places[other.place_id]
            if city_only and place.kind != "city":
                continue
            kind: ActorKind = "city" if place.kind == "city" else "organisation"
            return Actor(doc[other.start : other.end].text, place.id, kind, other.start, other.end)
        if other.source.startswith("agent") and _object_position(lexicon, doc, other):
            continue  # "Victoria ne fermera pas le centre ; elle prolongera ...": the centre is acted on
        if other.source == "name" or (other.source.startswith("agent") and not city_only):
            # A city the gazetteer does not know ("Marseille ... his city"), or an
            # organisation ("A local NGO ... announced that it will").
            return Actor(doc[other.start : other.end].text, None, "unresolved", other.start, other.end)
    return None


def _object_position(lexicon: Lexicon, doc: Doc, candidate: Candidate) -> bool:
    """Right after a verb or a negation: the object of a clause, not its subject."""
    if candidate.start == 0:
        return False
    before = doc[candidate.start - 1]
    return before.pos_ in ("VERB", "AUX") or lexicon.has("negations", before.text)


def _place_id(gazetteer: Gazetteer, name: str | None) -> str | None:
    if not name:
        return None
    if name in gazetteer.places:
        return name
    lowered = {variant.lower(): pid for variant, pid in gazetteer.variants.items()}
    return lowered.get(name.strip().lower())
