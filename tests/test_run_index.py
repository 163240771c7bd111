from __future__ import annotations

from pathlib import Path

import pytest

from synthesis.models import SummitSynthesis
from synthesis.output import write_run
from synthesis.publish import previous_index, publish, start_staging
from synthesis.report import note_counts
from synthesis.run_index import INDEX_FILE, RunIndex, index_run, read_index

SAMPLE = Path(__file__).parent / "fixtures" / "synthesis-sample.json"


@pytest.fixture(scope="module")
def sample_synthesis() -> SummitSynthesis:
    return SummitSynthesis.model_validate_json(SAMPLE.read_text(encoding="utf-8"))


def test_the_index_names_every_note_and_commitment(sample_synthesis: SummitSynthesis) -> None:
    index = index_run(sample_synthesis)
    assert set(index.notes) == {n.source for n in sample_synthesis.notes}
    assert [c.id for c in index.commitments] == [
        c.id for w in sample_synthesis.workshops for c in w.commitments
    ]
    assert index.run_date == sample_synthesis.run.run_date
    assert RunIndex.model_validate_json(index.model_dump_json()) == index


def test_a_run_folder_is_compared_through_its_small_index(
    sample_synthesis: SummitSynthesis, tmp_path: Path
) -> None:
    staging = start_staging(tmp_path, "2019-09-01T013000")
    write_run(sample_synthesis, staging)
    run = publish(staging, "2019-09-01T013000")
    index = previous_index(tmp_path)
    assert index == index_run(sample_synthesis)
    assert (run / INDEX_FILE).stat().st_size < (run / "synthesis.json").stat().st_size / 5
    (run / INDEX_FILE).unlink()  # a run written before index files existed
    assert read_index(run) == index


def test_a_changed_note_is_counted_as_changed(sample_synthesis: SummitSynthesis) -> None:
    before = index_run(sample_synthesis)
    first = sample_synthesis.notes[0]
    edited = first.model_copy(update={"meta": first.meta.model_copy(update={"city": "Lyon"})})
    now = sample_synthesis.model_copy(update={"notes": (edited, *sample_synthesis.notes[1:])})
    counts = note_counts(now, before)
    assert (counts.new, counts.changed, counts.removed) == (0, 1, 0)
    assert note_counts(sample_synthesis, before).changed == 0
