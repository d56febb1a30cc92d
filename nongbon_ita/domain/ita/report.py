"""ITA measures as the measures report needs them (the full measures module refines this)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class AssessmentForm(StrEnum):
    IIT = "IIT"  # แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน
    EIT = "EIT"  # แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก
    OIT = "OIT"  # แบบตรวจการเปิดเผยข้อมูลสาธารณะ


@dataclass(frozen=True)
class MeasureRow:
    """One row of the measures report's table. Paragraphs inside `result` are separated by newlines."""

    form: AssessmentForm
    indicator_number: int
    indicator: str  # as written: "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"
    sub_indicator: str  # "" or "-การส่งเสริมความโปร่งใส"
    issue: str
    result: str


@dataclass(frozen=True)
class MeasuresReport:
    """Everything the measures report prints besides the office profile."""

    fiscal_year: int  # B.E.
    intro: str
    rows: tuple[MeasureRow, ...]
    code: str = ""  # the year's code of the measures report (its catalogue's role); "" = none
    title: str = ""  # the title the year's catalogue gives it; "" = the standard title


class ItemRole(StrEnum):
    """What the program does with an OIT item of a year (the catalogue says which code it is)."""

    MEASURES_PLAN = "measures-plan"
    MEASURES_REPORT = "measures-report"
    COMPLAINT_STATS = "complaint-stats"


def result_cell_of(entry_texts: list[str], imported: str) -> str:
    """A measure's result cell from its entry texts already in order (position, id), else the
    imported text. Here, not in measure.py: the quick print path (db/plain.py) needs only this."""
    return "\n".join(entry_texts) if entry_texts else imported
