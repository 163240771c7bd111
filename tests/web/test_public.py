"""The citizens' pages under /s/<summit>/: only a public summit's latest published site, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import SUMMIT_ID, WebSetup, bearer


def make_public(web: WebSetup, public: bool = True) -> None:
    path = web.summit_dir / "summit.yaml"
    text = path.read_text("utf-8").replace("\npublic: true\n", "\n")
    path.write_text(text + ("\npublic: true\n" if public else ""), encoding="utf-8")


@pytest.fixture
def site(published: Path) -> Path:
    folder = published / "site"
    (folder / "inclusive").mkdir(parents=True)
    (folder / "index.html").write_text("<h1>Summit</h1>", encoding="utf-8")
    (folder / "inclusive" / "index.html").write_text("<h1>Inclusive cities</h1>", encoding="utf-8")
    (folder / ".hidden").write_text("no", encoding="utf-8")
    (published / "synthesis.json").touch()
    return folder


def test_a_public_summit_serves_its_latest_site_without_sign_in(web: WebSetup, site: Path) -> None:
    make_public(web)
    assert "Summit" in web.client.get(f"/s/{SUMMIT_ID}/").text
    assert "Inclusive cities" in web.client.get(f"/s/{SUMMIT_ID}/inclusive/").text
    assert "Inclusive cities" in web.client.get(f"/s/{SUMMIT_ID}/inclusive/index.html").text
    bare = web.client.get(f"/s/{SUMMIT_ID}/inclusive", follow_redirects=False)
    assert bare.status_code == 308 and bare.headers["location"] == f"/s/{SUMMIT_ID}/inclusive/"
    assert web.client.get(f"/s/{SUMMIT_ID}", follow_redirects=False).headers["location"] == f"/s/{SUMMIT_ID}/"


def test_a_summit_that_is_not_public_shows_nothing(web: WebSetup, site: Path) -> None:
    make_public(web, public=False)
    assert web.client.get(f"/s/{SUMMIT_ID}/").status_code == 404
    assert web.client.get(f"/s/{SUMMIT_ID}/inclusive/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [".hidden", "../synthesis.json", "%2e%2e/synthesis.json", "nowhere.html", "inclusive/../../report.md"],
)
def test_only_files_of_the_site_are_served(web: WebSetup, site: Path, path: str) -> None:
    make_public(web)
    assert web.client.get(f"/s/{SUMMIT_ID}/{path}").status_code == 404


def test_publishing_again_is_for_organisers_only(web: WebSetup, site: Path) -> None:
    for role in ("rapporteur", "translator"):
        answer = web.client.post(f"/api/summits/{SUMMIT_ID}/publish", headers=bearer(web.make_token(role)))
        assert answer.status_code == 403
