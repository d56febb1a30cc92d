"""The loan register as an XLSX workbook: the lines, then the totals and reviews."""

from __future__ import annotations

from typing import Any

from nongbon_ita.domain.loans.register import LoanRegister
from nongbon_ita.i18n.thaiformat import format_date_numeric
from nongbon_ita.reports.xlsx import Column, Kind, XlsxBook

_D, _N, _M = Kind.DATE, Kind.NUMBER, Kind.MONEY
COLUMNS = (
    Column("ลำดับที่", 7, _N), Column("เลขที่ใบยืม", 11), Column("รายการ", 32, wrap=True),
    Column("หมายเลขครุภัณฑ์", 18), Column("จำนวน", 7, _N), Column("หน่วย", 8),
    Column("วันที่ยืม", 12, _D), Column("ผู้ยืม", 24, wrap=True), Column("กำหนดส่งคืน", 12, _D),
    Column("ผู้อนุมัติ", 20), Column("วันที่คืน", 12, _D), Column("ผู้คืน", 20),
    Column("สภาพ", 12), Column("คืนแล้ว", 8, _N), Column("ค้างคืน", 8, _N),
    Column("เกินกำหนด", 9), Column("วันที่ติดตามทวง", 13, _D),
    Column("ความรับผิด", 24, wrap=True), Column("จำนวนเงิน", 13, _M), Column("ยกมา", 6),
)  # fmt: skip


def _d(day: Any) -> str:
    return format_date_numeric(day) if day else ""


def register_workbook(register: LoanRegister, office_name: str) -> bytes:
    book = XlsxBook()
    title = (f"ทะเบียนคุมการยืมพัสดุ {office_name} ปีงบประมาณ {register.fiscal_year} "
             f"({_d(register.period.start)} – {_d(register.period.end)})")  # fmt: skip
    sheet = book.sheet(f"ทะเบียนยืม {register.fiscal_year}", COLUMNS, title=[title])
    for n, line in enumerate(register.lines, start=1):
        item, last = line.item, line.item.last_return
        sheet.row([
            n, line.number_text, item.description, item.asset_number, item.quantity, item.unit,
            line.lent_on, line.borrower, line.due_date, line.approver,
            last.returned_on if last else None, last.returned_by if last else "",
            " ".join(sorted({r.condition.thai for r in item.returns})), item.returned_quantity,
            item.outstanding, "ใช่" if line.overdue else "", line.follow_up_on,
            line.liability_text, line.liability_amount, "ใช่" if line.carried else "",
        ])  # fmt: skip
    t = register.totals
    sheet.blank()
    for label, value in (("รวมยืม (รายการ)", t.lent), ("คืนแล้ว", t.returned),
                         ("ค้างคืน", t.outstanding), ("เกินกำหนด", t.overdue),
                         ("ความรับผิด (รายการ)", t.liabilities)):  # fmt: skip
        sheet.line(label, value)
    for label, amount in (("ความรับผิด (บาท)", t.liability_amount),
                          ("ค้างชดใช้ (บาท)", t.unsettled_amount)):  # fmt: skip
        sheet.line(label, amount, money=True)
    for review in register.reviews:
        sheet.line(f"ตรวจสอบแล้ว {_d(review.period_start)} – {_d(review.period_end)} โดย "
                   f"{review.reviewer} {review.reviewer_position} "
                   f"เมื่อ {_d(review.reviewed_at.date())} {review.note}")  # fmt: skip
    return book.data()
