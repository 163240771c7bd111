"""An unchanged edition is recognised by everything its documents are made from, and republished."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from synthesis.edition import EDITION_FILE, edition_key, republish, reusable_run, write_edition
from synthesis.models import Rejection, RejectionReason, SummitConfig
from synthesis.publish import LATEST

SETTINGS = {"languages": ["en", "fr"], "poster_size": "A1"}


def key(summit: SummitConfig, tmp_path: Path, **changes: object) -> str:
    rejected = changes.pop("rejected", ())
    settings = {**SETTINGS, **changes}
    return edition_key(summit, [], rejected, {"n1": "k1"}, settings=settings, translations_dir=tmp_path)  # type: ignore[arg-type]


def test_the_key_follows_what_the_documents_are_made_from(summit: SummitConfig, tmp_path: Path) -> None:
    same = key(summit, tmp_path)
    assert key(summit, tmp_path) == same
    assert key(summit, tmp_path, poster_size="A0") != same
    rejection = Rejection(
        source="notes/healthy/x.md", reason=RejectionReason.EMPTY, message="empty", hint="h"
    )
    assert key(summit, tmp_path, rejected=(rejection,)) != same
    (tmp_path / "fr.po").write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    assert key(summit, tmp_path) != same, "a translator's work renders again"
    assert edition_key(summit, [], (), {"n1": "k2"}, settings=SETTINGS, translations_dir=tmp_path) != key(
        summit, tmp_path
    ), "a note extracted differently renders again"


def make_run(outputs: Path, name: str, files: dict[str, bytes]) -> Path:
    run = outputs / name
    run.mkdir(parents=True)
    for file, content in files.items():
        (run / file).write_bytes(content)
    (outputs / LATEST).unlink(missing_ok=True)
    (outputs / LATEST).symlink_to(name)
    return run


def test_only_a_complete_run_of_the_same_edition_is_reused(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    run = make_run(outputs, "2019-09-01T013000", {"booklet.pdf": b"%PDF", "report.md": b"old report"})
    assert reusable_run(outputs, "k") is None, "a run without its edition file"
    write_edition(run, "k")
    assert reusable_run(outputs, "k") is None, "a run without its report: its findings cannot be carried"
    (run / "report.json").write_text("{}")
    assert json.loads((run / EDITION_FILE).read_text())["files"] == ["booklet.pdf"]
    assert reusable_run(outputs, "other") is None
    assert reusable_run(outputs, "k") == run
    staging = tmp_path / "staging"
    staging.mkdir()
    assert [p.name for p in republish(run, staging)] == ["booklet.pdf"]
    assert (staging / "booklet.pdf").stat().st_ino == (run / "booklet.pdf").stat().st_ino
    (run / "booklet.pdf").unlink()
    assert reusable_run(outputs, "k") is None, "a document went missing: render again"


def test_the_citizens_site_is_republished_with_the_documents(tmp_path: Path) -> None:
    outputs = tmp_path / "outputs"
    run = make_run(outputs, "2019-09-01T013000", {"booklet.pdf": b"%PDF", "report.json": b"{}"})
    (run / "site" / "healthy").mkdir(parents=True)
    (run / "site" / "healthy" / "index.html").write_text("<h1>Healthy cities</h1>", encoding="utf-8")
    write_edition(run, "k")
    assert reusable_run(outputs, "k") == run
    staging = tmp_path / "staging"
    staging.mkdir()
    assert [p.name for p in republish(run, staging)] == ["booklet.pdf", "site"]
    page = staging / "site" / "healthy" / "index.html"
    assert page.stat().st_ino == (run / "site" / "healthy" / "index.html").stat().st_ino
    shutil.rmtree(run / "site")
    assert reusable_run(outputs, "k") is None, "the site went missing: render again"
