"""The pages: signing in, CSRF on every form, uploads from the form, the dashboard, tokens, downloads."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import FRENCH_NOTE, SUMMIT_ID, WebSetup

CSRF = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, "the page has a form with a CSRF token"
    return match.group(1)


def sign_in(web: WebSetup, token: str) -> str:
    """Sign in through the form; returns the page signed in to."""
    page = web.client.get("/signin")
    answer = web.client.post(
        "/signin", data={"token": token, "csrf_token": csrf_of(page.text)}, follow_redirects=False
    )
    assert answer.status_code == 303, answer.text
    assert "httponly" in answer.headers["set-cookie"].lower()
    assert "samesite=lax" in answer.headers["set-cookie"].lower()
    return answer.headers["location"]


def upload_page_form(**fields: str) -> dict[str, str]:
    return {
        "workshop": "inclusive",
        "day": "2019-08-31",
        "slot": "morning",
        "title": "Villes accueillantes",
        "language": "auto",
        "rapporteur": "Claire",
        **fields,
    }


def test_nothing_is_readable_signed_out(web: WebSetup) -> None:
    for path in (
        f"/summits/{SUMMIT_ID}/notes",
        f"/summits/{SUMMIT_ID}/dashboard",
        f"/summits/{SUMMIT_ID}/tokens",
    ):
        answer = web.client.get(path)
        assert answer.status_code == 401 and "sign in" in answer.text.lower()


def test_a_rapporteur_signs_in_and_uploads_pasted_text(web: WebSetup) -> None:
    assert sign_in(web, web.make_token()) == f"/summits/{SUMMIT_ID}/notes"
    page = web.client.get(f"/summits/{SUMMIT_ID}/notes")
    token = csrf_of(page.text)
    answer = web.client.post(
        f"/summits/{SUMMIT_ID}/notes?csrf_token={token}",
        data=upload_page_form(text=FRENCH_NOTE, csrf_token=token),
        files={"files": ("", b"")},
    )
    assert answer.status_code == 200, answer.text
    assert "Accepted" in answer.text and "Français" in answer.text
    assert (web.summit_dir / "notes" / "inclusive" / "villes-accueillantes.md").is_file()
    assert "new since the last run" in answer.text


def test_a_form_post_without_or_with_a_forged_csrf_token_is_refused(web: WebSetup) -> None:
    sign_in(web, web.make_token())
    url = f"/summits/{SUMMIT_ID}/notes"
    for query in ("", "?csrf_token=" + "0" * 64):
        answer = web.client.post(
            url + query,
            data=upload_page_form(text=FRENCH_NOTE),
            files={"files": ("a.md", FRENCH_NOTE.encode())},
        )
        assert answer.status_code == 403 and "did not come from this site" in answer.text
    assert not (web.summit_dir / "notes" / "inclusive").exists()
    signout = web.client.post("/signout", data={"csrf_token": "forged"})
    assert signout.status_code == 403


def test_a_rapporteur_cannot_reach_the_organiser_pages(web: WebSetup) -> None:
    sign_in(web, web.make_token())
    assert web.client.get(f"/summits/{SUMMIT_ID}/dashboard").status_code == 403
    assert web.client.get(f"/summits/{SUMMIT_ID}/tokens").status_code == 403


def test_the_interface_follows_the_browser_then_the_switch(web: WebSetup) -> None:
    page = web.client.get("/signin", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert '<html lang="de">' in page.text
    web.client.get("/language/fr?next=/signin", follow_redirects=False)
    page = web.client.get("/signin", headers={"Accept-Language": "de-DE"})
    assert '<html lang="fr">' in page.text
    assert (
        web.client.get("/language/fr?next=//evil.example", follow_redirects=False).headers["location"] == "/"
    )


def test_failed_sign_ins_are_rate_limited(web: WebSetup) -> None:
    page = web.client.get("/signin")
    token = csrf_of(page.text)
    codes = [
        web.client.post("/signin", data={"token": f"wrong-{i}", "csrf_token": token}).status_code
        for i in range(7)
    ]
    assert codes[:5] == [401] * 5 and codes[5:] == [429, 429]
    answer = web.client.post("/signin", data={"token": web.make_token(), "csrf_token": token})
    assert answer.status_code == 429, "even a good token waits until the window has passed"


def test_an_organiser_sees_the_dashboard_creates_and_revokes_tokens(web: WebSetup) -> None:
    assert sign_in(web, web.make_token(role="organiser", name="Org")) == f"/summits/{SUMMIT_ID}/dashboard"
    page = web.client.get(f"/summits/{SUMMIT_ID}/dashboard")
    assert page.status_code == 200 and "No run has been published yet." in page.text
    tokens = web.client.get(f"/summits/{SUMMIT_ID}/tokens")
    answer = web.client.post(
        f"/summits/{SUMMIT_ID}/tokens",
        data={
            "csrf_token": csrf_of(tokens.text),
            "name": "Claire Dubois",
            "role": "rapporteur",
            "workshop": "healthy",
        },
    )
    assert answer.status_code == 200 and "shown only this once" in answer.text
    created = re.search(r"/signin/([A-Za-z0-9_-]{20,})", answer.text)
    assert created
    ids = re.findall(r"/tokens/(\d+)/revoke", answer.text)
    answer = web.client.post(
        f"/summits/{SUMMIT_ID}/tokens/{ids[-1]}/revoke", data={"csrf_token": csrf_of(answer.text)}
    )
    assert answer.status_code == 200 and "revoked" in answer.text
    other = web.client.__class__(web.client.app)
    page = other.get("/signin")
    refused = other.post("/signin", data={"token": created.group(1), "csrf_token": csrf_of(page.text)})
    assert refused.status_code == 401
    audit = web.client.get(f"/summits/{SUMMIT_ID}/dashboard").text
    assert "token-create" in audit and "token-revoke" in audit and "sign-in" in audit


def test_downloads_stay_inside_the_runs(web: WebSetup) -> None:
    sign_in(web, web.make_token(role="organiser", name="Org"))
    run = web.config.summit_outputs(SUMMIT_ID) / "2019-09-01T013000"
    run.mkdir(parents=True)
    (run / "booklet-en-fr.pdf").write_bytes(b"%PDF-1.4 test")
    (web.config.outputs_dir / "secret.txt").write_text("no")
    ok = web.client.get(f"/summits/{SUMMIT_ID}/runs/2019-09-01T013000/booklet-en-fr.pdf")
    assert ok.status_code == 200 and ok.content == b"%PDF-1.4 test"
    for bad in ("2019-09-01T013000/..%2F..%2Fsecret.txt", "2019-09-01T013000/.run.lock", "nope/booklet.pdf"):
        assert web.client.get(f"/summits/{SUMMIT_ID}/runs/{bad}").status_code == 404
    (run / "index.json").write_text("{}")  # the run's bookkeeping: not offered as a document
    (run / "edition.json").write_text("{}")
    (run / "documents.json").write_text("{}")
    dashboard = web.client.get(f"/summits/{SUMMIT_ID}/dashboard").text
    assert "download" in dashboard and "booklet-en-fr.pdf" in dashboard
    assert not [name for name in ("index.json", "edition.json", "documents.json") if name in dashboard]


@pytest.mark.parametrize("language", ["fr", "de"])
def test_pages_are_translated(web: WebSetup, language: str) -> None:
    page = web.client.get("/signin", headers={"Accept-Language": language})
    assert f'<html lang="{language}">' in page.text
    assert "Your token" not in page.text, "the label is translated"


def test_withdrawing_a_note_keeps_it_in_history_and_audits_it(web: WebSetup) -> None:
    sign_in(web, web.make_token(role="organiser", name="Org"))
    page = web.client.get(f"/summits/{SUMMIT_ID}/notes")
    token = csrf_of(page.text)
    web.client.post(
        f"/summits/{SUMMIT_ID}/notes?csrf_token={token}",
        data=upload_page_form(text=FRENCH_NOTE, csrf_token=token),
        files={"files": ("", b"")},
    )
    note = web.summit_dir / "notes" / "inclusive" / "villes-accueillantes.md"
    assert note.is_file()
    answer = web.client.post(
        f"/summits/{SUMMIT_ID}/notes/withdraw",
        data={"csrf_token": token, "path": "notes/inclusive/villes-accueillantes.md"},
    )
    assert answer.status_code == 200 and "withdrawn" in answer.text
    assert not note.exists()
    kept = [p for p in (web.summit_dir / "history").rglob("villes-accueillantes.md") if p.is_file()]
    assert [p.read_text("utf-8") for p in kept] == [FRENCH_NOTE]
    dashboard = web.client.get(f"/summits/{SUMMIT_ID}/dashboard").text
    assert "withdraw" in dashboard and "notes/inclusive/villes-accueillantes.md" in dashboard


def test_a_second_run_is_refused_while_one_holds_the_lock(web: WebSetup) -> None:
    from datetime import UTC, datetime

    from synthesis.lock import run_lock

    sign_in(web, web.make_token(role="organiser", name="Org"))
    token = csrf_of(web.client.get(f"/summits/{SUMMIT_ID}/dashboard").text)
    outputs = web.config.summit_outputs(SUMMIT_ID)
    with run_lock(outputs, summit_id=SUMMIT_ID, by="the schedule", now=datetime.now(UTC)):
        answer = web.client.post(f"/summits/{SUMMIT_ID}/runs", data={"csrf_token": token})
    assert answer.status_code == 409 and "already running" in answer.text and "the schedule" in answer.text


def test_text_from_notes_is_escaped_and_refusals_say_what_to_do(web: WebSetup) -> None:
    sign_in(web, web.make_token())
    token = csrf_of(web.client.get(f"/summits/{SUMMIT_ID}/notes").text)
    url = f"/summits/{SUMMIT_ID}/notes?csrf_token={token}"
    title = '<script>alert("x")</script> & co'
    page = web.client.post(
        url,
        data=upload_page_form(title=title, text=FRENCH_NOTE, csrf_token=token),
        files={"files": ("", b"")},
    )
    assert (
        "<script>alert" not in page.text
        and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in page.text
    )
    other = FRENCH_NOTE.replace("trois", "deux")
    page = web.client.post(
        url,
        data=upload_page_form(title=title, csrf_token=token),
        files={"files": ("script-alert-x-script-co.md", other)},
    )
    assert "Refused" in page.text and "To correct it, use Replace under that note" in page.text


def test_an_upload_answers_with_a_redirect_so_a_reload_sends_nothing_again(web: WebSetup) -> None:
    sign_in(web, web.make_token())
    token = csrf_of(web.client.get(f"/summits/{SUMMIT_ID}/notes").text)
    answer = web.client.post(
        f"/summits/{SUMMIT_ID}/notes?csrf_token={token}",
        data=upload_page_form(text=FRENCH_NOTE, csrf_token=token),
        files={"files": ("", b"")},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == f"/summits/{SUMMIT_ID}/notes"
    assert "Accepted" in web.client.get(f"/summits/{SUMMIT_ID}/notes").text
    assert "Accepted" not in web.client.get(f"/summits/{SUMMIT_ID}/notes").text, "the outcome is shown once"
    web.client.cookies.set("summit_flash", answer.cookies["summit_flash"].replace("A", "B", 1) + "x")
    assert "Accepted" not in web.client.get(f"/summits/{SUMMIT_ID}/notes").text, "a forged outcome is ignored"
