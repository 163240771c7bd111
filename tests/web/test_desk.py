"""The translation desk: its page, its form, its JSON API, who may use them, and the tokens page."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from synthesis.models import SummitSynthesis
from synthesis.translate.base import Segment
from synthesis.translate.memory import TranslationMemory
from tests.conftest import FIXTURES
from tests.translate.test_desk import with_note_texts
from tests.web.conftest import SUMMIT_ID, WebSetup, bearer
from tests.web.conftest import publish_sample as publish_run
from tests.web.test_browser import served  # noqa: F401  (the app served over HTTP, for the browser)
from tests.web.test_pages import csrf_of, sign_in
from web.db import AuditEvent, Token

DESK = f"/summits/{SUMMIT_ID}/translate"
EACH_PAIR = 109  # the sample's texts lacking French (or English): the memory starts empty


def api(language: str) -> str:
    return f"/api/summits/{SUMMIT_ID}/translations/{language}"


def publish_sample(web: WebSetup) -> SummitSynthesis:
    """A published run whose synthesis is the sample's, with the notes' sentences in place."""
    synthesis = with_note_texts(
        SummitSynthesis.model_validate_json((FIXTURES / "synthesis-sample.json").read_bytes())
    )
    publish_run(web.config.outputs_dir, synthesis, datetime(2019, 9, 2, 2, 0, tzinfo=UTC))
    return synthesis


def memory_dir(web: WebSetup) -> Path:
    return web.summit_dir / "translations"


def audit(web: WebSetup) -> list[tuple[str, str, str]]:
    with Session(web.client.app.state.summit.engine) as db:  # type: ignore[attr-defined]
        return [(e.action, e.target, e.actor) for e in db.scalars(select(AuditEvent))]


def first_form(html: str) -> dict[str, str]:
    """The hidden fields of the first translation form of the page."""
    form = html[html.index(f'action="{DESK}"') :]
    form = form[: form.index("</form>")]
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    import html as markup

    return {name: markup.unescape(value) for name, value in fields.items()}


# --- The page -------------------------------------------------------------------------------


def test_before_the_first_run_the_desk_says_so(web: WebSetup) -> None:
    sign_in(web, web.make_token(role="translator", name="Tess"))
    page = web.client.get(DESK)
    assert page.status_code == 200
    assert "No run has been published yet." in page.text and "<textarea" not in page.text
    answer = web.client.get(api("fr"), headers=bearer(web.make_token(role="translator")))
    assert answer.status_code == 404 and answer.json()["error"] == "no_run"


def test_a_translator_sees_the_queue_of_their_language(web: WebSetup) -> None:
    publish_sample(web)
    sign_in(web, web.make_token(role="translator", name="Tess", languages=("fr",)))
    page = web.client.get(DESK)
    assert page.status_code == 200, page.text
    text = page.text
    assert f"{EACH_PAIR} texts to translate." in text and "Here are the first 30." in text
    assert text.count("<textarea") == 30 and text.count('name="csrf_token"') == 31  # 30 forms, sign-out
    assert 'aria-label="Target language"' not in text, "one language: no switcher"
    assert '<label for="t-1">Your translation (French)</label>' in text
    assert '<textarea id="t-1" name="translation" rows="3" lang="fr" required' in text
    assert re.search(r'<p lang="(en|de)"><strong>[^<]+</strong></p>', text), "the sentence in its language"
    assert re.search(r"<mark>[^<]+</mark>", text), "the sentence is highlighted in its paragraph"
    assert "Poster · " in text and "Note: " in text
    assert f'href="{DESK}">Translation desk</a>' in text, "the navigation leads to the desk"
    form = first_form(text)
    assert form["target"] == "fr" and form["source"] in ("en", "de") and form["text"] and form["key"]


def test_a_configured_machine_backend_proposes_each_shown_sentence(web: WebSetup) -> None:
    from web.config import WebConfig
    from web.suggestions import machine_suggestions

    assert machine_suggestions(web.config) is None, "memory only: nothing to propose"
    assert (
        machine_suggestions(WebConfig(**{**web.config.model_dump(), "suggest_with": ("argos",)})) is not None
    )
    asked: list[int] = []

    def propose(segments: list[Segment]) -> list[str | None]:
        asked.append(len(segments))
        return [f"(machine) {s.text[::-1]}" if i == 0 else None for i, s in enumerate(segments)]

    web.client.app.state.summit.suggest = propose  # type: ignore[attr-defined]
    publish_sample(web)
    sign_in(web, web.make_token(role="translator", name="Tess", languages=("fr",)))
    text = web.client.get(DESK).text
    assert asked == [30], "one batch for the sentences shown"
    assert text.count("Machine suggestion:") == 1 and '<span lang="fr">(machine) ' in text


def test_an_organiser_switches_between_the_summits_languages(web: WebSetup) -> None:
    publish_sample(web)
    sign_in(web, web.make_token(role="organiser", name="Org"))
    page = web.client.get(DESK)
    assert 'aria-label="Target language"' in page.text
    current = f'href="{DESK}?language=en" aria-current="page"><strong>English</strong></a>'
    assert f"{current} – {EACH_PAIR} to translate" in page.text
    french = web.client.get(DESK, params={"language": "fr"})
    assert f'href="{DESK}?language=fr" aria-current="page"><strong>French</strong></a>' in french.text
    assert first_form(french.text)["target"] == "fr" and first_form(page.text)["target"] == "en"
    assert web.client.get(DESK, params={"language": "de"}).status_code == 404  # not a language of the pair
    assert web.client.get(DESK, params={"language": "xx"}).status_code == 404


def test_the_desk_speaks_the_interfaces_language(web: WebSetup) -> None:
    publish_sample(web)
    sign_in(web, web.make_token(role="translator", languages=("fr",)))
    page = web.client.get(DESK, headers={"Accept-Language": "de"})
    assert "<h1>Übersetzungen</h1>" in page.text and "Ihre Übersetzung (Französisch)" in page.text


def test_a_saved_translation_leaves_the_queue_and_is_audited(web: WebSetup) -> None:
    publish_sample(web)
    sign_in(web, web.make_token(role="translator", name="Tess", languages=("fr",)))
    page = web.client.get(DESK)
    form = first_form(page.text)
    answer = web.client.post(
        DESK, data={**form, "translation": "  Une traduction faite à la main.\r\n"}, follow_redirects=False
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == f"{DESK}?language=fr&saved={form['key']}"
    after = web.client.get(answer.headers["location"])
    assert "Translation saved." in after.text and "Une traduction faite à la main." in after.text
    assert f"{EACH_PAIR - 1} texts to translate." in after.text
    assert first_form(after.text)["key"] != form["key"]
    memory = TranslationMemory.load(memory_dir(web))
    assert memory.exact == {(form["source"], "fr", form["text"]): "Une traduction faite à la main."}
    assert "# translated at the desk by Tess on " in (memory_dir(web) / "fr.po").read_text("utf-8")
    assert [a for a in audit(web) if a[0] == "translate"] == [
        ("translate", f"{form['key']} fr", "Tess (token 1)")
    ]


def test_an_empty_translation_is_refused_on_the_page(web: WebSetup) -> None:
    publish_sample(web)
    sign_in(web, web.make_token(role="translator", languages=("fr",)))
    form = first_form(web.client.get(DESK).text)
    answer = web.client.post(DESK, data={**form, "translation": " \n "})
    assert answer.status_code == 422 and "The translation is empty." in answer.text
    assert 'role="alert"' in answer.text and f"{EACH_PAIR} texts to translate." in answer.text
    assert not (memory_dir(web) / "fr.po").exists()
    assert not [a for a in audit(web) if a[0] == "translate"]


def test_a_form_without_its_csrf_token_is_refused(web: WebSetup) -> None:
    publish_sample(web)
    sign_in(web, web.make_token(role="translator", languages=("fr",)))
    form = first_form(web.client.get(DESK).text)
    for token in ("", "0" * 64):
        answer = web.client.post(DESK, data={**form, "csrf_token": token, "translation": "Bonjour."})
        assert answer.status_code == 403 and "did not come from this site" in answer.text
    assert not (memory_dir(web) / "fr.po").exists()


def test_a_sentence_no_document_prints_is_refused(web: WebSetup) -> None:
    publish_sample(web)
    sign_in(web, web.make_token(role="translator", languages=("fr",)))
    form = first_form(web.client.get(DESK).text)
    made_up = {**form, "key": "0" * 16, "text": "A sentence of nobody's notes.", "translation": "Une phrase."}
    answer = web.client.post(DESK, data=made_up)
    assert answer.status_code == 404 and "no longer print" in answer.text
    assert not (memory_dir(web) / "fr.po").exists()


# --- Who may translate ----------------------------------------------------------------------


def test_a_rapporteur_cannot_translate(web: WebSetup) -> None:
    publish_sample(web)
    token = web.make_token(name="Claire")
    sign_in(web, token)
    notes = web.client.get(f"/summits/{SUMMIT_ID}/notes")
    assert "Translation desk" not in notes.text, "no link to the desk"
    assert web.client.get(DESK).status_code == 403
    answer = web.client.post(
        DESK, data={"csrf_token": csrf_of(notes.text), "target": "fr", "translation": "x"}
    )
    assert answer.status_code == 403
    assert web.client.get(api("fr"), headers=bearer(token)).status_code == 403
    posted = web.client.post(
        api("fr"), headers=bearer(token), json={"source": "en", "text": "x", "translation": "y"}
    )
    assert posted.status_code == 403 and posted.json()["error"] == "forbidden"
    assert ("forbidden", "translation desk", "Claire (token 1)") in audit(web)
    assert not memory_dir(web).exists()


def test_a_translator_translates_only_into_their_languages(web: WebSetup) -> None:
    publish_sample(web)
    organiser = web.make_token(role="organiser", name="Org")
    token = web.make_token(role="translator", name="Dieter", languages=("de",))
    sign_in(web, token)
    page = web.client.get(DESK)
    assert page.status_code == 200 and "your token translates into other languages" in page.text
    assert web.client.get(DESK, params={"language": "fr"}).status_code == 403
    fr_segment = web.client.get(api("fr"), headers=bearer(organiser)).json()["segments"][0]
    form = {"csrf_token": csrf_of(page.text), "key": fr_segment["key"], "source": fr_segment["source"],
            "target": "fr", "text": fr_segment["text"], "translation": "Une phrase."}  # fmt: skip
    assert web.client.post(DESK, data=form).status_code == 403
    assert web.client.post(DESK, data={**form, "target": "de"}).status_code == 403, "the key says fr"
    assert web.client.get(api("fr"), headers=bearer(token)).status_code == 403
    posted = web.client.post(
        api("fr"), headers=bearer(token), json={**fr_segment, "translation": "Une phrase."}
    )
    assert posted.status_code == 403
    assert web.client.get(api("de"), headers=bearer(token)).status_code == 404  # allowed, but not in the pair
    assert not memory_dir(web).exists()
    assert ("forbidden", "translations into fr", "Dieter (token 2)") in audit(web)


def test_a_translator_cannot_open_the_organisers_pages(web: WebSetup) -> None:
    sign_in(web, web.make_token(role="translator", languages=("fr",)))
    for page in ("dashboard", "tokens", "runs/current"):
        assert web.client.get(f"/summits/{SUMMIT_ID}/{page}").status_code == 403, page
    assert web.client.post(f"/api/summits/{SUMMIT_ID}/runs").status_code == 401  # no bearer token


def test_signed_out_the_desk_asks_to_sign_in(web: WebSetup) -> None:
    answer = web.client.get(DESK)
    assert answer.status_code == 401 and "sign in" in answer.text.lower()
    assert web.client.get(api("fr")).status_code == 401


# --- The JSON API ---------------------------------------------------------------------------


def test_the_api_lists_and_saves_translations(web: WebSetup) -> None:
    publish_sample(web)
    token = web.make_token(role="translator", name="Tess", languages=("fr",))
    listed = web.client.get(api("fr"), headers=bearer(token))
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert body["missing"] == EACH_PAIR == len(body["segments"])
    first = body["segments"][0]
    assert set(first) == {"key", "text", "source", "target", "place", "kind", "workshop", "note_title",
                          "context", "highlight", "suggestion"}  # fmt: skip
    assert first["target"] == "fr" and first["place"] == "poster" and first["suggestion"] is None
    start, end = first["highlight"]
    assert first["context"][start:end] == first["text"]
    saved = web.client.post(
        api("fr"), headers=bearer(token),
        json={"source": first["source"], "text": first["text"], "translation": "Une phrase traduite."},
    )  # fmt: skip
    assert saved.status_code == 201, saved.text
    assert saved.json() == {"key": first["key"], "source": first["source"], "target": "fr",
                            "text": first["text"], "translation": "Une phrase traduite.",
                            "missing": EACH_PAIR - 1}  # fmt: skip
    again = web.client.get(api("fr"), headers=bearer(token)).json()
    assert again["missing"] == EACH_PAIR - 1 and again["segments"][0]["key"] != first["key"]
    assert ("translate", f"{first['key']} fr", "Tess (token 1)") in audit(web)


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b"not json", 422, "bad_json"),
        (b"[1, 2]", 422, "bad_json"),
        (b'{"source": "en", "text": 3, "translation": "x"}', 422, "bad_field"),
        (b'{"source": "en", "text": "Nobody wrote this.", "translation": "x"}', 404, "unknown_text"),
    ],
)
def test_the_api_refuses_what_it_cannot_save(web: WebSetup, body: bytes, status: int, reason: str) -> None:
    publish_sample(web)
    token = web.make_token(role="translator", languages=("fr",))
    answer = web.client.post(
        api("fr"), headers={**bearer(token), "content-type": "application/json"}, content=body
    )
    assert answer.status_code == status and answer.json()["error"] == reason, answer.text
    assert answer.json()["hint"]
    assert not memory_dir(web).exists()


def test_the_api_refuses_an_empty_translation(web: WebSetup) -> None:
    publish_sample(web)
    token = web.make_token(role="translator", languages=("fr",))
    first = web.client.get(api("fr"), headers=bearer(token)).json()["segments"][0]
    answer = web.client.post(api("fr"), headers=bearer(token), json={**first, "translation": "   "})
    assert answer.status_code == 422 and answer.json()["error"] == "empty_translation"
    assert web.client.get(api("fr"), headers=bearer(token)).json()["missing"] == EACH_PAIR
    huge = web.client.post(api("fr"), headers=bearer(token), content=b"{" + b" " * 200_000 + b"}")
    assert huge.status_code == 413


# --- Tokens ---------------------------------------------------------------------------------


def test_organisers_make_translator_tokens_with_their_languages(web: WebSetup) -> None:
    sign_in(web, web.make_token(role="organiser", name="Org"))
    page = web.client.get(f"/summits/{SUMMIT_ID}/tokens")
    assert '<input type="radio" name="role" value="translator">' in page.text
    assert '<input type="checkbox" name="language" value="de">' in page.text
    answer = web.client.post(
        f"/summits/{SUMMIT_ID}/tokens",
        data={
            "csrf_token": csrf_of(page.text),
            "name": "Tess",
            "role": "translator",
            "language": ["fr", "de"],
            "workshop": "healthy",
        },
    )
    assert answer.status_code == 200 and "shown only this once" in answer.text
    assert '<td>Tess</td><td>translator</td><td></td><td><span lang="fr">Français</span>, ' in answer.text
    with Session(web.client.app.state.summit.engine) as db:  # type: ignore[attr-defined]
        tess = db.scalars(select(Token).where(Token.name == "Tess")).one()
        assert (tess.role, tess.languages, tess.workshops) == ("translator", ["fr", "de"], [])
    assert ("token-create", "translator Tess", "Org (token 1)") in audit(web)
    refused = web.client.post(
        f"/summits/{SUMMIT_ID}/tokens",
        data={"csrf_token": csrf_of(page.text), "name": "Nolang", "role": "translator"},
    )
    assert refused.status_code == 422 and "needs a language" in refused.text
    rapporteur = web.client.post(
        f"/summits/{SUMMIT_ID}/tokens",
        data={
            "csrf_token": csrf_of(page.text),
            "name": "Rita",
            "role": "rapporteur",
            "workshop": "healthy",
            "language": "fr",
        },
    )
    assert rapporteur.status_code == 200, "a language ticked before choosing the role is left out"


# --- In a browser ---------------------------------------------------------------------------


@pytest.mark.slow
def test_the_desk_on_a_phone_and_a_desktop(web: WebSetup, served: str, tmp_path: Path) -> None:  # noqa: F811
    """Translating on a phone, keyboard and screen reader friendly (axe-core, WCAG 2.1 AA)."""
    from playwright.sync_api import ViewportSize, expect, sync_playwright

    from tests.web.test_browser import AXE, CHROMIUM, PHONE, assert_accessible

    if not CHROMIUM.exists() or not AXE.exists():
        pytest.fail("Chromium or axe-core is missing: `apt-get install chromium` and `npm ci`")
    publish_sample(web)
    shots = tmp_path  # placeholder note texts: docs/images takes the desk from test_review_browser.py
    translator, organiser = (
        web.make_token(role="translator", name="Tess", languages=("fr",)),
        web.make_token(role="organiser", name="Org"),
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        phone = browser.new_context(
            viewport=ViewportSize(width=PHONE["width"], height=PHONE["height"]),
            locale="fr-FR",
            device_scale_factor=2,
            is_mobile=True,
            bypass_csp=True,
        )
        page = phone.new_page()
        page.goto(f"{served}/signin/{translator}")
        page.get_by_role("button").click()
        page.goto(f"{served}{DESK}")
        expect(page.get_by_role("heading", name="Traductions", exact=True)).to_be_visible()
        page.screenshot(path=str(shots / "desk-phone.png"), full_page=False)
        assert_accessible(page, "translation desk on a phone")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (
            "no sideways scrolling"
        )
        first = page.locator("ol.notes > li").first
        first.get_by_label("Votre traduction (français)").fill("Une phrase traduite sur un téléphone.")
        first.get_by_role("button", name="Enregistrer la traduction").click()
        expect(page.get_by_role("status")).to_contain_text("Traduction enregistrée.")
        expect(page.get_by_text(f"{EACH_PAIR - 1} textes à traduire.")).to_be_visible()
        assert_accessible(page, "translation desk after saving, on a phone")

        desktop = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="en-GB", bypass_csp=True
        )
        wide = desktop.new_page()
        wide.goto(f"{served}/signin/{organiser}")
        wide.get_by_role("button").click()
        wide.get_by_role("link", name="Translation desk", exact=True).click()
        expect(wide.get_by_role("navigation", name="Target language")).to_be_visible()
        wide.screenshot(path=str(shots / "desk-desktop.png"), full_page=False)
        assert_accessible(wide, "translation desk on a desktop")
        wide.goto(f"{served}/summits/{SUMMIT_ID}/tokens")
        assert_accessible(wide, "tokens page with the translator role")
        browser.close()
    memory = TranslationMemory.load(memory_dir(web))
    assert list(memory.exact.values()) == ["Une phrase traduite sur un téléphone."]
