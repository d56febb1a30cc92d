"""The visible signature: what a signed block shows, set by our Thai engine.

The appearance is a PDF content stream exactly the size of the block's field, drawn with
Laksaman and the same shaping as the document (so Thai marks sit right), which pyHanko puts in
the stamp as it is. Its glyphs are drawn as outlines, not text: the stamp covers the printed
block, and text in it would be read by text extraction (pdftotext, copy, screen readers) mixed
line by line with the block's own text beneath — which stays the document's exact text layer.

Why a content stream and not a one-page PDF imported by pyHanko: reading the PDF back costs
more than signing (≈ 0.15 s of a 0.3 s signature), the stream is a few path operators.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SIGNED_WORDS = "ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์"
_INK = "0.05 0.2 0.55"  # dark blue, as a pen signature; prints fine in black and white
_KAPPA = 0.5523  # a quarter circle as one Bézier curve
_outlines: dict[tuple[str, int], str] = {}  # (face, glyph) → path in font units


@dataclass(frozen=True)
class Appearance:
    """What the block shows once signed: caption (ผู้รายงาน…), name, position, date in B.E."""

    caption: str
    full_name: str
    position: str
    signed_on: str  # "๓ ธ.ค. ๒๕๖๙ เวลา ๑๕:๒๐ น."

    def lines(self, split_head: bool = False) -> list[str]:
        """The lines, the first in bold; `split_head`: the caption on a line of its own (a
        narrow block, as in the loan form's grid, then takes a larger size)."""
        head = [SIGNED_WORDS, self.caption] if split_head else [f"{SIGNED_WORDS} {self.caption}"]
        body = [f"({self.full_name})" if self.full_name else "", self.position,
                f"เมื่อ {self.signed_on}"]  # fmt: skip
        return [line.strip() for line in [*head, *body] if line.strip()]


def appearance_stream(appearance: Appearance, width: float, height: float) -> bytes:
    """The appearance as PDF content operators for a box of `width` × `height` points: a white
    ground (it covers the dotted line and the printed name beneath), a rounded frame and the
    lines centred, the head (the words and the caption) in bold."""
    from nongbon_ita.reports.thai import fonts
    from nongbon_ita.reports.thai.shaping import shape

    pad = 4.0
    layouts = []
    for split in (False, True):
        lines = appearance.lines(split)
        bold = 2 if split else 1  # the head's lines
        runs = [shape(fonts.face(bold=i < bold), text) for i, text in enumerate(lines)]
        size = min(16.0, (height - 2 * pad) / (len(lines) * 1.25),
                   *((width - 2 * pad) / max(r.width(1.0), 1e-6) for r in runs))  # fmt: skip
        layouts.append((size, runs))
    size, runs = max(layouts, key=lambda layout: layout[0])  # the larger type wins
    ops = ["1 1 1 rg", f"0 0 {width:.2f} {height:.2f} re f",
           f"{_INK} RG 0.8 w", _round_rect(0.5, 0.5, width - 1, height - 1, 4.0), "S",
           f"{_INK} rg"]  # fmt: skip
    top = (height + len(runs) * size * 1.25) / 2
    for i, run in enumerate(runs):
        baseline = top - (i + 0.85) * size * 1.25
        ops += _outline_ops((width - run.width(size)) / 2, baseline, size, run)
    return "\n".join(ops).encode("ascii")


def _round_rect(x: float, y: float, w: float, h: float, r: float) -> str:
    k = r * _KAPPA
    x1, y1 = x + w, y + h
    return " ".join([
        f"{x + r:.2f} {y:.2f} m", f"{x1 - r:.2f} {y:.2f} l",
        f"{x1 - r + k:.2f} {y:.2f} {x1:.2f} {y + r - k:.2f} {x1:.2f} {y + r:.2f} c",
        f"{x1:.2f} {y1 - r:.2f} l",
        f"{x1:.2f} {y1 - r + k:.2f} {x1 - r + k:.2f} {y1:.2f} {x1 - r:.2f} {y1:.2f} c",
        f"{x + r:.2f} {y1:.2f} l",
        f"{x + r - k:.2f} {y1:.2f} {x:.2f} {y1 - r + k:.2f} {x:.2f} {y1 - r:.2f} c",
        f"{x:.2f} {y + r:.2f} l",
        f"{x:.2f} {y + r - k:.2f} {x + r - k:.2f} {y:.2f} {x + r:.2f} {y:.2f} c", "h",
    ])  # fmt: skip


def _outline_ops(x: float, y: float, size: float, run: Any) -> list[str]:
    """Each visible glyph of the shaped run as a filled outline (the engine's glyph forms)."""
    from nongbon_ita.reports.thai.shaping import OpKind

    scale = size / run.face.upem
    ops = []
    for op in run.ops:
        if op.kind == OpKind.HIDDEN:
            continue
        gid = op.code if op.kind == OpKind.PATH else run.face.hb_font.get_nominal_glyph(op.code)
        if not gid:
            continue
        path = _outline(run.face, gid)
        if path:
            ops.append(f"q {scale:g} 0 0 {scale:g} {x + op.x * scale:.3f} "
                       f"{y + op.y * scale:.3f} cm {path} f Q")  # fmt: skip
    return ops


def _outline(face: Any, gid: int) -> str:
    from nongbon_ita.reports.thai.drawing import _PathOutline

    key = (face.name, gid)
    if key not in _outlines:
        pen = _PathOutline()
        face.hb_font.draw_glyph_with_pen(gid, pen)
        _outlines[key] = " ".join(pen.parts)
    return _outlines[key]
