"""Writing shaped runs into a ReportLab canvas as PDF text and glyph shapes.

A line is one text object: visible glyphs and invisible (render mode 3) text in typed order, the
pen moved with TJ adjustments only where HarfBuzz's advance differs from the font's (kerning).
Glyph shapes (see shaping.py) are Form XObjects, one per glyph and document, placed with `cm`.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from typing import Any

from reportlab.pdfbase import pdfdoc

from nongbon_ita.reports.thai.shaping import OpKind, Run

# per document: (face, code point) → (subset font name, byte, advance in font units)
_Code = tuple[str, int, int]
_codes: weakref.WeakKeyDictionary[Any, dict[tuple[str, int], _Code]] = weakref.WeakKeyDictionary()


def _doc_codes(canv: Any) -> dict[tuple[str, int], _Code]:
    table = _codes.get(canv._doc)
    if table is None:
        table = _codes[canv._doc] = {}
    return table


def _subset_code(canv: Any, run: Run, code: int) -> _Code:
    """(internal font name of the subset, byte, advance) for one code point of the run's face."""
    doc = canv._doc
    table = _doc_codes(canv)
    key = (run.face.name, code)
    found = table.get(key)
    if found is None:
        font = run.face.rl_font
        ((subset, data),) = font.splitString(chr(code), doc)
        name = font.getSubsetInternalName(subset, doc)
        found = table[key] = (name, data[0], run.face.width(code))
    return found


class _PathOutline:
    """A fontTools-style pen writing PDF path operators in font units."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._last = (0.0, 0.0)

    def moveTo(self, p: tuple[float, float]) -> None:
        self.parts.append(f"{p[0]:g} {p[1]:g} m")
        self._last = p

    def lineTo(self, p: tuple[float, float]) -> None:
        self.parts.append(f"{p[0]:g} {p[1]:g} l")
        self._last = p

    def curveTo(self, *pts: tuple[float, float]) -> None:
        (a, b), (c, d), (e, f) = pts
        self.parts.append(f"{a:g} {b:g} {c:g} {d:g} {e:g} {f:g} c")
        self._last = pts[-1]

    def qCurveTo(self, *pts: tuple[float, float]) -> None:
        x0, y0 = self._last
        (qx, qy), (x, y) = pts
        c1 = (x0 + 2 * (qx - x0) / 3, y0 + 2 * (qy - y0) / 3)
        c2 = (x + 2 * (qx - x) / 3, y + 2 * (qy - y) / 3)
        self.parts.append(f"{c1[0]:.1f} {c1[1]:.1f} {c2[0]:.1f} {c2[1]:.1f} {x:g} {y:g} c")
        self._last = (x, y)

    def closePath(self) -> None:
        self.parts.append("h")


def _glyph_form(canv: Any, run: Run, gid: int) -> str:
    name = f"ThaiGlyph_{run.face.name}_{gid}"
    doc = canv._doc
    if not doc.hasForm(name):
        pen = _PathOutline()
        run.face.hb_font.draw_glyph_with_pen(gid, pen)
        x0, y0, x1, y1 = run.face.extents(gid)
        form = pdfdoc.PDFFormXObject(lowerx=x0 - 10, lowery=y1 - 10, upperx=x1 + 10, uppery=y0 + 10)
        form.compression = canv._pageCompression
        form.setStreamList(["\n".join([*pen.parts, "f"])])
        doc.addForm(name, form)
    return name


def draw_runs(
    canv: Any, x: float, y: float, size: float, runs: Iterable[tuple[float, Run]]
) -> None:
    """Draw runs on one baseline: each (x offset in points from `x`, run)."""
    text: list[str] = ["BT", f"1 0 0 1 {x:.3f} {y:.3f} Tm"]
    shapes: list[tuple[Run, int, float, float]] = []
    tj: list[str] = []
    font_name, mode = "", 0
    pen = 0.0  # where the PDF pen is, in points from x

    def flush() -> None:
        if tj:
            text.append(f"[{' '.join(tj)}] TJ")
            tj.clear()

    table = _doc_codes(canv)  # looked up once per line: a page sets ten thousand glyphs
    for offset, run in runs:
        scale = size / run.face.upem
        face_name = run.face.name
        for op in run.ops:
            at = offset + op.x * scale
            if op.kind == OpKind.PATH:
                shapes.append((run, op.code, x + at, y + op.y * scale))
                continue
            found = table.get((face_name, op.code)) or _subset_code(canv, run, op.code)
            name, byte, advance = found
            want_mode = 3 if op.kind == OpKind.HIDDEN else 0
            if name != font_name or want_mode != mode:
                flush()
                if name != font_name:
                    text.append(f"{name} {size:g} Tf")
                    font_name = name
                if want_mode != mode:
                    text.append(f"{want_mode} Tr")
                    mode = want_mode
            shift = (pen - at) * 1000 / size
            if abs(shift) > 0.05:
                tj.append(f"{shift:.1f}")
            tj.append(f"<{byte:02X}>")
            pen = at + advance * scale
    flush()
    if mode:
        text.append("0 Tr")
    text.append("ET")
    code = canv._code
    code.append("\n".join(text))
    for run, gid, gx, gy in shapes:
        name = _glyph_form(canv, run, gid)
        s = size / run.face.upem
        code.append(f"q {s:g} 0 0 {s:g} {gx:.3f} {gy:.3f} cm")
        canv.doForm(name)
        code.append("Q")
