"""Laksaman for ReportLab and HarfBuzz: loading, registration and the exact ToUnicode map.

Each face is loaded once per process: a ReportLab TTFont (with ReportLab's own shaping off) to
embed subsets, and a uharfbuzz Font on the same file to shape. Glyphs are written as the code points
that reach them through the font's cmap; the legacy positioned forms at U+F700–U+F71F are mapped
back, in each subset's ToUnicode CMap, to the Thai characters they stand for, so that copying text
out of the PDF gives what was typed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts

from nongbon_ita.reports.thai.errors import ThaiEngineError
from nongbon_ita.resources_path import resource_path

# Legacy positioned glyphs (TH Sarabun New / Laksaman convention) → the character they draw.
PUA_TO_THAI: dict[int, str] = {
    0xF700: "ฐ", 0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื",
    0xF705: "่", 0xF706: "้", 0xF707: "๊", 0xF708: "๋", 0xF709: "์",
    0xF70A: "่", 0xF70B: "้", 0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์",
    0xF70F: "ญ", 0xF710: "ั", 0xF711: "ํ", 0xF712: "็",
    0xF713: "่", 0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์",
    0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ", 0xF71B: "ฎ", 0xF71C: "ฏ", 0xF71D: "ฬ",
    0xF71E: "ํ", 0xF71F: "็",
}  # fmt: skip

FACES: dict[tuple[bool, bool], str] = {
    (False, False): "Laksaman",
    (True, False): "Laksaman-Bold",
    (False, True): "Laksaman-Italic",
    (True, True): "Laksaman-BoldItalic",
}

_lock = threading.RLock()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap for one subset, legacy glyph codes mapped to Thai characters."""
    pairs = [
        f"<{i:02X}> <{PUA_TO_THAI.get(code, chr(code)).encode('utf-16-be').hex().upper()}>"
        for i, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class _ThaiTTFont(ttfonts.TTFont):  # type: ignore[misc]
    """A TTFont whose subsets carry the Thai-exact ToUnicode map (ReportLab shaping off).

    ReportLab builds the CMap through the module-level ``makeToUnicodeCMap`` while it writes a
    font's subsets; it is swapped for ``to_unicode_cmap`` only for that call, under a lock.
    """

    def addObjects(self, doc: Any) -> None:
        with _lock:
            original = ttfonts.makeToUnicodeCMap
            ttfonts.makeToUnicodeCMap = to_unicode_cmap
            try:
                super().addObjects(doc)
            finally:
                ttfonts.makeToUnicodeCMap = original


@dataclass
class ThaiFace:
    """One font file as both ReportLab and HarfBuzz see it."""

    name: str
    path: Path
    rl_font: Any
    hb_font: Any
    upem: int
    char_to_glyph: dict[int, int]
    glyph_to_char: dict[int, int]  # preferred code point drawing each glyph (plain before legacy)
    alternates: dict[str, tuple[int, ...]]  # character → code points drawing one of its forms
    _extents: dict[int, tuple[int, int, int, int]] = field(default_factory=dict)

    def width(self, code: int) -> int:
        """Advance of the glyph a code point draws, in font units (what the PDF's /Widths say)."""
        return int(self.rl_font.face.getCharWidth(code) * self.upem / 1000 + 0.5)

    def extents(self, gid: int) -> tuple[int, int, int, int]:
        """Ink box (x_min, y_min, x_max, y_max) of a glyph in font units; zeros when empty."""
        box = self._extents.get(gid)
        if box is None:
            ext = self.hb_font.get_glyph_extents(gid)
            if ext is None:
                box = (0, 0, 0, 0)
            else:
                x0, y1 = ext.x_bearing, ext.y_bearing
                box = (x0, y1 + ext.height, x0 + ext.width, y1)
            self._extents[gid] = box
        return box


_faces: dict[str, ThaiFace] = {}


def _import_uharfbuzz() -> Any:
    try:
        import uharfbuzz
    except ImportError as exc:
        raise ThaiEngineError(
            "ไม่พบโปรแกรมจัดรูปอักษร uharfbuzz จึงพิมพ์ภาษาไทยให้ถูกต้องไม่ได้ — "
            "the uharfbuzz shaping library is not installed; Thai cannot be printed correctly"
        ) from exc
    return uharfbuzz


def face(bold: bool = False, italic: bool = False) -> ThaiFace:
    """The loaded, registered Laksaman face (raises ThaiEngineError when it cannot be used)."""
    name = FACES[(bold, italic)]
    with _lock:
        found = _faces.get(name)
        if found is None:
            found = _faces[name] = _load(name, resource_path("fonts", f"{name}.ttf"))
        return found


def _load(name: str, path: Path) -> ThaiFace:
    hb = _import_uharfbuzz()
    if not path.is_file():
        raise ThaiEngineError(
            f"ไม่พบแบบอักษร {name} ({path}) — the Thai font {name} is missing: {path}"
        )
    try:
        rl_font = _ThaiTTFont(name, str(path), shapable=False)
        blob = hb.Blob.from_file_path(str(path))
        hb_font = hb.Font(hb.Face(blob))
    except Exception as exc:  # a damaged or non-TrueType file
        raise ThaiEngineError(
            f"อ่านแบบอักษร {name} ไม่ได้ — cannot read the Thai font {path}: {exc}"
        ) from exc
    pdfmetrics.registerFont(rl_font)
    char_to_glyph: dict[int, int] = dict(rl_font.face.charToGlyph)
    glyph_to_char: dict[int, int] = {}
    alternates: dict[str, list[int]] = {}
    for code in sorted(char_to_glyph, key=lambda c: (c in PUA_TO_THAI, c)):
        glyph_to_char.setdefault(char_to_glyph[code], code)
        thai = PUA_TO_THAI.get(code, chr(code))
        alternates.setdefault(thai, []).append(code)
    return ThaiFace(
        name=name,
        path=path,
        rl_font=rl_font,
        hb_font=hb_font,
        upem=int(hb_font.face.upem),
        char_to_glyph=char_to_glyph,
        glyph_to_char=glyph_to_char,
        alternates={k: tuple(v) for k, v in alternates.items()},
    )


def reset_for_tests() -> None:
    """Forget loaded faces (tests that swap the font path or hide uharfbuzz)."""
    with _lock:
        _faces.clear()
