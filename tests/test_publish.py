import os
from datetime import date, datetime
from pathlib import Path

import pytest

from synthesis.output import OutsideOutputs, inside
from synthesis.publish import (
    LATEST,
    POINTER,
    latest_run,
    previous_index,
    previous_synthesis,
    prune,
    publish,
    run_name,
    runs,
    start_staging,
)


def _stage_and_publish(summit: Path, name: str, content: str = "x") -> Path:
    staging = start_staging(summit, name)
    (staging / "synthesis.json").write_text(content, encoding="utf-8")
    return publish(staging, name)


def test_run_names_sort_by_date_then_time() -> None:
    assert run_name(date(2019, 9, 1), datetime(2026, 11, 25, 1, 30, 5)) == "2019-09-01T013005"


def test_publish_renames_the_staging_folder_and_moves_latest(tmp_path: Path) -> None:
    summit = tmp_path / "s"
    first = _stage_and_publish(summit, "2019-09-01T010000")
    assert latest_run(summit) == first and os.readlink(summit / LATEST) == first.name
    second = _stage_and_publish(summit, "2019-09-02T010000")
    assert latest_run(summit) == second
    assert (summit / POINTER).read_text().strip() == second.name
    assert [p.name for p in runs(summit)] == [first.name, second.name]  # the earlier run is kept
    assert not list(summit.glob(".staging-*"))


def test_the_same_name_twice_never_overwrites_a_run(tmp_path: Path) -> None:
    first = _stage_and_publish(tmp_path, "2019-09-01T010000", "one")
    second = _stage_and_publish(tmp_path, "2019-09-01T010000", "two")
    assert second.name == "2019-09-01T010000-2"
    assert (first / "synthesis.json").read_text() == "one"
    assert latest_run(tmp_path) == second


def test_the_pointer_file_names_latest_where_there_is_no_symlink(tmp_path: Path) -> None:
    run = _stage_and_publish(tmp_path, "2019-09-01T010000")
    (tmp_path / LATEST).unlink()
    assert latest_run(tmp_path) == run


def test_leftovers_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    done = _stage_and_publish(tmp_path, "2019-09-01T010000")
    killed = start_staging(tmp_path, "2019-09-02T010000")
    (killed / "booklet-en-fr.pdf").write_bytes(b"half")
    assert latest_run(tmp_path) == done  # a staging folder is never latest
    start_staging(tmp_path, "2019-09-03T010000")
    assert not killed.exists()


def test_prune_keeps_the_newest_runs_and_latest(tmp_path: Path) -> None:
    names = [f"2019-09-0{day}T010000" for day in range(1, 6)]
    for name in names:
        _stage_and_publish(tmp_path, name)
    removed = prune(tmp_path, keep=2)
    assert [p.name for p in removed] == names[:3]
    assert [p.name for p in runs(tmp_path)] == names[3:]


def test_previous_synthesis_is_none_when_latest_is_damaged(tmp_path: Path) -> None:
    _stage_and_publish(tmp_path, "2019-09-01T010000", "{broken")
    assert previous_synthesis(tmp_path) is None
    assert previous_synthesis(tmp_path / "nothing-yet") is None
    assert previous_index(tmp_path) is None
    assert previous_index(tmp_path / "nothing-yet") is None


def test_paths_outside_the_output_root_are_refused(tmp_path: Path) -> None:
    assert inside(tmp_path, tmp_path / "s" / "run") == (tmp_path / "s" / "run").resolve()
    with pytest.raises(OutsideOutputs, match="outside"):
        inside(tmp_path / "outputs", tmp_path / "outputs" / ".." / "elsewhere")
