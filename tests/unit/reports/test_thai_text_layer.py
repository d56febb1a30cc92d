"""pdftotext gives back exactly what was typed: no PUA, no split or reordered marks, ำ intact."""

from __future__ import annotations

import re

from thai_helpers import CLUSTERS, pdftotext

from nongbon_ita.reports.thai import BODY, ThaiParagraph, build_pdf
from nongbon_ita.reports.thai.fonts import PUA_TO_THAI, to_unicode_cmap

PUA = re.compile("[\ue000-\uf8ff]")
PAGE_NUMBER = re.compile(r"^- [๐-๙]+ -$")


def body_words(pdf: bytes) -> list[str]:
    lines = [line for line in pdftotext(pdf).splitlines() if not PAGE_NUMBER.match(line)]
    return " ".join(lines).split()


def test_every_cluster_extracts_as_typed() -> None:
    pdf = build_pdf([ThaiParagraph(" ".join(CLUSTERS), BODY)])
    assert body_words(pdf) == CLUSTERS


def test_bold_clusters_extract_as_typed() -> None:
    sample = CLUSTERS[::7]
    pdf = build_pdf([ThaiParagraph(" ".join(sample), BODY.but(bold=True))])
    assert pdftotext(pdf).split() == sample


def test_words_keep_their_marks_and_sara_am() -> None:
    text = "น้ำ ผู้ใหญ่ ศักดิ์สิทธิ์ ปั้นน้ำเป็นตัว กำลังทำงาน ฐุ๊ ญู ป่ำ เจ้าหน้าที่"
    out = pdftotext(build_pdf([ThaiParagraph(text)]))
    assert out.split() == text.split()
    assert "\u0e33" in out and "\u0e4d\u0e32" not in out
    assert not PUA.search(out)


def test_layout_mode_has_no_spaces_inside_words() -> None:
    text = "ปั้น ฟื้น นี้ ศักดิ์ ป็่"
    out = pdftotext(build_pdf([ThaiParagraph(text)]), layout=True)
    assert out.split() == text.split()


def test_latin_and_digits_extract_as_typed() -> None:
    text = "ITA No Fift Policy E-pla ncc ๒๕๖๖-๒๕๗๐ 1,234.50 https://nongbon.go.th/ita"
    assert pdftotext(build_pdf([ThaiParagraph(text)])).split() == text.split()


def test_to_unicode_maps_legacy_glyphs_to_thai() -> None:
    cmap = to_unicode_cmap("F1+0", [0, 0x0E01, 0xF70A, 0xF700])
    assert "<01> <0E01>" in cmap
    assert "<02> <0E48>" in cmap  # low mai ek → ่
    assert "<03> <0E10>" in cmap  # tailless tho than → ฐ
    assert all(0x0E00 <= ord(v) <= 0x0E7F for v in PUA_TO_THAI.values())
