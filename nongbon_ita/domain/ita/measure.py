"""A measure of a fiscal year with its results, evidence and progress marks (pure records)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.domain.ita.report import result_cell_of as result_cell_of  # light to import

MAX_TIME_FRAME = 200
PROGRESS_MONTHS = (6, 12)


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label_id(self) -> str:
        return STATUS_LABELS[self]

    @property
    def thai(self) -> str:
        """As printed on Thai documents (they are Thai whatever the UI language)."""
        return STATUS_THAI[self]


STATUS_LABELS = {
    MeasureStatus.PLANNED: N_("Planned"),
    MeasureStatus.IN_PROGRESS: N_("In progress"),
    MeasureStatus.DONE: N_("Done"),
    MeasureStatus.CANCELLED: N_("Cancelled"),
}
STATUS_THAI = {
    MeasureStatus.PLANNED: "ยังไม่ดำเนินการ",
    MeasureStatus.IN_PROGRESS: "อยู่ระหว่างดำเนินการ",
    MeasureStatus.DONE: "ดำเนินการแล้ว",
    MeasureStatus.CANCELLED: "ยกเลิก",
}


class EvidenceKind(StrEnum):
    FILE = "file"
    LINK = "link"


@dataclass(frozen=True)
class Evidence:
    id: int
    kind: EvidenceKind
    label: str
    url: str = ""  # links
    file_name: str = ""  # files: the name as added
    size: int = 0
    sha256: str = ""
    stored_path: str = ""  # relative to the evidence folder

    @property
    def shown(self) -> str:
        """What a list shows: the label, else the file name or the address."""
        return self.label or self.file_name or self.url


@dataclass(frozen=True)
class MeasureResult:
    """One entry of the results, as typed ("๑.จัดทำ…", "-แต่งตั้ง…" or a plain paragraph)."""

    id: int
    measure_id: int
    position: int
    done_on: date | None
    text: str
    recorded_by: str  # full name of who recorded it
    recorded_at: datetime
    evidence: tuple[Evidence, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class ProgressMark:
    months: int  # 6 or 12
    percent: int
    note: str
    marked_on: date
    marked_by: str
    version: int = 0


@dataclass(frozen=True)
class MeasureDraft:
    """What the coordinator types for a measure (new or edited)."""

    indicator_number: int
    issue: str
    plan: str = ""
    sub_indicator: str = ""
    oit_items: tuple[str, ...] = ()
    responsible_division_id: int | None = None
    responsible_user_id: int | None = None
    time_frame: str = ""
    start_on: date | None = None
    due_on: date | None = None
    status: MeasureStatus = MeasureStatus.PLANNED


@dataclass(frozen=True)
class Measure:
    id: int
    fiscal_year: int
    position: int
    form: AssessmentForm
    indicator_number: int
    indicator: str  # as printed: "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"
    sub_indicator: str
    oit_items: tuple[str, ...]
    issue: str
    plan: str
    result_text: str  # the imported cell, printed when there are no result entries
    responsible_division_id: int | None
    responsible_division: str
    responsible_user_id: int | None
    responsible_user: str
    time_frame: str
    start_on: date | None
    due_on: date | None
    status: MeasureStatus
    results: tuple[MeasureResult, ...] = ()
    progress: tuple[ProgressMark, ...] = ()
    version: int = 0

    def progress_at(self, months: int) -> ProgressMark | None:
        return next((p for p in self.progress if p.months == months), None)

    @property
    def responsible(self) -> str:
        """Who is responsible, as printed: the person, the division, or both."""
        parts = [p for p in (self.responsible_user, self.responsible_division) if p]
        return "\n".join(parts)

    def draft(self) -> MeasureDraft:
        return MeasureDraft(
            self.indicator_number, self.issue, self.plan, self.sub_indicator, self.oit_items,
            self.responsible_division_id, self.responsible_user_id, self.time_frame,
            self.start_on, self.due_on, self.status,
        )  # fmt: skip


def result_cell(results: tuple[MeasureResult, ...], imported: str) -> str:
    """The measures report's result cell: the entries as typed, one per line; the imported cell if none."""
    ordered = sorted(results, key=lambda r: (r.position, r.id))
    return result_cell_of([r.text for r in ordered], imported)


def check_draft(draft: MeasureDraft) -> MeasureDraft:
    """Trimmed text; refuses an empty issue, a too long time frame, dates in the wrong order."""
    issue, plan = draft.issue.strip(), draft.plan.strip()
    if not issue:
        raise ValidationError(N_("Enter the issue to improve."), field="issue")
    time_frame = " ".join(draft.time_frame.split())
    if len(time_frame) > MAX_TIME_FRAME:
        raise ValidationError(
            N_("At most {limit} characters."), field="time_frame", limit=MAX_TIME_FRAME
        )
    if draft.start_on and draft.due_on and draft.due_on < draft.start_on:
        raise ValidationError(N_("The end date comes before the start date."), field="due_on")
    from dataclasses import replace

    return replace(draft, issue=issue, plan=plan, sub_indicator=draft.sub_indicator.strip(),
                   time_frame=time_frame)  # fmt: skip


def check_progress(months: int, percent: int) -> None:
    if months not in PROGRESS_MONTHS:
        raise ValidationError(N_("Progress is marked at 6 or 12 months."), field="months")
    if not 0 <= percent <= 100:
        raise ValidationError(N_("Progress is a percentage from 0 to 100."), field="percent")


@dataclass(frozen=True)
class EvidenceLink:
    url: str
    label: str = ""


@dataclass(frozen=True)
class ResultEntry:
    """A result as typed, with the evidence to add to it."""

    text: str
    done_on: date | None = None
    links: tuple[EvidenceLink, ...] = ()
    files: tuple[str, ...] = field(default=())  # paths of files to copy into the app


def check_link(link: EvidenceLink) -> EvidenceLink:
    url = link.url.strip()
    if not url.lower().startswith(("http://", "https://")) or " " in url or len(url) > 1000:
        raise ValidationError(
            N_("A web link starts with http:// or https:// and has no spaces: “{value}”."),
            field="url", value=url[:60],
        )  # fmt: skip
    return EvidenceLink(url, " ".join(link.label.split())[:300])


def check_result_text(text: str) -> str:
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError(N_("Enter what was done."), field="text")
    return text
