"""Time to write the exhibition from a stored synthesis, as `summit kit` does (no NLP).

    .venv/bin/python -m benchmarks.documents [--repeat 3] [--poster-size A1] [--scale 1]

Input: tests/fixtures/synthesis-sample.json (the sample summit: 5 workshops,
87 commitments) with the sample translation memory, or that summit with each commitment
repeated --scale times. Times each stage, best of
--repeat runs, after one warm-up (fonts and catalogs load once per process).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from synthesis.documents.build import build_exhibition
from synthesis.documents.docx import render_booklet_docx
from synthesis.documents.pdf import render_booklet, render_poster
from synthesis.documents.translation import translate_free_text
from synthesis.models import SummitSynthesis, WorkshopSynthesis, content_id
from synthesis.site import write_site
from synthesis.translate.chain import TranslatorChain
from synthesis.translate.memory import TranslationMemory

ROOT = Path(__file__).resolve().parent.parent
SYNTHESIS = ROOT / "tests" / "fixtures" / "synthesis-sample.json"
MEMORY = ROOT / "inputs" / "dusseldorf-2019" / "translations"


def best(repeat: int, step: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def scaled(synthesis: SummitSynthesis, times: int) -> SummitSynthesis:
    """The synthesis with each commitment repeated `times` times under new ids: a larger summit."""

    def repeated(w: WorkshopSynthesis) -> WorkshopSynthesis:
        each = w.commitments
        copies = [c.model_copy(update={"id": content_id(c.id, str(n))}) for n in range(times) for c in each]
        return w.model_copy(update={"commitments": tuple(copies)})

    return synthesis.model_copy(update={"workshops": tuple(repeated(w) for w in synthesis.workshops)})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--poster-size", default="A1")
    parser.add_argument("--scale", type=int, default=1, help="repeat each commitment this many times")
    args = parser.parse_args()
    synthesis = scaled(SummitSynthesis.model_validate_json(SYNTHESIS.read_text(encoding="utf-8")), args.scale)
    chain = TranslatorChain([TranslationMemory.load(MEMORY)])
    texts = translate_free_text(synthesis, ("en", "fr"), chain)
    exhibition = build_exhibition(synthesis, languages=("en", "fr"), texts=texts)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)

        def posters() -> None:
            for workshop in exhibition.workshops:
                render_poster(exhibition, workshop, out / f"{workshop.id}.pdf", size=args.poster_size)

        steps: dict[str, Callable[[], object]] = {
            "translate (memory)": lambda: translate_free_text(synthesis, ("en", "fr"), chain),
            "build exhibition": lambda: build_exhibition(synthesis, languages=("en", "fr"), texts=texts),
            f"5 posters {args.poster_size}": posters,
            "booklet PDF": lambda: render_booklet(exhibition, out / "booklet.pdf"),
            "booklet DOCX": lambda: render_booklet_docx(exhibition, out / "booklet.docx"),
            "citizens' site": lambda: write_site(exhibition, out / "site"),
        }
        for step in steps.values():
            step()  # warm-up
        total = 0.0
        for name, step in steps.items():
            seconds = best(args.repeat, step)
            total += seconds
            print(f"{name:<22} {seconds:6.2f} s")
        pages = len(PdfReader(out / "booklet.pdf").pages)
    commitments = sum(len(w.commitments) for w in synthesis.workshops)
    print(f"{'total':<22} {total:6.2f} s   (booklet: {pages} pages, {commitments} commitments)")
    print(f"peak memory            {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
