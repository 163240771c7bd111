"""What every reader returns: the note's blocks in reading order, and embedded metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from synthesis.models import BlockKind


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    # A table row keeps its cells: extraction reads them by column, never by splitting text again.
    cells: tuple[str, ...] = ()


@dataclass(slots=True)
class RawDocument:
    blocks: list[Block]
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


EMPTY_CELL = "–"


CELL_SEPARATOR = " | "


def table_block(cells: list[str] | tuple[str, ...]) -> Block:
    """A table row: its cells, and the text a reader sees, cells joined by ' | '.

    An empty cell stays as a dash so that the columns keep their place.
    """
    clean = tuple(" ".join(cell.split()) or EMPTY_CELL for cell in cells)
    return Block("table_row", CELL_SEPARATOR.join(clean), clean)


def cell_spans(block: Block) -> tuple[tuple[int, int], ...]:
    """Where each cell of a table row lies in the row's text."""
    spans, position = [], 0
    for cell in block.cells:
        spans.append((position, position + len(cell)))
        position += len(cell) + len(CELL_SEPARATOR)
    return tuple(spans)
