"""The loan register as an XLSX workbook (openpyxl): the lines, then the totals and reviews."""

from __future__ import annotations

import io
from typing import Any

from nongbon_ita.domain.loans.register import LoanRegister
from nongbon_ita.i18n.thaiformat import format_date_numeric

COLUMNS = ("ลำดับที่", "เลขที่ใบยืม", "รายการ", "หมายเลขครุภัณฑ์", "จำนวน", "หน่วย", "วันที่ยืม",
           "ผู้ยืม", "กำหนดส่งคืน", "ผู้อนุมัติ", "วันที่คืน", "ผู้คืน", "สภาพ", "คืนแล้ว", "ค้างคืน",
           "เกินกำหนด", "วันที่ติดตามทวง", "ความรับผิด", "จำนวนเงิน", "ยกมา")  # fmt: skip


def _d(day: Any) -> str:
    return format_date_numeric(day) if day else ""


def register_workbook(register: LoanRegister, office_name: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(f"ทะเบียนยืม {register.fiscal_year}")
    sheet.append([f"ทะเบียนคุมการยืมพัสดุ {office_name} ปีงบประมาณ {register.fiscal_year} "
                  f"({_d(register.period.start)} – {_d(register.period.end)})"])  # fmt: skip
    sheet.append(list(COLUMNS))
    for n, line in enumerate(register.lines, start=1):
        item, last = line.item, line.item.last_return
        sheet.append([
            n, line.number_text, item.description, item.asset_number, item.quantity, item.unit,
            _d(line.lent_on), line.borrower, _d(line.due_date), line.approver,
            _d(last.returned_on) if last else "", last.returned_by if last else "",
            " ".join(sorted({r.condition.thai for r in item.returns})), item.returned_quantity,
            item.outstanding, "ใช่" if line.overdue else "", _d(line.follow_up_on),
            line.liability_text, line.liability_amount, "ใช่" if line.carried else "",
        ])  # fmt: skip
    t = register.totals
    sheet.append([])
    for label, value in (("รวมยืม (รายการ)", t.lent), ("คืนแล้ว", t.returned),
                         ("ค้างคืน", t.outstanding), ("เกินกำหนด", t.overdue),
                         ("ความรับผิด (รายการ)", t.liabilities),
                         ("ความรับผิด (บาท)", t.liability_amount),
                         ("ค้างชดใช้ (บาท)", t.unsettled_amount)):  # fmt: skip
        sheet.append([label, value])
    for review in register.reviews:
        sheet.append([f"ตรวจสอบแล้ว {_d(review.period_start)} – {_d(review.period_end)} โดย "
                      f"{review.reviewer} {review.reviewer_position} "
                      f"เมื่อ {_d(review.reviewed_at.date())} {review.note}"])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
