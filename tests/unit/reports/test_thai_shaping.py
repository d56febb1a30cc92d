"""The engine puts every glyph's ink where HarfBuzz's shaping of Laksaman puts it."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont
from thai_helpers import CLUSTERS

from nongbon_ita.reports.thai import fonts
from nongbon_ita.reports.thai.shaping import OpKind, harfbuzz_glyphs, shape

TOLERANCE = 20  # 2 % of the 1000-unit em

Box = tuple[int, int, int, int]


@cache
def _fonttools(path: str) -> tuple[Any, list[str]]:
    font = TTFont(path)
    return font.getGlyphSet(), font.getGlyphOrder()


def contour_boxes(face: Any, gid: int) -> tuple[Box, ...]:
    return _contour_boxes(str(face.path), gid)


@cache
def _contour_boxes(path: str, gid: int) -> tuple[Box, ...]:
    """The ink of a glyph as the boxes of its contours (components decomposed), read with
    fontTools from the font's outlines, independent of the engine. Comparing contours rather
    than whole glyphs lets the single glyph ำ stand for HarfBuzz's ํ + า."""
    glyphs, order = _fonttools(path)
    recording = DecomposingRecordingPen(glyphs)
    glyphs[order[gid]].draw(recording)
    boxes: list[Box] = []
    pen: BoundsPen | None = None
    for operator, operands in recording.value:
        if pen is None:  # a contour starts (with moveTo, or all off-curve: qCurveTo(..., None))
            pen = BoundsPen(glyphs)
        getattr(pen, operator)(*operands)
        if operator in ("closePath", "endPath"):
            if pen.bounds:
                x0, y0, x1, y1 = pen.bounds
                boxes.append((round(x0), round(y0), round(x1), round(y1)))
            pen = None
    return tuple(boxes)


def moved(box: Box, x: int, y: int) -> Box:
    return (box[0] + x, box[1] + y, box[2] + x, box[3] + y)


def harfbuzz_ink(face: Any, text: str) -> list[Box]:
    boxes = []
    for gid, _cluster, x, y in harfbuzz_glyphs(face, text):
        boxes.extend(moved(box, x, y) for box in contour_boxes(face, gid))
    return boxes


def engine_ink(face: Any, text: str) -> list[Box]:
    boxes = []
    for op in shape(face, text).ops:
        if op.kind == OpKind.HIDDEN:
            continue
        gid = op.code if op.kind == OpKind.PATH else face.char_to_glyph[op.code]
        boxes.extend(moved(box, op.x, op.y) for box in contour_boxes(face, gid))
    return boxes


def same_ink(expected: list[Box], actual: list[Box]) -> bool:
    """One-to-one: each HarfBuzz contour box has an engine contour box within the tolerance."""
    if len(expected) != len(actual):
        return False
    free = list(actual)
    for box in expected:
        match = next(
            (b for b in free if all(abs(p - q) <= TOLERANCE for p, q in zip(b, box, strict=True))),
            None,
        )
        if match is None:
            return False
        free.remove(match)
    return True


def test_the_cluster_set_is_complete() -> None:
    assert len(CLUSTERS) == 46 * 10 * 6 == 2760


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_every_cluster_places_ink_where_harfbuzz_does(bold: bool) -> None:
    face = fonts.face(bold=bold)
    wrong = [c for c in CLUSTERS if not same_ink(harfbuzz_ink(face, c), engine_ink(face, c))]
    assert wrong == [], f"{len(wrong)} of {len(CLUSTERS)} clusters differ: {wrong[:20]}"


@pytest.mark.parametrize(
    "word",
    ["ที่", "นี้", "ศักดิ์", "ปั้น", "ฟื้น", "ตั๋ว", "ป่า", "ฝ้าย", "ญู", "ฐุ", "น้ำ", "ก่ำ", "ป่ำ"],
)
def test_words_with_stacked_marks_match_harfbuzz(face: Any, word: str) -> None:
    assert same_ink(harfbuzz_ink(face, word), engine_ink(face, word))


def test_tone_sits_low_without_an_upper_vowel(face: Any) -> None:
    # ก่: HarfBuzz uses the low tone mark; the engine draws it as the legacy low form U+F70A
    ops = shape(face, "ก่").ops
    assert [op.kind for op in ops] == [OpKind.TEXT, OpKind.TEXT]
    assert ops[1].code == 0xF70A


def test_yo_ying_loses_its_tail_above_a_below_vowel(face: Any) -> None:
    ops = shape(face, "ญู").ops
    assert ops[0].code == 0xF70F  # uni0E0D.descless


def test_mark_harfbuzz_moves_is_drawn_as_a_shape_with_hidden_text(face: Any) -> None:
    ops = shape(face, "นี้").ops
    kinds = [op.kind for op in ops]
    assert kinds == [OpKind.TEXT, OpKind.TEXT, OpKind.HIDDEN, OpKind.PATH]
    assert ops[2].code == ord("้")


def test_sara_am_is_one_glyph_when_nikhahit_stays_in_place(face: Any) -> None:
    ops = shape(face, "กำ").ops
    assert [op.code for op in ops] == [ord("ก"), ord("ำ")]
