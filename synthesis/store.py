"""A content-addressed store of records: what lets an unchanged night skip its work.

A key is a hash of everything a result depends on, so a record is valid for
as long as it can be found: nothing is ever invalidated, only not found again.
Records are gzipped JSON, written atomically; a damaged one is a miss.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

R = TypeVar("R", bound=BaseModel)


def fingerprint(*parts: str | bytes) -> str:
    """A stable hash of the given parts (their order and their boundaries count)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def source_fingerprint(folders: Iterable[Path], suffixes: tuple[str, ...] = (".py", ".yaml", ".json")) -> str:
    """A hash of every code and data file under `folders`: it changes when any rule changes."""
    parts: list[str | bytes] = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.suffix in suffixes and p.is_file()):
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return fingerprint(*parts)


class RecordStore:
    """Records of one kind under `root/<kind>/<k[:2]>/<k>.json.gz`."""

    def __init__(self, root: Path, kind: str) -> None:
        self.folder = root / kind

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json.gz"

    def has(self, key: str) -> bool:
        """Whether a record is stored under `key` (`get` may still find it damaged)."""
        return self._path(key).is_file()

    def get(self, key: str, model: type[R]) -> R | None:
        path = self._path(key)
        try:
            data = gzip.decompress(path.read_bytes())
            record = model.model_validate_json(data)
        except (OSError, EOFError, ValidationError, ValueError):
            return None
        os.utime(path)  # recently used: kept by `prune`
        return record

    def put(self, key: str, record: BaseModel) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # mtime=0: the same record always gives the same bytes.
        data = gzip.compress(record.model_dump_json().encode("utf-8"), compresslevel=5, mtime=0)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def prune(self, *, older_than_days: float, now: float) -> int:
        """Delete records unused for that long; returns how many."""
        removed = 0
        for path in self.folder.glob("*/*.json.gz"):
            if now - path.stat().st_mtime > older_than_days * 86400:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
