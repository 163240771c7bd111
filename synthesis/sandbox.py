"""Untrusted work (reading uploaded files) in a child process with a memory and a time limit.

Parsers of DOCX, ODT and PDF are large C and Python code bases fed with files
from strangers. Whatever a file makes them do (allocate gigabytes, loop, crash
the interpreter), it happens in a child: the child hits its address-space limit
(`setrlimit`) or its deadline and is replaced, that one file is rejected, and
the run goes on with the next. The child is reused between files, so a night
pays for one start, not one per note.
"""

from __future__ import annotations

import resource
import socket
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from synthesis.models import RejectionReason
from synthesis.processes import die_with_parent

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SandboxLimits:
    memory_bytes: int = 1_000_000_000  # the reader's whole address space, interpreter included
    seconds: float = 60.0  # per file
    # The child's own start (interpreter, imports, models) is not any file's time.
    startup_seconds: float = 120.0


class SandboxFailed(Exception):
    """The child gave no answer: it ran out of memory or time, or died."""

    def __init__(self, reason: RejectionReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _serve(connection: Connection, memory_bytes: int) -> None:
    """The child's loop: call what the parent sends, answer with the result or the error."""
    die_with_parent()
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    while True:
        try:
            function, args, kwargs = connection.recv()
        except EOFError:
            return
        try:
            connection.send(("ok", function(*args, **kwargs)))
        except MemoryError:
            connection.send(("memory", None))
            return  # a heap that hit its limit is not worth reusing
        except BaseException as error:  # every failure goes back to the parent
            summary = "".join(traceback.format_exception_only(type(error), error)).strip()
            connection.send(("error", summary[:500]))


class Sandbox:
    """Calls functions in a limited child process, one at a time, reusing the child.

    The child is a fresh interpreter (`python -m synthesis.sandbox`), not a
    fork: nothing of the parent's threads, locks or open files comes along, and
    the caller's main module is never imported again. What it calls must be
    importable by name.
    """

    def __init__(
        self, limits: SandboxLimits | None = None, warm_up: Callable[[], object] | None = None
    ) -> None:
        """`warm_up` runs in each new child before its first call, under `startup_seconds`: the
        imports and models a call needs, so that a cold start never counts against a file."""
        self.limits = limits or SandboxLimits()
        self.warm_up = warm_up
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None
        self._warming = False  # the warm-up was sent, its answer not yet received

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start the child now, to warm up while the caller does other work; the first call waits
        for its warm-up (and fails as a call would if it cannot start)."""
        if self._process is None or self._process.poll() is not None or self._connection is None:
            self.close()
            ours, theirs = socket.socketpair()
            with theirs:
                command = [
                    sys.executable,
                    "-m",
                    __name__,
                    str(theirs.fileno()),
                    str(self.limits.memory_bytes),
                ]
                self._process = subprocess.Popen(
                    command, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL
                )
            self._connection = Connection(ours.detach())
            if self.warm_up is not None:
                self._connection.send((self.warm_up, (), {}))
                self._warming = True

    def _start(self) -> Connection:
        self.start()
        assert self._connection is not None  # start() made one
        if self._warming:
            self._warming = False
            try:
                self._receive(self._connection, self.limits.startup_seconds)
            except RuntimeError as error:
                self.close()
                raise SandboxFailed(
                    RejectionReason.INTERNAL_ERROR, f"the reader process could not start: {error}"
                ) from None
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
        if self._process is not None:
            self._process.kill()
            self._process.wait()
        self._process = self._connection = None
        self._warming = False

    def call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """`function(*args, **kwargs)` in the child; SandboxFailed if it overruns or dies."""
        value: T = self._answer(self._start(), (function, args, kwargs), self.limits.seconds)
        return value

    def _answer(self, connection: Connection, request: tuple[Any, ...], seconds: float) -> Any:
        connection.send(request)
        return self._receive(connection, seconds)

    def _receive(self, connection: Connection, seconds: float) -> Any:
        if not connection.poll(seconds):
            self.close()
            raise SandboxFailed(
                RejectionReason.READER_TIMEOUT, f"reading the file took longer than {seconds:.0f} s"
            )
        try:
            status, value = connection.recv()
        except (EOFError, OSError):
            code = self._process.wait() if self._process else None
            self.close()
            raise SandboxFailed(
                RejectionReason.INTERNAL_ERROR, f"the reader process died (exit code {code})"
            ) from None
        if status == "memory":
            self.close()
            raise SandboxFailed(
                RejectionReason.TOO_LARGE_CONTENT,
                f"reading the file needed more than {self.limits.memory_bytes / 1e9:.1f} GB of memory",
            )
        if status == "error":
            raise RuntimeError(value)
        return value


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])), int(sys.argv[2]))
