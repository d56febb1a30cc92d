"""Deadlines: the receipt (same day by default, in working days) and the outcome (15 working days
by default; the office may count it in calendar days instead) — both configurable — with a clock
that pauses while the office waits for the complainant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.errors import N_, ValidationError

DUE_SOON_WORKING_DAYS = 3


class DeadlineUnit(StrEnum):
    """What the outcome deadline counts: many manuals say "within 15 days" without saying which."""

    WORKING = "working"
    CALENDAR = "calendar"

    @property
    def label_id(self) -> str:
        return N_("working days") if self is DeadlineUnit.WORKING else N_("calendar days")

    @property
    def thai(self) -> str:
        return "วันทำการ" if self is DeadlineUnit.WORKING else "วัน"


@dataclass(frozen=True)
class DeadlinePolicy:
    receipt_working_days: int = 0  # 0: the same day
    outcome_working_days: int = 15  # in `outcome_unit` (the name predates the unit)
    identity_retention_years: int = 10
    outcome_unit: DeadlineUnit = DeadlineUnit.WORKING

    def validated(self) -> DeadlinePolicy:
        if not 0 <= self.receipt_working_days <= 30:
            raise ValidationError(
                N_("The receipt deadline must be 0 to 30 working days."), field="receipt"
            )
        if not 1 <= self.outcome_working_days <= 365:
            raise ValidationError(
                N_("The outcome deadline must be 1 to 365 days."), field="outcome"
            )
        if not 1 <= self.identity_retention_years <= 100:
            raise ValidationError(N_("Identities must be kept 1 to 100 years."), field="retention")
        return self


class DeadlineState(StrEnum):
    DONE = "done"  # an outcome was reached, or the complaint was rejected
    PAUSED = "paused"  # waiting for the complainant
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"

    @property
    def label_id(self) -> str:
        return _LABELS[self]


_LABELS = {
    DeadlineState.DONE: N_("Done"),
    DeadlineState.PAUSED: N_("Paused"),
    DeadlineState.ON_TIME: N_("On time"),
    DeadlineState.DUE_SOON: N_("Due soon"),
    DeadlineState.OVERDUE: N_("Overdue"),
}


def outcome_due(
    calendar: WorkingCalendar, received_on: date, policy: DeadlinePolicy, paused_days: int
) -> date:
    """The outcome is due N days after receipt, pushed back by the days spent paused (counted
    in the same unit). In calendar days a last day that falls on a weekend or holiday moves to
    the next working day, as periods do under the Administrative Procedure Act (s. 64)."""
    days = policy.outcome_working_days + paused_days
    if policy.outcome_unit is DeadlineUnit.CALENDAR:
        return calendar.next_working_day(received_on + timedelta(days=days))
    return calendar.add(received_on, days)


def paused_length(
    calendar: WorkingCalendar, policy: DeadlinePolicy, since: date, until: date
) -> int:
    """How long the clock stood still, in the unit the outcome deadline counts."""
    if policy.outcome_unit is DeadlineUnit.CALENDAR:
        return max((until - since).days, 0)
    return calendar.between(since, until)


def receipt_due(calendar: WorkingCalendar, received_on: date, policy: DeadlinePolicy) -> date:
    return calendar.add(received_on, policy.receipt_working_days)


def deadline_state(
    calendar: WorkingCalendar, is_open: bool, paused: bool, due_on: date, today: date
) -> DeadlineState:
    if not is_open:
        return DeadlineState.DONE
    if paused:
        return DeadlineState.PAUSED
    if today > due_on:
        return DeadlineState.OVERDUE
    if calendar.between(today, due_on) <= DUE_SOON_WORKING_DAYS:
        return DeadlineState.DUE_SOON
    return DeadlineState.ON_TIME
