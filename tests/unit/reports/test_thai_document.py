"""Pages: A4 portrait/landscape, '- ๒ -' from page 2, footer, tables split with their header."""

from __future__ import annotations

import io

import pdfplumber
from thai_helpers import pdftotext, squash

from nongbon_ita.reports.thai import (
    BODY,
    CM,
    ThaiParagraph,
    build_pdf,
    dash_item,
    frame_width,
    numbered_item,
    page_number_text,
    signature_block,
    thai_table,
)

LONG = "การประเมินความพึงพอใจของผู้มาติดต่อหรือรับบริการ ณ จุดให้บริการในรูปแบบที่ง่ายและสะดวก "


def pages(pdf: bytes) -> list[str]:
    return pdftotext(pdf).split("\f")[:-1]


def test_page_numbers_from_page_two() -> None:
    pdf = build_pdf([ThaiParagraph(LONG * 60)], footer_text="ทะเบียน ๑๒/๒๕๖๗ พิมพ์ ๑๕ ม.ค. ๖๗")
    texts = pages(pdf)
    assert len(texts) >= 3
    assert "- ๑ -" not in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert text.splitlines()[0] == page_number_text(number)
    assert page_number_text(2) == "- ๒ -"
    assert all("ทะเบียน ๑๒/๒๕๖๗ พิมพ์ ๑๕ ม.ค. ๖๗" in t for t in texts)


def test_a4_portrait_and_landscape_with_official_margins() -> None:
    for landscape, size in ((False, (595, 842)), (True, (842, 595))):
        pdf = build_pdf([ThaiParagraph("ทดสอบ")], landscape_page=landscape)
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            page = doc.pages[0]
            assert (round(page.width), round(page.height)) == size
            word = page.extract_words()[0]
            assert abs(word["x0"] - 3 * CM) < 1  # left margin 3 cm
    assert abs(frame_width() - (21 - 5) * CM) < 1


def test_table_repeats_its_header_and_splits_a_long_cell() -> None:
    rows = [[f"แถว{i}", LONG * (40 if i == 2 else 1)] for i in range(1, 6)]
    table = thai_table(["หัวข้อ", "รายละเอียดของเรื่อง"], rows, [4 * CM, 12 * CM])
    pdf = build_pdf([table])
    texts = pages(pdf)
    assert len(texts) >= 2
    for text in texts:
        assert "หัวข้อ" in text and "รายละเอียดของเรื่อง" in text
    # the long cell continues on the next page; every word arrives once, in order
    flat = squash("".join(texts))
    for furniture in ("หัวข้อรายละเอียดของเรื่อง", *(page_number_text(n) for n in range(2, 9))):
        flat = flat.replace(squash(furniture), "")
    assert squash("".join(c for row in rows for c in row)) == flat


def test_items_hang_after_their_label() -> None:
    pdf = build_pdf([numbered_item(2, LONG * 2, BODY), dash_item(LONG * 2, BODY)])
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        lines = doc.pages[0].extract_text_lines()
    assert lines[0]["text"].startswith("๒.")
    label_x, text_x = lines[0]["chars"][0]["x0"], lines[1]["x0"]
    assert text_x - label_x > 10  # continuation lines align with the text, not the number
    assert any(line["text"].startswith("-") for line in lines)


def test_signature_block_sits_right_of_centre() -> None:
    block = signature_block("ผู้รายงาน", "นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลหนองบอน")
    pdf = build_pdf([block])
    text = pdftotext(pdf)
    assert "(ลงชื่อ)" in text and "ผู้รายงาน" in text
    assert "(นายสมชาย ใจดี)" in text
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        name = next(w for w in doc.pages[0].extract_words() if w["text"].startswith("(นาย"))
    centre = 3 * CM + frame_width() / 2
    assert name["x0"] > centre - 20 and (name["x0"] + name["x1"]) / 2 > centre


def test_a_line_that_goes_on_with_an_item_hangs_under_its_text() -> None:
    """An imported cell whose "-" item was broken by a line end: the rest hangs under the item's
    text (no label of its own), a following item starts again at the label."""
    from nongbon_ita.reports.thai import paragraphs

    first, rest, second = paragraphs("- จัดทำประกาศ เรื่องแนวทางการปฏิบัติตนของบุคลากรในสังกัด\n"
                                     "องค์การบริหารส่วนตำบลหนองบอน\n- มีการขับเคลื่อน")  # fmt: skip
    for p in (first, rest, second):
        p.wrap(200, 1000)
    assert rest._text_left(0) == first._text_left(0) > 0
    assert rest.label == "-" and not rest._label_shown
    assert second._label_shown and second.text == "มีการขับเคลื่อน"
    (plain,) = paragraphs("ข้อความธรรมดา")
    assert plain._text_left(0) == 0
