"""Every kind of bad upload is rejected for its own reason, and the good notes beside it survive."""

import hashlib
import os
from pathlib import Path

import pytest

from synthesis.ingest import IngestLimits, ZipLimits, ingest_summit
from synthesis.models import RejectionReason
from tests.conftest import BAD, GOOD, AddNote, write_note

VALID = ("healthy-note.docx", "resilient-note.pdf", "connective-note.odt", "inclusive-note.txt")


def _add_valid_notes(add_note: AddNote) -> None:
    for name in VALID:
        add_note(GOOD / name, name.split("-")[0])


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        ("empty.txt", RejectionReason.EMPTY),
        ("blank.md", RejectionReason.EMPTY),
        ("photo.jpg", RejectionReason.UNSUPPORTED_TYPE),
        ("legacy.doc", RejectionReason.UNSUPPORTED_TYPE),
        ("renamed-docx.pdf", RejectionReason.WRONG_EXTENSION),
        ("text-named.docx", RejectionReason.WRONG_EXTENSION),
        ("truncated.docx", RejectionReason.CORRUPT),
        ("garbled.pdf", RejectionReason.CORRUPT),
        ("truncated.pdf", RejectionReason.CORRUPT),
        ("scanned.pdf", RejectionReason.SCANNED_PDF),
        ("protected.pdf", RejectionReason.PROTECTED),
        ("shift-jis.txt", RejectionReason.UNDECODABLE_TEXT),
        ("bomb.docx", RejectionReason.ZIP_BOMB),
    ],
)
def test_bad_file_is_rejected_and_kept_while_good_notes_come_through(
    fixture: str, reason: RejectionReason, summit_dir: Path, add_note: AddNote
) -> None:
    _add_valid_notes(add_note)
    bad = add_note(BAD / fixture, "healthy")
    before = hashlib.sha256(bad.read_bytes()).hexdigest()

    result = ingest_summit(summit_dir)

    assert [r.source for r in result.rejected] == [f"notes/healthy/{fixture}"]
    rejection = result.rejected[0]
    assert rejection.reason is reason
    assert rejection.message and rejection.hint
    assert sorted(n.source.split("/")[-1] for n in result.notes) == sorted(VALID)
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before  # never modified or deleted


def test_file_over_the_size_limit(summit_dir: Path, add_note: AddNote) -> None:
    _add_valid_notes(add_note)
    big = write_note(summit_dir / "notes" / "healthy", "long.md", "Mots. " * 40_000)
    result = ingest_summit(summit_dir, limits=IngestLimits(max_file_bytes=100_000))
    assert [(r.source, r.reason) for r in result.rejected] == [
        ("notes/healthy/long.md", RejectionReason.TOO_LARGE)
    ]
    assert "over the 0.1 MB limit" in result.rejected[0].message
    assert len(result.notes) == len(VALID) and big.exists()


def test_zip_that_lies_about_its_size_is_caught_while_inflating(summit_dir: Path, add_note: AddNote) -> None:
    add_note(BAD / "bomb.docx", "healthy")
    # A budget above the declared size of every part but below the real one.
    tight = IngestLimits(zip=ZipLimits(max_unzipped_bytes=130_000_000, max_ratio=10))
    [rejection] = ingest_summit(summit_dir, limits=tight).rejected
    assert rejection.reason is RejectionReason.ZIP_BOMB
    assert "compressed" in rejection.message


def test_unknown_workshop_folder(summit_dir: Path, add_note: AddNote) -> None:
    _add_valid_notes(add_note)
    write_note(summit_dir / "notes" / "sports", "stray.md", "Football pitches for every district.")
    add_note(GOOD / "inclusive-note.txt", "sport", name="misfiled.txt")
    result = ingest_summit(summit_dir)
    hints = {r.source: (r.reason, r.message, r.hint) for r in result.rejected}
    assert hints == {
        "notes/sports/stray.md": (
            RejectionReason.UNKNOWN_WORKSHOP,
            "notes/sports/ is not a workshop folder of this summit",
            "use one of: communicative, healthy, resilient, connective, inclusive",
        ),
        "notes/sport/misfiled.txt": (
            RejectionReason.UNKNOWN_WORKSHOP,
            "notes/sport/ is not a workshop folder of this summit",
            "move it to notes/inclusive/",
        ),
    }
    assert len(result.notes) == len(VALID)


def test_duplicate_of_another_note(summit_dir: Path, add_note: AddNote) -> None:
    _add_valid_notes(add_note)
    copy = add_note(GOOD / "inclusive-note.txt", "inclusive", name="inclusive-note-copy.txt")
    original = summit_dir / "notes" / "inclusive" / "inclusive-note.txt"
    # The copy sorts first by name but was uploaded later: the earlier upload stays.
    os.utime(original, (1_000_000_000, 1_000_000_000))
    os.utime(copy, (1_000_000_100, 1_000_000_100))
    result = ingest_summit(summit_dir)
    [rejection] = result.rejected
    assert rejection.reason is RejectionReason.DUPLICATE
    assert rejection.source == "notes/inclusive/inclusive-note-copy.txt"
    assert rejection.message == "same text as notes/inclusive/inclusive-note.txt"
    assert len(result.notes) == len(VALID)


def test_missing_metadata_and_orphan_sidecars(summit_dir: Path, add_note: AddNote) -> None:
    _add_valid_notes(add_note)
    (summit_dir / "notes" / "healthy" / "bare.md").write_text("Just text, no metadata.\n", encoding="utf-8")
    (summit_dir / "notes" / "healthy" / "gone.pdf.meta.yaml").write_text("session: day 1\n", encoding="utf-8")
    (summit_dir / "notes" / "healthy" / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (summit_dir / "notes" / "healthy" / "~$althy-note.docx").write_bytes(b"lock")
    result = ingest_summit(summit_dir)
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons == {
        "notes/healthy/bare.md": RejectionReason.INVALID_METADATA,
        "notes/healthy/gone.pdf.meta.yaml": RejectionReason.INVALID_METADATA,
    }
    assert len(result.notes) == len(VALID)
