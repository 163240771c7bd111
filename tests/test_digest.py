import random
from datetime import UTC, date, datetime

from synthesis.digest import (
    changes_since,
    city_index,
    merge_commitments,
    pick_diverse,
    representative_quotes,
    shared_themes,
)
from synthesis.models import (
    Actor,
    BestPractice,
    Commitment,
    Note,
    NoteExtraction,
    NoteMeta,
    Paragraph,
    RunInfo,
    Sentence,
    Session,
    SourceSpan,
    SummitSynthesis,
    Theme,
    WorkshopStats,
    WorkshopSynthesis,
    content_id,
)
from synthesis.run_index import index_run

LYON = Actor(text="Lyon", id="lyon", kind="city")


def pledge(note: str, obj: str, deadline: str | None = "2020", actor: Actor = LYON) -> Commitment:
    quote = f"{actor.text} will plant {obj}."
    return Commitment(
        id=content_id(note, obj, str(deadline)),
        actor=actor,
        action="plant",
        object=obj,
        deadline=deadline,
        strength="firm",
        language="en",
        source=SourceSpan(note_id=note, start=0, end=len(quote), quote=quote),
    )


def test_the_same_pledge_in_two_notes_is_one_commitment() -> None:
    merged = merge_commitments(
        [
            pledge("n1", "3,000 street trees in dense districts"),
            pledge("n2", "3,000 street trees in the dense districts"),
            pledge("n3", "3,000 street trees in dense districts", deadline="2021"),
            pledge("n4", "two cool rooms for elderly residents"),
        ]
    )
    assert [c.source.note_id for c in merged] == ["n1", "n3", "n4"]
    assert [s.note_id for s in merged[0].also_reported] == ["n2"]
    assert merged[1].also_reported == () and merged[2].also_reported == ()


def test_a_pledge_repeated_within_one_note_counts_once() -> None:
    merged = merge_commitments([pledge("n1", "street trees"), pledge("n1", "street trees")])
    assert len(merged) == 1 and merged[0].also_reported == ()


def _note(note_id: str, text: str) -> tuple[Note, NoteExtraction]:
    sentences = []
    start = 0
    for piece in text.split("  "):
        sentences.append(
            Sentence(
                id=f"{note_id}:{start}", note_id=note_id, start=start, end=start + len(piece), language="en"
            )
        )
        start += len(piece) + 2
    note = Note(
        id=note_id,
        source=f"notes/healthy/{note_id}.md",
        format="md",
        meta=NoteMeta(title="t", rapporteur="r", workshop="healthy", session=Session(day=date(2019, 8, 31))),
        text=text,
        language="en",
        detected_language="en",
        paragraphs=(Paragraph(start=0, end=len(text), kind="paragraph", language="en"),),
        words=len(text.split()),
    )
    extraction = NoteExtraction(
        note_id=note_id,
        models={},
        sentences=tuple(sentences),
        commitments=(),
        recommendations=(),
        best_practices=(),
        concepts=(),
        entities=(),
        keyphrases=(),
    )
    return note, extraction


def test_quotes_are_central_distinct_complete_and_verbatim() -> None:
    text = (
        "Heat waves hit elderly residents living alone in dense districts.  "
        "Cities shared heat plans for elderly residents and care homes during heat waves.  "
        "heat plans for elderly residents -> to check  "
        "Heat plans must reach elderly residents who live alone, said Geneva.  "
        "The coffee break was short because the room was needed for another session."
    )
    note, extraction = _note("n1", text)
    quotes = representative_quotes([note], [extraction], count=2)
    assert len(quotes) == 2
    for quote in quotes:
        assert note.text[quote.source.start : quote.source.end] == quote.text  # verbatim
        assert quote.text[0].isupper() and quote.text.endswith(".")
    assert quotes[0].score == 1.0
    assert "coffee" not in " ".join(q.text for q in quotes)
    assert len({q.text for q in quotes}) == 2


