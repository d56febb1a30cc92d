"""Marks never touch a rule above them, and lines never touch each other (rendered pages)."""

from __future__ import annotations

import itertools
import subprocess
from typing import Any

from thai_helpers import ink_under_rules

from nongbon_ita.reports.thai import BODY, ThaiParagraph, build_pdf, thai_table
from nongbon_ita.reports.thai.clearance import LINE_CLEARANCE, MM, line_boxes

TALL = "ทั้งนี้ ปั้นดินเผา ฟื้นฟู ที่นั่ง ตั๋วปี๋"  # stacked tone over upper vowel: 1.25 em high
CELL_STARTS = ["ทั้งหมด", "ปั้น", "ฟื้นฟูที่นี่", "ที่ ๑", "ตัวชี้วัดที่ ๑๐", "ประเด็นที่ต้องปรับปรุง"]


def _table_pdf() -> bytes:
    long_cell = "\n".join(f"๑. {TALL} {i}" for i in range(60))  # split across pages
    rows = [[s, f"{s} {TALL}", long_cell if i == 2 else s] for i, s in enumerate(CELL_STARTS)]
    story = [
        thai_table(["ที่นี่", "ปั้นทั้ง", "ฟื้นที่"], rows, [90, 150, 200]),
        ThaiParagraph(f"ทั้ง {TALL}", BODY),  # right under the table's bottom rule
    ]
    return build_pdf(story)


def test_no_ink_within_half_a_millimetre_under_any_rule() -> None:
    pdf = _table_pdf()
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    pages = int(info.stdout.split(b"Pages:")[1].split()[0])
    assert pages >= 2  # a row went on under the repeated header
    assert ink_under_rules(pdf, band_mm=0.5) == []


def test_the_check_sees_marks_on_a_rule() -> None:
    """The same cells in a plain ReportLab table with no head room: the check finds the marks."""
    from reportlab.lib import colors
    from reportlab.platypus import Table

    rows = [[ThaiParagraph(s, BODY)] for s in CELL_STARTS]
    table = Table(rows, colWidths=[300], style=[("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                                 ("TOPPADDING", (0, 0), (-1, -1), 1)])  # fmt: skip
    assert ink_under_rules(build_pdf([table]), band_mm=0.5)


def test_a_tail_below_keeps_clear_of_stacked_marks_on_the_next_line() -> None:
    # ฏ ฐุ กู้ hang 0.37 em below their line; ปั้ ทั้ rise 1.25 em: more than the leading between
    words = " ".join(["ปฏิบัติ ฐุ กู้"] * 6 + ["ทั้งปั้นทั้ง"] * 6)
    paragraph = ThaiParagraph(words, BODY)
    paragraph.wrap(120, 1000)
    assert len(paragraph._lines) > 2
    tops: list[Any] = []
    for i, line in enumerate(paragraph._lines):
        runs, _ = paragraph._line_runs(line)
        boxes = line_boxes(runs, BODY.size)
        baseline = paragraph._baselines[i]
        tops.append([(x0, baseline - y1, x1, baseline - y0) for x0, y0, x1, y1 in boxes])
    for upper, lower in itertools.pairwise(tops):
        for ax0, _, ax1, a_bottom in upper:
            for bx0, b_top, bx1, _ in lower:
                if ax0 < bx1 and bx0 < ax1:
                    assert b_top - a_bottom >= LINE_CLEARANCE - 1e-6
    assert (
        max(b - a for a, b in zip(paragraph._baselines, paragraph._baselines[1:], strict=False))
        > 20
    )
    plain = ThaiParagraph(" ".join(["กานดา มานพ"] * 20), BODY)  # nothing above or below: leading
    plain.wrap(120, 1000)
    gaps = {round(b - a, 6) for a, b in zip(plain._baselines, plain._baselines[1:], strict=False)}
    assert gaps == {BODY.line_height}
    assert LINE_CLEARANCE >= 0.3 * MM


def test_a_table_cut_by_the_page_end_is_closed_at_the_foot_of_that_page() -> None:
    """The part of a table on a page ends on a rule (the row goes on under the next page's
    repeated header): no page shows a table open at its foot."""
    from thai_helpers import _pgm_pages

    long_cell = "\n".join(f"บรรทัดที่ {i} ของแถวที่ยาว" for i in range(70))
    pdf = build_pdf([thai_table(["ลำดับ", "รายการ"], [["๑", long_cell]], [100, 300])])
    (width, height, pixels), *rest = _pgm_pages(pdf, 100)
    assert rest  # the row went on to a next page
    dark = [[x for x in range(width) if pixels[y * width + x] < 128] for y in range(height)]
    table_px = 400 * 100 / 72
    rules = [y for y, xs in enumerate(dark) if len(xs) > 0.9 * table_px]
    inked = [y for y, xs in enumerate(dark) if xs and y < height * 0.93]  # above the footer
    assert rules and max(rules) >= max(inked)  # the lowest ink of the table is its closing rule
