"""ทะเบียนคุมการยืมพัสดุ: the loan control register, landscape, with the finance review block.

Thousands of lines: one ReportLab Table re-measures everything left at every page split, so
time grows with the square of the rows. `PagedRows` measures each row once and, page by page,
hands the frame a small Table of the rows that fit (with the header), so time grows linearly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from reportlab.platypus import Flowable, Spacer

from nongbon_ita.domain.loans.register import LoanRegister, RegisterLine
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import (
    format_date_long,
    format_date_short,
    format_money,
    thai_digits,
)
from nongbon_ita.reports.thai import (
    BODY,
    CM,
    TITLE,
    Align,
    PageMargins,
    ThaiParagraph,
    build_pdf,
    frame_width,
    keep_lines,
    nobreak,
    signature_block,
)
from nongbon_ita.reports.thai.tables import HEADER_FILL, PAD_X, PAD_Y, share_first_baseline

CELL = BODY.but(size=11)
HEAD = CELL.but(bold=True, align=Align.CENTER)
HEADER = ("ที่", "เลขที่ใบยืม", "รายการ", "หมายเลขครุภัณฑ์", "จำนวน",
          "ยืม (วันที่ ผู้ยืม กำหนดส่งคืน)", "ผู้อนุมัติ", "คืน (วันที่ ผู้คืน สภาพ)",
          "วันที่ติดตามทวง", "หมายเหตุ")  # fmt: skip
# points at 11 pt on a landscape page: numbers and dates such as ๑๒๓๔/๒๕๖๗ and ๒๘ พ.ย. ๖๙ stay on
# one line (text + padding), so do a line number ๑๒๓๔ and a quantity such as "๑๐ เครื่อง"; the
# follow-up date has its own column (DOMAIN.md's register), the remarks (carried, still out,
# overdue, liability) take what is left ("เกินกำหนด" on one line); an approver's name takes two
WIDTHS = (40.0, 72.0, 108.0, 80.0, 54.0, 104.0, 74.0, 100.0, 66.0)
MARGINS = PageMargins(left=1.5 * CM, right=1.5 * CM, top=2 * CM, bottom=1.8 * CM)


def _d(day: Any) -> str:
    return format_date_short(day, thai=True) if day else ""


def line_cells(number: int, line: RegisterLine, same_loan: bool = False) -> list[str]:
    """A register row; the loan's own columns are left empty under its first item (read as one
    group, and fewer lines to draw)."""
    item = line.item
    last = item.last_return
    remarks = []
    if line.carried:
        remarks.append("ยกมา")
    if item.outstanding and item.returns:
        remarks.append(f"ค้างคืน {thai_digits(item.outstanding)}")
    if line.overdue:
        remarks.append("เกินกำหนด")
    if line.liability_text:
        amount = (
            f" {format_money(line.liability_amount, thai=True)} บาท"
            if line.liability_amount
            else ""
        )
        remarks.append(line.liability_text + amount)
    returned = ""
    if last is not None:
        conditions = " ".join(sorted({r.condition.thai for r in item.returns}))
        returned = f"{_d(last.returned_on)}\n{last.returned_by}\n{conditions}"
    lent = (
        _d(line.lent_on)
        if same_loan
        else (f"{_d(line.lent_on)}\n{line.borrower}\nกำหนด {_d(line.due_date)}")
    )
    return [
        thai_digits(number), "" if same_loan else thai_digits(line.number_text), item.description,
        item.asset_number, thai_digits(f"{item.quantity} {item.unit}".strip()), lent,
        "" if same_loan else line.approver, returned, _d(line.follow_up_on), "; ".join(remarks),
    ]  # fmt: skip


class _Cell(ThaiParagraph):  # type: ignore[misc]
    """A register cell: the same text in the same column (dates, names, units) wraps once."""

    _lines_cache: ClassVar[dict[tuple[str, float, nobreak.KeepWords], list[Any]]] = {}

    def _wrap_at(self, width: float) -> list[Any]:
        if self.label or self._continued:
            return super()._wrap_at(width)  # type: ignore[no-any-return]
        key = (self.text, width, nobreak.current())  # lines differ by the office's words
        lines = self._lines_cache.get(key)
        if lines is None:
            if len(self._lines_cache) > 50_000:
                self._lines_cache.clear()
            lines = self._lines_cache[key] = super()._wrap_at(width)
        return lines


def _lines_of(text: str) -> list[str]:
    return [part for part in text.split("\n") if part]


Cells = list[list[ThaiParagraph]]  # a row: per column, its paragraphs (none when empty)


class _Chunk(Flowable):  # type: ignore[misc]
    """One page's share of the register: the header and rows already wrapped, drawn as a grid
    (what thai_table draws, without re-measuring anything)."""

    def __init__(self, header: Cells, header_height: float, rows: Sequence[Cells],
                 heights: Sequence[float], widths: Sequence[float]) -> None:  # fmt: skip
        super().__init__()
        self.header, self.header_height = header, header_height
        self.rows, self.heights, self.widths = rows, heights, widths

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.header_height + sum(self.heights)
        return self.width, self.height

    def _cells(self, row: Cells, top: float, height: float, middle: bool = False) -> None:
        x = 0.0
        for cell, width in zip(row, self.widths, strict=True):
            used = sum(p.height for p in cell)
            y = top - PAD_Y - ((height - PAD_Y * 2 - 2 - used) / 2 if middle else 0.0)
            for para in cell:
                y -= para.height
                para.drawOn(self.canv, x + PAD_X, y)
            x += width

    def draw(self) -> None:
        canv, top = self.canv, self.height
        canv.saveState()
        canv.setFillColor(HEADER_FILL)
        canv.rect(0, top - self.header_height, self.width, self.header_height, stroke=0, fill=1)
        canv.restoreState()
        self._cells(self.header, top, self.header_height, middle=True)
        y = top - self.header_height
        canv.setLineWidth(0.5)
        for row, height in zip(self.rows, self.heights, strict=True):
            if y < top - self.header_height:
                canv.line(0, y, self.width, y)
            self._cells(row, y, height)
            y -= height
        x = 0.0
        for width in self.widths[:-1]:
            x += width
            canv.line(x, 0, x, top)
        canv.setLineWidth(0.75)
        canv.line(0, top - self.header_height, self.width, top - self.header_height)
        canv.rect(0, 0, self.width, top, stroke=1, fill=0)


class PagedRows(Flowable):  # type: ignore[misc]
    """Rows laid out page by page under a repeated header: each row is made and wrapped once,
    then every page draws only its own rows (time grows linearly with the rows)."""

    ends_on_rule = True  # what follows keeps its marks clear of the bottom rule

    def __init__(self, rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        super().__init__()
        self.widths = list(widths)
        pad = PAD_Y * 2 + 2  # as thai_table pads its cells
        self.header: Cells = [[ThaiParagraph(h, HEAD, under_rule=True)] for h in HEADER]
        inner = [w - 2 * PAD_X for w in self.widths]
        share_first_baseline(list(zip(self.header, inner, strict=True)))
        self.header_height = pad + max(
            c[0].wrap(w - 2 * PAD_X, 1e6)[1] for c, w in zip(self.header, self.widths, strict=True)
        )
        self.cells: list[Cells] = []
        self.heights: list[float] = []
        for row in rows:
            cells = [
                [_Cell(part, CELL, under_rule=i == 0) for i, part in enumerate(_lines_of(text))]
                for text in row
            ]
            share_first_baseline(list(zip(cells, inner, strict=True)))
            tallest = max(sum(p.wrap(w - 2 * PAD_X, 1e6)[1] for p in c)
                          for c, w in zip(cells, self.widths, strict=True))  # fmt: skip
            self.cells.append(cells)
            self.heights.append(tallest + pad)
        self._start = 0

    def _rest(self, start: int) -> PagedRows:
        rest = PagedRows.__new__(PagedRows)
        Flowable.__init__(rest)
        rest.widths, rest.header, rest.header_height = self.widths, self.header, self.header_height
        rest.cells, rest.heights, rest._start = self.cells, self.heights, start
        return rest

    def _chunk(self, end: int) -> _Chunk:
        return _Chunk(self.header, self.header_height, self.cells[self._start : end],
                      self.heights[self._start : end], self.widths)  # fmt: skip

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self.header_height + sum(self.heights[self._start :])
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room, end = availHeight - self.header_height, self._start
        while end < len(self.heights) and room >= self.heights[end]:
            room -= self.heights[end]
            end += 1
        if end == self._start:
            return []  # not even one row here: the whole thing moves to the next page
        if end == self._start + 1 and end < len(self.heights) and self._start == 0:
            return []  # a lone first row at a page's foot: start on the next page
        if end == len(self.heights):
            return [self._chunk(end)]
        if end == len(self.heights) - 1 and end - self._start >= 3:
            end -= 1  # never one last row alone on the last page: two go on together
        return [self._chunk(end), self._rest(end)]

    def draw(self) -> None:  # only reached when everything left fits: draw it as one chunk
        chunk = self._chunk(len(self.heights))
        chunk.wrap(self.width, self.height)
        chunk.drawOn(self.canv, 0, 0)


def _period_line(register: LoanRegister) -> str:
    p = register.period
    return f"ระหว่างวันที่ {format_date_long(p.start)} ถึงวันที่ {format_date_long(p.end)}"


def _totals_text(register: LoanRegister) -> str:
    t = register.totals
    text = (f"รวมยืม {thai_digits(t.lent)} รายการ  คืนแล้ว {thai_digits(t.returned)} รายการ  "
            f"ค้างคืน {thai_digits(t.outstanding)} รายการ  เกินกำหนด {thai_digits(t.overdue)} รายการ  "
            f"ความรับผิดชดใช้ {thai_digits(t.liabilities)} รายการ")  # fmt: skip
    if t.liabilities:
        text += (f" เป็นเงิน {format_money(t.liability_amount, thai=True)} บาท "
                 f"(ค้างชดใช้ {format_money(t.unsettled_amount, thai=True)} บาท)")  # fmt: skip
    return text + f"  ข้อมูล ณ วันที่ {format_date_long(register.as_of)}"


def _review_block(register: LoanRegister, director: SignatureBlock) -> list[Flowable]:
    story: list[Flowable] = [
        ThaiParagraph("ผลการตรวจสอบของกองคลัง", BODY.but(bold=True, space_before=12))
    ]
    for review in register.reviews:
        when = format_date_long(review.reviewed_at.date())
        span = f"{format_date_long(review.period_start)} ถึง {format_date_long(review.period_end)}"
        note = f" ความเห็น: {review.note}" if review.note else ""
        story.append(ThaiParagraph(
            f"ตรวจสอบแล้ว ช่วงวันที่ {span} โดย {review.reviewer} {review.reviewer_position} "
            f"เมื่อวันที่ {when} (ยืนยันตัวตนด้วยรหัสผ่านในระบบ){note}", BODY))  # fmt: skip
    story.append(ThaiParagraph("ตรวจสอบแล้ว", BODY.but(space_before=10, left_indent=360)))
    story.append(signature_block("ผู้ตรวจสอบ", director.full_name, director.position,
                                 BODY.but(space_before=14)))  # fmt: skip
    story.append(ThaiParagraph("วันที่ ........../........................../..............",
                               BODY.but(align=Align.CENTER, left_indent=260)))  # fmt: skip
    return story


def render_loan_register(
    register: LoanRegister, office: OfficeProfile, director: SignatureBlock, footer_text: str = ""
) -> bytes:
    width = frame_width(landscape_page=True, margins=MARGINS)
    title = [
        "ทะเบียนคุมการยืมพัสดุ",
        f"{office.name} {office.district_line}",
        f"ประจำปีงบประมาณ พ.ศ. {thai_digits(register.fiscal_year)}",
        _period_line(register),
    ]
    story: list[Flowable] = [ThaiParagraph(t, TITLE) for t in title]
    story.append(Spacer(1, 8))
    rows, previous = [], None
    for n, line in enumerate(register.lines, start=1):
        rows.append(line_cells(n, line, same_loan=line.loan_id == previous))
        previous = line.loan_id
    widths = [*WIDTHS, width - sum(WIDTHS)]
    if rows:
        story.append(PagedRows(rows, widths))
    else:
        story.append(ThaiParagraph("ไม่มีรายการยืมในช่วงนี้", BODY.but(align=Align.CENTER)))
    # the totals stay with the review block: the reviewer signs what they read
    story.append(keep_lines(ThaiParagraph(_totals_text(register), BODY.but(space_before=8)),
                            *_review_block(register, director)))  # fmt: skip
    return build_pdf(story, landscape_page=True, footer_text=footer_text, title=title[0],
                     author=office.name, margins=MARGINS)  # fmt: skip
