"""ใบยืมพัสดุ: the loan request form, pre-filled, one A4 page for up to 8 items.

More items than page one holds with the signatures (8, fewer when their lines are long): page
one lists what fits and says how many follow; a continuation page lists the rest under the
form's number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from nongbon_ita.domain.loans import Loan, LoanItem, LoanStatus, UseScope
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import format_date_long, format_date_short, thai_digits
from nongbon_ita.reports.documents.signature_area import SignatureArea
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
    keep_lines,
)
from nongbon_ita.reports.thai.drawing import draw_runs
from nongbon_ita.reports.thai.shaping import shape
from nongbon_ita.reports.thai.tables import PAD_Y, thai_table, under_rule

ITEMS_ON_FIRST_PAGE = 8
# 16 pt cannot hold eight items and eight signatures on one page; 1.2 em leading (not 1.25) pays
# for the room marks take under the rules (lines whose marks would meet still move apart)
SMALL = BODY.but(size=14, leading=14 * 1.2)
ITEM = BODY.but(size=12)
SIGN = BODY.but(size=12, leading=12 * 1.2)
POSITION = SIGN.but(size=10.5, leading=10.5 * 1.2, align=Align.CENTER)
SIGN_COLUMNS = 4  # eight signatures: two rows of four compact boxes
APPROVER_COLUMN = 140.0
MARGINS = PageMargins(left=2.5 * CM, right=1.5 * CM, top=1.0 * CM, bottom=1.5 * CM)
HEADER = ("ที่", "รายการ (ยี่ห้อ/รุ่น/หมายเลขเครื่อง)", "จำนวน/หน่วย", "หมายเลขครุภัณฑ์", "หมายเหตุ")
# points; the description takes what is left (asset numbers like 7080-001-0001 on one line)
WIDTHS = (28.0, 0.0, 58.0, 96.0, 56.0)
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
    """'lead ☐ label  ☑ label' drawn as boxes (the fonts have no ballot-box glyphs); ticked
    ones carry a check mark. The labels stay text in the PDF."""

    def __init__(self, options: Sequence[tuple[str, bool]], style: Any = SMALL,
                 indent: float = 0, lead: str = "") -> None:  # fmt: skip
        super().__init__()
        self.options, self.style, self.indent, self.lead = list(options), style, indent, lead
        self._face = fonts.face()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.style.line_height

    def draw(self) -> None:
        size = self.style.size
        box, x = size * 0.55, self.indent
        baseline = self.style.line_height - size * 0.92
        if self.lead:
            run = shape(self._face, self.lead)
            draw_runs(self.canv, x, baseline, size, [(0.0, run)])
            x += run.width(size) + size * 0.6
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


def _block(signer: SignatureBlock, caption: str, *detail: Flowable) -> list[Flowable]:
    """One box of the signature grid: who signs and for what (bold, first), then the line to
    sign on, the name and the position — under a signature field (`print loan-form --sign`)."""
    centre = SIGN.but(align=Align.CENTER)
    name = signer.full_name or DOTS
    lines = [
        ThaiParagraph("(ลงชื่อ)" + "." * 24, centre.but(space_before=3)),
        ThaiParagraph(f"({name})", centre),
        ThaiParagraph(signer.position or " ", POSITION),
    ]
    return [ThaiParagraph(caption, SIGN.but(bold=True)), *detail,
            SignatureArea(lines, caption, name, signer.position)]  # fmt: skip


def _grid(blocks: Sequence[list[Flowable]], width: float) -> Table:
    """The signature boxes, SIGN_COLUMNS to a row, ruled like the rest of the form."""
    rows = [[under_rule(block) for block in blocks[i : i + SIGN_COLUMNS]]
            for i in range(0, len(blocks), SIGN_COLUMNS)]  # fmt: skip
    rows[-1] += [[]] * (SIGN_COLUMNS - len(rows[-1]))
    # the approver's column is wider: "นายกองค์การบริหารส่วนตำบล…" is one word to the line breaker
    narrow = (width - APPROVER_COLUMN) / (SIGN_COLUMNS - 1)
    table = Table(rows, colWidths=[narrow] * (SIGN_COLUMNS - 1) + [APPROVER_COLUMN])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))  # fmt: skip
    return table


def _item_rows(items: Sequence[LoanItem], first_number: int) -> list[list[str]]:
    rows = []
    for n, item in enumerate(items, start=first_number):
        note = "วัสดุ" if item.consumable else ""
        rows.append([thai_digits(n), item.description,
                     thai_digits(f"{item.quantity} {item.unit}".strip()), item.asset_number, note])  # fmt: skip
    return rows


def _items_table(items: Sequence[LoanItem], first_number: int, width: float) -> Table:
    widths = [w or width - sum(WIDTHS) for w in WIDTHS]
    # 12 pt lines reserve 4 pt under the baseline, about what ู and ฏ need: a thin bottom
    # padding makes up for the room the marks take under each rule (one page for 8 items)
    return thai_table(HEADER, _item_rows(items, first_number), widths, body_style=ITEM,
                      header_style=ITEM.but(bold=True, align=Align.CENTER),
                      extra_style=[("BOTTOMPADDING", (0, 1), (-1, -1), 1.5)])  # fmt: skip


def _date(day: Any) -> str:
    return format_date_long(day) if day else DOTS


def _short(day: Any) -> str:
    return format_date_short(day, thai=True) if day else "……………"


def render_loan_form(
    loan: Loan, office: OfficeProfile, signers: LoanFormSigners, footer_text: str = ""
) -> bytes:
    width = frame_width(margins=MARGINS)
    b = loan.borrower
    number = thai_digits(loan.number_text) if loan.number_text else DOTS
    written = loan.submitted_at.date() if loan.submitted_at else None
    right = SMALL.but(align=Align.RIGHT)
    story: list[Flowable] = [
        _title_line(ThaiParagraph("ใบยืมพัสดุ", TITLE.but(size=20)),
                    ThaiParagraph(f"เลขที่ {number}", right.but(space_before=4)), width),
        ThaiParagraph(f"เขียนที่ {office.name}", right),
        ThaiParagraph(f"วันที่ {_date(written)}", right.but(space_after=2)),
        ThaiParagraph(
            f"ข้าพเจ้า {b.name} ตำแหน่ง {b.position or DOTS} สังกัด {b.organization or DOTS} "
            f"โทร {thai_digits(b.phone) or DOTS} ขอยืมพัสดุของ{office.name} "
            f"เพื่อใช้ในงาน {loan.purpose} สถานที่นำไปใช้ {loan.place_of_use or DOTS} "
            f"ตั้งแต่วันที่ {_date(loan.start_date)} ถึงวันที่ {_date(loan.due_date)} "
            f"รวม {thai_digits(loan.days)} วัน ตามรายการดังต่อไปนี้", SMALL.but(first_indent=2 * CM)),
        CheckBoxes([(thai, loan.use_scope is scope) for scope, thai in SCOPES], SMALL,
                   lead="ลักษณะการใช้"),
        Spacer(1, 1),
    ]  # fmt: skip
    closing = [
        ThaiParagraph(f"{UNDERTAKING} และจะส่งคืนพัสดุในวันที่ {_date(loan.due_date)}",
                      SIGN.but(size=13, leading=13 * 1.2, first_indent=2 * CM, space_before=2,
                               space_after=2)),
        _grid(_signature_blocks(loan, signers), width),
    ]  # fmt: skip
    count = _first_page_items(loan, story, closing, width)
    first, rest = loan.items[:count], loan.items[count:]
    story.append(_items_table(first, 1, width))
    if rest:
        story.append(_more_note(loan, len(rest)))
    story.append(keep_lines(*closing))
    if loan.refusal_reason:
        story.append(ThaiParagraph(f"เหตุผลที่ไม่อนุมัติ: {loan.refusal_reason}", SIGN))
    if rest:
        story += [PageBreak(), Spacer(1, 0.8 * CM),  # below the page number
                  ThaiParagraph(f"ใบยืมพัสดุ เลขที่ {number} (แผ่นต่อ)", TITLE.but(size=18)),
                  ThaiParagraph("รายการพัสดุ (ต่อ)", SMALL.but(bold=True, space_before=4,
                                                             space_after=3)),
                  _items_table(rest, count + 1, width)]  # fmt: skip
    return build_pdf(story, footer_text=footer_text, title=f"ใบยืมพัสดุ {loan.number_text}",
                     author=office.name, margins=MARGINS)  # fmt: skip


def _more_note(loan: Loan, more: int) -> ThaiParagraph:
    return ThaiParagraph(f"(มีรายการต่อในแผ่นต่อ อีก {thai_digits(more)} รายการ รวมทั้งสิ้น "
                         f"{thai_digits(len(loan.items))} รายการ)", ITEM.but(align=Align.CENTER))  # fmt: skip


def _first_page_items(loan: Loan, head: Sequence[Flowable], closing: Sequence[Flowable],
                      width: float) -> int:  # fmt: skip
    """How many items page one lists (at most ITEMS_ON_FIRST_PAGE): as many as leave room for
    the undertaking and the signatures under them, so that the form is signed on its first
    page (items of two lines each pushed them alone onto a page of their own)."""
    room = PAGE_HEIGHT - MARGINS.top - MARGINS.bottom - _FIT_SLACK
    used = sum(_height(f, width) for f in [*head, *closing[1:]])
    count = min(len(loan.items), ITEMS_ON_FIRST_PAGE)
    while count > 1:
        more = len(loan.items) - count
        # what follows the table is set under its rule (template.prepare_story): measure it so
        under = _more_note(loan, more) if more else closing[0]
        under.under_rule = True
        below = _height(under, width) + max(0.0, PAD_Y - under.getSpaceBefore())
        below += _height(closing[0], width) if more else 0.0
        closing[0].under_rule = False
        table = _height(_items_table(loan.items[:count], 1, width), width)
        if used + below + table <= room:
            break
        count -= 1
    return count


def _height(flowable: Flowable, width: float) -> float:
    return float(flowable.getSpaceBefore() + flowable.wrap(width, 1e6)[1]
                 + flowable.getSpaceAfter())  # fmt: skip


PAGE_HEIGHT = A4[1]
_FIT_SLACK = 1.0  # points of rounding


SCOPES = ((UseScope.PREMISES, "ใช้ภายในสถานที่"), (UseScope.OFF_SITE, "นำไปใช้นอกสถานที่"),
          (UseScope.OTHER_AGENCY, "ยืมระหว่างหน่วยงาน"))  # fmt: skip


def _title_line(title: Flowable, number: Flowable, width: float) -> Table:
    """The title centred on the page with the form's number at the right of the same line."""
    table = Table([["", title, number]], colWidths=[width * 0.3, width * 0.4, width * 0.3])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return table


