"""What a poster shows: selection.py on small hand-made workshops, and on the sample's."""

from __future__ import annotations

import dataclasses

import pytest

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import CommitmentItem, Pair, PracticeItem, QuoteItem, WorkshopContent
from synthesis.documents.selection import (
    SECTIONS,
    SHORTENINGS,
    _fit_step,
    choose_for_poster,
    is_agenda_line,
    normalised,
    rules,
)
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import Actor, Commitment, SourceSpan, SummitSynthesis
from tests.documents.conftest import pair, workshop

NAME = pair("Test cities", "Villes test")


def _commitment(
    cid: str, city: str, text: str, strength: str = "firm", deadline: str | None = "2020"
) -> Commitment:
    return Commitment(
        id=cid,
        actor=Actor(text=city, id=city.lower(), kind="city"),
        action="pledge",
        object="",
        deadline=deadline,
        strength=strength,
        language="en",
        source=SourceSpan(note_id="n", start=0, end=len(text), quote=text),
    )


def _item(original: Commitment) -> CommitmentItem:
    text = original.source.quote
    return CommitmentItem(
        id=original.id,
        city=original.actor.text,
        deadline=pair(original.deadline or "none", original.deadline or "aucune"),
        text=pair(text, f"(fr) {text}"),
        workshop=NAME,
        source="notes/n.md",
        strength=pair(original.strength, original.strength),
    )


def _quote(qid: str, en: str, fr: str | None = None) -> QuoteItem:
    return QuoteItem(id=qid, text=pair(en, fr or f"(fr) {en}"), attribution="A. Speaker, Lyon", source="n.md")


def _practice(pid: str, city: str, text: str) -> PracticeItem:
    return PracticeItem(id=pid, city=city, initiative="Init", text=pair(text, f"(fr) {text}"), source="n.md")


def _choose(
    originals: list[Commitment], quotes: tuple[QuoteItem, ...] = (), practices: tuple[PracticeItem, ...] = ()
) -> WorkshopContent:
    items = tuple(_item(o) for o in originals)
    base = dataclasses.replace(
        workshop("t", "Test cities", "Villes test", 0), commitments=items, quotes=quotes, practices=practices
    )
    return choose_for_poster(base, {o.id: o for o in originals}, lambda how: pair("x", "x"))


def test_firm_and_dated_first_then_one_per_city() -> None:
    originals = [
        _commitment("a", "Lyon", "Lyon proposes a study of benches.", strength="proposed"),
        _commitment("b", "Lyon", "Lyon will plant trees in every school by 2020."),
        _commitment("c", "Lyon", "Lyon will open two gardens.", deadline=None),
        _commitment("d", "Dakar", "Dakar plans forums in every district.", strength="planned"),
        _commitment("e", "Rabat", "Rabat will train mediators.", deadline=None),
    ]
    chosen = _choose(originals)
    assert [c.id for c in chosen.key_commitments] == ["b", "e", "d", "c", "a"]


def test_counts_follow_the_rules() -> None:
    rule = rules()
    originals = [_commitment(f"c{n}", f"City{n}", f"City{n} pledges thing number {n}.") for n in range(9)]
    quotes = tuple(_quote(f"q{n}", f"Quote number {n} says something different.") for n in range(5))
    practices = tuple(
        _practice(f"p{n}", f"Town{n}", f"Practice number {n} is described here.") for n in range(7)
    )
    chosen = _choose(originals, quotes, practices)
    assert len(chosen.key_commitments) == rule.commitments.max <= 5
    assert len(chosen.poster_quotes) == rule.quotes.max == 2
    assert len(chosen.poster_practices) == rule.practices.max <= 4


def test_no_sentence_twice_across_sections() -> None:
    sentence = "Montreal will extend the neighbourhood tables to two large sites by 2020."
    originals = [_commitment("c1", "Montreal", sentence)]
    quotes = (
        _quote("q1", sentence.upper()),  # the same words, typed differently
        _quote("q2", f"As the mayor said: {sentence}"),  # contains the commitment
        _quote("q3", "Listen to the residents first, then plan."),
    )
    practices = (
        _practice("p1", "Halifax", "Halifax ran a pop-up planning studio in 2018."),
        _practice("p2", "Halifax", "Halifax ran a pop-up planning studio in 2018!"),
        _practice("p3", "Namur", "Namur set up a youth advisory council in 2017."),
    )
    chosen = _choose(originals, quotes, practices)
    assert [q.id for q in chosen.poster_quotes] == ["q3"]
    assert [p.id for p in chosen.poster_practices] == ["p1", "p3"]


