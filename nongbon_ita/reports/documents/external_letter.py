"""หนังสือภายนอก: the official layout of a letter to someone outside the office (ระเบียบงานสารบรรณ).

The office's emblem (its logo image, when one is set) top centre, 3 cm; "ที่ <code>/<number>" at
the left and the office's name and address at the right; the date from the page centre; เรื่อง,
เรียน, อ้างถึง and สิ่งที่ส่งมาด้วย when there are any; the body paragraphs; ขอแสดงความนับถือ and the
signature block right of centre; the responsible unit and its phone at the bottom left.
Any area's letter fills an `ExternalLetter` and calls `render_external_letter`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from nongbon_ita.domain.letters import BLANK_NUMBER
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import format_date_long, thai_digits

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

EMBLEM_CM = 3.0
BODY_INDENT_CM = 2.5  # the first line of each body paragraph
SIGNATURE_CENTRE = 0.62


@dataclass(frozen=True)
class ExternalLetter:
    number: str  # after the office's code: "๑๒๓" (blank: filled in by hand from the register)
    dated: date
    subject: str  # เรื่อง
    addressee: str  # เรียน
    body: tuple[str, ...]  # paragraphs
    signer: SignatureBlock
    references: tuple[str, ...] = ()  # อ้างถึง
    enclosures: tuple[str, ...] = ()  # สิ่งที่ส่งมาด้วย
    closing: str = "ขอแสดงความนับถือ"
    unit: str = ""  # the responsible unit, bottom left
    unit_phone: str = ""
    footer_text: str = ""


def _emblem(png: bytes) -> Any:
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    from nongbon_ita.reports.thai import CM

    reader = ImageReader(io.BytesIO(png))
    width, height = reader.getSize()
    size = EMBLEM_CM * CM
    scale = size / max(width, height)
    image = Image(io.BytesIO(png), width=width * scale, height=height * scale)
    image.hAlign = "CENTER"
    return image


def _labelled(label: str, lines: tuple[str, ...]) -> list[Flowable]:
    """'เรื่อง  text' with wrapped lines hanging after the label; numbered when several."""
    from nongbon_ita.i18n.thaiformat import thai_digits
    from nongbon_ita.reports.thai import BODY, ThaiParagraph

    if len(lines) == 1:
        return [ThaiParagraph(lines[0], BODY, label=label)]
    out: list[Flowable] = []
    for i, text in enumerate(lines, start=1):
        out.append(ThaiParagraph(f"{thai_digits(i)}. {text}", BODY, label=label if i == 1 else ""))
    return out


def _head(letter: ExternalLetter, office: OfficeProfile, width: float) -> Any:
    """The ที่ line at the left and the office's address block at the right, top-aligned."""
    from reportlab.platypus import Table, TableStyle

    from nongbon_ita.reports.thai import BODY, ThaiParagraph

    code = office.letter_code.strip()
    number = letter.number.strip() or BLANK_NUMBER  # numbered by hand: a dotted blank
    # a formal letter: Thai digits, whatever digits the office typed its code with
    reference = thai_digits(f"ที่ {code}/{number}" if code else f"ที่ {number}")
    address_lines = [office.name, *[line for line in office.address.split("\n") if line.strip()]]
    left = [ThaiParagraph(reference, BODY)]
    right = [ThaiParagraph(line, BODY) for line in address_lines]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (1, 0), (1, 0), width * 0.05),
    ]))  # fmt: skip
    return table


def render_external_letter(letter: ExternalLetter, office: OfficeProfile) -> bytes:
    from reportlab.platypus import Spacer

    from nongbon_ita.reports.documents.signature_area import SignatureArea
    from nongbon_ita.reports.thai import (
        BODY,
        CM,
        Align,
        ThaiParagraph,
        build_pdf,
        frame_width,
        keep_lines,
    )

    width = frame_width()
    story: list[Flowable] = []
    if office.logo_png:
        story.append(_emblem(office.logo_png))
    else:
        story.append(Spacer(1, EMBLEM_CM * CM))  # the emblem's room keeps the layout in place
    story.append(Spacer(1, 6))
    story.append(_head(letter, office, width))
    story.append(ThaiParagraph(format_date_long(letter.dated),
                               BODY.but(left_indent=width * 0.5, space_before=8,
                                        space_after=8)))  # fmt: skip
    story.extend(_labelled("เรื่อง", (letter.subject,)))
    story.append(ThaiParagraph(letter.addressee, BODY.but(space_before=6), label="เรียน"))
    if letter.references:
        story.extend(_labelled("อ้างถึง", letter.references))
    if letter.enclosures:
        story.extend(_labelled("สิ่งที่ส่งมาด้วย", letter.enclosures))
    paragraph_style = BODY.but(first_indent=BODY_INDENT_CM * CM, space_before=6)
    body = [ThaiParagraph(text, paragraph_style) for text in letter.body]
    story.extend(body[:-1])
    # closing and signature centred on one line right of the page centre (at 62 % of the width),
    # kept with the last paragraph ("จึงเรียนมาเพื่อโปรดทราบ"): a signature never stands alone
    centred = BODY.but(align=Align.CENTER, left_indent=width * (2 * SIGNATURE_CENTRE - 1))
    s = letter.signer
    story.append(keep_lines(
        *body[-1:],
        ThaiParagraph(letter.closing, centred.but(space_before=14)),
        # room for the hand signature, and a field for a digital one (`print … --sign`)
        SignatureArea([Spacer(1, 42), ThaiParagraph(f"({s.full_name})", centred),
                       ThaiParagraph(s.position, centred)], s.caption, s.full_name, s.position,
                      left=centred.left_indent),
    ))  # fmt: skip
    if letter.unit or letter.unit_phone:
        unit_lines = [line for line in (letter.unit, letter.unit_phone) if line]
        story.append(keep_lines(Spacer(1, 24), *[ThaiParagraph(t, BODY) for t in unit_lines]))
    return build_pdf(story, footer_text=letter.footer_text, title=letter.subject,
                     author=office.name)  # fmt: skip
