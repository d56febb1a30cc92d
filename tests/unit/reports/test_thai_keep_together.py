"""Whatever the page fill: the signatures share their page with the end of what they sign, and a
table never starts with one lone row at the foot of a page."""

from __future__ import annotations

import re

from reportlab.platypus import Spacer
from thai_helpers import pdftotext

from nongbon_ita.reports.thai import BODY, ThaiParagraph, build_pdf, keep_lines, signature_block
from nongbon_ita.reports.thai import thai_table as table

ROWS = [[f"แถวที่ {i}", f"รายละเอียดของแถว {i} ที่ยาวพอสมควร"] for i in range(1, 9)]


def _pages(fill_points: float) -> list[str]:
    story = [
        Spacer(1, fill_points),
        table(["ลำดับ", "รายการ"], ROWS, [120, 300]),
        keep_lines(Spacer(1, 20), signature_block("ผู้รับรอง", "นายสมชาย ใจดี", "ปลัด")),
    ]
    return pdftotext(build_pdf(story)).split("\f")[:-1]


def test_the_signature_page_always_holds_a_table_row() -> None:
    for fill in range(300, 700, 9):
        pages = _pages(fill)
        (signed,) = [p for p in pages if "ผู้รับรอง" in p]
        assert re.search(r"แถวที่ \d", signed), fill


def test_a_table_never_starts_with_a_lone_row_at_a_page_foot() -> None:
    for fill in range(300, 700, 9):
        pages = _pages(fill)
        first = next(p for p in pages if "แถวที่" in p)
        assert len(re.findall(r"แถวที่ \d", first)) >= 2, fill


def test_a_letter_closing_goes_with_its_signature() -> None:
    for lines in range(20, 40):
        story = [ThaiParagraph(f"ย่อหน้าที่ {i}", BODY) for i in range(lines)]
        story.append(
            keep_lines(
                ThaiParagraph("จึงเรียนมาเพื่อโปรดทราบ", BODY),
                Spacer(1, 40),
                signature_block("", "นายสมชาย ใจดี", "ปลัด"),
            )
        )
        pages = pdftotext(build_pdf(story)).split("\f")[:-1]
        (signed,) = [p for p in pages if "นายสมชาย" in p]
        assert "จึงเรียนมาเพื่อโปรดทราบ" in signed


def _tall_rows(lines: tuple[int, ...]) -> list[list[str]]:
    return [[f"แถวที่ {i}", "\n".join(f"บรรทัดที่ {k} ของแถว {i}" for k in range(n))]
            for i, n in enumerate(lines, start=1)]  # fmt: skip


def test_tall_last_rows_still_end_with_the_signatures_and_never_fail() -> None:
    # the 12-month progress report: a tall last row (and a tall one before it) with the
    # signatures did not fit under the rows before them, and no page took them (LayoutError)
    signature = keep_lines(Spacer(1, 20), signature_block("ผู้รับรอง", "นายสมชาย ใจดี", "ปลัด"))
    for fill in range(0, 500, 50):
        for rows in ((2, 8, 7, 10), (3, 12, 12), (1, 14), (12, 20), (34,), (2, 33), (31,)):
            story = [Spacer(1, fill), table(["ลำดับ", "รายการ"], _tall_rows(rows), [120, 300]),
                     signature]  # fmt: skip
            pages = pdftotext(build_pdf(story)).split("\f")[:-1]
            (signed,) = [p for p in pages if "ผู้รับรอง" in p]
            assert re.search(r"ของแถว \d", signed), (fill, rows)


def test_a_last_row_of_nearly_a_page_goes_on_with_the_signatures_cut_inside() -> None:
    """One paragraph nearly a page tall as the last row: its last lines start the signatures'
    page (the row is cut inside), they never stand alone under the repeated header."""
    signature = keep_lines(Spacer(1, 20), signature_block("ผู้รับรอง", "นายสมชาย ใจดี", "ปลัด"))
    for words in (150, 170, 190):
        long_text = " ".join(f"ข้อความที่{k}" for k in range(words))
        for fill in (0, 120, 400):
            rows = [["แถวที่ 1", "สั้น"], ["แถวที่ 2", long_text]]
            story = [Spacer(1, fill), table(["ลำดับ", "รายการ"], rows, [120, 300]), signature]
            pages = pdftotext(build_pdf(story)).split("\f")[:-1]
            (signed,) = [p for p in pages if "ผู้รับรอง" in p]
            assert re.search(r"ข้อความที่\d", signed), (words, fill)
            assert "ข้อความที่0" not in signed  # cut: the row's start stayed before


def test_a_page_end_in_a_rows_bottom_padding_moves_the_row_whole() -> None:
    """Cut where only a row's bottom padding is left: its text all fits, so the next page must
    not start with an empty sliver of it under the repeated header (a double rule)."""
    rows = [[f"แถวที่ {i}", "๑"] for i in range(1, 9)]
    whole = table(["ช่องทาง", "รวม"], rows, [150, 80])
    whole.wrap(450, 1e6)
    heights = whole._rowHeights
    in_padding = sum(heights[:5]) - 1.5  # the header, rows 1-4: in row 4's last 1.5 points
    first, rest = whole.split(450, in_padding)
    assert [str(p) for p in rest._cellvalues[1]] != ["()", "()"]
    body = pdftotext(build_pdf([rest]))
    assert body.split("\n")[1].startswith("แถวที่ 4")
    assert "แถวที่ 4" not in pdftotext(build_pdf([first]))
