"""ทะเบียนหนังสือส่ง: the register of outgoing letters of a fiscal year, landscape.

The columns of the register in ระเบียบงานสารบรรณ (เลขทะเบียนส่ง, ที่, ลงวันที่, ถึง, เรื่อง) and the
record each letter answers (a complaint's register number, a loan's number) as its remark.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, Spacer

from nongbon_ita.domain.letters import OutgoingLetter
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.i18n.thaiformat import format_date_long, format_date_short, thai_digits
from nongbon_ita.reports.thai import (
    BODY,
    CM,
    TITLE,
    Align,
    PageMargins,
    ThaiParagraph,
    build_pdf,
    frame_width,
    thai_table,
)

CELL = BODY.but(size=14)
HEAD = CELL.but(bold=True, align=Align.CENTER)
HEADER = ("เลขทะเบียนส่ง", "ที่", "ลงวันที่", "ถึง", "เรื่อง", "อ้างถึง (เรื่องที่ตอบ)")
SHARES = (0.09, 0.15, 0.11, 0.2, 0.24, 0.21)
MARGINS = PageMargins(left=1.5 * CM, right=1.5 * CM, top=2 * CM, bottom=1.8 * CM)


def register_rows(letters: Sequence[OutgoingLetter], letter_code: str) -> list[list[str]]:
    rows = []
    for letter in letters:
        rows.append([
            thai_digits(letter.number) if letter.number is not None else "-",
            thai_digits(letter.reference(letter_code)),
            format_date_short(letter.issued_on, thai=True),
            letter.addressee,
            letter.subject,
            f"{letter.record_kind.thai} {thai_digits(letter.record_text)}",
        ])  # fmt: skip
    return rows


def render_letters_register(letters: Sequence[OutgoingLetter], office: OfficeProfile,
                            fiscal_year: int, as_of: date, footer_text: str) -> bytes:  # fmt: skip
    width = frame_width(landscape_page=True, margins=MARGINS)
    title = TITLE.but(align=Align.CENTER)
    story: list[Flowable] = [
        ThaiParagraph("ทะเบียนหนังสือส่ง", title.but(size=20)),
        ThaiParagraph(f"{office.name} ปีงบประมาณ {thai_digits(fiscal_year)}", title),
        ThaiParagraph(f"ณ วันที่ {format_date_long(as_of)}", BODY.but(align=Align.CENTER)),
        Spacer(1, 8),
    ]
    if letters:
        story.append(thai_table(HEADER, register_rows(letters, office.letter_code),
                                [width * s for s in SHARES], body_style=CELL,
                                header_style=HEAD))  # fmt: skip
    else:
        story.append(ThaiParagraph("ยังไม่มีหนังสือส่งในปีงบประมาณนี้", BODY.but(align=Align.CENTER)))
    return build_pdf(story, landscape_page=True, footer_text=footer_text, margins=MARGINS,
                     title=f"ทะเบียนหนังสือส่ง ปีงบประมาณ {thai_digits(fiscal_year)}",
                     author=office.name)  # fmt: skip
