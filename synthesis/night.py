"""The night's stages over a whole summit, as plain functions: the flow only orchestrates them.

Ingestion and extraction results are kept in a `RecordStore` under keys that
hash everything they depend on (see `ingest_key` and `extraction_key`), so an
unchanged night reads no document and loads no language model, and a killed
night keeps every note it had finished.
"""

from __future__ import annotations

import json
import shutil
import stat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel

import synthesis
from synthesis.digest import changes_since, city_index, representative_quotes, shared_themes
from synthesis.ingest import IngestLimits, discover, drop_duplicates, reader, split_results
from synthesis.ingest.metadata import SIDECAR_SUFFIX
from synthesis.models import Language, Note, NoteExtraction, Rejection, RunInfo, SummitConfig, SummitSynthesis
from synthesis.output import write_atomically
from synthesis.processes import release_memory
from synthesis.run_index import RunIndex
from synthesis.store import RecordStore, fingerprint, source_fingerprint
from synthesis.workshops import Quotes, summarise_workshops

PACKAGE = Path(synthesis.__file__).parent
INGEST_CODE = (PACKAGE / "ingest",)
EXTRACT_CODE = (PACKAGE / "extract",)


def code_fingerprint(folders: Sequence[Path]) -> str:
    """The stage's code and data files, plus the records they produce."""
    return fingerprint(source_fingerprint(folders), (PACKAGE / "models.py").read_bytes())


@dataclass(frozen=True, slots=True)
class Ingested:
    notes: list[Note]
    rejected: list[Rejection]
    cached: int  # notes taken from the store without reading their file


