"""Keeping a document's end together: what is signed never stands alone on the last page.

A table followed by a kept block (the signatures, a closing paragraph with its signature) goes
as `TableThenBlock`: when the block would not fit under the table's last row, the table's last
row moves to the next page with it — the signatures always sign something on their own page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Table


def _stack(flowables: Sequence[Flowable], width: float) -> float:
    return float(
        sum(f.getSpaceBefore() + f.wrap(width, 1e6)[1] + f.getSpaceAfter() for f in flowables)
    )


class TableThenBlock(Flowable):  # type: ignore[misc]
    """A table and the block after it; the block never goes to a page without a table row."""

    def __init__(self, table: Table, block: Sequence[Flowable]) -> None:
        super().__init__()
        self.table, self.block = table, list(block)
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._table_height = self.table.wrap(availWidth, availHeight)[1]
        self._block_height = _stack(self.block, availWidth)
        self.height = self._table_height + self._block_height
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        parts: list[Any]
        if self._table_height <= availHeight:
            # the table fits, its block does not: the last row goes on with the block (whole:
            # split between rows, not inside the last one)
            heights = self.table._rowHeights
            if len(heights) <= 1 + self.table.repeatRows:
                return [self.table, KeepTogether(self.block)]  # one row: nothing to carry
            parts = self.table._splitRows(self._table_height - heights[-1] - 1, doInRowSplit=0)
        else:
            parts = self.table.split(availWidth, availHeight)
        if len(parts) != 2:
            return []  # nothing of the table here: all of it starts on the next page
        return [parts[0], TableThenBlock(parts[1], self.block)]

    def draw(self) -> None:  # everything fits: the table, then the block under it
        canv = self.canv
        table_width = self.table._width
        x = (self.width - table_width) / 2 if self.table.hAlign == "CENTER" else 0.0
        self.table.drawOn(canv, x, self._block_height)
        y = self._block_height
        for flowable in self.block:
            y -= flowable.getSpaceBefore()
            height = flowable.wrap(self.width, 1e6)[1]
            y -= height
            flowable.drawOn(canv, 0, y)
            y -= flowable.getSpaceAfter()


def ends_together(story: Sequence[Flowable]) -> list[Flowable]:
    """The story with a closing table + kept block (its last two flowables) made one
    TableThenBlock."""
    out = list(story)
    if len(out) >= 2 and isinstance(out[-2], Table) and isinstance(out[-1], KeepTogether):
        out[-2:] = [TableThenBlock(out[-2], out[-1]._content)]
    return out
