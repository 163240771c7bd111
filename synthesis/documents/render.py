"""Write the exhibition: posters, booklet (PDF and DOCX), exports and the to-translate files."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import Branding, Exhibition
from synthesis.documents.docx import render_booklet_docx
from synthesis.documents.exports import commitments_csv, decidim_csv
from synthesis.documents.pdf import render_booklet, render_poster
from synthesis.documents.translation import TranslatedTexts
from synthesis.errors import SynthesisError
from synthesis.models import Language, SummitSynthesis
from synthesis.output import inside, write_atomically
from synthesis.processes import die_with_parent
from synthesis.site import write_site
from synthesis.site.model import SiteError
from synthesis.translate.memory import export_untranslated

log = logging.getLogger(__name__)
SITE_FOLDER = "site"  # the citizens' pages: `summit web` serves them, any web host can


@dataclass
class Rendered:
    files: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # file name -> why it could not be written


def _atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Render beside the target, then rename: a failed render never leaves half a document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix)
    os.close(fd)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def document_names(exhibition: Exhibition) -> dict[str, str]:
    pair = "-".join(exhibition.languages)
    names = {f"poster-{w.id}": f"poster-{w.id}-{pair}.pdf" for w in exhibition.workshops}
    return {**names, "booklet": f"booklet-{pair}.pdf", "booklet-docx": f"booklet-{pair}.docx"}


def _write_docx(exhibition: Exhibition, path: Path) -> None:
    """In a process of its own (module level, so that it can be sent there)."""
    _atomically(path, lambda p: render_booklet_docx(exhibition, p))


def render_exhibition(
    synthesis: SummitSynthesis,
    texts: TranslatedTexts,
    directory: Path,
    *,
    languages: tuple[Language, Language],
    branding: Branding | None = None,
    poster_size: str = "A1",
    excel_csv: bool = False,
    workers: int = 1,
    moved: Mapping[str, str | None] | None = None,
) -> Rendered:
    """Every document of the exhibition in `directory`; one that fails is reported, the others written.

    With `workers` > 1 the DOCX, slow to build with python-docx, is written in a second process
    while this one writes the PDFs. It is a fresh interpreter (spawn): the caller may hold threads.
    `moved` maps commitment ids of earlier runs to their successors, for the site's old addresses.
    """
    exhibition = build_exhibition(synthesis, languages=languages, texts=texts, branding=branding)
    names = document_names(exhibition)
    jobs: list[tuple[str, Callable[[Path], object]]] = [
        (names[f"poster-{w.id}"], lambda p, w=w: render_poster(exhibition, w, p, size=poster_size))  # type: ignore[misc]
        for w in exhibition.workshops
    ]
    jobs.append((names["booklet"], lambda p: render_booklet(exhibition, p)))
    rendered = Rendered()
    docx = names["booklet-docx"]
    with ExitStack() as stack:
        aside: Future[None] | None = None
        if workers > 1:
            spawn = get_context("spawn")
            pool = stack.enter_context(ProcessPoolExecutor(1, mp_context=spawn, initializer=die_with_parent))
            aside = pool.submit(_write_docx, exhibition, inside(directory, directory / docx))
        else:
            jobs.append((docx, lambda p: render_booklet_docx(exhibition, p)))
        for name, write in jobs:
            _record(
                rendered, directory, name, partial(_atomically, inside(directory, directory / name), write)
            )
        if aside is not None:
            _record(rendered, directory, docx, aside.result)
    tables = {
        "commitments.csv": commitments_csv(synthesis, exhibition, texts, excel=excel_csv),
        "decidim-accountability.csv": decidim_csv(synthesis, texts),
    }
    for name, content in tables.items():
        write_atomically(inside(directory, directory / name), content)
        rendered.files.append(directory / name)
    rendered.files += export_untranslated(texts.untranslated(), directory)
    write = partial(_write_site, exhibition, directory / SITE_FOLDER, moved)
    _record(rendered, directory, SITE_FOLDER, write)
    return rendered


def _write_site(exhibition: Exhibition, folder: Path, moved: Mapping[str, str | None] | None) -> None:
    try:
        write_site(exhibition, folder, moved=moved)
    except SiteError as error:  # a workshop id unfit for a path: the site fails, not the documents
        raise ValueError(f"{error} ({error.hint})") from error


def _record(rendered: Rendered, directory: Path, name: str, run: Callable[[], object]) -> None:
    """Run one document's writing and note what came of it."""
    try:
        run()
        rendered.files.append(directory / name)
    except SynthesisError:
        raise  # a bad logo or size is the caller's to fix, for every document alike
    except Exception as error:  # one broken document must not cost the others
        log.exception("could not write %s", name)
        rendered.failed[name] = f"{type(error).__name__}: {error}"[:300]
