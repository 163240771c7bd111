"""The translation desk's library: the queue of untranslated texts, the counts, and saving translations."""

from __future__ import annotations

import shutil
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from synthesis.documents.build import build_exhibition
from synthesis.documents.translation import TranslatedTexts, wanted_translations
from synthesis.models import Language, SummitSynthesis, content_id
from synthesis.translate.base import Segment
from synthesis.translate.desk import desk_queue, missing_counts
from synthesis.translate.memory import DeskError, TranslationMemory, save_translation
from tests.conftest import FIXTURES, SAMPLE_SUMMIT

PAIR: tuple[Language, Language] = ("en", "fr")
AT = datetime(2026, 12, 3, 10, 12, tzinfo=UTC)
FILLER = "Lorem ipsum dolor sit amet. "


def sample() -> SummitSynthesis:
    return SummitSynthesis.model_validate_json((FIXTURES / "synthesis-sample.json").read_bytes())


def with_note_texts(synthesis: SummitSynthesis) -> SummitSynthesis:
    """The fixture keeps the notes' paragraph offsets but not their text: put every quoted
    sentence back at its offsets, as the notes had them, and filler words between them."""
    spans: dict[str, list[tuple[int, str]]] = {}
    for ws in synthesis.workshops:
        sources = [c.source for c in ws.commitments] + [r.source for r in ws.recommendations]
        for span in sources + [p.source for p in ws.best_practices]:
            spans.setdefault(span.note_id, []).append((span.start, span.quote))
        for quote in ws.quotes:
            spans.setdefault(quote.source.note_id, []).append((quote.source.start, quote.text))
    notes = []
    for note in synthesis.notes:
        length = max([p.end for p in note.paragraphs] + [s + len(t) for s, t in spans.get(note.id, [])])
        chars = list((FILLER * (length // len(FILLER) + 1))[:length])
        for start, text in spans.get(note.id, []):
            chars[start : start + len(text)] = text
        notes.append(note.model_copy(update={"text": "".join(chars)}))
    return synthesis.model_copy(update={"notes": tuple(notes)})


@pytest.fixture
def memory_dir(tmp_path: Path) -> Path:
    """The sample summit's memory without its English file: German and French texts lack English."""
    folder = tmp_path / "translations"
    shutil.copytree(SAMPLE_SUMMIT / "translations", folder)
    (folder / "en.po").unlink()
    return folder


def test_the_queue_is_every_wanted_translation_the_memory_lacks_once() -> None:
    synthesis = sample()
    queue = desk_queue(synthesis, languages=PAIR, memory=TranslationMemory())
    wanted = wanted_translations(synthesis, PAIR)
    assert len(wanted) > 100
    assert sorted((s.segment.text, s.segment.source, s.segment.target) for s in queue) == sorted(wanted)
    assert [s.key for s in queue] == [
        content_id(s.segment.source, s.segment.target, s.segment.text) for s in queue
    ]
    assert len({s.key for s in queue}) == len(queue)
    assert all(s.suggestion is None for s in queue)


def test_what_the_memory_translates_is_not_in_the_queue(memory_dir: Path) -> None:
    synthesis = sample()
    memory = TranslationMemory.load(memory_dir)
    queue = desk_queue(synthesis, languages=PAIR, memory=memory)
    assert queue and {s.segment.target for s in queue} == {"en"}
    assert memory.translate([s.segment for s in queue]) == [None] * len(queue)
    full = TranslationMemory.load(SAMPLE_SUMMIT / "translations")
    assert desk_queue(synthesis, languages=PAIR, memory=full) == []
    assert missing_counts(synthesis, languages=PAIR, memory=full) == {"en": 0, "fr": 0}


def test_posters_come_first_then_the_booklet_in_the_workshops_order() -> None:
    synthesis = sample()
    queue = desk_queue(synthesis, languages=PAIR, memory=TranslationMemory())
    places = [s.place for s in queue]
    rank = {"poster": 0, "booklet": 1, "register": 2}
    assert [rank[p] for p in places] == sorted(rank[p] for p in places)
    assert "poster" in places and "booklet" in places
    exhibition = build_exhibition(synthesis, languages=PAIR, texts=TranslatedTexts({}))
    first = exhibition.workshops[0]
    commitment = next(
        c for w in synthesis.workshops for c in w.commitments if c.id == first.key_commitments[0].id
    )
    assert (queue[0].place, queue[0].workshop, queue[0].segment.text) == (
        "poster",
        first.id,
        commitment.source.quote,
    )
    on_posters = {
        (side.text, w.id)
        for w in exhibition.workshops
        for pair in [c.text for c in w.key_commitments]
        + [q.text for q in w.poster_quotes]
        + [p.text for p in w.poster_practices]
        for side in (pair.left, pair.right)
    }
    poster_texts = {(s.segment.text, s.workshop) for s in queue if s.place == "poster" and s.kind != "actor"}
    assert poster_texts and poster_texts <= on_posters
    assert {s.kind for s in queue if s.place == "poster"} >= {"commitment", "quote", "practice"}
    # Workshop by workshop, in the summit's order, both on the posters and in the booklet.
    order = [w.id for w in exhibition.workshops]
    for place in ("poster", "booklet"):
        seen = list(dict.fromkeys(s.workshop for s in queue if s.place == place))
        assert seen == [w for w in order if w in seen]


def test_each_text_comes_with_its_note_and_the_paragraph_it_is_in() -> None:
    synthesis = with_note_texts(sample())
    queue = desk_queue(synthesis, languages=PAIR, memory=TranslationMemory())
    titles = {n.meta.title for n in synthesis.notes}
    assert all(s.note_title in titles for s in queue)
    assert all(s.context and s.highlight for s in queue)
    for item in queue:
        before, marked, after = item.context_parts()
        assert marked == item.segment.text and before + marked + after == item.context
    actors = [s for s in queue if s.kind == "actor"]
    assert actors, "the sample has actors named with the note's words"
    assert all(a.context_parts()[1] == a.segment.text for a in actors)


def test_without_the_notes_text_the_context_is_empty() -> None:
    queue = desk_queue(sample(), languages=PAIR, memory=TranslationMemory())
    assert queue[0].note_title and queue[0].context == "" and queue[0].highlight is None
    assert queue[0].context_parts() == ("", "", "")


def test_a_synthesis_without_its_summit_has_no_posters_but_the_same_texts() -> None:
    synthesis = sample()
    old = synthesis.model_copy(update={"summit": None})
    queue = desk_queue(old, languages=PAIR, memory=TranslationMemory())
    assert {s.place for s in queue} == {"booklet"}
    full = desk_queue(synthesis, languages=PAIR, memory=TranslationMemory())
    assert {s.key for s in queue} == {s.key for s in full}


def test_the_counts_are_the_queue_per_language(memory_dir: Path) -> None:
    synthesis = sample()
    for memory in (TranslationMemory(), TranslationMemory.load(memory_dir)):
        queue = desk_queue(synthesis, languages=PAIR, memory=memory)
        counts = missing_counts(synthesis, languages=PAIR, memory=memory)
        assert counts == {"en": 0, "fr": 0} | dict(Counter(s.segment.target for s in queue))
    assert missing_counts(synthesis, languages=PAIR, memory=TranslationMemory())["fr"] > 0


# --- Saving ---------------------------------------------------------------------------------


def test_a_saved_translation_is_in_the_memory_and_leaves_the_queue(memory_dir: Path) -> None:
    synthesis = sample()
    queue = desk_queue(synthesis, languages=PAIR, memory=TranslationMemory.load(memory_dir))
    before = missing_counts(synthesis, languages=PAIR, memory=TranslationMemory.load(memory_dir))
    first = queue[0].segment
    path = save_translation(memory_dir, first, "  The city will do it.\n", by="Tess", at=AT)
    assert path == memory_dir / "en.po"
    memory = TranslationMemory.load(memory_dir)
    assert memory.translate([first]) == ["The city will do it."]
    after = desk_queue(synthesis, languages=PAIR, memory=memory)
    assert [s.key for s in after] == [s.key for s in queue[1:]]
    assert missing_counts(synthesis, languages=PAIR, memory=memory) == {"en": before["en"] - 1, "fr": 0}
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert str(catalog.locale) == "en" and not catalog.fuzzy
    [message] = [m for m in catalog if m.id]
    assert (message.context, message.id) == (first.source, first.text)
    assert message.user_comments == ["translated at the desk by Tess on 2026-12-03 10:12 UTC"]
    assert "2026-12-03 10:12" in path.read_text("utf-8")  # the file's dates are the desk's, not the clock's


def test_saving_again_replaces_the_entry_and_keeps_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    shutil.copytree(SAMPLE_SUMMIT / "translations", folder)
    original = (folder / "fr.po").read_text("utf-8")
    with (folder / "fr.po").open("rb") as handle:
        kept = {(m.context, m.id): (m.string, m.user_comments) for m in read_po(handle) if m.id}
    new = Segment("A sentence nobody translated yet.", "en", "fr")
    known = Segment(
        "We will extend the neighbourhood tables to the two large sites in the east end by the end of 2020.",
        "en",
        "fr",
    )
    save_translation(folder, new, "Une phrase que personne n’a encore traduite.", by="Tess", at=AT)
    save_translation(folder, known, "Nous étendrons les tables de quartier d’ici fin 2020.", by="Tess", at=AT)
    later = datetime(2026, 12, 3, 11, 30, tzinfo=UTC)
    save_translation(folder, known, "Nous étendrons les tables de quartier\u202f!", by="Max", at=later)
    text = (folder / "fr.po").read_text("utf-8")
    assert text.startswith("# Sample translation memory for the Düsseldorf 2019 sample summit")
    assert original.count("msgid ") + 1 == text.count("msgid ")
    with (folder / "fr.po").open("rb") as handle:
        entries = {(m.context, m.id): (m.string, m.user_comments) for m in read_po(handle) if m.id}
    assert entries[("en", known.text)] == (
        "Nous étendrons les tables de quartier\u202f!",  # French spacing kept
        ["translated at the desk by Max on 2026-12-03 11:30 UTC"],
    )
    assert entries[("en", new.text)][0] == "Une phrase que personne n’a encore traduite."
    unchanged = {k: v for k, v in entries.items() if k not in {("en", known.text), ("en", new.text)}}
    assert unchanged == {k: v for k, v in kept.items() if k != ("en", known.text)}
    memory = TranslationMemory.load(folder)
    assert memory.translate([known]) == ["Nous étendrons les tables de quartier\u202f!"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t \r\n"])
def test_an_empty_translation_is_refused_and_nothing_is_written(tmp_path: Path, text: str) -> None:
    with pytest.raises(DeskError, match="empty") as caught:
        save_translation(tmp_path / "translations", Segment("Bonjour.", "fr", "en"), text, by="Tess", at=AT)
    assert caught.value.reason == "empty_translation" and "type the translation" in caught.value.hint
    assert not (tmp_path / "translations" / "en.po").exists()


def test_line_breaks_become_spaces_and_other_refusals_have_hints(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    segment = Segment("Bonjour à tous.", "fr", "en")
    save_translation(folder, segment, "Hello\r\n  to all.", by="Tess\nX", at=AT)
    assert TranslationMemory.load(folder).translate([segment]) == ["Hello to all."]
    assert "# translated at the desk by Tess X on" in (folder / "en.po").read_text("utf-8")
    for text, reason in (("x" * 5000, "too_long"), ("Hello\x00", "control_characters")):
        with pytest.raises(DeskError) as caught:
            save_translation(folder, segment, text, by="Tess", at=AT)
        assert caught.value.reason == reason and caught.value.hint
    with pytest.raises(DeskError) as caught:
        save_translation(folder, Segment("Bonjour.", "fr", "fr"), "Bonjour.", by="Tess", at=AT)
    assert caught.value.reason == "same_language"
    with pytest.raises(ValueError, match="no time zone"):
        save_translation(folder, segment, "Hi.", by="Tess", at=datetime(2026, 12, 3, 10, 12))
    assert TranslationMemory.load(folder).translate([segment]) == ["Hello to all."]


def test_a_broken_memory_file_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "en.po").write_text('msgid "unterminated\n', encoding="utf-8")
    with pytest.raises(DeskError) as caught:
        save_translation(folder, Segment("Bonjour.", "fr", "en"), "Hello.", by="Tess", at=AT)
    assert caught.value.reason == "unreadable_memory" and "nothing was written" in caught.value.hint
    assert (folder / "en.po").read_text("utf-8") == 'msgid "unterminated\n'


def test_translators_saving_at_the_same_time_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    segments = [Segment(f"Phrase numéro {n}.", "fr", "en") for n in range(60)]

    def save(segment: Segment) -> Path:
        return save_translation(
            folder, segment, segment.text.replace("Phrase numéro", "Sentence"), by="T", at=AT
        )

    with ThreadPoolExecutor(max_workers=12) as pool:
        list(pool.map(save, segments))
    memory = TranslationMemory.load(folder)
    assert memory.translate(segments) == [f"Sentence {n}." for n in range(60)]
    assert sorted(p.name for p in folder.iterdir()) == [".en.po.lock", "en.po"]  # no temporary file left


def test_an_organisers_wording_is_what_the_desk_asks_for() -> None:
    from synthesis.curation import anchor_of, apply_curation
    from synthesis.models import Curation, Decision, ItemEdits

    synthesis = SummitSynthesis.model_validate_json((FIXTURES / "synthesis-sample.json").read_text("utf-8"))
    english = next(c for w in synthesis.workshops for c in w.commitments if c.language == "en")
    decision = Decision(
        kind="commitment", item_id=english.id, review="approved", by="Ada",
        at=datetime(2019, 9, 1, tzinfo=UTC),
        anchor=anchor_of(english, {n.id: n.source for n in synthesis.notes}),
        edits=ItemEdits(wording="Tables in the east end by the end of 2020."),
    )  # fmt: skip
    printed = apply_curation(synthesis, Curation(decisions=(decision,)), rule="all")
    queue = desk_queue(printed, languages=("en", "fr"), memory=TranslationMemory())
    texts = {s.segment.text for s in queue if s.kind == "commitment"}
    assert "Tables in the east end by the end of 2020." in texts and english.source.quote not in texts
