"""Shrink a story to fit a fixed box, reflowing it at the width the shrinking frees.

reportlab's KeepInFrame(mode="shrink") re-wraps its content at a larger width and scales it
down, but the parallel-column tables and the chart are built for a fixed width: they would
keep it and end up scaled into the left part of the box. Here the story is rebuilt for the
larger width instead, so the shrunk poster still fills its page from margin to margin.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

Build = Callable[[float], list[Flowable]]

_MAX_SCALE = 64.0  # text at 1/64 of its size is unreadable anyway; beyond that, stop looking
_GUESSES = 3  # square-root steps before falling back to the plain ratio
_MAX_ATTEMPTS = 8


class ShrinkToFit(Flowable):  # type: ignore[misc]
    """`build(width)` laid out at width × s and drawn at 1/s, with s ≥ 1 (near the smallest) that fits."""

    def __init__(self, build: Build, width: float, height: float) -> None:
        super().__init__()
        self._build = build
        self._box = (width, height)
        self._story: list[tuple[Flowable, float]] = []  # each flowable with the height it wrapped to
        self.scale = 1.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        box_height = self._box[1]
        scale = 1.0
        story, height = self._layout(scale)
        for attempt in range(_MAX_ATTEMPTS):
            if height / scale <= box_height or scale >= _MAX_SCALE:
                break
            ratio = height / scale / box_height
            # Text reflowed wider gets proportionally shorter, so the drawn height falls about as
            # 1/s²: the square root is a close first guess. Later attempts take the plain ratio,
            # which always fits (a wider layout is never taller) at the cost of a little size.
            step = ratio**0.5 * 1.01 if attempt < _GUESSES else ratio
            scale = min(scale * step, _MAX_SCALE)
            story, height = self._layout(scale)
        self._story, self.scale = story, scale
        self.width, self.height = self._box[0], min(height / scale, box_height)
        return self.width, self.height

    def _layout(self, scale: float) -> tuple[list[tuple[Flowable, float]], float]:
        """The story built for the scaled width, each part wrapped, and its total height."""
        width = self._box[0] * scale
        story = self._build(width)
        laid_out, total = [], 0.0
        for index, flowable in enumerate(story):
            # Like a Frame: no space before the first part, spaces after and before add up.
            if index > 0:
                total += story[index - 1].getSpaceAfter() + flowable.getSpaceBefore()
            _, flowable_height = flowable.wrapOn(self.canv, width, 1e9)
            laid_out.append((flowable, flowable_height))
            total += flowable_height
        return laid_out, total

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.translate(0, self.height)
        canvas.scale(1 / self.scale, 1 / self.scale)
        y = 0.0
        previous: Flowable | None = None
        for flowable, flowable_height in self._story:
            if previous is not None:
                y -= previous.getSpaceAfter() + flowable.getSpaceBefore()
            y -= flowable_height
            flowable.drawOn(canvas, 0, y)
            previous = flowable
        canvas.restoreState()
