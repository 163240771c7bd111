"""Uploads from the web page: names, contents, fields, placing, withdrawing and the night's own check."""

from __future__ import annotations

import io
import os
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest
import yaml

from synthesis.ingest import IngestLimits, discover, ingest_summit
from synthesis.ingest.metadata import build_meta, read_sidecar, sidecar_path
from synthesis.models import Note, Rejection, RejectionReason
from synthesis.summit import SummitConfig
from synthesis.uploads import (
    MAX_NAME_BYTES,
    Placed,
    UploadError,
    UploadFields,
    check_content,
    check_with_ingestion,
    note_history,
    place_upload,
    safe_name,
    sha256_file,
    sidecar_text,
    validate_fields,
    withdraw_note,
)
from tests.conftest import GOOD, write_note

NOW = datetime(2019, 8, 31, 10, 15, tzinfo=UTC)
FIELDS = UploadFields(workshop="healthy", session="2019-08-31 morning", title="Cool rooms", rapporteur="Ana")
IN_PROCESS = IngestLimits(sandbox=None)
FRENCH = (
    "La ville de Lyon ouvre des salles climatisées dans chaque quartier pendant les vagues de chaleur. "
    "Les personnes âgées y sont accompagnées par des bénévoles, et la mairie publie chaque matin la liste "
    "des lieux ouverts. Le conseil municipal s'engage à doubler le nombre de ces salles avant l'été prochain."
)


def _upload(summit_dir: Path, content: bytes, name: str = "upload.tmp") -> Path:
    """A temporary upload where the web layer keeps them: under .uploads/, on the summit's file system."""
    path = summit_dir / ".uploads" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return buffer.getvalue()


def _raises(reason: str) -> pytest.RaisesExc[UploadError]:
    return pytest.raises(UploadError, check=lambda error: error.reason == reason)


# --- safe_name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../notes.md", "notes.md"),
        ("C:\\Users\\ana\\Desktop\\Notes.MD", "Notes.md"),
        ("/var/www/../x/report.txt", "report.txt"),
        ("Compte rendu été.docx", "Compte-rendu-été.docx"),
        ("Compte rendu e\u0301te\u0301.docx", "Compte-rendu-été.docx"),  # NFD from a Mac becomes NFC
        ("evil\u202egpj.md", "evilgpj.md"),
        ("a\x00b\nc\x1b.txt", "abc.txt"),
        ("report - final (v2).PDF", "report-final-v2.pdf"),
        ("..hidden.md", "hidden.md"),
        ("-rf.odt", "rf.odt"),
        ("a....b.md", "a.b.md"),
    ],
)
def test_safe_name_keeps_a_clean_basename(given: str, expected: str) -> None:
    assert safe_name(given) == expected
    assert safe_name(expected) == expected  # placing re-checks the name this way


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("../../etc/passwd", "unsupported_type"),
        ("notes.md.exe", "unsupported_type"),
        (".bashrc", "unsupported_type"),
        ("photo.", "unsupported_type"),
        ("", "bad_name"),
        ("///", "bad_name"),
        (".md", "bad_name"),
        ("🙂.md", "bad_name"),
        ("\u202e\u202e.pdf", "bad_name"),
    ],
)
def test_safe_name_refuses_what_leaves_nothing_usable(given: str, reason: str) -> None:
    with _raises(reason):
        safe_name(given)


def test_safe_name_error_shows_the_name_escaped() -> None:
    with pytest.raises(UploadError) as caught:
        safe_name("\u202e\n.md")
    assert "\\u202e\\n.md" in caught.value.message
    assert "\u202e" not in caught.value.message and "\n" not in caught.value.message


def test_long_names_are_cut_keeping_the_suffix() -> None:
    assert safe_name("x" * 300 + ".pdf") == "x" * 96 + ".pdf"
    wide = safe_name("中" * 120 + ".md")  # 3 bytes a character: the byte cap decides
    assert wide.endswith(".md") and len(wide) <= 100 and len(wide.encode()) <= MAX_NAME_BYTES


# --- check_content -----------------------------------------------------------------------


def test_real_documents_pass(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Compte rendu de l'atelier.")
    made = tmp_path / "made.docx"
    document.save(str(made))
    check_content(made, "made.docx")
    for fixture in ("healthy-note.docx", "connective-note.odt", "resilient-note.pdf", "cp1252-note.txt"):
        check_content(GOOD / fixture, fixture)
    bom = tmp_path / "bom.md"
    bom.write_bytes(b"\xef\xbb\xbf# \xc3\x89t\xc3\xa9\n")
    check_content(bom, "bom.md")


def test_a_zip_of_something_else_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(_zip({"notes.txt": b"hello", "word/document.xml": b"<w/>"}))  # no [Content_Types].xml
    with _raises("content_mismatch") as caught:
        check_content(path, "Compte rendu.docx")
    assert "Compte rendu.docx" in caught.value.message
    assert "save it again as a Word document" in caught.value.hint


def test_odt_is_judged_by_its_mimetype_member(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.odt", tmp_path / "bad.odt"
    good.write_bytes(_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}))
    bad.write_bytes(_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}))
    check_content(good, "good.odt")
    with _raises("content_mismatch"):
        check_content(bad, "bad.odt")


