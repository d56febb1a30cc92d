"""Keeping a document's end together: what is signed never stands alone on the last page.

A table followed by a kept block (the signatures, a closing paragraph with its signature) goes
as `TableThenBlock`: when the block would not fit under the table's last row, the table's last
row moves to the next page with it — the signatures always sign something on their own page.
A last row too tall to share a page with the block is cut inside: its last lines go on with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Table

CARRY = 72.0  # points of a too-tall last row that go on with the block (a few lines of text)
_SLACK = 2.0  # rounding of the rows' heights and paddings


def _stack(flowables: Sequence[Flowable], width: float) -> float:
    return float(
        sum(f.getSpaceBefore() + f.wrap(width, 1e6)[1] + f.getSpaceAfter() for f in flowables)
    )


class TableThenBlock(Flowable):  # type: ignore[misc]
    """A table and the block after it; the block never goes to a page without a table row."""

    def __init__(self, table: Table, block: Sequence[Flowable], page_height: float) -> None:
        super().__init__()
        self.table, self.block = table, list(block)
        self.page_height = page_height  # the frame's height: what a fresh page holds
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
        heights = self.table._rowHeights
        header = sum(heights[: self.table.repeatRows])
        free = self.page_height - header - self._block_height - 2 * _SLACK
        carry = min(CARRY, free / 2) if free > 0 else 0.0  # what goes on with the block
        if self._table_height <= availHeight:
            if header + heights[-1] + self._block_height > self.page_height - _SLACK:
                # the last row and the block never share a page whole (a row of nearly a page):
                # the row's end goes on with the block, cut inside the row (its text split)
                parts = self.table.split(availWidth, self._table_height - carry) if carry else []
                if len(parts) == 2:
                    return [parts[0], TableThenBlock(parts[1], self.block, self.page_height)]
                # nothing in the row can be cut: the block follows the table on its own
                return [self.table, KeepTogether(self.block)]
            # the table fits, its block does not: the last row goes on with the block (whole:
            # split between rows, not inside the last one — halfway into it, whatever rounding)
            if len(heights) <= 1 + self.table.repeatRows:
                return []  # one row left: it and the block start the next page (they fit)
            parts = self.table._splitRows(self._table_height - heights[-1] / 2, doInRowSplit=0)
        elif len(heights) <= 1 + self.table.repeatRows and (
            header + heights[-1] + self._block_height <= self.page_height
        ):
            return []  # the last row, cut here, would leave its block an empty row: go on whole
        else:
            # cut where the rest keeps some lines to go on with the block, not at the very end
            # of the last row (its rest an empty row over the signatures)
            parts = self.table.split(availWidth, min(availHeight, self._table_height - carry))
        if len(parts) != 2:
            return []  # nothing of the table here: all of it starts on the next page
        return [parts[0], TableThenBlock(parts[1], self.block, self.page_height)]

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


def ends_together(story: Sequence[Flowable], page_height: float) -> list[Flowable]:
    """The story with a closing table + kept block (its last two flowables) made one
    TableThenBlock; `page_height` is the frame's."""
    out = list(story)
    if len(out) >= 2 and isinstance(out[-2], Table) and isinstance(out[-1], KeepTogether):
        out[-2:] = [TableThenBlock(out[-2], out[-1]._content, page_height)]
    return out
