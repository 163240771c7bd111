"""The citizens' site: every page exists, every link resolves, both languages are marked up."""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import Exhibition, Pair
from synthesis.documents.translation import TranslatedTexts
from synthesis.models import SummitSynthesis
from synthesis.site import render_site, write_site
from synthesis.site.model import SiteError
from synthesis.site.render import DEFAULT_ACCENT, accent_colour
from synthesis.site.slugs import Slugs, slug

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """A parsed page: its links, ids, headings, and each text with the language it is in."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # open elements and the lang each one sets
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.headings: list[int] = []
        self.tags: Counter[str] = Counter()
        self.texts: list[tuple[str, str | None]] = []  # (text, the nearest lang around it)
        self.current: list[str] = []  # hrefs marked aria-current="page"
        self.html_lang: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags[tag] += 1
        if tag == "html":
            self.html_lang = attributes.get("lang")
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.links.append(str(attributes[name]))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if attributes.get("aria-current") == "page" and attributes.get("href"):
            self.current.append(str(attributes["href"]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag not in VOID:
            self.stack.append((tag, attributes.get("lang")))

    def handle_endtag(self, tag: str) -> None:
        # Pop to the matching element: the site's HTML is well formed, but a test must not hang on it.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if data.strip():
            lang = next((lang for _tag, lang in reversed(self.stack) if lang), None)
            self.texts.append((data.strip(), lang))


@pytest.fixture(scope="module")
def exhibition(sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts) -> Exhibition:
    return build_exhibition(sample_synthesis, languages=("en", "fr"), texts=no_translations)


@pytest.fixture(scope="module")
def pages(exhibition: Exhibition) -> dict[str, str]:
    return render_site(exhibition)


@pytest.fixture(scope="module")
def parsed(pages: dict[str, str]) -> dict[str, Page]:
    return {path: Page(html) for path, html in pages.items()}


def _resolve(page: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))


def test_every_workshop_and_commitment_has_its_page(exhibition: Exhibition, parsed: dict[str, Page]) -> None:
    for workshop in exhibition.workshops:
        path = f"{workshop.id}/index.html"
        assert path in parsed
        linked = {_resolve(path, href) for href in parsed[path].links}
        for item in workshop.commitments:
            assert f"commitments/{item.id}.html" in linked, f"{path} does not link to {item.id}"
    for item in exhibition.register:
        assert f"commitments/{item.id}.html" in parsed
    assert {"index.html", "register/index.html", "cities/index.html", "method.html"} <= parsed.keys()


def test_every_relative_link_resolves_to_a_generated_file(parsed: dict[str, Page]) -> None:
    files = set(parsed) | {"style.css"}
    checked = 0
    for path, page in parsed.items():
        for href in page.links:
            if re.match(r"^[a-z][a-z0-9+.-]*:", href):
                continue  # an absolute URL: not part of the site
            assert not href.startswith("/"), f"{path}: {href} is not relative"
            if href.startswith("#"):
                assert href[1:] in page.ids, f"{path}: no element with id {href}"
                continue
            assert not href.startswith("../") or path.count("/") >= href.count("../"), f"{path}: {href}"
            assert _resolve(path, href) in files, f"{path}: {href} leads nowhere"
            checked += 1
    assert checked > 1000


def _commitments_listed(page: Page, path: str) -> list[str]:
    return [_resolve(path, href) for href in page.links if _resolve(path, href).startswith("commitments/")]


@pytest.mark.parametrize("kind", ["city", "workshop", "deadline"])
def test_filter_pages_partition_the_register(
    kind: str, exhibition: Exhibition, parsed: dict[str, Page]
) -> None:
    filters = [p for p in parsed if p.startswith(f"register/{kind}-")]
    assert filters
    listed = Counter(c for p in filters for c in _commitments_listed(parsed[p], p))
    wanted = Counter(f"commitments/{c.id}.html" for c in exhibition.register)
    assert listed == wanted  # each commitment once, on one page of the kind
    for path in filters:
        page = parsed[path]
        assert [_resolve(path, href) for href in page.current] == [path], f"{path} is not marked current"


def test_the_register_lists_everything_in_a_table(exhibition: Exhibition, pages: dict[str, str]) -> None:
    html = pages["register/index.html"]
    assert "<caption>" in html and html.count('scope="col"') == 4
    assert len(_commitments_listed(Page(html), "register/index.html")) == len(exhibition.register)
    years = {c.deadline_date[:4] for c in exhibition.register if c.deadline_date}
    assert {f"register/deadline-{y}.html" for y in years} | {"register/deadline-none.html"} == {
        p for p in pages if p.startswith("register/deadline-")
    }


def test_the_right_hand_language_is_marked(exhibition: Exhibition, parsed: dict[str, Page]) -> None:
    pairs: list[Pair] = [
        getattr(exhibition.headings, f.name) for f in dataclasses.fields(exhibition.headings)
    ]
    pairs += [exhibition.title, exhibition.subtitle] + [
        p for w in exhibition.workshops for p in (w.name, w.scope)
    ]
    left = {p.left.text for p in pairs if p.left.text != p.right.text}
    right = {p.right.text for p in pairs if p.left.text != p.right.text}
    checked = Counter[str]()
    for path, page in parsed.items():
        assert page.html_lang == "en", path
        for text, lang in page.texts:
            if text in right and text not in left:
                assert lang == "fr", f"{path}: {text!r} is not inside lang='fr'"
                checked["fr"] += 1
            elif text in left and text not in right:
                assert lang in (None, "en"), f"{path}: {text!r} is marked {lang}"
                checked["en"] += 1
    assert checked["fr"] > 500 and checked["en"] > 500
    # A sentence nobody translated keeps its own language, whichever column it stands in.
    french = [c for c in exhibition.register if c.text.left.language == "fr"]
    assert french
    for item in french:
        texts = dict(parsed[f"commitments/{item.id}.html"].texts)
        assert texts[item.text.left.text] == "fr"


def test_the_other_way_round(sample_synthesis: SummitSynthesis, no_translations: TranslatedTexts) -> None:
    exhibition = build_exhibition(sample_synthesis, languages=("fr", "de"), texts=no_translations)
    page = Page(render_site(exhibition)["register/index.html"])
    assert page.html_lang == "fr"
    assert (exhibition.headings.register.right.text, "de") in page.texts


def test_notes_are_escaped(small_exhibition: Exhibition) -> None:
    pages = render_site(small_exhibition)
    for path, html in pages.items():
        assert "<script" not in html and "<b>" not in html, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["commitments/c1.html"]
    assert "Budget &lt;b&gt;doubled&lt;/b&gt; &amp; " in pages["register/index.html"]


def test_one_h1_per_page_and_headings_in_order(parsed: dict[str, Page]) -> None:
    for path, page in parsed.items():
        assert page.headings.count(1) == 1 and page.headings[0] == 1, path
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} then h{after}"
        assert page.tags["main"] == 1 and page.tags["header"] == 1 and page.tags["footer"] == 1, path
        assert "main" in page.ids and page.links[1] == "#main", path  # after the stylesheet: the skip link
        assert page.tags["script"] == 0, path


def test_every_page_has_a_bilingual_title_and_a_viewport(pages: dict[str, str]) -> None:
    for path, html in pages.items():
        assert '<meta charset="utf-8">' in html, path
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html, path
        title = re.search(r"<title>(.*?)</title>", html)
        assert title and " / " in title.group(1), path
    assert "<title>Healthy cities / Villes saines · " in pages["healthy/index.html"]


def test_the_footer_names_who_presents(exhibition: Exhibition, small_exhibition: Exhibition) -> None:
    assert exhibition.organiser is not None
    assert f"Organised by {exhibition.organiser.left.text}" in render_site(exhibition)["method.html"]
    assert "Presented by Observatory of Mayors" in render_site(small_exhibition)["index.html"]


def test_canonical_links_follow_the_base_path(exhibition: Exhibition) -> None:
    pages = render_site(exhibition, base_path="https://example.org/s/dusseldorf-2019/")
    assert (
        '<link rel="canonical" href="https://example.org/s/dusseldorf-2019/healthy/">'
        in pages["healthy/index.html"]
    )
    assert 'href="../style.css"' in pages["healthy/index.html"]
    assert "canonical" not in render_site(exhibition)["index.html"]


def test_accent_is_used_only_when_readable() -> None:
    assert accent_colour("#003366") == "#003366"
    assert accent_colour("#FFD700") == DEFAULT_ACCENT  # gold on white: unreadable
    assert accent_colour("red;}</style><script>") == DEFAULT_ACCENT


def test_a_workshop_id_cannot_take_a_folder_of_the_site(small_exhibition: Exhibition) -> None:
    workshop = dataclasses.replace(small_exhibition.workshops[0], id="register")
    with pytest.raises(SiteError):
        render_site(dataclasses.replace(small_exhibition, workshops=(workshop,)))


def test_slugs() -> None:
    assert slug("Be'er Sheva") == "be-er-sheva"
    assert slug("İzmir") == "izmir"
    assert slug("Straße Œuvre") == "strasse-oeuvre"
    assert slug("תל אביב") == "x"
    slugs = Slugs(["Québec", "Quebec", "Montréal"])
    assert {slugs["Québec"], slugs["Quebec"]} == {"quebec", "quebec-2"}
    assert slugs["Montréal"] == "montreal"


def test_write_site(exhibition: Exhibition, pages: dict[str, str], tmp_path: Path) -> None:
    written = write_site(exhibition, tmp_path / "site")
    relative = {p.relative_to(tmp_path / "site").as_posix() for p in written}
    assert relative == set(pages) | {"style.css", "moved.json"}
    assert all(p.is_file() for p in written)
    assert (tmp_path / "site" / "healthy" / "index.html").read_text(encoding="utf-8") == pages[
        "healthy/index.html"
    ]
    assert "@media" in (tmp_path / "site" / "style.css").read_text(encoding="utf-8")


def test_an_earlier_address_points_to_its_successor_or_says_it_is_gone(exhibition: Exhibition) -> None:
    successor = exhibition.register[0]
    pages = render_site(exhibition, moved={"0ld1d": successor.id, "g0ne": None, successor.id: None})
    moved, gone = pages["commitments/0ld1d.html"], pages["commitments/g0ne.html"]
    assert f'href="../commitments/{successor.id}.html"' in moved and "was reworded" in moved
    assert 'href="../register/index.html"' in gone and "no longer in the synthesis" in gone
    assert "was reworded" not in pages[f"commitments/{successor.id}.html"], "a current page is never replaced"