def test_a_docx_named_pdf_is_told_to_be_renamed(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes((GOOD / "healthy-note.docx").read_bytes())
    with _raises("content_mismatch") as caught:
        check_content(path, "x.pdf")
    assert "Word document" in caught.value.message and ".docx" in caught.value.hint


def test_a_pdf_without_its_signature_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"1.4 obj << >> endobj %PDF-1.4")
    with _raises("content_mismatch"):
        check_content(path, "x.pdf")


@pytest.mark.parametrize("where", [10, 10_000])  # in the part ingestion sniffs, and after it
def test_text_with_a_nul_byte_is_refused(tmp_path: Path, where: int) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"a" * where + b"\x00" + b"b" * 100)
    with _raises("content_mismatch"):
        check_content(path, "x.txt")


def test_text_that_is_really_a_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes((GOOD / "resilient-note.pdf").read_bytes())
    with _raises("content_mismatch"):
        check_content(path, "x.md")


def test_check_content_refuses_other_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "x.exe"
    path.write_bytes(b"MZ")
    with _raises("unsupported_type"):
        check_content(path, "x.exe")


# --- Fields and sidecar ------------------------------------------------------------------


def test_sidecar_round_trips_through_ingestion(tmp_path: Path, summit: SummitConfig) -> None:
    fields = UploadFields(
        workshop="healthy",
        session="2019-08-31 afternoon",
        title="yes: « Îlots de fraîcheur » # not a comment",
        rapporteur="null",
        language="fr",
    )
    note = tmp_path / "n.md"
    sidecar_path(note).write_text(sidecar_text(fields), encoding="utf-8")
    data = read_sidecar(note)
    assert data == {
        "title": fields.title,
        "rapporteur": "null",
        "workshop": "healthy",
        "session": "2019-08-31 afternoon",
        "language": "fr",
    }
    meta = build_meta(data, summit=summit, fallback_title="n", folder_workshop="healthy")
    assert (meta.title, meta.rapporteur, meta.language, str(meta.session)) == (
        fields.title,
        "null",
        "fr",
        "2019-08-31 afternoon",
    )


def test_sidecar_is_one_line_per_field_and_auto_leaves_language_out() -> None:
    text = sidecar_text(UploadFields("healthy", "2019-08-31 morning", "Two\nlines", "Ana"))
    assert "language" not in yaml.safe_load(text)
    assert len(text.splitlines()) == 4 and "Two lines" in text


def test_valid_fields_pass(summit: SummitConfig) -> None:
    validate_fields(FIELDS, summit)
    validate_fields(UploadFields("resilient", "31.08.2019 nachmittags", "T", "R", "de"), summit)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"workshop": "unknown"}, "workshop"),
        ({"workshop": "../healthy"}, "workshop"),
        ({"session": "tomorrow"}, "session"),
        ({"session": "2019-09-05 morning"}, "session"),
        ({"title": "  \n "}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"rapporteur": ""}, "rapporteur"),
        ({"rapporteur": "Ana\u202e"}, "rapporteur"),
        ({"language": "english"}, "language"),
        ({"language": "it"}, "language"),
    ],
)
def test_bad_fields_are_named(summit: SummitConfig, changes: dict[str, str], field: str) -> None:
    fields = UploadFields(**{**FIELDS.__dict__, **changes})
    with _raises("bad_field") as caught:
        validate_fields(fields, summit)
    assert caught.value.field == field


# --- Placing -----------------------------------------------------------------------------


def _place(
    summit_dir: Path, content: bytes, *, replace: bool = False, now: datetime = NOW, **fields: str
) -> Placed:
    upload = _upload(summit_dir, content)
    return place_upload(
        summit_dir,
        UploadFields(**{**FIELDS.__dict__, **fields}),
        "lyon-cool-rooms.md",
        upload,
        replace=replace,
        now=now,
    )


def test_a_new_upload_lands_with_its_sidecar(summit_dir: Path) -> None:
    placed = _place(summit_dir, b"# Cool rooms\n")
    assert placed.path == Path("notes/healthy/lyon-cool-rooms.md")
    assert (placed.status, placed.history) == ("new", None)
    target = summit_dir / placed.path
    assert target.read_bytes() == b"# Cool rooms\n"
    assert placed.sha256 == sha256_file(target)
    assert read_sidecar(target)["rapporteur"] == "Ana"
    assert not (summit_dir / ".uploads" / "upload.tmp").exists()


