"""Which measures need attention on a given day (the dashboard's "measures due")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from nongbon_ita.domain.calendar import fiscal_half_range, fiscal_year, fiscal_year_range
from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.ita.measure import Measure, MeasureStatus

DUE_SOON_DAYS = 30


class Attention(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    PROGRESS_6 = "progress_6"
    PROGRESS_12 = "progress_12"

    @property
    def label_id(self) -> str:
        return ATTENTION_LABELS[self]


ATTENTION_LABELS = {
    Attention.OVERDUE: N_("past its end date"),
    Attention.DUE_SOON: N_("ends within {days} days"),
    Attention.PROGRESS_6: N_("6-month progress not marked"),
    Attention.PROGRESS_12: N_("12-month progress not marked"),
}


@dataclass(frozen=True)
class DueMeasure:
    measure: Measure
    reasons: tuple[Attention, ...]


def attention(
    measure: Measure, today: date, soon_days: int = DUE_SOON_DAYS
) -> tuple[Attention, ...]:
    """Why `measure` needs attention today: its end date, or a progress mark that is late.

    A mark is late once its period is over: 6 months after 31 March of the measure's fiscal
    year, 12 months after 30 September. Done and cancelled measures need nothing.
    """
    if measure.status in (MeasureStatus.DONE, MeasureStatus.CANCELLED):
        return ()
    reasons: list[Attention] = []
    if measure.due_on is not None:
        if measure.due_on < today:
            reasons.append(Attention.OVERDUE)
        elif measure.due_on <= today + timedelta(days=soon_days):
            reasons.append(Attention.DUE_SOON)
    if today > fiscal_half_range(measure.fiscal_year, 1).end and not measure.progress_at(6):
        reasons.append(Attention.PROGRESS_6)
    if today > fiscal_year_range(measure.fiscal_year).end and not measure.progress_at(12):
        reasons.append(Attention.PROGRESS_12)
    return tuple(reasons)


def measures_due(measures: list[Measure], today: date) -> list[DueMeasure]:
    """Measures of this fiscal year and the last that need attention, overdue ones first."""
    current = fiscal_year(today)
    found = [
        DueMeasure(m, reasons)
        for m in measures
        if current - 1 <= m.fiscal_year <= current and (reasons := attention(m, today))
    ]
    return sorted(found, key=lambda d: (Attention.OVERDUE not in d.reasons,
                                        d.measure.due_on or date.max, d.measure.id))  # fmt: skip