def _signature_blocks(loan: Loan, s: LoanFormSigners) -> list[list[Flowable]]:
    """Request, check and decision on the first row; hand-out and return on the second."""
    status = loan.status
    approved = status in (LoanStatus.APPROVED, LoanStatus.HANDED_OUT, LoanStatus.CLOSED)
    decision = [("อนุมัติ", approved), ("ไม่อนุมัติ", status is LoanStatus.REFUSED)]
    returns = [r for i in loan.items for r in i.returns]
    back = (max((r.returned_on for r in returns), default=None)
            if status is LoanStatus.CLOSED else None)  # fmt: skip
    condition = " ".join(sorted({r.condition.thai for r in returns})) if back else "……………"
    returned_by = SignatureBlock("", returns[-1].returned_by if returns else "", "")
    handed = f"วันที่ {_short(loan.handed_out_on)}"

    def note(text: str) -> ThaiParagraph:
        return ThaiParagraph(text, SIGN)

    return [
        _block(s.borrower, "ผู้ยืม", note("ขอยืมพัสดุข้างต้น")),
        _block(s.borrower_head, "หัวหน้าหน่วยงาน", note("ของผู้ยืม")),
        _block(s.supply_officer, "เจ้าหน้าที่พัสดุ", note("ตรวจสอบแล้ว")),
        _block(s.approver, "ผู้อนุมัติ", CheckBoxes(decision, SIGN)),
        _block(s.borrower, "ผู้ยืม รับพัสดุแล้ว", note(handed)),
        _block(s.handed_out_by, "ผู้จ่ายพัสดุ", note(handed)),
        _block(returned_by, "ผู้ส่งคืน", note(f"วันที่ {_short(back)}")),
        _block(s.received_by, "ผู้รับคืน", note(f"สภาพ {condition}")),
    ]
