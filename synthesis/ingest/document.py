"""What every reader returns: the note's blocks in reading order, and embedded metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from synthesis.models import BlockKind


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str


@dataclass(slots=True)
class RawDocument:
    blocks: list[Block]
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


EMPTY_CELL = "–"


def table_row(cells: list[str]) -> str:
    """Cells joined by ' | '; empty cells stay as a dash so that columns keep their place."""
    return " | ".join(" ".join(cell.split()) or EMPTY_CELL for cell in cells)
