"""People in the loop, in a real browser: an organiser reviews, a translator translates, the documents
and the citizens' pages are published again, and a poster's QR address opens its workshop's page.

Screenshots of the review queue, the translation desk and a public workshop page go to
SUMMIT_SCREENSHOTS (docs/images) when it is set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright
from pypdf import PdfReader

from tests.web.conftest import SUMMIT_ID, WebSetup, bearer, note_form
from tests.web.test_browser import (
    AXE,
    CHROMIUM,
    PHONE,
    assert_accessible,
    download_booklet,
    screenshot_dir,
    served,
    wait_for_run,
)

__all__ = ["served"]  # the fixture, imported for this module's tests

ENGLISH_NOTE = (
    "Inclusive city workshop. The deputy mayor of Lisbon presented its welcome desks for newcomers.\n\n"
    "Lisbon will open two new welcome desks for refugees in the old town by June 2020.\n\n"
    "Montreal will train 200 volunteer interpreters for its neighbourhood centres by the end of 2020.\n\n"
    "Rabat will publish a yearly report on access to municipal services for migrants from 2020.\n"
)
REJECTED = "Lisbon will open two new welcome desks for refugees in the old town by June 2020."
EDITED = "Montreal will train 200 volunteer interpreters for its neighbourhood centres by the end of 2020."
WORDING = "Montreal trains 200 volunteer interpreters for its neighbourhood centres (end of 2020)."
TRANSLATED = "Rabat will publish a yearly report on access to municipal services for migrants from 2020."
FRENCH = "Rabat publiera chaque année un rapport sur l'accès des migrants aux services municipaux, dès 2020."


@pytest.mark.slow
def test_review_translate_publish_and_read_the_public_page(
    web: WebSetup, served: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not CHROMIUM.exists() or not AXE.exists():
        pytest.fail("Chromium or axe-core is missing: `apt-get install chromium` and `npm ci`")
    shots = screenshot_dir(tmp_path)
    summit_yaml = web.summit_dir / "summit.yaml"
    kept = [line for line in summit_yaml.read_text("utf-8").splitlines() if not line.startswith("url:")]
    summit_yaml.write_text("\n".join([*kept, "public: true", ""]), encoding="utf-8")  # QR codes: this server
    monkeypatch.setenv("SUMMIT_SITE_URL", served)  # the runs the web starts put its address in the QR codes
    uploaded = web.client.post(
        f"/api/summits/{SUMMIT_ID}/notes",
        headers=bearer(web.make_token()),
        data=note_form("inclusive", title="Welcoming cities", language="en"),
        files={"file": ("welcoming-cities.md", ENGLISH_NOTE.encode())},
    )
    assert uploaded.status_code == 201, uploaded.text
    organiser, translator = (
        web.make_token("organiser", (), name="Ada"),
        web.make_token("translator", name="Tess"),
    )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        office = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="en-GB", accept_downloads=True, bypass_csp=True
        )
        page = office.new_page()
        page.goto(f"{served}/signin/{organiser}")
        page.get_by_role("button").click()
        wait_for_run(page)

        # 1. The organiser rejects one commitment and rewords another.
        page.goto(f"{served}/summits/{SUMMIT_ID}/review?workshop=inclusive")
        assert_accessible(page, "review queue")
        rejected = page.locator("li.review-item", has_text=REJECTED).filter(has_text="Commitment")
        rejected.get_by_label("Reject").check()
        rejected.get_by_role("button", name="Save the decision").click()
        expect(
            page.locator("li.review-item", has_text=REJECTED).get_by_text("Decision saved.")
        ).to_be_visible()
        edited = page.locator("li.review-item", has_text=EDITED).filter(has_text="Commitment")
        edited.get_by_label("Approve").check()
        edited.locator("summary", has_text="Edit").click()
        edited.get_by_label("Wording printed instead of the sentence").fill(WORDING)
        edited.get_by_role("button", name="Save the decision").click()
        expect(page.locator("li.review-item", has_text=EDITED).get_by_text("Decision saved.")).to_be_visible()
        page.screenshot(path=str(shots / "review-queue.png"), full_page=False)

        # 2. A translator, on a phone, fills one missing French sentence.
        phone = browser.new_context(
            viewport=PHONE, locale="fr-FR", device_scale_factor=2, is_mobile=True, bypass_csp=True
        )
        desk = phone.new_page()
        desk.goto(f"{served}/signin/{translator}")
        desk.get_by_role("button").click()
        expect(desk.locator("h1")).to_be_visible()
        assert_accessible(desk, "translation desk, on a phone")
        segment = desk.locator("li", has_text=TRANSLATED).filter(has=desk.locator("textarea")).first
        segment.locator("textarea").fill(FRENCH)
        segment.get_by_role("button").click()
        expect(desk.locator("[role=status]").first).to_be_visible()
        desk.screenshot(path=str(shots / "translation-desk.png"), full_page=False)
        assert desk.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        # 3. Publish documents now: no night, the same documents with the decisions and the translation.
        page.goto(f"{served}/summits/{SUMMIT_ID}/dashboard")
        page.get_by_role("button", name="Publish documents now").click()
        expect(page.get_by_text("Finished")).to_be_visible(timeout=240_000)
        expect(page.get_by_text("exit code 0")).to_be_visible()
        text = download_booklet(page, served, tmp_path / "booklet.pdf")
        at = text.find(REJECTED)
        assert at < 0, f"the rejected commitment is in no document: {text[max(0, at - 300) : at + 100]}"
        assert WORDING in text, "the organiser's wording is printed (the sentence may stay as a quote)"
        assert FRENCH in text, "the translator's sentence is printed"

        # 4. The public pages say the same, and a poster's QR address opens its workshop's page.
        with page.expect_download() as download:
            page.get_by_role("link", name="poster-inclusive-en-fr.pdf").first.click()
        download.value.save_as(tmp_path / "poster.pdf")
        poster = " ".join(PdfReader(tmp_path / "poster.pdf").pages[0].extract_text().split())
        address = f"{served}/s/{SUMMIT_ID}/inclusive/".removeprefix("http://").rstrip("/")
        assert address in poster.replace(" ", ""), "the poster prints its QR code's address"
        public = browser.new_context(viewport=PHONE, locale="fr-FR", bypass_csp=True).new_page()
        public.goto(f"http://{address}/")
        expect(public.locator("h1")).to_be_visible()
        body = " ".join(public.locator("main").inner_text().split())
        assert WORDING in body and FRENCH in body and REJECTED not in body
        assert_accessible(public, "public workshop page, on a phone")
        assert public.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        public.screenshot(path=str(shots / "public-workshop.png"), full_page=False)
        public.goto(f"{served}/s/{SUMMIT_ID}/register/index.html")
        assert_accessible(public, "public register")
        assert REJECTED not in public.locator("main").inner_text()
        browser.close()