def ingest_key(
    path: Path, *, summit_dir: Path, summit: SummitConfig, limits: IngestLimits, code: str
) -> str | None:
    """What a note's ingestion depends on; None when the file must not be read here (not a plain file)."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > limits.max_file_bytes:
        return None  # symlinks, devices and oversized files: ingest_file says why
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    try:
        side = sidecar.read_bytes() if sidecar.is_file() and not sidecar.is_symlink() else b""
        content = path.read_bytes()
    except OSError:
        return None
    return fingerprint(
        "ingest",
        code,
        path.relative_to(summit_dir).as_posix(),
        content,
        side,
        summit.model_dump_json(),
        repr(limits),
    )


def ingest_all(
    summit_dir: Path,
    summit: SummitConfig,
    *,
    limits: IngestLimits,
    store: RecordStore,
    on_file: Callable[[Path], None] | None = None,
    meanwhile: Callable[[list[Note]], object] | None = None,
) -> Ingested:
    """Every upload of the summit as a note or a rejection; notes already read come from the store.

    Files are read in a limited child process (`limits.sandbox`), started only if one is not
    stored, and started first: it warms up while the stored notes are loaded and `meanwhile`
    runs with them (the caller's next stage, for the notes it already has).
    """
    code = code_fingerprint(INGEST_CODE)
    paths, refused = discover(summit_dir)
    keys = {
        path: ingest_key(path, summit_dir=summit_dir, summit=summit, limits=limits, code=code)
        for path in paths
    }
    stored: dict[Path, Note] = {}
    with reader(limits.sandbox, start=not all(k and store.has(k) for k in keys.values())) as read:
        for path, key in keys.items():
            note = store.get(key, Note) if key else None
            if note is not None:
                if on_file:
                    on_file(path)
                stored[path] = note
        if meanwhile:
            meanwhile(list(stored.values()))
        results: list[Note | Rejection] = []
        for path, key in keys.items():
            if path in stored:
                results.append(stored[path])
                continue
            if on_file:
                on_file(path)
            result = read(path, summit_dir=summit_dir, summit=summit, limits=limits)
            if key and isinstance(result, Note):
                store.put(key, result)  # rejections are read again: their file may be fixed in place
            results.append(result)
    outcome = split_results([*drop_duplicates(results), *refused])
    return Ingested(outcome.notes, outcome.rejected, len(stored))


def pipeline_fingerprint(model_versions: dict[Language, str]) -> str:
    """The models (name and version) and the extraction code and data: shared by every note's key."""
    return fingerprint(json.dumps(model_versions, sort_keys=True), code_fingerprint(EXTRACT_CODE))


def extraction_key(note: Note, *, pipeline: str) -> str:
    """A note's extraction depends on its text and blocks, and on the metadata extraction reads."""
    blocks = [(p.start, p.end, p.kind, p.language) for p in note.paragraphs]
    return fingerprint(
        "extract",
        pipeline,
        note.id,
        note.format,
        note.language,
        note.meta.city or "",
        note.meta.session.day.isoformat(),
        json.dumps(blocks),
    )


@dataclass(slots=True)
class ExtractionPlan:
    """Which notes are already extracted, and the batches of those that are not."""

    found: dict[str, NoteExtraction] = field(default_factory=dict)  # by note id
    batches: list[list[Note]] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # note id to store key

    @property
    def words(self) -> int:
        """Words still to extract."""
        return sum(note.words for batch in self.batches for note in batch)

    @property
    def languages(self) -> list[Language]:
        return sorted({p.language for batch in self.batches for note in batch for p in note.paragraphs})


def stored_extractions(
    notes: Sequence[Note], *, pipeline: str, store: RecordStore
) -> dict[str, NoteExtraction]:
    """The notes' extractions already in the store, by store key."""
    keys = [extraction_key(note, pipeline=pipeline) for note in notes]
    return {key: found for key in keys if (found := store.get(key, NoteExtraction)) is not None}


def ingest_and_look_up(
    summit_dir: Path,
    summit: SummitConfig,
    limits: IngestLimits,
    stores: tuple[RecordStore, RecordStore],
    pipeline: str,
) -> tuple[Ingested, dict[str, NoteExtraction]]:
    """`ingest_all` (notes store first), and the extractions stored for the notes read before,
    by store key: loaded while the reader process starts, when a file is to be read."""
    notes, extractions = stores
    found: dict[str, NoteExtraction] = {}

    def meanwhile(stored: list[Note]) -> None:
        found.update(stored_extractions(stored, pipeline=pipeline, store=extractions))

    return ingest_all(summit_dir, summit, limits=limits, store=notes, meanwhile=meanwhile), found


def plan_extraction(
    notes: Sequence[Note],
    *,
    pipeline: str,
    store: RecordStore,
    batches: int,
    known: Mapping[str, NoteExtraction] | None = None,
) -> ExtractionPlan:
    """Look every note up (in `known`, extractions already loaded by store key, then the store);
    share the rest among `batches` batches of about equal words, longest first."""
    plan = ExtractionPlan()
    missing: list[Note] = []
    known = known or {}
    for note in notes:
        key = plan.keys[note.id] = extraction_key(note, pipeline=pipeline)
        found = known.get(key) or store.get(key, NoteExtraction)
        if found is None:
            missing.append(note)
        else:
            plan.found[note.id] = found
    bins: list[tuple[int, list[Note]]] = [(0, []) for _ in range(max(1, min(batches, len(missing))))]
    for note in sorted(missing, key=lambda n: -n.words):
        words, batch = min(bins, key=lambda b: b[0])
        bins.remove((words, batch))
        bins.append((words + note.words, [*batch, note]))
    plan.batches = [batch for _, batch in bins if batch]
    return plan


class ExtractionBatch(BaseModel):
    """One batch of notes to extract, as a worker reads it from disk."""

    notes: list[Note]
    keys: dict[str, str]  # note id to store key


def write_batches(plan: ExtractionPlan, folder: Path) -> list[Path]:
    """Each batch in a file of its own: workers are handed a path, never the notes themselves.

    A flow run's parameters must stay under 512 kB, and Prefect would otherwise
    serialise and walk every note it passes; a path costs nothing to pass. The
    folder is emptied first: what a killed run left there is of no use.
    """
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = []
    for number, notes in enumerate(plan.batches, start=1):
        batch = ExtractionBatch(notes=notes, keys={n.id: plan.keys[n.id] for n in notes})
        path = folder / f"batch-{number:03d}.json"
        write_atomically(path, batch.model_dump_json())
        paths.append(path)
    return paths


def read_batch(path: Path) -> ExtractionBatch:
    return ExtractionBatch.model_validate_json(path.read_bytes())


def extract_batch(
    notes: Sequence[Note], keys: dict[str, str], store: RecordStore, extract: Callable[[Note], NoteExtraction]
) -> dict[str, str]:
    """Extract each note into the store at once; returns the error of each note that failed.

    Results go through the store, not back to the caller: a worker never holds
    more than one note's extraction, and nothing large crosses a process boundary.
    """
    failed: dict[str, str] = {}
    for note in notes:
        try:
            store.put(keys[note.id], extract(note))
        except Exception as error:  # one note's bug must not cost the others their extraction
            failed[note.id] = f"{type(error).__name__}: {error}"[:300]
        release_memory()  # a long note's records are freed: give the pages back before the next
    return failed


def collect_extractions(
    plan: ExtractionPlan, failed: dict[str, str], store: RecordStore
) -> dict[str, NoteExtraction | str]:
    """Every note's extraction, from the plan's finds and the store, or the reason it has none."""
    done: dict[str, NoteExtraction | str] = dict(plan.found)
    for note in (n for batch in plan.batches for n in batch):
        stored = None if note.id in failed else store.get(plan.keys[note.id], NoteExtraction)
        done[note.id] = stored or failed.get(note.id, "not extracted: its worker stopped before it")
    return done


def assemble(
    summit: SummitConfig,
    ingested: Ingested,
    extractions: dict[str, NoteExtraction | str],
    previous: RunIndex | None,
    *,
    run_date: date,
    started_at: datetime,
    finished_at: datetime,
    software: dict[str, str],
    quotes: Quotes = representative_quotes,
) -> SummitSynthesis:
    """The summit's synthesis from its notes and their extractions, compared with the previous run
    (`quotes` chooses each workshop's quotes: `StoredQuotes` keeps them between nights)."""
    notes = ingested.notes
    done = [e for n in notes if isinstance(e := extractions.get(n.id), NoteExtraction)]
    failed = {n.id: e for n in notes if isinstance(e := extractions.get(n.id, "not extracted"), str)}
    models = {language: model for e in done for language, model in e.models.items()}
    workshops = summarise_workshops(notes, done, summit, quotes=quotes)
    return SummitSynthesis(
        run=RunInfo(
            summit_id=summit.id,
            run_date=run_date,
            started_at=started_at,
            finished_at=finished_at,
            software=software,
            models=dict(sorted(models.items())),
        ),
        notes=tuple(notes),
        rejected=tuple(ingested.rejected),
        workshops=workshops,
        extractions=tuple(done),
        extraction_errors=failed,
        shared_themes=shared_themes(workshops),
        cities=city_index(workshops),
        changes=changes_since(workshops, previous),
        summit=summit,
    )