@pytest.mark.parametrize(
    "line",
    [
        "Topic: access to health care",
        "Thème : la santé",
        "Thema: Gesundheit",
        "**Tagesordnungspunkt 3:** Wohnen",
    ],
)
def test_agenda_lines_are_never_quotes(line: str) -> None:
    assert is_agenda_line(pair(line, line), rules())
    chosen = _choose([], (_quote("agenda", line), _quote("voice", "We listen first.")))
    assert [q.id for q in chosen.poster_quotes] == ["voice"]


def test_a_sentence_about_a_topic_is_a_quote() -> None:
    assert not is_agenda_line(pair("The topic: who decides?", "Le thème : qui décide ?"), rules())


def test_normalised_folds_case_accents_and_punctuation() -> None:
    assert normalised("« Déjà   VU ! »") == normalised("deja vu")


def test_headline_counts_commitments_and_cities() -> None:
    originals = [
        _commitment("a", "Lyon", "Lyon will plant trees."),
        _commitment("b", "Lyon", "Lyon will open gardens."),
        _commitment("c", "Dakar", "Dakar will hold forums."),
    ]
    items = tuple(_item(o) for o in originals)
    base = dataclasses.replace(workshop("t", "T", "T", 0), commitments=items)
    seen: list[str] = []

    def say(how: object) -> Pair:
        from synthesis.documents.i18n import Localiser

        text = how(Localiser("fr"))  # type: ignore[operator]
        seen.append(text)
        return pair(text, text)

    chosen = choose_for_poster(base, {o.id: o for o in originals}, say)
    assert chosen.headline is not None
    assert chosen.headline.left.text == "3 engagements pris par 2 villes"


def _sample_posters(synthesis: SummitSynthesis) -> list[WorkshopContent]:
    exhibition = build_exhibition(synthesis, languages=("en", "fr"), texts=TranslatedTexts(found={}))
    return list(exhibition.workshops)


def test_sample_posters_show_no_sentence_twice(sample_synthesis: SummitSynthesis) -> None:
    for poster in _sample_posters(sample_synthesis):
        shown = [*poster.key_commitments, *poster.poster_quotes, *poster.poster_practices]
        texts = [normalised(item.text.left.text) for item in shown]  # type: ignore[attr-defined]
        for n, text in enumerate(texts):
            for other in texts[n + 1 :]:
                assert text not in other and other not in text, (poster.id, text)


def test_sample_posters_quote_no_agenda_line(sample_synthesis: SummitSynthesis) -> None:
    posters = _sample_posters(sample_synthesis)
    agenda = [q for p in posters for q in p.quotes if is_agenda_line(q.text, rules())]
    assert agenda, "the sample has an agenda line among its quotes: the test must be able to fail"
    for poster in posters:
        assert len(poster.poster_quotes) == 2
        assert not any(is_agenda_line(q.text, rules()) for q in poster.poster_quotes)


# Fitting a poster ------------------------------------------------------------------------------


def test_fit_steps_go_down_to_readable_minimums() -> None:
    rule = rules()
    for section in SECTIONS:
        counts = [step.to for step in rule.fit if step.drop == section]
        assert counts == sorted(counts, reverse=True), section  # each step of a section lower
        assert getattr(rule, section).min == min([getattr(rule, section).max, *counts])
    assert {step.shorten for step in rule.fit if step.shorten} <= set(SHORTENINGS)
    # A poster keeps a voice, three commitments and a chart worth the name, whatever it drops.
    assert rule.quotes.min == 1 and rule.commitments.min == 3 and rule.chart.min >= 2


@pytest.mark.parametrize(
    "step", [{"drop": "figures", "to": 1}, {"shorten": "headline"}, {"drop": "quotes", "to": -1}, {}]
)
def test_unknown_fit_steps_are_refused(step: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="fit step"):
        _fit_step(step)
