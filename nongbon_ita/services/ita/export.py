"""Export a year's measures to XLSX: one row per measure (re-importable), one per evidence item.

The first sheet's first five columns carry the import's Thai headers (แบบ, ตัวชี้วัด, …), so the
file can be edited and imported into another year; the columns after them are for reading.
"""

from __future__ import annotations

from pathlib import Path

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.measure import EvidenceKind, Measure, result_cell
from nongbon_ita.reports.xlsx import Column, Kind, XlsxBook
from nongbon_ita.services.ita.plan import MeasurePlanService
from nongbon_ita.services.output_files import write_output

MEASURE_COLUMNS = (
    Column("แบบ", 8), Column("ตัวชี้วัด", 30, wrap=True), Column("ตัวชี้วัดย่อย", 26, wrap=True),
    Column("ประเด็นที่ต้องปรับปรุง", 50, wrap=True), Column("ผลการดำเนินการ", 60, wrap=True),
    Column("มาตรการ/แนวทาง", 50, wrap=True), Column("ข้อ OIT", 12, wrap=True),
    Column("ส่วนราชการที่รับผิดชอบ", 20, wrap=True), Column("ผู้รับผิดชอบ", 22, wrap=True),
    Column("ระยะเวลา", 18, wrap=True), Column("วันเริ่ม", 12, Kind.DATE),
    Column("วันสิ้นสุด", 12, Kind.DATE), Column("สถานะ", 16, wrap=True),
    Column("ความก้าวหน้า ๖ เดือน (%)", 12, Kind.NUMBER),
    Column("ความก้าวหน้า ๑๒ เดือน (%)", 12, Kind.NUMBER),
)  # fmt: skip
EVIDENCE_COLUMNS = (
    Column("มาตรการที่", 8, Kind.NUMBER), Column("ตัวชี้วัด", 30, wrap=True),
    Column("วันที่", 12, Kind.DATE), Column("ผลการดำเนินการ", 50, wrap=True),
    Column("ประเภท", 12), Column("หลักฐาน", 60, wrap=True), Column("SHA-256", 20),
    Column("บันทึกโดย", 22),
)  # fmt: skip
MEASURE_HEADERS = tuple(column.header for column in MEASURE_COLUMNS)
EVIDENCE_HEADERS = tuple(column.header for column in EVIDENCE_COLUMNS)


def measure_cells(measure: Measure) -> list[object]:
    marks = [measure.progress_at(m) for m in (6, 12)]
    return [
        measure.form.value, measure.indicator, measure.sub_indicator, measure.issue,
        result_cell(measure.results, measure.result_text), measure.plan,
        ", ".join(measure.oit_items), measure.responsible_division, measure.responsible_user,
        measure.time_frame, measure.start_on, measure.due_on, measure.status.thai,
        *[mark.percent if mark else None for mark in marks],
    ]  # fmt: skip


def evidence_cells(number: int, measure: Measure) -> list[list[object]]:
    rows: list[list[object]] = []
    for result in measure.results:
        for ev in result.evidence:
            link = ev.kind is EvidenceKind.LINK
            rows.append([number, measure.indicator, result.done_on, result.text,
                         "ลิงก์" if link else "ไฟล์", ev.url if link else ev.file_name,
                         "" if link else ev.sha256, result.recorded_by])  # fmt: skip
    return rows


def measures_xlsx(measures: list[Measure]) -> bytes:
    book = XlsxBook()
    book.sheet("มาตรการ", MEASURE_COLUMNS).rows(measure_cells(m) for m in measures)
    evidence = book.sheet("หลักฐาน", EVIDENCE_COLUMNS)
    for number, measure in enumerate(measures, start=1):
        evidence.rows(evidence_cells(number, measure))
    return book.data()


def write_measures_xlsx(measures: list[Measure], out: Path) -> Path:
    """Write the workbook next to `out` then move it in place (no half-written file)."""
    return write_output(out, measures_xlsx(measures))


def export_measures(plan: MeasurePlanService, fiscal_year: int, out: Path) -> Path:
    measures = plan.measures(fiscal_year)
    if not measures:
        raise ValidationError(N_("No measures are recorded for fiscal year {year}."),
                              field="year", year=fiscal_year)  # fmt: skip
    return write_measures_xlsx(measures, out)
