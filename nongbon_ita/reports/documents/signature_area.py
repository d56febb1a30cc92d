"""A signature's lines in a box of a form (the loan form's grid, a letter's closing) with an
empty signature field over them, so `print … --sign` can sign exactly there.

signature_block (reports/thai) draws a whole block and its field; forms that lay out their own
lines — a grid cell, a letter's name under its closing — wrap those lines in a SignatureArea
instead. The field's tooltip names the block as signature_block's does (caption, full name,
position): that is how the signing service finds the block of an official.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

BELOW = 2.5  # points


class SignatureArea(Flowable):  # type: ignore[misc]
    """`lines` stacked as they would be in a cell, and a signature field over them."""

    def __init__(self, lines: Sequence[Flowable], caption: str, full_name: str, position: str,
                 left: float = 0.0) -> None:  # fmt: skip
        """`left`: where the field starts, in points from the area's left (lines indented
        and centred, as a letter's name right of the page centre)."""
        super().__init__()
        self.lines, self.left = list(lines), left
        self.tooltip = "\n".join((caption, full_name, position))
        self._sizes: list[tuple[float, float, float]] = []  # space before, height, space after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._sizes = []
        for line in self.lines:
            _, height = line.wrap(availWidth, availHeight)
            self._sizes.append((line.getSpaceBefore(), height, line.getSpaceAfter()))
        self.height = sum(before + height + after for before, height, after in self._sizes)
        return availWidth, self.height

    def draw(self) -> None:
        from nongbon_ita.reports.thai.sigfields import add_signature_field

        y = self.height
        for line, (before, height, after) in zip(self.lines, self._sizes, strict=True):
            y -= before + height
            line.drawOn(self.canv, 0, y)
            y -= after
        # down over the last line's marks below its baseline (ุ ู), inside the cell's padding
        add_signature_field(self.canv, self.left, -BELOW, self.width - self.left,
                            self.height + BELOW, self.tooltip)  # fmt: skip

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return []  # a signature's lines stay together
