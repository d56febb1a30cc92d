"""Room for Thai marks, measured from the glyphs actually set (HarfBuzz's ink boxes).

Laksaman stacks a tone mark over an upper vowel up to 1.25 em above the baseline (ปั้, ทั้ง) while
a line box reserves 0.92 em above it, and ฏ ฐ ู ุ reach 0.37 em below. So a cell's first line
needs extra room under the rule above it when (and only as much as) its marks rise higher, and two
lines need more than the leading when a tail below one meets a stacked mark above the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from nongbon_ita.reports.thai.shaping import OpKind, Run

MM = 72 / 25.4
RULE_CLEARANCE = 0.55 * MM  # ink kept this far below a rule (the tests ask for 0.5 mm)
CELL_ROOM = 0.6  # points between a rule and its cell's box: 1 pt of padding less half a rule
LINE_CLEARANCE = 0.35 * MM  # ink of two lines kept this far apart
ASCENT = 0.92  # baseline below the top of a line box, in ems (as the paragraphs set it)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in ems, y up from the baseline

_boxes: dict[tuple[str, str], tuple[Box, ...]] = {}


def ink_boxes(run: Run) -> tuple[Box, ...]:
    """Ink box of every visible glyph of `run`, in ems from the run's origin (cached)."""
    key = (run.face.name, run.text)
    found = _boxes.get(key)
    if found is not None:
        return found
    face, upem = run.face, run.face.upem
    out: list[Box] = []
    for op in run.ops:
        if op.kind == OpKind.HIDDEN:
            continue
        gid = op.code if op.kind == OpKind.PATH else face.char_to_glyph.get(op.code)
        if gid is None:
            continue
        x0, y0, x1, y1 = face.extents(gid)
        if x0 == x1:
            continue  # a space
        out.append(((x0 + op.x) / upem, (y0 + op.y) / upem, (x1 + op.x) / upem, (y1 + op.y) / upem))
    found = _boxes[key] = tuple(out)
    return found


def line_boxes(runs: Iterable[tuple[float, Run]], size: float) -> list[Box]:
    """Ink boxes of one line in points from its start (x) and baseline (y): (x offset, run)."""
    out: list[Box] = []
    for offset, run in runs:
        for x0, y0, x1, y1 in ink_boxes(run):
            out.append((offset + x0 * size, y0 * size, offset + x1 * size, y1 * size))
    return out


def head_room(first_line: Sequence[Box], size: float) -> float:
    """Extra room above a line box so that its highest mark stays RULE_CLEARANCE under the rule
    (CELL_ROOM above the box, as tables pad their cells)."""
    top = max((box[3] for box in first_line), default=0.0)
    return max(0.0, top + RULE_CLEARANCE - ASCENT * size - CELL_ROOM)


def line_gap(above: Sequence[Box], below: Sequence[Box], leading: float) -> float:
    """Baseline-to-baseline distance for two lines: the leading, or more where ink below the
    upper line's baseline would come nearer than LINE_CLEARANCE to ink of the lower line."""
    low = [b for b in above if b[1] < 0]
    if not low:
        return leading
    deepest = min(b[1] for b in low)
    high = [b for b in below if b[3] - deepest + LINE_CLEARANCE > leading]
    need = leading
    for ax0, ay0, ax1, _ in low:
        for bx0, _, bx1, by1 in high:
            if ax0 - LINE_CLEARANCE < bx1 and bx0 - LINE_CLEARANCE < ax1:
                need = max(need, by1 - ay0 + LINE_CLEARANCE)
    return need
