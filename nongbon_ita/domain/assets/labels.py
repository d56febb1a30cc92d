"""The sheet of asset labels: how many on an A4 page and how big (label stock differs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nongbon_ita.domain.errors import N_, ValidationError

A4_MM = (210.0, 297.0)


@dataclass(frozen=True)
class LabelGrid:
    """Columns × rows of labels of width × height millimetres, the grid centred on the page."""

    columns: int = 3
    rows: int = 8
    width_mm: float = 70.0
    height_mm: float = 37.0

    def __post_init__(self) -> None:
        if not (1 <= self.columns <= 10 and 1 <= self.rows <= 30):
            raise ValidationError(N_("A label sheet has 1–10 columns and 1–30 rows."), field="grid")
        if self.width_mm < 30 or self.height_mm < 15:
            raise ValidationError(
                N_("A label must be at least 30 × 15 mm to hold its QR code."), field="grid"
            )
        if (
            self.columns * self.width_mm > A4_MM[0] + 0.01
            or self.rows * self.height_mm > A4_MM[1] + 0.01
        ):
            raise ValidationError(N_("These labels do not fit on an A4 sheet."), field="grid")

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def __str__(self) -> str:
        return f"{self.columns}x{self.rows} {self.width_mm:g}x{self.height_mm:g}"

    @classmethod
    def parse(cls, grid: str, size: str = "") -> LabelGrid:
        """'3x8' and '70x37' (millimetres); ValidationError when unreadable."""
        found = re.fullmatch(r"\s*([0-9]{1,3})\s*[x×]\s*([0-9]{1,3})\s*", grid)
        sized = (
            re.fullmatch(
                r"\s*(\d{1,4}(?:\.\d{1,3})?)\s*[x×]\s*(\d{1,4}(?:\.\d{1,3})?)\s*", size, re.ASCII
            )
            if size
            else None
        )
        if found is None or (size and sized is None):
            raise ValidationError(
                N_("Give the grid as COLUMNSxROWS (e.g. 3x8) and the size as WIDTHxHEIGHT in mm "
                   "(e.g. 70x37)."),
                field="grid",
            )  # fmt: skip
        if sized is None:
            return cls(int(found.group(1)), int(found.group(2)))
        return cls(int(found.group(1)), int(found.group(2)), float(sized.group(1)),
                   float(sized.group(2)))  # fmt: skip
