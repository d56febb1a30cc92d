"""The signature block a document ends with, and keeping what must stay together on one page."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from nongbon_ita.reports.thai import fonts
from nongbon_ita.reports.thai.clearance import ASCENT as _ASCENT
from nongbon_ita.reports.thai.drawing import draw_runs
from nongbon_ita.reports.thai.shaping import shape
from nongbon_ita.reports.thai.styles import BODY, TextStyle


def signature_block(
    caption: str, full_name: str, position: str, style: TextStyle = BODY, *, centre: float = 0.62
) -> Flowable:
    """'(ลงชื่อ) ……………… caption' / '(full name)' / 'position', centred right of the page centre.

    `centre` is where the block's centre line sits, as a share of the frame width.
    """
    return _SignatureBlock(caption, full_name, position, style, centre)


class _SignatureBlock(Flowable):  # type: ignore[misc]
    def __init__(
        self, caption: str, full_name: str, position: str, style: TextStyle, centre: float
    ) -> None:
        super().__init__()
        dots = "." * 40
        self.signer = (caption, full_name, position)  # the field's tooltip: whose block it is
        self.lines = [
            f"(ลงชื่อ){dots}{caption}".strip(),
            f"({full_name})",
            position,
        ]
        self.style = style
        self.centre = centre
        self._face = fonts.face(style.bold, style.italic)
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines) * self.style.line_height
        return availWidth, self.height

    def draw(self) -> None:
        s = self.style
        baseline = self.height - s.size * _ASCENT
        centre = self.width * self.centre
        for text in self.lines:
            run = shape(self._face, text)
            w = run.width(s.size)
            x = min(max(centre - w / 2, 0.0), self.width - w)
            draw_runs(self.canv, x, baseline, s.size, [(0.0, run)])
            baseline -= s.line_height
        # an empty signature field over the block: a digital signature goes exactly here
        from nongbon_ita.reports.thai.sigfields import add_signature_field

        width = max(shape(self._face, t).width(s.size) for t in self.lines) + s.size
        left = min(max(centre - width / 2, 0.0), max(self.width - width, 0.0))
        # the box reaches above the first line's marks and below the last line's descenders
        above, below = s.size * 0.3, s.size * 0.2
        add_signature_field(self.canv, left, -below, width, self.height + above + below,
                            "\n".join(self.signer))  # fmt: skip


def keep_lines(*flowables: Flowable) -> Any:
    """Flowables that must stay on one page (a title block, a signature pair)."""
    from reportlab.platypus import KeepTogether

    return KeepTogether(list(flowables))
