"""The measures report: รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (the year's
code and title come from its catalogue's measures-report role; O43 in 2566, O26 in 2569)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from nongbon_ita.domain.ita.report import MeasureRow, MeasuresReport
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import thai_digits

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
HEADER = ("แบบ", "ตัวชี้วัด", "ประเด็นที่ต้องปรับปรุง", "ผลการดำเนินการ")
COLUMN_SHARES = (0.09, 0.18, 0.3, 0.43)
# an item typed inline ("… ๒.มีการแจ้ง…", "… -จัดทำ…") starts its own line in the table
_INLINE_ITEM = re.compile(r"\s+(?=(?:[๐-๙]{1,2}\.[^\s๐-๙0-9]|-[^\s\d-]))")


def default_report_intro(office: OfficeProfile, fiscal_year: int) -> str:
    """The report's opening sentence for `fiscal_year` (B.E.), naming the previous year's ITA."""
    year, previous = thai_digits(fiscal_year), thai_digits(fiscal_year - 1)
    return (
        f"ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน ITA ของ{office.name} "
        f"ประจำปีงบประมาณ พ.ศ. {previous} และได้กำหนดมาตรการ/แนวทางในการส่งเสริมคุณธรรม"
        f"และความโปร่งใสขององค์กรปกครองส่วนท้องถิ่นในปีงบประมาณ พ.ศ. {year} "
        "โดยได้มีการดำเนินการขับเคลื่อนมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
        f"ขององค์กรปกครองส่วนท้องถิ่น ประจำปีงบประมาณ พ.ศ. {year} ดังต่อไปนี้"
    )


def title_lines(office: OfficeProfile, fiscal_year: int, title: str = "") -> tuple[str, str, str]:
    return (
        title or TITLE,
        f"ของ{office.name} {office.district_line}",
        f"ประจำปีงบประมาณ พ.ศ. {thai_digits(fiscal_year)}",
    )


def _cell_text(text: str) -> str:
    """Typed text with inline list items put on their own lines (no character changes)."""
    return "\n".join(_INLINE_ITEM.sub("\n", part) for part in text.split("\n"))


def _indicator_cell(row: MeasureRow, first_of_indicator: bool) -> str:
    sub = row.sub_indicator.strip()
    if sub and not sub.startswith("-"):
        sub = "-" + sub
    if first_of_indicator:
        return f"{row.indicator}\n{sub}" if sub else row.indicator
    return sub


def table_rows(report: MeasuresReport) -> list[list[str]]:
    """Rows as printed: the form once per group, the indicator once over its sub-indicators."""
    rows: list[list[str]] = []
    previous: MeasureRow | None = None
    for row in report.rows:
        new_form = previous is None or row.form != previous.form
        new_indicator = new_form or previous is None or row.indicator != previous.indicator
        rows.append(
            [
                str(row.form) if new_form else "",
                _indicator_cell(row, new_indicator),
                _cell_text(row.issue),
                _cell_text(row.result),
            ]
        )
        previous = row
    return rows


def render_measures_report(
    report: MeasuresReport,
    office: OfficeProfile,
    reporter: SignatureBlock,
    certifier: SignatureBlock,
    footer_text: str = "",
) -> bytes:
    """The measures report as PDF bytes: A4 portrait, Laksaman 16 pt."""
    from reportlab.platypus import Spacer

    from nongbon_ita.reports.thai import (
        BODY,
        ThaiParagraph,
        build_pdf,
        frame_width,
        keep_lines,
        signature_block,
        thai_table,
    )
    from nongbon_ita.reports.thai import (
        TITLE as TITLE_STYLE,
    )

    width = frame_width()
    title = title_lines(office, report.fiscal_year, report.title)
    story: list[Flowable] = [ThaiParagraph(line, TITLE_STYLE) for line in title]
    story[-1].spaceAfter = 6
    intro = report.intro or default_report_intro(office, report.fiscal_year)
    story.append(
        ThaiParagraph(intro, BODY.but(first_indent=2.5 * 28.3465, space_before=10, space_after=10))
    )
    rows: list[list[Any]] = table_rows(report)
    for row in rows:  # "-sub-indicator" is a name, not a list item: no hanging indent
        row[1] = [ThaiParagraph(line, BODY) for line in row[1].split("\n") if line]
    story.append(
        thai_table(
            HEADER,
            rows,
            [width * share for share in COLUMN_SHARES],
            body_style=BODY,
            header_style=TITLE_STYLE,
            group_first_column=True,
            extra_style=[("ALIGN", (0, 1), (0, -1), "CENTER")],
        )
    )
    signatures: list[Any] = [Spacer(1, 24)]
    for block in (reporter, certifier):
        signatures.append(
            signature_block(
                block.caption, block.full_name, block.position, BODY.but(space_before=18)
            )
        )
    story.append(keep_lines(*signatures))
    return build_pdf(story, footer_text=footer_text, title=" ".join(title), author=office.name)
