"""บันทึกข้อความ ติดตามทวงพัสดุ: the follow-up memo to a borrower whose loan is overdue."""

from __future__ import annotations

import io
from datetime import date

from reportlab.platypus import Flowable, Image, Spacer, Table, TableStyle

from nongbon_ita.domain.letters import BLANK_NUMBER
from nongbon_ita.domain.loans import Loan
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import format_date_long, thai_digits
from nongbon_ita.reports.thai import (
    BODY,
    CM,
    TITLE,
    PageMargins,
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
LABEL = BODY.but(bold=True, size=18)  # the memo's printed labels stand out from what is filled in
VALUE = BODY.but(space_before=2.5)  # on the baseline of the larger label
# a memo's emblem sits 1.5 cm from the top: the page starts there, the rest as usual
MARGINS = PageMargins(top=1.5 * CM, bottom=1.5 * CM)
EMBLEM = 1.5 * CM


def _tight(table: Table, *extra: tuple[object, ...]) -> Table:
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0), *extra]))  # fmt: skip
    return table


def _heading(office: OfficeProfile, width: float) -> Flowable:
    """'บันทึกข้อความ' centred, with the office's emblem (1.5 cm) at the top left if it has one."""
    title = ThaiParagraph("บันทึกข้อความ", TITLE.but(size=29))
    emblem: Flowable | str = ""
    if office.logo_png is not None:
        emblem = Image(io.BytesIO(office.logo_png), width=EMBLEM, height=EMBLEM,
                       kind="proportional")  # fmt: skip
    side = 2 * CM
    return _tight(Table([[emblem, title, ""]], colWidths=[side, width - 2 * side, side]),
                  ("VALIGN", (0, 0), (-1, -1), "MIDDLE"))  # fmt: skip


def _labelled(*pairs: tuple[str, str, float], width: float) -> Table:
    """One line of the memo's head: bold labels each followed by what is filled in; the
    floats are the shares of the line each pair takes."""
    cells: list[Flowable] = []
    widths: list[float] = []
    for label, value, share in pairs:
        label_width = _label_width(label)
        cells += [ThaiParagraph(label, LABEL), ThaiParagraph(value, VALUE)]
        widths += [label_width, width * share - label_width]
    return _tight(Table([cells], colWidths=widths))


def _label_width(label: str) -> float:
    from nongbon_ita.reports.thai import fonts
    from nongbon_ita.reports.thai.shaping import shape

    return shape(fonts.face(bold=True), label).width(LABEL.size) + 0.3 * CM


def _text_width(text: str) -> float:
    from nongbon_ita.reports.thai import fonts
    from nongbon_ita.reports.thai.shaping import shape

    return shape(fonts.face(), text).width(VALUE.size)


def render_overdue_memo(
    loan: Loan, office: OfficeProfile, on: date, memo_number: str, signer: SignatureBlock,
    footer_text: str = "",
) -> bytes:  # fmt: skip
    width = frame_width()
    b = loan.borrower
    # as things stood on the memo's date: a reprint after a return is still the same memo
    late = max(0, (on - loan.due_date).days)
    out = [(i, i.outstanding_on(on)) for i in loan.items if i.outstanding_on(on)]
    number = thai_digits(loan.number_text)
    lent_on = loan.handed_out_on or loan.start_date
    code = thai_digits(memo_number) if memo_number else f"{office.letter_code}/{BLANK_NUMBER}"
    phone = f" โทร. {thai_digits(office.phone)}" if office.phone else ""
    # ส่วนราชการ on one line: the office's short name when its full name leaves the phone no room
    room = width - _label_width("ส่วนราชการ")
    unit = office.name if _text_width(office.name + phone) <= room else office.short_name
    story: list[Flowable] = [
        _heading(office, width),
        Spacer(1, 4),
        _labelled(("ส่วนราชการ", f"{unit}{phone}", 1.0),
                  width=width),
        _labelled(("ที่", code, 0.5), ("วันที่", format_date_long(on), 0.5), width=width),
        _labelled(("เรื่อง", "ติดตามทวงพัสดุที่ยืม", 1.0), width=width),
        Spacer(1, 4),
        ThaiParagraph(f"เรียน  {b.name}", BODY),
        ThaiParagraph(
            f"ตามที่ท่านได้ยืมพัสดุของ{office.name} ตามใบยืมพัสดุเลขที่ {number} "
            f"เมื่อวันที่ {format_date_long(lent_on)} เพื่อใช้ในงาน{loan.purpose} "
            f"โดยมีกำหนดส่งคืนภายในวันที่ {format_date_long(loan.due_date)} นั้น",
            INDENT.but(space_before=4)),
        ThaiParagraph(
            f"บัดนี้ได้เลยกำหนดส่งคืนมาแล้ว {thai_digits(late)} วัน และยังมีพัสดุที่ยังไม่ได้ส่งคืน "
            f"จำนวน {thai_digits(len(out))} รายการ ดังนี้", INDENT.but(space_before=6)),
    ]  # fmt: skip
    for n, (item, count) in enumerate(out, start=1):
        story.append(numbered_item(n, f"{item.description} หมายเลขครุภัณฑ์ {item.asset_number} "
                                      f"จำนวน {thai_digits(count)} {item.unit}".rstrip(),
                                   BODY.but(left_indent=2.5 * CM)))  # fmt: skip
    request = ThaiParagraph(
        "จึงขอให้ท่านส่งคืนพัสดุดังกล่าวในสภาพที่ใช้การได้เรียบร้อย ภายใน ๗ วัน นับแต่วันที่ได้รับ"
        "บันทึกนี้ หากพัสดุชำรุดเสียหาย ใช้การไม่ได้ หรือสูญหาย ขอให้ท่านซ่อมแซมให้คงสภาพเดิมโดย"
        "เสียค่าใช้จ่ายของท่านเอง หรือชดใช้เป็นพัสดุประเภท ชนิด ขนาด ลักษณะและคุณภาพอย่างเดียวกัน "
        f"หรือชดใช้เป็นเงินตามราคาที่เป็นอยู่ในขณะยืม ตาม{REGULATION}",
        INDENT.but(space_before=6))  # fmt: skip
    # the request, the closing line and the signature stay together: a signature never stands
    # alone on the last page
    story.append(keep_lines(request,
                            ThaiParagraph("จึงเรียนมาเพื่อโปรดดำเนินการ", INDENT.but(space_before=6)),
                            Spacer(1, 20),
                            signature_block("", signer.full_name, signer.position)))  # fmt: skip
    return build_pdf(story, footer_text=footer_text, title=f"ติดตามทวงพัสดุ {loan.number_text}",
                     author=office.name, margins=MARGINS)  # fmt: skip
