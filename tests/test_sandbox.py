"""The sandbox: whatever the called function does, the parent gets an answer and the child is replaced."""

from __future__ import annotations

import os
import time

import pytest

from synthesis.models import RejectionReason
from synthesis.sandbox import Sandbox, SandboxFailed, SandboxLimits


# Called in the child by name, so they live at module level.
def allocate(size: int) -> int:
    return len(bytearray(size))


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def die() -> None:
    os._exit(3)


def fail() -> None:
    raise ValueError("a bug in the reader")


def pid() -> int:
    return os.getpid()


def slow_start() -> None:
    time.sleep(2)


@pytest.fixture(scope="module")
def box() -> Sandbox:
    with Sandbox(SandboxLimits(memory_bytes=1_000_000_000, seconds=5)) as sandbox:
        yield sandbox  # type: ignore[misc]


def test_a_call_runs_in_another_process_that_is_reused(box: Sandbox) -> None:
    first = box.call(pid)
    assert first != os.getpid() and box.call(pid) == first
    assert box.call(allocate, 10) == 10


def test_running_out_of_memory_is_an_answer_and_the_child_is_replaced(box: Sandbox) -> None:
    before = box.call(pid)
    with pytest.raises(SandboxFailed) as failed:
        box.call(allocate, 2_000_000_000)  # over the 1 GB address space
    assert failed.value.reason is RejectionReason.TOO_LARGE_CONTENT and "1.0 GB" in failed.value.message
    assert box.call(allocate, 1_000) == 1_000 and box.call(pid) != before


def test_overrunning_the_deadline_kills_the_child(box: Sandbox) -> None:
    started = time.monotonic()
    with pytest.raises(SandboxFailed) as failed:
        box.call(sleep, 60)
    assert failed.value.reason is RejectionReason.READER_TIMEOUT
    assert time.monotonic() - started < 30
    assert box.call(allocate, 1) == 1


def test_a_child_that_dies_is_reported_with_its_exit_code(box: Sandbox) -> None:
    with pytest.raises(SandboxFailed, match=r"died \(exit code 3\)") as failed:
        box.call(die)
    assert failed.value.reason is RejectionReason.INTERNAL_ERROR
    assert box.call(allocate, 1) == 1


def test_an_exception_comes_back_as_one_line(box: Sandbox) -> None:
    with pytest.raises(RuntimeError, match="ValueError: a bug in the reader"):
        box.call(fail)
    assert box.call(allocate, 1) == 1


def test_a_slow_start_does_not_count_against_the_first_call() -> None:
    # A cold child (imports, models) on a busy machine: its warm-up has its own, longer limit.
    with Sandbox(SandboxLimits(seconds=1), warm_up=slow_start) as box:
        first = box.call(pid)
        assert first != os.getpid()
        with pytest.raises(SandboxFailed) as failed:
            box.call(sleep, 5)  # the call itself still has its second
        assert failed.value.reason is RejectionReason.READER_TIMEOUT


def test_a_warm_up_that_fails_is_a_failed_start_not_a_crash() -> None:
    with Sandbox(SandboxLimits(seconds=5), warm_up=fail) as box, pytest.raises(SandboxFailed) as failed:
        box.call(pid)
    assert failed.value.reason is RejectionReason.INTERNAL_ERROR and "could not start" in failed.value.message


def test_a_child_started_early_warms_up_while_the_caller_works() -> None:
    with Sandbox(SandboxLimits(seconds=1), warm_up=slow_start) as box:
        began = time.monotonic()
        box.start()  # returns at once: the warm-up runs in the child
        assert time.monotonic() - began < 1.5
        time.sleep(2.2)  # the caller's own work, as long as the warm-up
        waited = time.monotonic()
        first = box.call(pid)
        assert time.monotonic() - waited < 1.5, "the warm-up was done while the caller worked"
        box.start()  # a live child is kept
        assert box.call(pid) == first


def test_a_failed_warm_up_started_early_fails_the_first_call() -> None:
    with Sandbox(SandboxLimits(seconds=5), warm_up=fail) as box:
        box.start()
        with pytest.raises(SandboxFailed) as failed:
            box.call(pid)
    assert "could not start" in failed.value.message
