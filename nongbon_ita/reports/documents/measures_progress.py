"""The 6-month (or 12-month) progress report of the year's ITA measures."""

from __future__ import annotations

from collections import Counter
from typing import Any

from nongbon_ita.domain.calendar import fiscal_half_range, fiscal_year_range
from nongbon_ita.domain.ita.documents import ProgressReport
from nongbon_ita.domain.ita.measure import Measure, MeasureStatus
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import format_date_long, format_date_short, thai_digits
from nongbon_ita.reports.documents.measures_plan import (
    TITLE,
    finish_landscape_report,
    grouped,
    indicator_cell,
    plain_cell,
    title_lines,
    title_story,
)

HEADER = ("แบบ", "ตัวชี้วัด", "มาตรการ/แนวทาง", "ผลการดำเนินการ", "ความก้าวหน้า", "ผู้รับผิดชอบ")
COLUMN_SHARES = (0.06, 0.16, 0.21, 0.285, 0.15, 0.135)


def period(report: ProgressReport) -> tuple[str, Any]:
    """The report's heading words and its date range (6 months: October–March)."""
    if report.months == 6:
        return "รอบ ๖ เดือน", fiscal_half_range(report.fiscal_year, 1)
    return "รอบ ๑๒ เดือน", fiscal_year_range(report.fiscal_year)


def results_cell(measure: Measure, last_day: Any) -> str:
    """Entries done by the end of the period, as typed, each with its date in brackets."""
    lines = []
    for result in measure.results:
        if result.done_on is not None and result.done_on > last_day:
            continue
        when = f" ({format_date_short(result.done_on, thai=True)})" if result.done_on else ""
        lines.append(result.text + when)
    return "\n".join(lines) or "-"


def progress_cell(measure: Measure, months: int) -> str:
    """The mark of the period (percentage and note), else "not reported" and today's status."""
    mark = measure.progress_at(months)
    if mark is None:
        return f"ยังไม่รายงาน\n({measure.status.thai})"
    text = f"ร้อยละ {thai_digits(mark.percent)}"
    return f"{text}\n{mark.note}" if mark.note else text


def summary(measures: tuple[Measure, ...]) -> str:
    counts = Counter(m.status for m in measures)
    parts = [f"มาตรการทั้งหมด {thai_digits(len(measures))} มาตรการ"]
    for status in (MeasureStatus.DONE, MeasureStatus.IN_PROGRESS, MeasureStatus.PLANNED,
                   MeasureStatus.CANCELLED):  # fmt: skip
        if counts[status]:
            parts.append(f"{status.thai} {thai_digits(counts[status])} มาตรการ")
    return " ".join(parts)


def render_measures_progress(
    report: ProgressReport,
    office: OfficeProfile,
    reporter: SignatureBlock,
    approver: SignatureBlock,
    footer_text: str = "",
) -> bytes:
    """The progress report as PDF bytes: A4 landscape, Laksaman 16 pt."""
    from nongbon_ita.reports.thai import BODY, CM, ThaiParagraph
    from nongbon_ita.reports.thai import TITLE as TITLE_STYLE

    words, span = period(report)
    lines = title_lines(office, report.fiscal_year, f"รายงานผลการดำเนินการตาม{TITLE} {words}")
    story = title_story(lines)
    story.append(ThaiParagraph(
        f"ระยะเวลาที่รายงาน: {format_date_long(span.start)} ถึง {format_date_long(span.end)}",
        TITLE_STYLE.but(bold=False, space_after=6),
    ))  # fmt: skip
    story.append(ThaiParagraph(summary(report.measures),
                               BODY.but(first_indent=2.5 * CM, space_after=8)))  # fmt: skip
    rows: list[list[Any]] = []
    for m, new_form, new_indicator in grouped(report.measures):
        rows.append([
            m.form.value if new_form else "", plain_cell(indicator_cell(m, new_indicator)),
            m.plan or m.issue, results_cell(m, span.end),
            plain_cell(progress_cell(m, report.months)), plain_cell(m.responsible) or "-",
        ])  # fmt: skip
    return finish_landscape_report(
        story, HEADER, rows, COLUMN_SHARES, lines, office, (reporter, approver), footer_text
    )