def _brute_force_mmr(vectors: list[dict[str, float]], relevance: list[float], count: int) -> list[int]:
    """Maximal marginal relevance over every sentence, as first written: the reference."""
    chosen: list[int] = []
    while len(chosen) < count:
        best = max(
            (i for i in range(len(vectors)) if i not in chosen),
            key=lambda i: (
                0.7 * relevance[i]
                - 0.3
                * max(
                    (sum(v * vectors[j].get(w, 0.0) for w, v in vectors[i].items()) for j in chosen),
                    default=0.0,
                )
            ),
        )
        chosen.append(best)
    return chosen


def test_diverse_picks_what_scanning_every_sentence_picks() -> None:
    rng = random.Random(3)
    for _ in range(200):
        vectors = []
        for _ in range(rng.randint(1, 30)):
            raw = {w: rng.random() for w in rng.sample("abcdefgh", rng.randint(1, 4))}
            norm = sum(v * v for v in raw.values()) ** 0.5
            vectors.append({w: v / norm for w, v in raw.items()})
        # rounded relevances make ties, which both must break towards the earlier sentence
        relevance = [round(rng.random(), 1) for _ in vectors]
        count = min(rng.randint(1, 4), len(vectors))
        assert pick_diverse(vectors, relevance, count) == _brute_force_mmr(vectors, relevance, count)


def _workshop(
    workshop: str, concepts: list[str], commitments: tuple[Commitment, ...] = ()
) -> WorkshopSynthesis:
    return WorkshopSynthesis(
        workshop=workshop,
        note_ids=(),
        stats=WorkshopStats(notes=0, rapporteurs=0, words=0, languages={}),
        commitments=commitments,
        themes=tuple(
            Theme(concept=c, broader=None, labels={"en": c, "fr": c, "de": c}, mentions=2, notes=1)
            for c in concepts
        ),
    )


def test_themes_shared_by_three_workshops() -> None:
    workshops = [
        _workshop("a", ["youth", "housing"]),
        _workshop("b", ["youth", "housing"]),
        _workshop("c", ["youth", "health"]),
    ]
    [shared] = shared_themes(workshops)
    assert (shared.concept, shared.workshops, shared.mentions) == ("youth", ("a", "b", "c"), 6)


def test_city_index_lists_pledges_and_practices() -> None:
    practice = BestPractice(
        id="p1",
        city=Actor(text="Rabat", id="rabat", kind="city"),
        initiative="school gardens",
        language="en",
        source=SourceSpan(note_id="n", start=0, end=1, quote="R"),
    )
    workshop = _workshop("healthy", [], (pledge("n1", "trees"),)).model_copy(
        update={"best_practices": (practice,)}
    )
    entries = {e.id: e for e in city_index([workshop])}
    assert entries["lyon"].commitments == (pledge("n1", "trees").id,)
    assert entries["rabat"].best_practices == ("p1",)
    assert entries["rabat"].name == "Rabat" and entries["rabat"].country == "MA"


def _synthesis(day: date, commitments: tuple[Commitment, ...]) -> SummitSynthesis:
    return SummitSynthesis(
        run=RunInfo(
            summit_id="s",
            run_date=day,
            started_at=datetime(2019, 9, 1, tzinfo=UTC),
            finished_at=datetime(2019, 9, 1, tzinfo=UTC),
            software={},
        ),
        notes=(),
        rejected=(),
        workshops=(_workshop("healthy", [], commitments),),
    )


def test_changes_since_the_previous_night_by_stable_id() -> None:
    kept, dropped, new = pledge("n1", "trees"), pledge("n2", "benches"), pledge("n3", "fountains")
    previous = index_run(_synthesis(date(2019, 8, 31), (kept, dropped)))
    changes = changes_since([_workshop("healthy", [], (kept, new))], previous)
    assert (changes.previous_run, changes.added, changes.removed) == (
        date(2019, 8, 31),
        (new.id,),
        (dropped.id,),
    )
    assert changes_since([_workshop("healthy", [], (kept,))], None).added == (kept.id,)
