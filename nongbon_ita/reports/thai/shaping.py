"""HarfBuzz's placement of Thai glyphs, turned into drawing operations with an exact text layer.

A run of text is shaped with uharfbuzz. Each glyph is then drawn in the order the characters were
typed, one of two ways:

* TEXT — a code point that reaches, through the font's cmap, a glyph whose ink sits exactly where
  HarfBuzz put the shaped glyph when drawn unshaped at the current pen: the plain character, or a
  legacy positioned form (U+F700–U+F71F, e.g. a lowered tone mark, a tailless ญ). The PDF's
  ToUnicode map turns legacy forms back into the typed character.
* HIDDEN + PATH — where HarfBuzz moves a mark by an offset no cmap glyph reproduces (้ over ี in
  นี้, ์ over ิ in ศักดิ์), the typed character is written as invisible text at the pen (so the text
  layer reads exactly as typed, with marks where text extractors expect them) and the glyph's outline
  is drawn as a shape at HarfBuzz's position.

ำ is shaped as ํ + า; when ํ stays in place the single glyph ำ (the same ink) is drawn as TEXT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from nongbon_ita.reports.thai import layout_cache
from nongbon_ita.reports.thai.fonts import PUA_TO_THAI, ThaiFace

SARA_AM, NIKHAHIT, SARA_AA = 0x0E33, 0x0E4D, 0x0E32
_TOLERANCE = 3  # font units: legacy forms are exact shifted copies, so a few units is plenty


class OpKind(IntEnum):
    TEXT = 0  # visible text: `code` is a code point
    HIDDEN = 1  # invisible text (render mode 3): `code` is the typed code point
    PATH = 2  # a glyph outline: `code` is a glyph id


@dataclass(frozen=True, slots=True)
class Op:
    """One drawing operation; x, y in font units from the run's origin (y up)."""

    kind: OpKind
    code: int
    x: int
    y: int = 0


@dataclass(frozen=True, slots=True)
class Run:
    """A shaped piece of text in one face: operations in typed order and its advance."""

    text: str
    face: ThaiFace
    ops: tuple[Op, ...]
    advance: int  # font units

    def width(self, size: float) -> float:
        return self.advance * size / self.face.upem


@dataclass(frozen=True, slots=True)
class _Glyph:
    gid: int
    pen: int  # pen position before the glyph
    x: int  # ink origin = pen + x_offset
    y: int
    char: str | None  # the character this glyph draws, legacy forms folded


_cache: dict[tuple[str, str], Run] = {}


def shape(face: ThaiFace, text: str) -> Run:
    """Shape `text` in `face` (cached per face and text)."""
    if not text:
        return Run(text, face, (), 0)
    key = (face.name, text)
    run = _cache.get(key)
    if run is None:
        run = _cache[key] = _kept_run(face, text)
    return run


_KINDS = tuple(OpKind)


def _kept_run(face: ThaiFace, text: str) -> Run:
    """The run an earlier process shaped (layout_cache.py), or a newly shaped one, kept."""
    face_key = _face_keys.get(face.name)
    if face_key is None:
        face_key = _face_keys[face.name] = layout_cache.font_key(face.name, face.path)
    kept = layout_cache.lookup("runs", face_key, text)
    if kept is not None:
        try:
            advance, ops = kept
            return Run(text, face, tuple(Op(_KINDS[k], c, x, y) for k, c, x, y in ops), advance)
        except (TypeError, ValueError, IndexError):
            pass  # a damaged entry: shape it again
    run = _shape(face, text)
    flat = tuple((int(op.kind), op.code, op.x, op.y) for op in run.ops)
    layout_cache.remember("runs", face_key, text, (run.advance, flat))
    return run


_face_keys: dict[str, str] = {}


def harfbuzz_glyphs(face: ThaiFace, text: str) -> list[tuple[int, int, int, int]]:
    """HarfBuzz's own result: (glyph id, cluster, x, y) with offsets applied, in font units."""
    import uharfbuzz as hb

    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(face.hb_font, buf, {})
    out, pen = [], 0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        out.append((info.codepoint, info.cluster, pen + pos.x_offset, pos.y_offset))
        pen += pos.x_advance
    return out


