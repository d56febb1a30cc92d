"""ใบยืมพัสดุ: the loan request form, pre-filled, one A4 page for up to 8 items.

More than 8 items: page one lists the first 8 and says how many follow; a continuation page
lists the rest under the form's number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from nongbon_ita.domain.loans import Loan, LoanItem, LoanStatus, UseScope
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import format_date_long, thai_digits
from nongbon_ita.reports.thai import (
    BODY,
    CM,
    TITLE,
    Align,
    PageMargins,
    ThaiParagraph,
    build_pdf,
    fonts,
    frame_width,
)
from nongbon_ita.reports.thai.drawing import draw_runs
from nongbon_ita.reports.thai.shaping import shape
from nongbon_ita.reports.thai.tables import thai_table

ITEMS_ON_FIRST_PAGE = 8
SMALL = BODY.but(size=14)
SIGN = BODY.but(size=13)
ITEM = BODY.but(size=13)  # six signature blocks share the page with eight items
MARGINS = PageMargins(top=1.5 * CM, bottom=1.5 * CM)  # a one-page form: tighter top and bottom
HEADER = ("ลำดับที่", "รายการ (ยี่ห้อ/รุ่น/หมายเลขเครื่อง)", "จำนวน/หน่วย", "หมายเลขครุภัณฑ์", "หมายเหตุ")
SHARES = (0.07, 0.56, 0.12, 0.18, 0.07)
DOTS = "……………………"
UNDERTAKING = (
    "ข้าพเจ้าจะดูแลรักษาพัสดุที่ยืมให้อยู่ในสภาพดี และจะส่งคืนในสภาพที่ใช้การได้เรียบร้อย "
    "หากเกิดชำรุดเสียหายหรือใช้การไม่ได้หรือสูญหาย ข้าพเจ้าจะซ่อมแซมให้คงสภาพเดิมโดยเสียค่าใช้จ่าย"
    "ของตนเอง หรือชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพอย่างเดียวกัน หรือชดใช้เป็นเงิน"
    "ตามราคาที่เป็นอยู่ในขณะยืม"
)


@dataclass(frozen=True)
class LoanFormSigners:
    """Who signs each block: from the loan's own people, else the office's officials."""

    borrower: SignatureBlock
    borrower_head: SignatureBlock  # หัวหน้าหน่วยงานผู้ยืม
    supply_officer: SignatureBlock  # checks the request, hands out, takes back
    approver: SignatureBlock
    handed_out_by: SignatureBlock
    received_by: SignatureBlock


class CheckBoxes(Flowable):  # type: ignore[misc]
    """'☐ label  ☑ label' drawn as boxes (the fonts have no ballot-box glyphs); ticked ones
    carry a check mark. The labels stay text in the PDF."""

    def __init__(self, options: Sequence[tuple[str, bool]], style: Any = SMALL, indent: float = 0):
        super().__init__()
        self.options, self.style, self.indent = list(options), style, indent
        self._face = fonts.face()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.style.line_height

    def draw(self) -> None:
        size = self.style.size
        box, x = size * 0.55, self.indent
        baseline = self.style.line_height - size * 0.92
        for label, ticked in self.options:
            self.canv.setLineWidth(0.7)
            self.canv.rect(x, baseline, box, box)
            if ticked:
                self.canv.setLineWidth(1.2)
                self.canv.lines([(x + box * 0.15, baseline + box * 0.5, x + box * 0.4, baseline + box * 0.15),
                                 (x + box * 0.4, baseline + box * 0.15, x + box * 0.9, baseline + box * 0.95)])  # fmt: skip
            run = shape(self._face, label)
            draw_runs(self.canv, x + box + size * 0.3, baseline, size, [(0.0, run)])
            x += box + size * 0.3 + run.width(size) + size * 0.8


def _signature(
    caption: str, block: SignatureBlock, above: list[Flowable] | None = None
) -> list[Flowable]:
    centre = SIGN.but(align=Align.CENTER)
    return [*(above or []),
            ThaiParagraph(f"(ลงชื่อ)........................{caption}", centre.but(space_before=2)),
            ThaiParagraph(f"({block.full_name})", centre),
            ThaiParagraph(block.position, centre)]  # fmt: skip


def _grid(pairs: Sequence[tuple[list[Flowable], list[Flowable]]], width: float) -> Table:
    table = Table([[left, right] for left, right in pairs], colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))  # fmt: skip
    return table


def _item_rows(items: Sequence[LoanItem], first_number: int) -> list[list[str]]:
    rows = []
    for n, item in enumerate(items, start=first_number):
        note = "วัสดุ" if item.consumable else ""
        rows.append([thai_digits(n), item.description,
                     thai_digits(f"{item.quantity} {item.unit}".strip()), item.asset_number, note])  # fmt: skip
    return rows


def _date(day: Any) -> str:
    return format_date_long(day) if day else DOTS


def render_loan_form(
    loan: Loan, office: OfficeProfile, signers: LoanFormSigners, footer_text: str = ""
) -> bytes:
    width = frame_width()
    b = loan.borrower
    indent = SMALL.but(first_indent=2.5 * CM)
    number = thai_digits(loan.number_text) if loan.number_text else DOTS
    written = loan.submitted_at.date() if loan.submitted_at else None
    story: list[Flowable] = [
        ThaiParagraph("ใบยืมพัสดุ", TITLE.but(size=20)),
        ThaiParagraph(f"เลขที่ {number}", SMALL.but(align=Align.RIGHT)),
        ThaiParagraph(f"เขียนที่ {office.name}", SMALL.but(align=Align.RIGHT)),
        ThaiParagraph(f"วันที่ {_date(written)}", SMALL.but(align=Align.RIGHT, space_after=2)),
        ThaiParagraph(
            f"ข้าพเจ้า {b.name} ตำแหน่ง {b.position or DOTS} สังกัด {b.organization or DOTS} "
            f"โทร {thai_digits(b.phone) or DOTS} ขอยืมพัสดุของ{office.name} "
            f"เพื่อใช้ในงาน {loan.purpose} สถานที่นำไปใช้ {loan.place_of_use or DOTS} "
            f"ตั้งแต่วันที่ {_date(loan.start_date)} ถึงวันที่ {_date(loan.due_date)} "
            f"รวม {thai_digits(loan.days)} วัน ตามรายการดังต่อไปนี้", indent),
        Spacer(1, 4),
    ]  # fmt: skip
    widths = [width * s for s in SHARES]
    first, rest = loan.items[:ITEMS_ON_FIRST_PAGE], loan.items[ITEMS_ON_FIRST_PAGE:]
    story.append(thai_table(HEADER, _item_rows(first, 1), widths, body_style=ITEM,
                            header_style=ITEM.but(bold=True, align=Align.CENTER)))  # fmt: skip
    if rest:
        story.append(ThaiParagraph(
            f"(มีรายการต่อในแผ่นต่อ อีก {thai_digits(len(rest))} รายการ รวมทั้งสิ้น "
            f"{thai_digits(len(loan.items))} รายการ)", SMALL.but(align=Align.CENTER)))  # fmt: skip
    story.append(ThaiParagraph(f"{UNDERTAKING} และจะส่งคืนพัสดุในวันที่ {_date(loan.due_date)}",
                               SMALL.but(first_indent=2.5 * CM, space_before=4)))  # fmt: skip
    story.append(Spacer(1, 4))
    story.append(_form_signatures(loan, signers, width))
    if rest:
        story += [PageBreak(), ThaiParagraph(f"ใบยืมพัสดุ เลขที่ {number} (แผ่นต่อ)", TITLE),
                  Spacer(1, 6),
                  thai_table(HEADER, _item_rows(rest, ITEMS_ON_FIRST_PAGE + 1), widths,
                             body_style=SMALL, header_style=SMALL.but(bold=True, align=Align.CENTER))]  # fmt: skip
    return build_pdf(story, footer_text=footer_text, title=f"ใบยืมพัสดุ {loan.number_text}",
                     author=office.name, margins=MARGINS)  # fmt: skip


def _form_signatures(loan: Loan, s: LoanFormSigners, width: float) -> Table:
    half = width / 2 - 4
    status = loan.status
    approved = status in (LoanStatus.APPROVED, LoanStatus.HANDED_OUT, LoanStatus.CLOSED)
    scope = [("ใช้ภายในสถานที่", loan.use_scope is UseScope.PREMISES),
             ("นำไปใช้นอกสถานที่", loan.use_scope is not UseScope.PREMISES)]  # fmt: skip
    decision = [("อนุมัติ", approved), ("ไม่อนุมัติ", status is LoanStatus.REFUSED)]
    handed = loan.handed_out_on
    returns = [r for i in loan.items for r in i.returns]
    back = (
        max((r.returned_on for r in returns), default=None)
        if loan.status is LoanStatus.CLOSED
        else None
    )
    condition = " ".join(sorted({r.condition.thai for r in returns})) if back else DOTS
    returned_by = SignatureBlock("", returns[-1].returned_by, "") if returns else SignatureBlock("", DOTS, "")  # fmt: skip
    left_small = SIGN.but(space_before=2)
    return _grid([
        (_signature("ผู้ยืม", s.borrower), _signature("หัวหน้าหน่วยงานผู้ยืม", s.borrower_head)),
        (_signature("เจ้าหน้าที่พัสดุ", s.supply_officer, [
            ThaiParagraph("ตรวจสอบแล้ว", left_small), CheckBoxes(scope, SIGN, indent=4)]),
         _signature("ผู้อนุมัติ", s.approver, [
             ThaiParagraph("ความเห็นผู้อนุมัติ", left_small), CheckBoxes(decision, SIGN, indent=4)])),
        (_signature("ผู้ยืม", s.borrower, [ThaiParagraph(
            f"ได้รับพัสดุตามรายการข้างต้นแล้ว เมื่อวันที่ {_date(handed)}", left_small)]),
         _signature("ผู้จ่ายพัสดุ", s.handed_out_by, [Spacer(1, SIGN.line_height)])),
        (_signature("ผู้ส่งคืน", returned_by, [ThaiParagraph(
            f"ได้รับคืนแล้วเมื่อวันที่ {_date(back)} สภาพ {condition}", left_small)]),
         _signature("ผู้รับคืน", s.received_by, [Spacer(1, SIGN.line_height)])),
    ], half * 2)  # fmt: skip
