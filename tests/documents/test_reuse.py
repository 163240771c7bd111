"""A document is linked from the latest run only when nothing it is rendered from changed."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

import synthesis.documents.render as render_module
from synthesis.documents.build import build_exhibition
from synthesis.documents.content import Branding
from synthesis.documents.pdf import render_booklet, render_poster
from synthesis.documents.render import Rendered, poster_view, render_exhibition
from synthesis.documents.reuse import DOCUMENTS_FILE, read_records
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import SummitSynthesis

PAIR = ("en", "fr")
POSTERS = {
    w: f"poster-{w}-en-fr.pdf" for w in ("communicative", "healthy", "resilient", "connective", "inclusive")
}
PDFS = [*POSTERS.values(), "booklet-en-fr.pdf"]


def render(
    synthesis: SummitSynthesis,
    texts: TranslatedTexts,
    folder: Path,
    earlier: Path | None = None,
    **options: object,
) -> Rendered:
    rendered = render_exhibition(synthesis, texts, folder, languages=PAIR, earlier=earlier, **options)  # type: ignore[arg-type]
    assert rendered.failed == {}
    return rendered


def same_file(a: Path, b: Path) -> bool:
    return a.stat().st_ino == b.stat().st_ino


def one_commitment_fewer(synthesis: SummitSynthesis, workshop: str) -> SummitSynthesis:
    workshops = tuple(
        w.model_copy(update={"commitments": w.commitments[:-1]}) if w.workshop == workshop else w
        for w in synthesis.workshops
    )
    return synthesis.model_copy(update={"workshops": workshops})


@pytest.fixture(scope="module")
def first(
    sample_synthesis: SummitSynthesis,
    no_translations: TranslatedTexts,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """A complete run's documents, with their record."""
    folder = tmp_path_factory.mktemp("first")
    assert render(sample_synthesis, no_translations, folder).reused == []
    return folder


def test_every_document_is_recorded_with_its_digest_and_bytes(first: Path) -> None:
    records = read_records(first)
    assert sorted(records) == sorted([*PDFS, "booklet-en-fr.docx"])
    assert len({r.digest for r in records.values()}) == len(records)
    assert json.loads((first / DOCUMENTS_FILE).read_text(encoding="utf-8"))["documents"]


def test_a_change_in_one_workshop_renders_its_poster_and_the_booklets_only(
    first: Path, sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts, tmp_path: Path
) -> None:
    changed = one_commitment_fewer(sample_synthesis, "healthy")
    rendered = render(changed, no_translations, tmp_path / "next", earlier=first)
    others = sorted(name for w, name in POSTERS.items() if w != "healthy")
    assert rendered.reused == others
    assert all(same_file(tmp_path / "next" / name, first / name) for name in others)
    for name in (POSTERS["healthy"], "booklet-en-fr.pdf", "booklet-en-fr.docx"):
        assert not same_file(tmp_path / "next" / name, first / name)
    assert (tmp_path / "next" / POSTERS["healthy"]).read_bytes() != (first / POSTERS["healthy"]).read_bytes()
    # What was linked is what rendering would have written: nothing stale.
    fresh = render(changed, no_translations, tmp_path / "fresh")
    assert fresh.reused == []
    for name in PDFS:
        assert (tmp_path / "next" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
    assert sorted(read_records(tmp_path / "next")) == sorted(read_records(tmp_path / "fresh"))


def test_an_unchanged_exhibition_renders_nothing_again(
    first: Path, sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts, tmp_path: Path
) -> None:
    rendered = render(sample_synthesis, no_translations, tmp_path, earlier=first)
    assert rendered.reused == sorted([*PDFS, "booklet-en-fr.docx"])
    assert read_records(tmp_path) == read_records(first)
    # A later run of the same notes has its own time: the DOCX's metadata changes, the PDFs do not.
    run = sample_synthesis.run.model_copy(
        update={"finished_at": sample_synthesis.run.finished_at + timedelta(hours=1)}
    )
    later = render(
        sample_synthesis.model_copy(update={"run": run}), no_translations, tmp_path / "later", earlier=first
    )
    assert later.reused == sorted(PDFS)


@pytest.mark.parametrize(
    "options",
    [
        {"poster_size": "A0"},
        {"branding": Branding(accent="#8A2BE2")},
        {"branding": Branding(url="https://x.example/{workshop}")},
    ],
)
def test_what_every_poster_shows_renders_every_poster(
    first: Path,
    sample_synthesis: SummitSynthesis,
    no_translations: TranslatedTexts,
    tmp_path: Path,
    options: dict[str, object],
) -> None:
    rendered = render(sample_synthesis, no_translations, tmp_path, earlier=first, **options)
    assert not set(rendered.reused) & set(POSTERS.values())


def test_the_summit_name_renders_every_document(
    first: Path, sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts, tmp_path: Path
) -> None:
    assert sample_synthesis.summit is not None
    summit = sample_synthesis.summit.model_copy(
        update={"name": sample_synthesis.summit.name.model_copy(update={"en": "Another summit"})}
    )
    rendered = render(
        sample_synthesis.model_copy(update={"summit": summit}), no_translations, tmp_path, earlier=first
    )
    assert rendered.reused == []


def test_a_logo_changed_in_place_renders_every_document(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts, tmp_path: Path, logo_png: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(logo_png.read_bytes())
    branding = Branding(logo=logo)
    render(sample_synthesis, no_translations, tmp_path / "one", branding=branding)
    from PIL import Image

    Image.new("RGB", (120, 60), (10, 200, 10)).save(logo)  # the same path, another picture
    assert (
        render(
            sample_synthesis, no_translations, tmp_path / "two", tmp_path / "one", branding=branding
        ).reused
        == []
    )


def test_new_code_or_damaged_files_are_rendered_again(
    sample_synthesis: SummitSynthesis,
    no_translations: TranslatedTexts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    render(sample_synthesis, no_translations, tmp_path / "one")
    (tmp_path / "one" / POSTERS["inclusive"]).write_bytes(b"%PDF- not what was recorded")
    (tmp_path / "one" / POSTERS["healthy"]).unlink()
    again = render(sample_synthesis, no_translations, tmp_path / "two", tmp_path / "one")
    assert POSTERS["inclusive"] not in again.reused and POSTERS["healthy"] not in again.reused
    assert POSTERS["communicative"] in again.reused
    assert (tmp_path / "two" / POSTERS["inclusive"]).read_bytes().startswith(b"%PDF-1")
    monkeypatch.setattr(render_module, "rendering_code", lambda: "another version of the code")
    assert render(sample_synthesis, no_translations, tmp_path / "three", tmp_path / "two").reused == []
    (tmp_path / "two" / DOCUMENTS_FILE).write_text("{not json", encoding="utf-8")
    monkeypatch.undo()
    assert render(sample_synthesis, no_translations, tmp_path / "four", tmp_path / "two").reused == []


def test_the_views_hold_everything_the_pdfs_print(
    sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts, tmp_path: Path
) -> None:
    """A poster drawn from its view, and the booklet without `made_at`, are the same bytes: the
    parts a digest leaves out are parts these documents never read."""
    exhibition = build_exhibition(sample_synthesis, languages=PAIR, texts=no_translations)
    assert exhibition.made_at is not None
    for workshop in exhibition.workshops[:2]:
        full = render_poster(exhibition, workshop, tmp_path / "full.pdf")
        view = render_poster(poster_view(exhibition, workshop), workshop, tmp_path / "view.pdf")
        assert full.read_bytes() == view.read_bytes()
    render_booklet(exhibition, tmp_path / "a.pdf")
    render_booklet(replace(exhibition, made_at=None), tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
