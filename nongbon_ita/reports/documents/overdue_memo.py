"""บันทึกข้อความ ติดตามทวงพัสดุ: the follow-up memo to a borrower whose loan is overdue."""

from __future__ import annotations

import io
from datetime import date

from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from nongbon_ita.domain.loans import Loan
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import format_date_long, thai_digits
from nongbon_ita.reports.thai import (
    BODY,
    CM,
    TITLE,
    ThaiParagraph,
    build_pdf,
    frame_width,
    keep_lines,
    numbered_item,
    signature_block,
)

REGULATION = ("ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ "
              "พ.ศ. ๒๕๖๐")  # fmt: skip
INDENT = BODY.but(first_indent=2.5 * CM)


def _heading(office: OfficeProfile, width: float) -> Flowable:
    """'บันทึกข้อความ' with the office's emblem (1.5 cm) at the top left, if it has one."""
    title = ThaiParagraph("บันทึกข้อความ", TITLE.but(size=29))
    if office.logo_png is None:
        return title
    emblem = Image(
        io.BytesIO(office.logo_png), width=1.5 * CM, height=1.5 * CM, kind="proportional"
    )
    table = Table([[emblem, title, ""]], colWidths=[2 * CM, width - 4 * CM, 2 * CM])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return table


def _field(label: str, value: str) -> ThaiParagraph:
    return ThaiParagraph(f"{label}  {value}", BODY)


def render_overdue_memo(
    loan: Loan, office: OfficeProfile, on: date, memo_number: str, signer: SignatureBlock,
    footer_text: str = "",
) -> bytes:  # fmt: skip
    width = frame_width()
    b = loan.borrower
    late = loan.days_overdue(on)
    out = [i for i in loan.items if i.outstanding]
    number = thai_digits(loan.number_text)
    lent_on = loan.handed_out_on or loan.start_date
    code = thai_digits(memo_number) if memo_number else f"{office.letter_code}/……………"
    story: list[Flowable] = [
        _heading(office, width),
        Spacer(1, 6),
        _field("ส่วนราชการ", f"{office.name} {office.district_line}"),
        ThaiParagraph(f"ที่  {code}", BODY),
        _field("วันที่", format_date_long(on)),
        _field("เรื่อง", "ติดตามทวงพัสดุที่ยืม"),
        Spacer(1, 4),
        _field("เรียน", b.name),
        ThaiParagraph(
            f"ตามที่ท่านได้ยืมพัสดุของ{office.name} ตามใบยืมพัสดุเลขที่ {number} "
            f"เมื่อวันที่ {format_date_long(lent_on)} เพื่อใช้ในงาน{loan.purpose} "
            f"โดยมีกำหนดส่งคืนภายในวันที่ {format_date_long(loan.due_date)} นั้น",
            INDENT.but(space_before=8)),
        ThaiParagraph(
            f"บัดนี้ได้เลยกำหนดส่งคืนมาแล้ว {thai_digits(late)} วัน และยังมีพัสดุที่ยังไม่ได้ส่งคืน "
            f"จำนวน {thai_digits(len(out))} รายการ ดังนี้", INDENT.but(space_before=6)),
    ]  # fmt: skip
    for n, item in enumerate(out, start=1):
        story.append(numbered_item(n, f"{item.description} หมายเลขครุภัณฑ์ {item.asset_number} "
                                      f"จำนวน {thai_digits(item.outstanding)} {item.unit}".rstrip(),
                                   BODY.but(left_indent=2.5 * CM)))  # fmt: skip
    story += [
        ThaiParagraph(
            "จึงขอให้ท่านส่งคืนพัสดุดังกล่าวในสภาพที่ใช้การได้เรียบร้อย ภายใน ๗ วัน นับแต่วันที่ได้รับ"
            "บันทึกนี้ หากพัสดุชำรุดเสียหาย ใช้การไม่ได้ หรือสูญหาย ขอให้ท่านซ่อมแซมให้คงสภาพเดิมโดย"
            "เสียค่าใช้จ่ายของท่านเอง หรือชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพอย่างเดียวกัน "
            f"หรือชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม ตาม{REGULATION}",
            INDENT.but(space_before=6)),
        ThaiParagraph("จึงเรียนมาเพื่อโปรดดำเนินการ", INDENT.but(space_before=6)),
    ]  # fmt: skip
    story.append(keep_lines(Spacer(1, 24), signature_block("", signer.full_name, signer.position)))
    return build_pdf(story, footer_text=footer_text, title=f"ติดตามทวงพัสดุ {loan.number_text}",
                     author=office.name)  # fmt: skip
