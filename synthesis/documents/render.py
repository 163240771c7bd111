"""Write the exhibition: posters, booklet (PDF and DOCX), exports and the to-translate files.

A document whose inputs did not change since the latest run is linked from it (`reuse.py`)."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing import get_context
from pathlib import Path

from synthesis.documents.build import build_exhibition
from synthesis.documents.content import Branding, Exhibition, WorkshopContent
from synthesis.documents.docx import render_booklet_docx
from synthesis.documents.exports import commitments_csv, decidim_csv
from synthesis.documents.pdf import render_booklet, render_poster
from synthesis.documents.reuse import Earlier, Job, Record, file_hash, plan, rendering_code, write_records
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
    reused: list[str] = field(default_factory=list)  # linked from the earlier run, not rendered


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


def poster_view(exhibition: Exhibition, workshop: WorkshopContent) -> Exhibition:
    """What a poster is rendered from: its workshop and the summit's frame (title, branding,
    headings), without the other workshops and the booklet's pages, whose changes it ignores."""
    return replace(
        exhibition, workshops=(workshop,), register=(), cities=(), shared_themes=(), method=(),
        method_facts=(), made_at=None,
    )  # fmt: skip


def _poster(view: Exhibition, size: str, path: Path) -> None:
    render_poster(view, view.workshops[0], path, size=size)


def document_jobs(exhibition: Exhibition, *, poster_size: str = "A1") -> list[Job]:
    """The posters, the booklet PDF and the DOCX, each with what it is rendered from.

    The PDF booklet carries no date of its own (`made_at` is the DOCX's metadata only)."""
    names = document_names(exhibition)
    logo = (exhibition.branding.logo,) if exhibition.branding.logo else ()
    jobs = []
    for w in exhibition.workshops:
        view = poster_view(exhibition, w)
        jobs.append(
            Job(names[f"poster-{w.id}"], view, partial(_poster, view, poster_size), logo, poster_size)
        )
    booklet = replace(exhibition, made_at=None)
    jobs.append(Job(names["booklet"], booklet, partial(render_booklet, booklet), logo))
    jobs.append(Job(names["booklet-docx"], exhibition, partial(render_booklet_docx, exhibition), logo))
    return jobs


def _write_docx(exhibition: Exhibition, path: Path) -> None:
    """In a process of its own (module level, so that it can be sent there)."""
    _atomically(path, lambda p: render_booklet_docx(exhibition, p))


def _warm() -> None:
    """The aside process's start: what writing the DOCX imports, before there is one to write."""
    import synthesis.documents.docx.booklet  # noqa: F401


def _spawned() -> ProcessPoolExecutor:
    """One process, a fresh interpreter (spawn): the caller may hold threads."""
    return ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=die_with_parent)


@contextmanager
def aside_process(workers: int) -> Iterator[Executor | None]:
    """A second process for the DOCX, started now so that its start-up overlaps the caller's
    work (the synthesis); None with one worker."""
    if workers <= 1:
        yield None
        return
    with _spawned() as pool:
        pool.submit(_warm)
        yield pool


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
    earlier: Path | None = None,
    aside: Executor | None = None,
) -> Rendered:
    """Every document of the exhibition in `directory`; one that fails is reported, the others written.

    A document whose digest (`reuse.py`) is the one recorded by the `earlier` run folder is
    linked from there instead of rendered. With `workers` > 1 (or an `aside` process from
    `aside_process`) the DOCX, slow to build with python-docx, is written in a second process
    while this one writes the PDFs. `moved` maps commitment ids of earlier runs to their
    successors, for the site's old addresses.
    """
    exhibition = build_exhibition(synthesis, languages=languages, texts=texts, branding=branding)
    code = rendering_code()
    todo, records = plan(
        document_jobs(exhibition, poster_size=poster_size), code, Earlier.of(earlier), directory
    )
    rendered = Rendered(files=[directory / name for name in records], reused=sorted(records))
    docx = document_names(exhibition)["booklet-docx"]
    with ExitStack() as stack:
        later: tuple[Future[None], str] | None = None
        wanted_docx = next((wanted for job, wanted in todo if job.name == docx), None)
        if wanted_docx is not None and (aside is not None or workers > 1):
            pool = aside if aside is not None else stack.enter_context(_spawned())
            try:  # first, so that it runs while this process writes the PDFs
                path = inside(directory, directory / docx)
                later = (pool.submit(_write_docx, exhibition, path), wanted_docx)
            except (BrokenProcessPool, RuntimeError):  # the aside process is gone: write it here
                log.warning("the aside process could not take the DOCX; writing it here")
        for job, wanted in todo:
            if later is not None and job.name == docx:
                continue  # the aside process writes it
            path = inside(directory, directory / job.name)
            if _record(rendered, directory, job.name, partial(_atomically, path, job.write)):
                records[job.name] = Record(wanted, file_hash(path))
        if later is not None and _record(rendered, directory, docx, later[0].result):
            records[docx] = Record(later[1], file_hash(directory / docx))
    rendered.files.append(write_records(directory, records))
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


def _record(rendered: Rendered, directory: Path, name: str, run: Callable[[], object]) -> bool:
    """Run one document's writing and note what came of it; whether it was written."""
    try:
        run()
        rendered.files.append(directory / name)
        return True
    except SynthesisError:
        raise  # a bad logo or size is the caller's to fix, for every document alike
    except Exception as error:  # one broken document must not cost the others
        log.exception("could not write %s", name)
        rendered.failed[name] = f"{type(error).__name__}: {error}"[:300]
        return False
