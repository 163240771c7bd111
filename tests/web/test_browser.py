"""The whole loop in a real browser (Debian's chromium, driven by Playwright; nothing is downloaded).

A rapporteur signs in on a phone-sized screen and uploads a French note; an
organiser signs in, runs the synthesis and downloads the new booklet, which
holds the note's commitment. `python3 dev.py test` installs chromium; a
missing browser fails this test rather than skipping it.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, expect, sync_playwright
from pypdf import PdfReader

from tests.web.conftest import FRENCH_NOTE, SUMMIT_ID, WebSetup

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def served(web: WebSetup) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(web.client.app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def screenshot_dir(tmp_path: Path) -> Path:
    """Screenshots go to the test's folder, and to SUMMIT_SCREENSHOTS (docs/images) when it is set."""
    return Path(os.environ.get("SUMMIT_SCREENSHOTS") or tmp_path)


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}"
REPLACED_NOTE = FRENCH_NOTE.replace(
    "Lyon s'engage à ouvrir trois nouveaux centres de quartier d'ici 2021",
    "Lyon s'engage à ouvrir cinq maisons des familles d'ici 2022",
)


def assert_accessible(page: Page, what: str) -> None:
    """axe-core finds no WCAG 2.1 A or AA violation on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(f"axe.run(document, {WCAG_AA})")
    problems = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['html'][:120]})"
        for v in result["violations"]
    ]
    assert not problems, f"{what}: " + "; ".join(problems)


def wait_for_run(page: Page) -> None:
    page.get_by_role("button", name="Run the synthesis now").click()
    expect(page.get_by_text("Finished")).to_be_visible(timeout=240_000)
    expect(page.get_by_text("exit code 0")).to_be_visible()


def download_booklet(page: Page, served: str, target: Path) -> str:
    page.goto(f"{served}/summits/{SUMMIT_ID}/dashboard")
    with page.expect_download() as download:
        page.get_by_role("link", name="booklet-en-fr.pdf").first.click()
    download.value.save_as(target)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())


@pytest.mark.slow
def test_upload_on_a_phone_run_replace_and_run_again(web: WebSetup, served: str, tmp_path: Path) -> None:
    if not CHROMIUM.exists() or not AXE.exists():
        pytest.fail(
            "Chromium or axe-core is missing: `apt-get install chromium` and `npm ci` "
            "(`python3 dev.py test` does both when run as root)"
        )
    shots = screenshot_dir(tmp_path)
    note = tmp_path / "atelier-lyon.md"
    note.write_text(FRENCH_NOTE, encoding="utf-8")
    rapporteur, organiser = web.make_token(name="Claire Dubois"), web.make_token(role="organiser", name="Org")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        # bypass_csp lets the test inject axe-core; the app itself allows no script at all.
        phone = browser.new_context(
            viewport=PHONE, locale="fr-FR", device_scale_factor=2, is_mobile=True, bypass_csp=True
        )
        mobile = phone.new_page()
        mobile.goto(f"{served}/signin/{rapporteur}")
        assert_accessible(mobile, "sign-in link page")
        mobile.get_by_role("button").click()
        expect(mobile.locator("html")).to_have_attribute("lang", "fr")  # the phone's language
        mobile.locator("#title").fill("Villes accueillantes")
        mobile.locator("#files").set_input_files(note)
        mobile.screenshot(path=str(shots / "upload-phone.png"), full_page=True)
        mobile.locator("form[enctype] button[type=submit]").first.click()
        expect(mobile.locator(".results .ok")).to_contain_text("atelier-lyon.md")
        expect(mobile.locator(".results .ok")).to_contain_text("Français")
        assert_accessible(mobile, "notes page after an upload, on a phone")
        assert mobile.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (
            "no sideways scrolling"
        )

        desktop = {"width": 1280, "height": 900}
        desk = browser.new_context(viewport=desktop, locale="en-GB", accept_downloads=True, bypass_csp=True)
        page = desk.new_page()
        page.goto(f"{served}/signin")
        page.get_by_label("Your token").fill(organiser)
        page.keyboard.press("Enter")  # keyboard alone signs in
        expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
        assert_accessible(page, "dashboard before the first run")
        wait_for_run(page)
        assert_accessible(page, "run page")
        first = download_booklet(page, served, tmp_path / "first.pdf")
        assert "trois nouveaux centres de quartier" in first, "the note's commitment is in the booklet"

        mobile.goto(f"{served}/summits/{SUMMIT_ID}/notes")
        expect(mobile.locator(".badge.read")).to_have_count(1)  # read by the run, with its commitments
        mobile.screenshot(path=str(shots / "notes-phone.png"), full_page=True)
        mobile.locator("details summary").first.click()
        mobile.locator("input[name=file]").first.set_input_files(
            {"name": "corrected.md", "mimeType": "text/markdown", "buffer": REPLACED_NOTE.encode()}
        )
        mobile.locator("form[action*='/notes/replace'] button").first.click()
        expect(mobile.locator(".results .ok")).to_contain_text("atelier-lyon.md")

        page.goto(f"{served}/summits/{SUMMIT_ID}/dashboard")
        expect(page.get_by_text("1 upload since the last run")).to_be_visible()
        page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
        page.goto(f"{served}/summits/{SUMMIT_ID}/tokens")
        assert_accessible(page, "tokens page")
        page.goto(f"{served}/summits/{SUMMIT_ID}/dashboard")
        wait_for_run(page)
        second = download_booklet(page, served, tmp_path / "second.pdf")
        assert "cinq maisons des familles" in second and "trois nouveaux centres" not in second
        page.goto(f"{served}/summits/{SUMMIT_ID}/dashboard")
        audit = page.locator("table").last.inner_text()
        # The run's bookkeeping (edition.json, index.json, documents.json) is no document to list.
        assert "booklet-en-fr.pdf" in page.content() and "documents.json" not in page.content()
        page.set_viewport_size(PHONE)
        page.screenshot(path=str(shots / "dashboard-phone.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (
            "no sideways scrolling"
        )
        browser.close()
    kept = [p for p in (web.summit_dir / "history").rglob("atelier-lyon.md") if p.is_file()]
    assert [p.read_text("utf-8") for p in kept] == [FRENCH_NOTE], "the first version is in the history"
    for action in ("upload", "replace", "run", "download", "sign-in"):
        assert f"\t{action}\t" in audit, f"the audit log shows {action}"
