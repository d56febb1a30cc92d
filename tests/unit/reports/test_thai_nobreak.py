"""Lines never break inside the office's names, dates, numbers, codes, phone numbers, a title and
its name, a place word and its place — at any column width where the piece fits on a line."""

from __future__ import annotations

import pytest

from nongbon_ita.reports.thai import BODY, ThaiParagraph
from nongbon_ita.reports.thai.linebreak import units
from nongbon_ita.reports.thai.nobreak import keep_whole

OFFICE_WORDS = (
    "องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม", "กองคลัง",
    "นายประเสริฐ ใจธรรม", "นางบุญเรือน ศรีสมบูรณ์", "นายวีระ พัสดุดี", "บ้านคลังทอง",
    "สถานีตำรวจภูธรโกสุมพิสัย",
)  # fmt: skip

# (paragraph, the piece that must stay on one line)
CASES = [
    ("ขอยืมพัสดุขององค์การบริหารส่วนตำบลหนองบอนเพื่อใช้ในงานประเพณี", "หนองบอน"),
    ("ที่ว่าการอำเภอโกสุมพิสัยจังหวัดมหาสารคาม", "อำเภอโกสุมพิสัย"),
    ("ผู้ยืมคือนายประเสริฐ ใจธรรม ผู้ใหญ่บ้านหมู่ ๓", "ใจธรรม"),
    ("ผู้ยืมคือนายประเสริฐ ใจธรรม ผู้ใหญ่บ้านหมู่ ๓", "นายประเสริฐ"),
    ("ผู้ยืมคือนายประเสริฐ ใจธรรม ผู้ใหญ่บ้านหมู่ ๓", "หมู่ ๓"),
    ("ส่งมอบให้นางบุญเรือน ศรีสมบูรณ์ แล้ว", "ศรีสมบูรณ์"),
    ("เจ้าหน้าที่พัสดุคือนายวีระ พัสดุดี ตรวจแล้ว", "พัสดุดี"),
    ("หมู่บ้านคลังทองได้รับงบประมาณแล้ว", "บ้านคลังทอง"),
    ("ยืมโดยสถานีตำรวจภูธรโกสุมพิสัยเพื่อใช้งาน", "โกสุมพิสัย"),
    ("เอกสารลงวันที่ ๒๙ พ.ย. ๖๙ ได้รับแล้ว", "๒๙ พ.ย. ๖๙"),
    ("ภายในวันที่ ๑๕ ธันวาคม ๒๕๖๙ เป็นต้นไป", "๑๕ ธันวาคม ๒๕๖๙"),
    ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ ของสำนักงาน", "พ.ศ. ๒๕๖๙"),
    ("เป็นเงินทั้งสิ้น ๑,๒๓๔,๕๖๗.๕๐ บาท ถ้วน", "๑,๒๓๔,๕๖๗.๕๐ บาท"),
    ("เลขที่ ๑๒/๒๕๖๗ และเลขครุภัณฑ์ 7080-001-0001 ครบ", "7080-001-0001"),
    ("ตามตัวชี้วัด O21 และ O33 ของการประเมิน", "O21"),
    ("พัดลมตั้งพื้น ยี่ห้อ Hatari S/N FANYF4CUS07A ใช้งานได้", "S/N"),
    ("ช่องทางแจ้งเบาะแส whistleblower ของหน่วยงาน", "whistleblower"),
    ("สอบถามได้ที่หมายเลขโทรศัพท์ ๐ ๔๓๗๗ ๑๒๓๔ ในวันเวลาราชการ", "๐ ๔๓๗๗ ๑๒๓๔"),
    ("หรือโทร ๐๘๑-๒๓๔-๕๖๗๘ ได้ตลอดเวลา", "๐๘๑-๒๓๔-๕๖๗๘"),
    ("ตำบลหนองบอน อำเภอโกสุมพิสัย จังหวัดมหาสารคาม ๔๔๑๔๐", "มหาสารคาม ๔๔๑๔๐"),
    ("ผู้ร้องเรียนคือนายสมชาย ใจดี อยู่บ้านเลขที่ ๑๒", "นายสมชาย"),
    ("เป็นเวลา ๑๔:๓๐ น. ของวันนั้น", "๑๔:๓๐ น."),
    ("อ้างอิงรหัสติดตามเรื่อง Q7GW-GJMJ ข้อมูลของผู้ร้องเรียน", "Q7GW-GJMJ"),
    ("เอกสาร หลักฐาน.txt SHA-256 477b02da2110c62f… ตรวจแล้ว", "477b02da2110c62f"),
]


def _cuts_inside(text: str, piece: str, width: float) -> bool:
    """Whether wrapping `text` at `width` puts a line break inside an occurrence of `piece`."""
    paragraph = ThaiParagraph(text, BODY)
    paragraph.wrap(width, 10_000)
    ends, at = [], 0
    for line in paragraph._lines:
        at += sum(len(u.text) for u in line)
        ends.append(at)
    start = text.find(piece)
    while start >= 0:
        if any(start < end < start + len(piece) for end in ends[:-1]):
            return True
        start = text.find(piece, start + 1)
    return False


@pytest.mark.parametrize(("text", "piece"), CASES)
def test_no_break_inside(text: str, piece: str) -> None:
    with keep_whole(OFFICE_WORDS):
        fits = ThaiParagraph(piece, BODY)._measure(piece) + 1
        widths = [w for w in range(40, 420, 3) if w >= fits]
        assert widths
        broken = [w for w in widths if _cuts_inside(text, piece, w)]
    assert broken == []


def test_the_office_words_matter() -> None:
    """Without the office's words the dictionary splits the names: the rule is what keeps them."""
    assert "หนองบอน" not in [u.text for u in units("ตำบลหนองบอนดี")]
    with keep_whole(OFFICE_WORDS):
        assert "หนองบอน" in "|".join(u.text for u in units("ตำบลหนองบอนดี")).split("|")[0]


def test_longer_words_are_preferred_where_the_letters_allow() -> None:
    # the dictionary reads "จากร้าน" as จา|กร้าน; จาก|ร้าน is what a reader sees
    assert [u.text for u in units("จากร้าน")] == ["จาก", "ร้าน"]


def test_a_weak_break_gives_way_to_a_stronger_one_nearby() -> None:
    # room for "…ตามตัว" but not "ชี้": ตามตัว|ชี้ (a one-cluster word) is a weak break,
    # งาน|ตามตัว a strong one with the line still well filled
    text = "ให้ดำเนินการประเมินผลการปฏิบัติงานตามตัวชี้วัดของสำนักงาน"
    paragraph = ThaiParagraph(text, BODY)
    width = paragraph._measure("ให้ดำเนินการประเมินผลการปฏิบัติงานตามตัว") + 2
    paragraph.wrap(width, 10_000)
    assert paragraph.lines_text()[0] == "ให้ดำเนินการประเมินผลการปฏิบัติงาน"
