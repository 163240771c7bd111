"""Organisers' decisions: applied to a synthesis, carried across re-runs and typo fixes, never lost."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from synthesis.curation import (
    SIMILAR_ENOUGH,
    CurationError,
    anchor_of,
    apply_curation,
    load_curation,
    match_decisions,
    save_curation,
    similarity,
)
from synthesis.models import (
    Commitment,
    Curation,
    Decision,
    ItemEdits,
    ItemKind,
    Review,
    SummitSynthesis,
)
from tests.documents.conftest import sample_synthesis  # noqa: F401  (a session fixture)

AT = datetime(2019, 9, 1, 9, 30, tzinfo=UTC)


def decide(
    synthesis: SummitSynthesis,
    item_id: str,
    review: Review = "approved",
    kind: ItemKind = "commitment",
    **more: object,
) -> Decision:
    sources = {n.id: n.source for n in synthesis.notes}
    item = next(
        i
        for w in synthesis.workshops
        for i in (*w.commitments, *w.best_practices, *w.quotes)
        if i.id == item_id
    )
    return Decision(
        kind=kind, item_id=item_id, anchor=anchor_of(item, sources), review=review, by="Ada", at=AT, **more
    )  # type: ignore[arg-type]


def commitments(synthesis: SummitSynthesis) -> dict[str, Commitment]:
    return {c.id: c for w in synthesis.workshops for c in w.commitments}


def retyped(synthesis: SummitSynthesis, item_id: str, quote: str, new_id: str) -> SummitSynthesis:
    """The synthesis of a re-run after a rapporteur retyped one sentence: a new id, new words."""
    workshops = []
    for w in synthesis.workshops:
        items = tuple(
            c.model_copy(update={"id": new_id, "source": c.source.model_copy(update={"quote": quote})})
            if c.id == item_id
            else c
            for c in w.commitments
        )
        workshops.append(w.model_copy(update={"commitments": items}))
    return synthesis.model_copy(update={"workshops": tuple(workshops)})


@pytest.fixture
def montreal(sample_synthesis: SummitSynthesis) -> tuple[Commitment, Commitment]:  # noqa: F811
    first, second = list(sample_synthesis.workshops[0].commitments)[:2]
    assert first.actor.key == second.actor.key == "montreal"
    assert first.source.note_id == second.source.note_id
    return first, second


def test_a_rejected_commitment_is_printed_nowhere_and_leaves_its_city(
    sample_synthesis: SummitSynthesis,  # noqa: F811
) -> None:
    abidjan = next(c for c in sample_synthesis.cities if c.id == "abidjan")
    (pledge,) = abidjan.commitments
    curated = apply_curation(
        sample_synthesis, Curation(decisions=(decide(sample_synthesis, pledge, "rejected"),)), rule="all"
    )
    assert pledge in commitments(sample_synthesis)
    assert pledge not in commitments(curated)
    assert pledge not in {c for city in curated.cities for c in city.commitments}
    assert len(commitments(curated)) == len(commitments(sample_synthesis)) - 1


def test_with_the_rule_approved_only_approved_items_are_printed(sample_synthesis: SummitSynthesis) -> None:  # noqa: F811
    chosen = sample_synthesis.workshops[1].commitments[0].id
    curation = Curation(decisions=(decide(sample_synthesis, chosen),))
    curated = apply_curation(sample_synthesis, curation, rule="approved")
    assert list(commitments(curated)) == [chosen]
    assert all(not w.best_practices and not w.quotes for w in curated.workshops)
    assert commitments(curated)[chosen].review == "approved"


def test_with_the_rule_all_unreviewed_items_are_marked_once_curation_has_begun(
    sample_synthesis: SummitSynthesis,  # noqa: F811
) -> None:
    untouched = apply_curation(sample_synthesis, Curation(), rule="all")
    assert {c.review for c in commitments(untouched).values()} == {None}
    chosen = sample_synthesis.workshops[1].commitments[0].id
    begun = apply_curation(
        sample_synthesis, Curation(decisions=(decide(sample_synthesis, chosen),)), rule="all"
    )
    reviews = [c.review for c in commitments(begun).values()]
    assert reviews.count("approved") == 1 and reviews.count("unreviewed") == len(reviews) - 1


def test_edits_replace_the_wording_actor_deadline_strength_and_workshop(
    sample_synthesis: SummitSynthesis,  # noqa: F811
) -> None:
    item = sample_synthesis.workshops[0].commitments[0]
    edits = ItemEdits(actor="geneva", wording="Extend the tables to the east end.", deadline="2021-06",
                      strength="planned", workshop="inclusive")  # fmt: skip
    curated = apply_curation(
        sample_synthesis, Curation(decisions=(decide(sample_synthesis, item.id, edits=edits),)), rule="all"
    )
    inclusive = next(w for w in curated.workshops if w.workshop == "inclusive")
    edited = next(c for c in inclusive.commitments if c.id == item.id)
    assert item.id not in {c.id for c in curated.workshops[0].commitments}
    assert (edited.actor.id, edited.actor.kind, edited.deadline, edited.strength) == (
        "geneva",
        "city",
        "2021-06",
        "planned",
    )
    assert edited.text == "Extend the tables to the east end."
    assert edited.source.quote == item.source.quote  # the note's words stay, for provenance


def test_a_decision_follows_its_item_after_a_typo_fix(
    sample_synthesis: SummitSynthesis,  # noqa: F811
    montreal: tuple[Commitment, Commitment],
) -> None:
    first, _ = montreal
    fixed = first.source.quote.replace("neighbourhood", "neighborhood").replace("east end", "east-end")
    rerun = retyped(sample_synthesis, first.id, fixed, "0123456789abcdef")
    decision = decide(sample_synthesis, first.id, "rejected")
    matching = match_decisions(Curation(decisions=(decision,)), rerun)
    assert matching.by_item == {"0123456789abcdef": decision} and not matching.orphans
    assert "0123456789abcdef" not in commitments(
        apply_curation(rerun, Curation(decisions=(decision,)), rule="all")
    )


def test_the_threshold_tells_a_typo_fix_from_another_pledge_of_the_same_city(
    montreal: tuple[Commitment, Commitment],
) -> None:
    first, second = montreal
    typo = first.source.quote.replace("neighbourhood", "neighborhood").replace("two", "2")
    assert similarity(first.source.quote, typo) >= SIMILAR_ENOUGH
    assert similarity(first.source.quote, second.source.quote) < SIMILAR_ENOUGH


def test_a_decision_whose_item_is_gone_is_an_orphan_and_is_kept(
    sample_synthesis: SummitSynthesis,  # noqa: F811
    montreal: tuple[Commitment, Commitment],
) -> None:
    first, _ = montreal
    rerun = retyped(
        sample_synthesis, first.id, "Completely different words about budgets.", "fedcba9876543210"
    )
    decision = decide(sample_synthesis, first.id, "rejected")
    matching = match_decisions(Curation(decisions=(decision,)), rerun)
    assert matching.orphans == [decision] and not matching.by_item
    assert "fedcba9876543210" in commitments(
        apply_curation(rerun, Curation(decisions=(decision,)), rule="all")
    )


def test_a_merged_pledge_is_printed_once_with_both_sources(
    montreal: tuple[Commitment, Commitment],
    sample_synthesis: SummitSynthesis,  # noqa: F811
) -> None:
    first, second = montreal
    decision = decide(sample_synthesis, second.id, merged_into=first.id)
    curated = commitments(apply_curation(sample_synthesis, Curation(decisions=(decision,)), rule="all"))
    assert second.id not in curated
    assert second.source in curated[first.id].also_reported


def test_quotes_can_be_pinned_to_or_kept_off_the_poster(sample_synthesis: SummitSynthesis) -> None:  # noqa: F811
    from synthesis.documents.build import build_exhibition
    from synthesis.documents.translation import TranslatedTexts

    workshop = sample_synthesis.workshops[2]
    last, first = workshop.quotes[-1], workshop.quotes[0]
    curation = Curation(
        decisions=(
            decide(sample_synthesis, last.id, kind="quote", poster=True),
            decide(sample_synthesis, first.id, kind="quote", poster=False),
        )
    )
    before = build_exhibition(sample_synthesis, languages=("en", "fr"), texts=TranslatedTexts({}))
    after = build_exhibition(
        apply_curation(sample_synthesis, curation, rule="all"),
        languages=("en", "fr"),
        texts=TranslatedTexts({}),
    )
    shown_before = [q.id for q in before.workshops[2].poster_quotes]
    shown_after = [q.id for q in after.workshops[2].poster_quotes]
    assert first.id in shown_before and last.id not in shown_before
    assert shown_after[0] == last.id and first.id not in shown_after


def test_curation_yaml_round_trips_and_a_broken_one_names_the_file(
    tmp_path: Path,
    sample_synthesis: SummitSynthesis,  # noqa: F811
) -> None:
    chosen = sample_synthesis.workshops[0].commitments[0].id
    curation = Curation(decisions=(decide(sample_synthesis, chosen, edits=ItemEdits(wording="Neue Wörter")),))
    save_curation(tmp_path, curation)
    assert load_curation(tmp_path) == curation
    assert load_curation(tmp_path / "nowhere") == Curation()
    (tmp_path / "curation.yaml").write_text("decisions:\n  - kind: poem\n", encoding="utf-8")
    with pytest.raises(CurationError) as error:
        load_curation(tmp_path)
    assert "curation.yaml" in str(error.value) and "decisions.0.kind" in str(error.value)
    assert error.value.hint


def test_a_rejected_pledge_is_not_printed_as_a_quote_either_unless_the_quote_is_kept(
    sample_synthesis: SummitSynthesis,  # noqa: F811
) -> None:
    workshop = sample_synthesis.workshops[0]
    pledge = workshop.commitments[0]
    echo = workshop.quotes[0].model_copy(
        update={"id": "echo", "text": pledge.source.quote, "source": pledge.source}
    )
    echoed = sample_synthesis.model_copy(
        update={
            "workshops": (workshop.model_copy(update={"quotes": (echo,)}), *sample_synthesis.workshops[1:])
        }
    )
    rejected = decide(echoed, pledge.id, "rejected")
    curated = apply_curation(echoed, Curation(decisions=(rejected,)), rule="all")
    assert curated.workshops[0].quotes == ()
    kept = Curation(decisions=(rejected, decide(echoed, "echo", "approved", kind="quote")))
    assert [q.id for q in apply_curation(echoed, kept, rule="all").workshops[0].quotes] == ["echo"]
