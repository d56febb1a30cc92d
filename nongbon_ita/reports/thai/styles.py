"""Text styles and page geometry shared by every document."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

CM = 72 / 2.54
BODY_SIZE = 16.0  # Laksaman 16 pt: the official size


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class TextStyle:
    """How a paragraph is set. Lengths in points."""

    size: float = BODY_SIZE
    bold: bool = False
    italic: bool = False
    align: Align = Align.LEFT
    leading: float = 0.0  # 0: 1.25 × size, room for stacked Thai marks
    first_indent: float = 0.0  # extra indent of the first line
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.25

    def but(self, **changes: object) -> TextStyle:
        return replace(self, **changes)  # type: ignore[arg-type]


BODY = TextStyle()
TITLE = TextStyle(bold=True, align=Align.CENTER)


@dataclass(frozen=True)
class PageMargins:
    """Thai official documents: left 3 cm, right 2 cm, top 2.5 cm, bottom 2 cm."""

    left: float = 3 * CM
    right: float = 2 * CM
    top: float = 2.5 * CM
    bottom: float = 2 * CM