def _shape(face: ThaiFace, text: str) -> Run:
    import uharfbuzz as hb

    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(face.hb_font, buf, {})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    # HarfBuzz clusters are indexes into the UTF-32 buffer: our str indexes
    clusters: list[tuple[int, list[_Glyph]]] = []
    pen = 0
    for info, pos in zip(infos, positions, strict=True):
        code = face.glyph_to_char.get(info.codepoint)
        char = None if code is None else PUA_TO_THAI.get(code, chr(code))
        glyph = _Glyph(info.codepoint, pen, pen + pos.x_offset, pos.y_offset, char)
        if clusters and clusters[-1][0] == info.cluster:
            clusters[-1][1].append(glyph)
        else:
            clusters.append((info.cluster, [glyph]))
        pen += pos.x_advance
    ops: list[Op] = []
    for i, (start, glyphs) in enumerate(clusters):
        end = clusters[i + 1][0] if i + 1 < len(clusters) else len(text)
        _cluster_ops(face, text[start:end], glyphs, ops)
    return Run(text, face, tuple(ops), pen)


def _cluster_ops(face: ThaiFace, chars: str, glyphs: Sequence[_Glyph], ops: list[Op]) -> None:
    assignment = _assign(chars, glyphs)
    if assignment is None:  # glyphs that are no character's own form: draw shapes, hide text
        x = glyphs[0].pen
        for ch in chars:
            ops.append(Op(OpKind.HIDDEN, ord(ch), x))
            x += face.width(ord(ch))
        ops.extend(Op(OpKind.PATH, g.gid, g.x, g.y) for g in glyphs)
        return
    pen = glyphs[0].pen
    for ch, own in zip(chars, assignment, strict=True):
        if ord(ch) == SARA_AM and len(own) == 2:
            nikhahit, aa = own
            if (nikhahit.x, nikhahit.y, aa.x, aa.y) == (aa.pen, 0, aa.pen, 0):
                ops.append(Op(OpKind.TEXT, SARA_AM, aa.pen))
            else:
                ops.append(Op(OpKind.HIDDEN, SARA_AM, aa.pen))
                ops.extend(Op(OpKind.PATH, g.gid, g.x, g.y) for g in own)
            pen = aa.pen + face.width(SARA_AM)
            continue
        (glyph,) = own
        spacing = face.width(ord(ch)) > 0
        at = glyph.pen if spacing else pen
        code = _equivalent_code(face, ch, glyph, at)
        if code is None:
            ops.append(Op(OpKind.HIDDEN, ord(ch), at))
            ops.append(Op(OpKind.PATH, glyph.gid, glyph.x, glyph.y))
            code = ord(ch)
        else:
            ops.append(Op(OpKind.TEXT, code, at))
        pen = at + face.width(code)


def _assign(chars: str, glyphs: Sequence[_Glyph]) -> list[list[_Glyph]] | None:
    """The glyphs drawing each typed character, or None when they do not map one to one."""
    free = list(glyphs)
    result: list[list[_Glyph]] = []
    for ch in chars:
        if ord(ch) == SARA_AM:
            nk = next((g for g in free if g.char == chr(NIKHAHIT)), None)
            aa = next((g for g in free if g.char == chr(SARA_AA)), None)
            if nk is None or aa is None:
                return None
            free.remove(nk)
            free.remove(aa)
            result.append([nk, aa])
            continue
        match = next((g for g in free if g.char == ch), None)
        if match is None:
            return None
        free.remove(match)
        result.append([match])
    return None if free else result


def _equivalent_code(face: ThaiFace, ch: str, glyph: _Glyph, pen: int) -> int | None:
    """A code point whose glyph, drawn unshaped at `pen`, puts ink where HarfBuzz put `glyph`."""
    dx, dy = glyph.x - pen, glyph.y
    own = face.glyph_to_char.get(glyph.gid)
    if dx == 0 and dy == 0 and own is not None:
        return own
    x0, y0, x1, y1 = face.extents(glyph.gid)
    if x0 == x1:  # no ink: any position will do
        return own
    target = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
    for code in face.alternates.get(ch, ()):
        box = face.extents(face.char_to_glyph[code])
        if all(abs(a - b) <= _TOLERANCE for a, b in zip(box, target, strict=True)):
            return code
    return None
