"""The citizens' website: every page as HTML text (`render_site`), then written (`write_site`).

Pages link to each other by relative paths only, so the folder works as it is on
any web host, under any prefix (/s/dusseldorf-2019/), and opened from disk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from synthesis.documents.content import Exhibition, Pair
from synthesis.models import Language
from synthesis.output import write_atomically
from synthesis.site.labels import site_labels, word
from synthesis.site.model import (
    COMMITMENT_ID,
    Filter,
    Site,
    actor_of,
    both,
    city_names,
    commitment_path,
    same,
    workshop_path,
)
from synthesis.site.moved import MOVED_FILE, moved_json

HERE = Path(__file__).parent
STYLE = HERE / "style.css"
DEFAULT_ACCENT = "#1F5C99"
# The accent is drawn as text on white and on the tinted panels: it must reach WCAG AA on both.
BACKGROUNDS = ("#ffffff", "#f3f6f9")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every string from a note is escaped, in text and attributes alike
        undefined=StrictUndefined,  # a misspelt field fails the render instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def accent_colour(accent: str) -> str:
    """The branding's accent if it is a hex colour readable on the site's backgrounds, else ours."""
    # Checked against a strict pattern too: it is written into CSS, where autoescape does not help.
    if _HEX.match(accent) and all(contrast(accent, b) >= 4.5 for b in BACKGROUNDS):
        return accent
    return DEFAULT_ACCENT


def plain(pair: Pair) -> str:
    """Both languages on one line, for <title> and aria-label (which cannot carry markup)."""
    left, right = pair.left.text, pair.right.text
    return left if left == right else f"{left} / {right}"


def _url_from(page: str) -> Callable[[str], str]:
    """Links from `page` to another page given from the site root: "../register/index.html"."""
    up = "../" * page.count("/")
    return lambda target: up + target


def _credited(key: str, who: Pair, languages: tuple[Language, Language]) -> Pair:
    """ "Organised by X" in each column's language (no colon: it reads as a sentence in en, fr, de)."""
    (left, right), texts = languages, (who.left, who.right)
    return both(f"{word(key, left)} {texts[0].text}", f"{word(key, right)} {texts[1].text}", languages)


def footer_lines(exhibition: Exhibition) -> list[Pair]:
    """Who presents and who organises, as every document names them."""
    languages, lines = exhibition.languages, []
    if exhibition.presenter is not None:
        lines.append(_credited("presented_by", exhibition.presenter, languages))
    elif exhibition.branding.presenter:
        lines.append(_credited("presented_by", same(exhibition.branding.presenter, languages), languages))
    if exhibition.organiser is not None:
        lines.append(_credited("organised_by", exhibition.organiser, languages))
    elif not lines:
        lines.append(same(exhibition.author, languages))
    return lines


class _Renderer:
    def __init__(self, exhibition: Exhibition, base_path: str, moved: Mapping[str, str | None]) -> None:
        self.site = Site(exhibition)
        self.moved = moved
        self.ex = exhibition
        self.base_path = base_path.rstrip("/")
        self.pages: dict[str, str] = {}
        self.common: dict[str, Any] = {
            "site": self.site,
            "ex": exhibition,
            "h": exhibition.headings,
            "labels": site_labels(exhibition.languages),
            "left": exhibition.languages[0],
            "right": exhibition.languages[1],
            "accent": accent_colour(exhibition.branding.accent),
            "plain": plain,
            "footer": footer_lines(exhibition),
            "actor_of": lambda item: actor_of(item, exhibition.languages),
            "city_names": lambda row: city_names(row, exhibition.languages),
            "same": lambda text: same(text, exhibition.languages),
            "commitment_path": commitment_path,
            "workshop_path": workshop_path,
        }

    def page(
        self, path: str, template: str, title: Pair, subtitle: Pair | None = None, **context: Any
    ) -> None:
        canonical = None
        if self.base_path:
            canonical = f"{self.base_path}/{path.removesuffix('index.html')}"
        full_title = plain(title) + (f" — {plain(subtitle)}" if subtitle else "")
        if path != "index.html":
            full_title += f" · {plain(self.ex.title)}"
        loaded = _environment().get_template(template)
        self.pages[path] = loaded.render(
            self.common,
            path=path,
            url=_url_from(path),
            title=title,
            full_title=full_title,
            canonical=canonical,
            **context,
        )

    def render(self) -> dict[str, str]:
        ex, h = self.ex, self.ex.headings
        self.page("index.html", "index.html", ex.title)
        for workshop in ex.workshops:
            self.page(workshop_path(workshop), "workshop.html", workshop.name, workshop=workshop)
        for item in self.site.commitments.values():
            self.page(
                commitment_path(item),
                "commitment.html",
                actor_of(item, ex.languages),
                h.commitment,
                item=item,
                workshop=self.site.workshop_of(item),
            )
        for old, new in sorted(self.moved.items()):
            if old not in self.site.commitments and COMMITMENT_ID.match(old):
                target = self.site.commitments.get(new) if new else None
                self.page(f"commitments/{old}.html", "moved.html", h.commitment, target=target)
        self._register()
        self.page("cities/index.html", "cities.html", h.cities)
        for row in ex.cities:
            path = self.site.city_path(row.name)
            assert path is not None  # every row of the index has a page: city_path says so
            self.page(path, "city.html", city_names(row, ex.languages), row=row)
        self.page("method.html", "method.html", h.method)
        return self.pages

    def _register(self) -> None:
        h = self.ex.headings
        views: list[tuple[str, Filter | None, tuple[Any, ...]]] = [
            ("register/index.html", None, self.ex.register)
        ]
        views += [(f.path, f, f.items) for f in self.site.filters]
        for path, current, items in views:
            subtitle = None if current is None else current.label
            self.page(path, "register.html", h.register, subtitle, current=current, items=items)


def render_site(
    exhibition: Exhibition, *, base_path: str = "", moved: Mapping[str, str | None] | None = None
) -> dict[str, str]:
    """Every page of the citizens' site: relative path (posix, e.g. "index.html",
    "healthy/index.html") -> HTML text.

    `base_path` is where the site will be published ("https://example.org/s/dusseldorf-2019/"):
    it only fills each page's canonical link; the pages' own links stay relative. `moved` maps
    earlier commitment ids to the one that replaced them (or None): each gets a page saying so.
    """
    return _Renderer(exhibition, base_path, moved or {}).render()


def write_site(
    exhibition: Exhibition, directory: Path, *, moved: Mapping[str, str | None] | None = None
) -> list[Path]:
    """render_site written under `directory` (e.g. <run folder>/site/), each file atomically,
    plus its style.css and the moved commitments for the next run; returns the files."""
    written = []
    files = {
        **render_site(exhibition, moved=moved),
        "style.css": STYLE.read_text(encoding="utf-8"),
        MOVED_FILE: moved_json(moved or {}),
    }
    for relative, content in files.items():
        target = directory.joinpath(*relative.split("/"))
        write_atomically(target, content)
        written.append(target)
    return written
