"""Child processes that never outlive the process that started them."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a child process: ask Linux to SIGKILL us when our parent dies (a no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def release_memory() -> None:
    """Hand freed heap pages back to the OS (glibc's malloc_trim), so a worker's RSS
    shrinks again after a large document instead of staying at its peak."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # another C library: nothing to trim
            ctypes.CDLL("libc.so.6").malloc_trim(0)
