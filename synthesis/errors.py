"""Typed errors. The library raises them; only the CLI turns them into one-line messages."""

from __future__ import annotations

from pathlib import Path

from synthesis.models import Rejection, RejectionReason


class SynthesisError(Exception):
    """Base class: a message saying what is wrong, and a hint saying what to do."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class ConfigError(SynthesisError):
    """A configuration file (summit.yaml) is missing or does not validate."""

    def __init__(self, path: Path, message: str, *, field: str | None = None, hint: str = "") -> None:
        where = f"{path}: field '{field}'" if field else str(path)
        super().__init__(f"{where}: {message}", hint=hint)
        self.path = path
        self.field = field


class NoteRejected(SynthesisError):
    """One note cannot be used. The run records it and goes on with the others."""

    def __init__(self, reason: RejectionReason, message: str, *, hint: str) -> None:
        super().__init__(message, hint=hint)
        self.reason = reason

    def to_rejection(self, source: str) -> Rejection:
        return Rejection(source=source, reason=self.reason, message=self.message, hint=self.hint)
