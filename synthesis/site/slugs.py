"""File names for cities and deadline years: lowercase ASCII, stable, never colliding."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Letters NFKD does not decompose into ASCII: without these, "Straße" would lose its "ss".
_SPELLED = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
    }
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(text: str, *, fallback: str = "x") -> str:
    """ "Be'er Sheva" → "be-er-sheva", "İzmir" → "izmir"; `fallback` when nothing ASCII is left."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPELLED))
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_ALNUM.sub("-", ascii_only).strip("-") or fallback


class Slugs:
    """One slug per name, unique among `names`: "Québec" and "Quebec" get "quebec" and "quebec-2"."""

    def __init__(self, names: Iterable[str], *, fallback: str = "x") -> None:
        self._of: dict[str, str] = {}
        taken: set[str] = set()
        # Sorted, so that the same names get the same slugs on every run, whatever their order.
        for name in sorted(set(names), key=lambda n: (slug(n, fallback=fallback), n)):
            base = candidate = slug(name, fallback=fallback)
            number = 2
            while candidate in taken:
                candidate, number = f"{base}-{number}", number + 1
            taken.add(candidate)
            self._of[name] = candidate

    def __getitem__(self, name: str) -> str:
        return self._of[name]

    def __contains__(self, name: object) -> bool:
        return name in self._of
