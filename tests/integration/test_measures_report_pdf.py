"""The O43 report filled with the seed's 8 measures: every word, in order, broken between words."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pythainlp.tokenize import word_tokenize

from nongbon_ita.domain.ita.report import AssessmentForm, MeasureRow, MeasuresReport
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.reports.documents.measures_report import (
    HEADER,
    default_report_intro,
    render_measures_report,
)

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "o43-report-2566-nongbon.json"
OFFICE = OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม")
REPORTER = SignatureBlock("ผู้รายงาน", "นางสาวสมใจ รักงาน", "นักวิเคราะห์นโยบายและแผน")
CERTIFIER = SignatureBlock("ผู้รับรอง", "นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลหนองบอน")
FOOTER = "O43/๒๕๖๖ พิมพ์เมื่อ ๑๕ มกราคม ๒๕๖๗ ๑๔:๐๕ น."
MARKS = set("ะาำัิีึืุู่้๊๋็์ํฺๅ")
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def indicator_number(indicator: str) -> int:
    m = re.search(r"ตัวชี้วัดที่\s*([๐-๙0-9]+)", indicator)
    assert m is not None
    return int(m.group(1).translate(THAI_DIGITS))


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def report(seed: dict[str, Any]) -> MeasuresReport:
    rows = tuple(
        MeasureRow(
            AssessmentForm(r["form"]), indicator_number(r["indicator"]), r["indicator"],
            r["sub_indicator"], r["issue"], r["result"],
        )
        for r in seed["rows"]
    )  # fmt: skip
    return MeasuresReport(2566, seed["intro"], rows)


@pytest.fixture(scope="module")
def pdf(report: MeasuresReport) -> bytes:
    return render_measures_report(report, OFFICE, REPORTER, CERTIFIER, footer_text=FOOTER)


@pytest.fixture(scope="module")
def text(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def body(text: str) -> str:
    """The text without page furniture: page numbers, footer, repeated table header."""
    lines = [line for line in text.splitlines() if not re.fullmatch(r"- [๐-๙]+ -", line)]
    out = squash("".join(lines))
    for furniture in [FOOTER, "".join(HEADER)]:
        out = out.replace(squash(furniture), "")
    return out


def test_seed_has_the_eight_measures(report: MeasuresReport) -> None:
    assert len(report.rows) == 8
    assert [r.indicator_number for r in report.rows] == [4, 6, 7, 8, 9, 9, 10, 10]


def test_titles_and_intro(text: str, seed: dict[str, Any]) -> None:
    first = text.split("\f")[0]
    assert "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส" in squash(first)
    assert "ขององค์การบริหารส่วนตำบลหนองบอนอำเภอโกสุมพิสัยจังหวัดมหาสารคาม" in squash(first)
    assert "ประจำปีงบประมาณพ.ศ.๒๕๖๖" in squash(first)
    assert squash(seed["intro"]) in squash(first)


def test_default_intro_follows_the_seed(seed: dict[str, Any]) -> None:
    assert default_report_intro(OFFICE, 2566) == seed["intro"]


def test_every_word_of_every_cell_in_order(body: str, seed: dict[str, Any]) -> None:
    """Each cell's text is in the PDF, whole or in pieces cut by page breaks, and the cells
    start in table order."""
    starts = []
    for row in seed["rows"]:
        for key in ("issue", "result"):
            cell, at, first = squash(row[key]), 0, -1
            position = starts[-1] if starts else 0
            while at < len(cell):
                # the next piece starts at the first place its first 8 characters occur (a
                # longest match could jump to a later cell quoting the same words)
                found = body.find(cell[at : at + 8], position)
                assert found >= 0, (key, cell[at : at + 30])
                lo = min(8, len(cell) - at)
                while at + lo < len(cell) and body.startswith(cell[at : at + lo + 1], found):
                    lo += 1
                first = found if first < 0 else first
                position, at = found + lo, at + lo
            starts.append(first)
    assert starts == sorted(starts)


def test_indicators_and_sub_indicators(body: str) -> None:
    for name in ["ตัวชี้วัดที่๙การเปิดเผยข้อมูล-การบริหารและพัฒนาทรัพยากรบุคคล",
                 "-การส่งเสริมความโปร่งใส", "-มาตรการภายในเพื่อป้องกันการทุจริต"]:  # fmt: skip
        assert name in body
    for form in ("IIT", "EIT", "OIT"):
        assert body.count(form) == 1  # the form once per group


def test_header_on_every_page(text: str) -> None:
    pages = text.split("\f")[:-1]
    assert len(pages) >= 3
    assert all(squash("".join(HEADER)) in squash(p) for p in pages[1:])


def test_signatures(text: str) -> None:
    last = squash(text.split("\f")[-2])
    for part in ("(ลงชื่อ)", "ผู้รายงาน", "(นางสาวสมใจรักงาน)", "ผู้รับรอง", "(นายสมชายใจดี)"):
        assert part in last


def test_breaks_between_words_and_no_line_starts_with_a_mark(
    text: str, seed: dict[str, Any]
) -> None:
    cells = [r[k] for r in seed["rows"] for k in ("issue", "result")]
    joins: set[tuple[str, str]] = set()
    for cell in cells:
        flat, pos = squash(cell), 0
        for token in word_tokenize(cell, engine="newmm", keep_whitespace=False):
            pos += len(squash(token))
            joins.add((flat[max(0, pos - 3) : pos], flat[pos : pos + 3]))
    flat_cells = [squash(c) for c in cells]
    lines = [line for line in text.split("\n") if line.strip()]
    assert not [line for line in lines if line[0] in MARKS]
    checked = good = 0
    for a, b in itertools.pairwise(lines):
        a3, b3 = squash(a)[-3:], squash(b)[:3]
        thai = re.compile(r"[\u0e00-\u0e7f]")
        if not (a3 and b3 and thai.match(a3[-1]) and thai.match(b3[0])):
            continue
        if not any(a3 + b3 in fc for fc in flat_cells):
            continue  # a column or page change, not a break inside one cell
        checked += 1
        good += (a3, b3) in joins
    assert checked > 300
    assert good / checked >= 0.98


def test_no_private_use_code_points(text: str) -> None:
    assert not re.search("[\ue000-\uf8ff]", text)
    assert "\u0e4d\u0e32" not in text  # ำ stays U+0E33
