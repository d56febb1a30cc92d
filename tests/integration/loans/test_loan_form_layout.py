"""The loan form's layout: up to 8 items (two-line descriptions) and every signature block on
one A4 page; more items continue on a second page; the memo on one page, with the emblem."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, date, datetime

import pytest

from nongbon_ita.domain.loans import (
    Borrower,
    BorrowerKind,
    Loan,
    LoanItem,
    LoanStatus,
    PurposeType,
    UseScope,
)
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.reports.documents.loan_form import LoanFormSigners, render_loan_form
from nongbon_ita.reports.documents.overdue_memo import render_overdue_memo

OUT = datetime(2024, 1, 10, 3, tzinfo=UTC)


def _office(logo: bytes | None = None) -> OfficeProfile:
    return OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม",
                         letter_code="มค ๘๑๑๐๑", logo_png=logo)  # fmt: skip


def _loan(n: int, handed: bool = False) -> Loan:
    items = tuple(
        LoanItem(i, i, f"7080-001-{i:04d}", f"เต็นท์ผ้าใบ ขนาด ๔x๘ เมตร พร้อมโครงเหล็ก ชุดที่ {i}", 1,
                 "หลัง", "Apex AT-48", f"SN{i:05d}", handed_out_at=OUT if handed else None)
        for i in range(1, n + 1)
    )  # fmt: skip
    return Loan(1, 2567, 12, LoanStatus.HANDED_OUT if handed else LoanStatus.APPROVED,
                Borrower(BorrowerKind.VILLAGER, "นายสมหมาย ใจงาม", "ผู้ใหญ่บ้าน",
                         "บ้านหนองบอน หมู่ ๑", "081-234-5678"),
                PurposeType.COMMUNITY, "จัดงานบุญประเพณีบั้งไฟประจำปีของหมู่บ้าน",
                "ศาลากลางบ้านหนองบอน", UseScope.OFF_SITE, date(2024, 1, 10), date(2024, 1, 12),
                items, submitted_at=OUT, approver="นายประยุทธ์ อนุมัติดี",
                approver_position="นายกองค์การบริหารส่วนตำบลหนองบอน")  # fmt: skip


def _signers() -> LoanFormSigners:
    officer = SignatureBlock("", "นายวีระ พัสดุดี", "เจ้าพนักงานพัสดุ")
    return LoanFormSigners(SignatureBlock("ผู้ยืม", "นายสมหมาย ใจงาม", "ผู้ใหญ่บ้าน"),
                           SignatureBlock("", "", ""), officer,
                           SignatureBlock("", "นายประยุทธ์ อนุมัติดี",
                                          "นายกองค์การบริหารส่วนตำบลหนองบอน"),
                           officer, SignatureBlock("", "", ""))  # fmt: skip


def _pages(pdf: bytes) -> list[str]:
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()  # fmt: skip
    return text.split("\f")[:-1]


@pytest.mark.parametrize("items", [1, 3, 8])
def test_up_to_eight_items_fit_one_page(items: int) -> None:
    pages = _pages(render_loan_form(_loan(items), _office(), _signers()))
    assert len(pages) == 1
    for words in ("ใบยืมพัสดุ", f"7080-001-{items:04d}", "ผู้อนุมัติ", "ผู้รับคืน", "ผู้จ่ายพัสดุ",
                  "นายประยุทธ์ อนุมัติดี", "ยืมระหว่างหน่วยงาน"):  # fmt: skip
        assert words in pages[0], words


def test_more_items_continue_on_a_second_page() -> None:
    pages = _pages(render_loan_form(_loan(12), _office(), _signers()))
    assert len(pages) == 2
    # page one: as many items as fit above the signatures with the note (7 of these); the rest
    # on the continuation sheet, each item once
    first = [i for i in range(1, 13) if f"7080-001-{i:04d}" in pages[0]]
    assert first == list(range(1, len(first) + 1)) and len(first) >= 7
    assert f"อีก {thai_digits(12 - len(first))} รายการ" in pages[0] and "ผู้รับคืน" in pages[0]
    assert "รายการพัสดุ (ต่อ)" in pages[1] and "7080-001-0012" in pages[1]
    assert all(f"7080-001-{i:04d}" in pages[1] for i in range(len(first) + 1, 13))


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 120), (200, 160, 40)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("logo", [None, _png()])
def test_memo_is_one_page_with_number_and_date_on_one_line(logo: bytes | None) -> None:
    signer = SignatureBlock("", "นายประยุทธ์ อนุมัติดี", "นายกองค์การบริหารส่วนตำบลหนองบอน")
    pdf = render_overdue_memo(_loan(3, handed=True), _office(logo), date(2024, 1, 25),
                              "มค ๘๑๑๐๑/๓", signer)  # fmt: skip
    pages = _pages(pdf)
    assert len(pages) == 1
    lines = pages[0].splitlines()
    assert any(ln.startswith("ที่") and "มค ๘๑๑๐๑/๓" in ln and "วันที่" in ln for ln in lines)
    assert "เรื่อง ติดตามทวงพัสดุที่ยืม" in pages[0] and "เรียน นายสมหมาย ใจงาม" in pages[0]
    assert "นายประยุทธ์ อนุมัติดี" in pages[0]
    assert (b"/Subtype /Image" in pdf) is (logo is not None)


def test_a_long_request_keeps_the_signatures_on_page_one() -> None:
    """Eight two-line items under a request of five lines no longer fit with the signatures:
    page one lists fewer items, the signatures stay under them (not alone on a page of their
    own, under the page number), and the continuation sheet lists the rest, each item once."""
    from dataclasses import replace

    loan = _loan(8)
    loan = replace(loan, purpose="ประชุมคณะกรรมการกองทุนหมู่บ้านและประชาคมหมู่บ้านเพื่อจัดทำแผน"
                                 "พัฒนาหมู่บ้าน ประจำปีงบประมาณ ๒๕๗๐ ร่วมกับหน่วยงานภาคีเครือข่าย"
                                 "ในพื้นที่ตำบลหนองบอนและตำบลใกล้เคียง")  # fmt: skip
    pages = _pages(render_loan_form(loan, _office(), _signers()))
    assert len(pages) == 2
    assert "ผู้รับคืน" in pages[0] and "ผู้อนุมัติ" in pages[0] and "ผู้รับคืน" not in pages[1]
    assert "รายการพัสดุ (ต่อ)" in pages[1] and "7080-001-0008" in pages[1]
    listed = [f"7080-001-{i:04d}" for i in range(1, 9)]
    assert all(sum(p.count(number) for p in pages) == 1 for number in listed)
