"""The reuse kit: a city re-renders the exhibition under its own name, logo, colour and languages.

Everything comes from a stored `synthesis.json`; no note is read and no
language model is loaded.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from synthesis.documents.content import Branding
from synthesis.documents.errors import DocumentError
from synthesis.escape import printable
from synthesis.models import LANGUAGES, SUMMIT_ID_PATTERN, Language, SummitSynthesis
from synthesis.publish import latest_run

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_LOGO_PIXELS = 25_000_000


def parse_languages(value: str) -> tuple[Language, Language]:
    """ "fr,en" -> ("fr", "en"): two different languages among en, fr and de."""
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    if len(codes) != 2 or codes[0] == codes[1] or any(code not in LANGUAGES for code in codes):
        raise DocumentError(
            f"{value!r} is not a language pair",
            hint="give two different languages among en, fr, de, e.g. fr,en",
        )
    return codes[0], codes[1]  # type: ignore[return-value]


def check_branding(branding: Branding) -> Branding:
    if not HEX_COLOUR.match(branding.accent):
        raise DocumentError(
            f"{branding.accent!r} is not a colour", hint="give the accent as #RRGGBB, e.g. '#0A7B83'"
        )
    if branding.logo is not None:
        _check_logo(branding.logo)
    return branding


def check_summit_id(summit_id: str) -> str:
    """A summit id as summit.yaml allows it, so that it can never name a folder elsewhere."""
    if not re.match(SUMMIT_ID_PATTERN, summit_id):
        raise DocumentError(
            f"{printable(summit_id)!r} is not a summit id",
            hint="give the id of summit.yaml: lower-case letters, digits and hyphens, e.g. dusseldorf-2019",
        )
    return summit_id


def _check_logo(path: Path) -> None:
    from PIL import Image, UnidentifiedImageError

    if not path.is_file():
        raise DocumentError(f"{path}: no such logo file", hint="give the path of a PNG or JPEG file")
    try:
        with Image.open(path) as image:  # reads the header only: the size is known before any pixel
            width, height = image.size
            if width * height > MAX_LOGO_PIXELS:
                raise DocumentError(
                    f"{path}: the logo is {width:,}×{height:,} pixels, over the {MAX_LOGO_PIXELS:,} allowed",
                    hint="scale the logo down (1,000 pixels wide is plenty for A0) and try again",
                )
            image.verify()
            kind = image.format
    except Image.DecompressionBombError as error:
        raise DocumentError(
            f"{path}: the logo has far too many pixels (over the {MAX_LOGO_PIXELS:,} allowed)",
            hint="scale the logo down (1,000 pixels wide is plenty for A0) and try again",
        ) from error
    except (UnidentifiedImageError, OSError) as error:
        raise DocumentError(
            f"{path}: not a readable image ({error})", hint="give the logo as a PNG or JPEG file"
        ) from error
    if kind not in {"PNG", "JPEG"}:
        raise DocumentError(f"{path}: a {kind} image", hint="convert the logo to PNG or JPEG")


def latest_synthesis(
    outputs: Path, summit_id: str, run_date: str | None = None
) -> tuple[SummitSynthesis, Path]:
    """The stored synthesis of `run_date`, or of the latest run; raises DocumentError if there is none."""
    folder = outputs / check_summit_id(summit_id)
    candidates = sorted(folder.glob("*/synthesis.json")) if folder.is_dir() else []
    latest = latest_run(folder)
    if run_date:  # a run's date, or its full name (2019-09-01T013000)
        candidates = [p for p in candidates if p.parent.name.startswith(run_date)]
    elif latest is not None:
        candidates = [latest / "synthesis.json"]
    if not candidates:
        wanted = f"of {run_date} " if run_date else ""
        raise DocumentError(
            f"no stored synthesis {wanted}for {summit_id!r} under {folder}",
            hint=f"run `summit run inputs/{summit_id}` first, or point --outputs at the folder that holds it",
        )
    path = candidates[-1]
    try:
        return SummitSynthesis.model_validate_json(path.read_text(encoding="utf-8")), path
    except (OSError, ValueError) as error:
        raise DocumentError(
            f"{path}: not a readable synthesis ({str(error).splitlines()[0]})",
            hint="run `summit run` again to rebuild it",
        ) from error


def kit_folder_name(city: str, languages: tuple[Language, Language]) -> str:
    ascii_name = unicodedata.normalize("NFKD", city).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "city"
    return f"kit-{slug}-{'-'.join(languages)}"