def test_the_same_bytes_again_are_unchanged_but_update_the_sidecar(summit_dir: Path) -> None:
    _place(summit_dir, b"# Cool rooms\n")
    placed = _place(summit_dir, b"# Cool rooms\n", title="Salles fraîches")
    assert (placed.status, placed.history) == ("unchanged", None)
    assert read_sidecar(summit_dir / placed.path)["title"] == "Salles fraîches"
    assert not (summit_dir / "history").exists()


def test_other_bytes_under_the_same_name_conflict(summit_dir: Path) -> None:
    _place(summit_dir, b"first\n")
    with _raises("conflict") as caught:
        _place(summit_dir, b"second\n")
    assert "replace" in caught.value.hint
    assert (summit_dir / "notes/healthy/lyon-cool-rooms.md").read_bytes() == b"first\n"
    assert (summit_dir / ".uploads" / "upload.tmp").read_bytes() == b"second\n"  # left to the caller


def test_replacing_moves_the_old_version_to_history(summit_dir: Path) -> None:
    first = _place(summit_dir, b"first\n", rapporteur="Ana")
    placed = _place(summit_dir, b"second\n", replace=True, rapporteur="Bo")
    assert placed.status == "replaced"
    assert placed.history == Path(f"history/healthy/lyon-cool-rooms.md/20190831T101500Z-{first.sha256[:8]}")
    old = summit_dir / placed.history / "lyon-cool-rooms.md"
    assert old.read_bytes() == b"first\n"
    assert read_sidecar(old)["rapporteur"] == "Ana"
    assert (summit_dir / placed.path).read_bytes() == b"second\n"
    assert read_sidecar(summit_dir / placed.path)["rapporteur"] == "Bo"


def test_replacing_a_missing_note_is_not_found(summit_dir: Path) -> None:
    with _raises("not_found"):
        _place(summit_dir, b"first\n", replace=True)
    assert not (summit_dir / "notes/healthy/lyon-cool-rooms.md").exists()


def test_placing_refuses_unsafe_names_and_escaping_folders(summit_dir: Path, tmp_path: Path) -> None:
    upload = _upload(summit_dir, b"x\n")
    with _raises("bad_name"):
        place_upload(summit_dir, FIELDS, "../evil.md", upload, replace=False, now=NOW)
    with _raises("bad_field"):
        place_upload(summit_dir, UploadFields(**{**FIELDS.__dict__, "workshop": ".."}), "a.md", upload,
                     replace=False, now=NOW)  # fmt: skip
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (summit_dir / "notes" / "healthy").symlink_to(outside)
    with _raises("bad_name"):
        place_upload(summit_dir, FIELDS, "a.md", upload, replace=False, now=NOW)
    assert list(outside.iterdir()) == []


def test_a_naive_time_is_refused(summit_dir: Path) -> None:
    _place(summit_dir, b"first\n")
    with pytest.raises(ValueError, match="time zone"):
        _place(summit_dir, b"second\n", replace=True, now=datetime(2019, 8, 31, 10, 15))


# --- Withdrawing and history -------------------------------------------------------------


def test_a_withdrawn_note_goes_to_history_and_the_night_no_longer_sees_it(summit_dir: Path) -> None:
    kept = write_note(summit_dir / "notes" / "healthy", "kept.md", FRENCH)
    placed = _place(summit_dir, FRENCH.replace("Lyon", "Nantes").encode())
    before = ingest_summit(summit_dir, limits=IN_PROCESS)
    assert {n.source for n in before.notes} == {"notes/healthy/kept.md", placed.path.as_posix()}

    folder = withdraw_note(summit_dir, placed.path.as_posix(), now=NOW, by="organiser@example.org")
    assert not (summit_dir / placed.path).exists() and not sidecar_path(summit_dir / placed.path).exists()
    assert (summit_dir / folder / "lyon-cool-rooms.md").read_bytes() == FRENCH.replace(
        "Lyon", "Nantes"
    ).encode()
    assert sidecar_path(summit_dir / folder / "lyon-cool-rooms.md").is_file()
    record = yaml.safe_load((summit_dir / folder / "withdrawn.yaml").read_text(encoding="utf-8"))
    assert record == {"by": "organiser@example.org", "at": "2019-08-31T10:15:00Z"}
    after = ingest_summit(summit_dir, limits=IN_PROCESS)
    assert [n.source for n in after.notes] == ["notes/healthy/kept.md"] and kept.exists()
    assert after.rejected == []


