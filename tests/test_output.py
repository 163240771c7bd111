import json
from pathlib import Path

import pytest

from synthesis.models import Rejection, RejectionReason
from synthesis.output import rejections_markdown, write_atomically


def test_write_atomically_replaces_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "run" / "synthesis.json"
    write_atomically(target, "first")
    write_atomically(target, "second é")
    assert target.read_text(encoding="utf-8") == "second é"
    assert [p.name for p in target.parent.iterdir()] == ["synthesis.json"]


def test_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "synthesis.json"
    write_atomically(target, json.dumps({"night": 1}))

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("synthesis.output.os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, json.dumps({"night": 2}))
    assert json.loads(target.read_text()) == {"night": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["synthesis.json"]


def test_rejections_in_human_form() -> None:
    text = rejections_markdown(
        [
            Rejection(
                source="notes/a/scan.pdf",
                reason=RejectionReason.SCANNED_PDF,
                message="m1",
                hint="h1",
            )
        ]
    )
    assert "## notes/a/scan.pdf" in text
    assert "- Problem (scanned_pdf): m1" in text
    assert "- What to do: h1" in text
    assert "No file was rejected" in rejections_markdown([])
