"""Export a year's measures to XLSX: one row per measure (re-importable), one per evidence item.

The first sheet's first five columns carry the import's Thai headers (แบบ, ตัวชี้วัด, …), so the
file can be edited and imported into another year; the columns after them are for reading.
"""

from __future__ import annotations

from pathlib import Path

from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.ita.measure import EvidenceKind, Measure, result_cell
from nongbon_ita.i18n.thaiformat import format_date_numeric
from nongbon_ita.services.ita.plan import MeasurePlanService

MEASURE_HEADERS = (
    "แบบ", "ตัวชี้วัด", "ตัวชี้วัดย่อย", "ประเด็นที่ต้องปรับปรุง", "ผลการดำเนินการ",
    "มาตรการ/แนวทาง", "ข้อ OIT", "ส่วนราชการที่รับผิดชอบ", "ผู้รับผิดชอบ", "ระยะเวลา",
    "วันเริ่ม", "วันสิ้นสุด", "สถานะ", "ความก้าวหน้า ๖ เดือน (%)", "ความก้าวหน้า ๑๒ เดือน (%)",
)  # fmt: skip
EVIDENCE_HEADERS = ("มาตรการที่", "ตัวชี้วัด", "วันที่", "ผลการดำเนินการ", "ประเภท", "หลักฐาน",
                    "SHA-256", "บันทึกโดย")  # fmt: skip
WIDTHS = (8, 30, 26, 50, 60, 50, 12, 20, 22, 18, 12, 12, 16, 12, 12)


def _date(day: object) -> str:
    from datetime import date

    return format_date_numeric(day) if isinstance(day, date) else ""


def measure_cells(measure: Measure) -> list[object]:
    marks = [measure.progress_at(m) for m in (6, 12)]
    return [
        measure.form.value, measure.indicator, measure.sub_indicator, measure.issue,
        result_cell(measure.results, measure.result_text), measure.plan,
        ", ".join(measure.oit_items), measure.responsible_division, measure.responsible_user,
        measure.time_frame, _date(measure.start_on), _date(measure.due_on), measure.status.thai,
        *[mark.percent if mark else None for mark in marks],
    ]  # fmt: skip


def evidence_cells(number: int, measure: Measure) -> list[list[object]]:
    rows: list[list[object]] = []
    for result in measure.results:
        for ev in result.evidence:
            link = ev.kind is EvidenceKind.LINK
            rows.append([number, measure.indicator, _date(result.done_on), result.text,
                         "ลิงก์" if link else "ไฟล์", ev.url if link else ev.file_name,
                         "" if link else ev.sha256, result.recorded_by])  # fmt: skip
    return rows


def write_measures_xlsx(measures: list[Measure], out: Path) -> Path:
    """Write the workbook next to `out` then move it in place (no half-written file)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    out = out.expanduser().absolute()
    if not out.parent.is_dir():
        raise NotFoundError(N_("Folder not found: {path}"), path=str(out.parent))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "มาตรการ"
    sheet.append(list(MEASURE_HEADERS))
    for measure in measures:
        sheet.append(measure_cells(measure))
    evidence = book.create_sheet("หลักฐาน")
    evidence.append(list(EVIDENCE_HEADERS))
    for number, measure in enumerate(measures, start=1):
        for row in evidence_cells(number, measure):
            evidence.append(row)
    for ws in (sheet, evidence):
        ws.freeze_panes = "A2"
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for column, width in zip("ABCDEFGHIJKLMNO", WIDTHS, strict=False):
            ws.column_dimensions[column].width = width
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    partial = out.with_name(out.name + ".partial")
    book.save(partial)
    partial.replace(out)
    return out


def export_measures(plan: MeasurePlanService, fiscal_year: int, out: Path) -> Path:
    measures = plan.measures(fiscal_year)
    if not measures:
        raise ValidationError(N_("No measures are recorded for fiscal year {year}."),
                              field="year", year=fiscal_year)  # fmt: skip
    return write_measures_xlsx(measures, out)