@pytest.mark.parametrize(
    "relpath",
    ["notes/healthy/nothing.md", "notes/healthy/../../summit.yaml", "/etc/passwd", "summit.yaml",
     "notes/healthy/kept.md.meta.yaml", "notes/healthy/.."],
)  # fmt: skip
def test_withdrawing_anything_but_a_note_is_not_found(summit_dir: Path, relpath: str) -> None:
    write_note(summit_dir / "notes" / "healthy", "kept.md", "Text.")
    with _raises("not_found"):
        withdraw_note(summit_dir, relpath, now=NOW, by="x")
    assert (summit_dir / "summit.yaml").is_file() and (summit_dir / "notes/healthy/kept.md").is_file()


def test_history_lists_versions_oldest_first(summit_dir: Path) -> None:
    relpath = "notes/healthy/lyon-cool-rooms.md"
    assert note_history(summit_dir, relpath) == []
    a = _place(summit_dir, b"a\n", now=NOW)
    b = _place(summit_dir, b"b\n", replace=True, now=NOW + timedelta(hours=1))
    _place(summit_dir, b"a\n", replace=True, now=NOW + timedelta(hours=1))  # the same second: numbered
    withdraw_note(summit_dir, relpath, now=NOW + timedelta(days=1), by="x")
    versions = note_history(summit_dir, relpath)
    assert [v.sha256_prefix for v in versions] == [a.sha256[:8], b.sha256[:8], a.sha256[:8]]
    assert [v.withdrawn for v in versions] == [False, False, True]
    assert [v.at for v in versions] == [NOW + timedelta(hours=1)] * 2 + [NOW + timedelta(days=1)]
    assert versions[2].folder.name == f"20190901T101500Z-{a.sha256[:8]}"
    assert all((summit_dir / v.folder / "lyon-cool-rooms.md").is_file() for v in versions)


def test_versions_of_one_second_keep_their_order(summit_dir: Path) -> None:
    contents = [b"c\n", b"b\n", b"a\n", b"d\n"]  # sha256 prefixes in no particular order
    _place(summit_dir, contents[0])
    for content in contents[1:]:
        _place(summit_dir, content, replace=True)
    versions = note_history(summit_dir, "notes/healthy/lyon-cool-rooms.md")
    kept = [(summit_dir / v.folder / "lyon-cool-rooms.md").read_bytes() for v in versions]
    assert kept == contents[:-1]


# --- Ingestion -----------------------------------------------------------------------------


def _staging_left(summit_dir: Path) -> list[str]:
    return sorted(p.name for p in (summit_dir / ".uploads").iterdir() if p.name != "upload.tmp")


def test_check_with_ingestion_reads_the_upload_as_the_night_would(
    summit_dir: Path, summit: SummitConfig
) -> None:
    upload = _upload(summit_dir, FRENCH.encode())
    result = check_with_ingestion(upload, "lyon-cool-rooms.txt", FIELDS, summit_dir, summit, IN_PROCESS)
    assert isinstance(result, Note), result
    assert (result.language, result.detected_language) == ("fr", "fr")
    assert result.words == 50
    assert result.source == "notes/healthy/lyon-cool-rooms.txt"
    assert (result.meta.title, result.meta.rapporteur) == ("Cool rooms", "Ana")
    assert _staging_left(summit_dir) == [] and upload.read_bytes() == FRENCH.encode()
    assert not (summit_dir / "notes" / "healthy").exists()


def test_check_with_ingestion_returns_the_rejection(summit_dir: Path, summit: SummitConfig) -> None:
    upload = _upload(summit_dir, b"")
    result = check_with_ingestion(upload, "empty.md", FIELDS, summit_dir, summit, IN_PROCESS)
    assert isinstance(result, Rejection)
    assert result.reason == RejectionReason.EMPTY and result.hint
    assert _staging_left(summit_dir) == []


def test_check_with_ingestion_runs_in_the_nights_sandbox(summit_dir: Path, summit: SummitConfig) -> None:
    upload = _upload(summit_dir, FRENCH.encode())
    result = check_with_ingestion(upload, "a.md", FIELDS, summit_dir, summit, IngestLimits())
    assert isinstance(result, Note) and result.language == "fr"
    assert _staging_left(summit_dir) == []


def test_the_night_reads_only_notes(summit_dir: Path) -> None:
    note = write_note(summit_dir / "notes" / "healthy", "a.md", FRENCH)
    for elsewhere in ("history/healthy/a.md/20190831T101500Z-00000000", ".uploads/check-x/notes/healthy"):
        write_note(summit_dir / elsewhere, "b.md", FRENCH.replace("Lyon", "Nantes"))
    (summit_dir / ".uploads" / "upload.tmp").write_bytes(b"\x00")
    paths, refused = discover(summit_dir)
    assert (paths, refused) == ([note], [])
    result = ingest_summit(summit_dir, limits=IN_PROCESS)
    assert [n.source for n in result.notes] == ["notes/healthy/a.md"] and result.rejected == []
    assert os.path.exists(summit_dir / "history")
