import multiprocessing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from synthesis.lock import RunLocked, lock_holder, run_lock

NOW = datetime(2026, 11, 25, 1, 30, tzinfo=UTC)


def _hold(
    folder: Path, ready: "multiprocessing.synchronize.Event", done: "multiprocessing.synchronize.Event"
) -> None:
    with run_lock(folder, summit_id="s", by="the schedule", now=NOW):
        ready.set()
        done.wait(30)


def test_a_second_run_is_refused_with_who_and_since_when(tmp_path: Path) -> None:
    ready, done = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold, args=(tmp_path, ready, done))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(RunLocked) as refused, run_lock(tmp_path, summit_id="s", by="me", now=NOW):
            pass
        message = refused.value.message
        assert "s is already running: the schedule, since 2026-11-25 01:30:00 UTC" in message
        assert f"pid {holder.pid}" in message
        assert lock_holder(tmp_path) == refused.value.holder
    finally:
        done.set()
        holder.join(30)
    assert lock_holder(tmp_path) is None
    with run_lock(tmp_path, summit_id="s", by="me", now=NOW):  # free again once the holder ended
        pass


def test_a_killed_holder_never_blocks_the_next_run(tmp_path: Path) -> None:
    ready, never = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold, args=(tmp_path, ready, never))
    holder.start()
    assert ready.wait(30)
    holder.kill()  # SIGKILL: no cleanup code runs
    holder.join(30)
    with run_lock(tmp_path, summit_id="s", by="me", now=NOW):
        assert lock_holder(tmp_path) is not None and lock_holder(tmp_path)["by"] == "me"  # type: ignore[index]


def test_the_same_process_may_take_its_own_lock_again(tmp_path: Path) -> None:
    with (
        run_lock(tmp_path, summit_id="s", by="summit run", now=NOW),
        run_lock(tmp_path, summit_id="s", by="the flow", now=NOW),
    ):
        assert lock_holder(tmp_path)["by"] == "summit run"  # type: ignore[index]
