"""All cells of a table row set their first line on one baseline, whatever marks each carries
(a cell "ปั้น" with a tone over an upper vowel beside a plain one), in thai_table and in the loan
register's own paged table (both registers printed cells a few points apart)."""

from __future__ import annotations

import re
import subprocess

from nongbon_ita.reports.documents.loan_register import HEADER, WIDTHS, PagedRows
from nongbon_ita.reports.thai import build_pdf, thai_table

_WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>'
)


def _bottoms(pdf: bytes) -> dict[str, float]:
    """Each word's box bottom in points (one font size: the baseline plus a fixed descent)."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True,
                         check=True).stdout.decode("utf-8")  # fmt: skip
    return {word: float(y) for y, word in _WORD.findall(out)}


def test_a_cell_with_stacked_marks_shares_the_baseline_of_a_plain_cell() -> None:
    rows = [["ปั้น", "กานดา มานพ", "ที่ตั้ง"], ["๑๒", "ทั้งหมด", "บ้านนา"]]
    bottoms = _bottoms(build_pdf([thai_table(["ลำดับ", "ชื่อ", "ที่"], rows, [80, 160, 160])]))
    assert bottoms["ปั้น"] == bottoms["กานดา"] == bottoms["ที่ตั้ง"]
    assert bottoms["๑๒"] == bottoms["ทั้งหมด"] == bottoms["บ้านนา"]
    assert bottoms["ลำดับ"] == bottoms["ชื่อ"]  # the header row too
    assert bottoms["๑๒"] > bottoms["ปั้น"]  # two rows, not one line


def test_the_loan_register_rows_share_one_baseline() -> None:
    plain = ["๑", "๑/๒๕๖๙", "โต๊ะพับ", "๗๑๐-๖๙-๐๐๑", "๒ ตัว", "กานดา", "นายสมชาย", "", "", ""]
    marked = [*plain[:2], "ปั้นน้ำ", *plain[3:]]
    rows = PagedRows([marked], (*WIDTHS, 760 - sum(WIDTHS)))
    bottoms = _bottoms(build_pdf([rows], landscape_page=True))
    assert bottoms["ปั้นน้ำ"] == bottoms["กานดา"] == bottoms["นายสมชาย"] == bottoms["๒"]
    assert len(HEADER) == len(plain)


def test_the_register_never_leaves_its_last_row_alone_on_a_page() -> None:
    row = ["๑", "๑/๒๕๗๐", "โต๊ะพับ", "401-67-0007", "๑ ตัว", "๑ ต.ค. ๖๙", "", "", "", ""]
    rows = PagedRows([row] * 6, (*WIDTHS, 760 - sum(WIDTHS)))
    rows.wrap(760, 1e6)
    all_but_one = rows.header_height + sum(rows.heights[:-1]) + 1
    first, rest = rows.split(760, all_but_one)
    assert len(first.rows) == 4 and len(rest.heights) - rest._start == 2
