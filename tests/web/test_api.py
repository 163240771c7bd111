"""The JSON API: every refusal of the issue, with its status and reason, and the accepted path."""

from __future__ import annotations

import io
import zipfile

from docx import Document

from tests.web.conftest import FRENCH_NOTE, SUMMIT_ID, WebSetup, bearer, note_form

NOTES = f"/api/summits/{SUMMIT_ID}/notes"


def upload(web: WebSetup, token: str | None, name: str, content: bytes, **fields: str):  # type: ignore[no-untyped-def]
    headers = bearer(token) if token else {}
    return web.client.post(NOTES, headers=headers, data=note_form(**fields), files={"file": (name, content)})


def test_a_french_note_is_accepted_with_its_language_and_words(web: WebSetup) -> None:
    token = web.make_token()
    answer = upload(web, token, "villes.md", FRENCH_NOTE.encode())
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["language"] == "fr" and body["words"] > 30 and body["status"] == "new"
    assert body["id"] == "notes/inclusive/villes.md"
    assert (web.summit_dir / "notes" / "inclusive" / "villes.md").read_text("utf-8") == FRENCH_NOTE
    listed = web.client.get(NOTES, headers=bearer(token)).json()["notes"]
    assert [(n["id"], n["status"]) for n in listed] == [("notes/inclusive/villes.md", "new")]


def test_no_token_is_401(web: WebSetup) -> None:
    answer = upload(web, None, "villes.md", FRENCH_NOTE.encode())
    assert answer.status_code == 401
    assert answer.json()["error"] == "no_token" and "Bearer" in answer.json()["hint"]
    assert not (web.summit_dir / "notes" / "inclusive").exists()


def test_a_revoked_or_made_up_token_is_401(web: WebSetup) -> None:
    assert upload(web, "made-up", "villes.md", FRENCH_NOTE.encode()).status_code == 401


def test_another_workshops_token_is_403_and_audited(web: WebSetup) -> None:
    token = web.make_token(workshops=("healthy",))
    answer = upload(web, token, "villes.md", FRENCH_NOTE.encode(), workshop="inclusive")
    assert answer.status_code == 403 and answer.json()["error"] == "forbidden"
    assert not (web.summit_dir / "notes" / "inclusive").exists()
    organiser = web.make_token(role="organiser", name="Org")
    assert web.client.get(NOTES, headers=bearer(organiser)).status_code == 200
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from web.db import AuditEvent

    with Session(web.client.app.state.summit.engine) as db:  # type: ignore[attr-defined]
        actions = [(e.action, e.target) for e in db.scalars(select(AuditEvent))]
    assert ("forbidden", "workshop inclusive") in actions


def test_a_50_mb_upload_is_413_before_it_is_all_read(web: WebSetup) -> None:
    token = web.make_token()
    answer = upload(web, token, "big.txt", b"a" * 50_000_000)
    assert answer.status_code == 413 and answer.json()["error"] == "too_large"
    assert not list((web.summit_dir / ".uploads").glob("*")), "the partial file is removed"


def test_a_docx_that_is_a_zip_of_something_else_is_415(web: WebSetup) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("holiday.jpg", b"\xff\xd8\xff" + b"0" * 100)
    answer = upload(web, web.make_token(), "report.docx", buffer.getvalue())
    assert answer.status_code == 415, answer.text
    assert answer.json()["error"] == "content_mismatch" and "report.docx" in answer.json()["message"]


def test_a_real_docx_is_accepted(web: WebSetup) -> None:
    document = Document()
    for paragraph in FRENCH_NOTE.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    answer = upload(web, web.make_token(), "atelier.docx", buffer.getvalue())
    assert answer.status_code == 201, answer.text
    assert answer.json()["language"] == "fr"


def test_a_traversal_name_never_leaves_the_workshop_folder(web: WebSetup) -> None:
    answer = upload(web, web.make_token(), "../../etc/passwd", b"root:x:0:0:root:/root:/bin/bash\n")
    assert answer.status_code == 415 and answer.json()["error"] == "unsupported_type"
    assert "passwd" in answer.json()["message"] and answer.json()["hint"]
    answer = upload(web, web.make_token(), "../../../villes.md", FRENCH_NOTE.encode())
    assert answer.status_code == 201 and answer.json()["id"] == "notes/inclusive/villes.md"
    assert not (web.config.inputs_dir / "villes.md").exists()


def test_a_different_note_under_the_same_name_is_409_and_replace_keeps_history(web: WebSetup) -> None:
    token = web.make_token()
    assert upload(web, token, "villes.md", FRENCH_NOTE.encode()).status_code == 201
    changed = FRENCH_NOTE.replace("trois", "quatre")
    answer = upload(web, token, "villes.md", changed.encode())
    assert answer.status_code == 409 and answer.json()["error"] == "conflict"
    assert (web.summit_dir / "notes" / "inclusive" / "villes.md").read_text("utf-8") == FRENCH_NOTE
    answer = upload(web, token, "villes.md", changed.encode(), replace="true")
    assert answer.status_code == 201 and answer.json()["status"] == "replaced"
    assert (web.summit_dir / "notes" / "inclusive" / "villes.md").read_text("utf-8") == changed
    kept = [p for p in (web.summit_dir / "history").rglob("villes.md") if p.is_file()]
    assert len(kept) == 1 and kept[0].read_text("utf-8") == FRENCH_NOTE


def test_an_unreadable_note_is_422_with_reason_and_hint(web: WebSetup) -> None:
    answer = upload(web, web.make_token(), "empty.txt", b"   \n")
    assert answer.status_code == 422
    body = answer.json()
    assert body["accepted"] is False and body["reason"] and body["hint"]
    assert not (web.summit_dir / "notes" / "inclusive" / "empty.txt").exists()


def test_a_session_outside_the_summit_is_refused(web: WebSetup) -> None:
    answer = upload(web, web.make_token(), "villes.md", FRENCH_NOTE.encode(), session="2024-01-01 morning")
    assert answer.status_code == 422 and answer.json()["reason"] == "bad_field"


def test_runs_are_for_organisers(web: WebSetup) -> None:
    rapporteur = web.make_token()
    assert web.client.post(f"/api/summits/{SUMMIT_ID}/runs", headers=bearer(rapporteur)).status_code == 403
    organiser = web.make_token(role="organiser", name="Org")
    answer = web.client.get(f"/api/summits/{SUMMIT_ID}/runs/latest", headers=bearer(organiser))
    assert answer.status_code == 404 and answer.json()["error"] == "no_run"


def test_another_summits_token_is_403(web: WebSetup) -> None:
    token = web.make_token()
    answer = web.client.get("/api/summits/other-summit/notes", headers=bearer(token))
    assert answer.status_code == 403 and answer.json()["error"] == "forbidden"


def test_every_answer_has_the_security_headers(web: WebSetup) -> None:
    for answer in (web.client.get("/signin"), web.client.get(NOTES)):
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
        assert answer.headers["x-content-type-options"] == "nosniff"
