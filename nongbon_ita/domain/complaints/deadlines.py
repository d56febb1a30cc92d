"""Deadlines in working days: the receipt (same day by default) and the outcome (15 working days
by default) — both configurable — with a clock that pauses while the office waits for the
complainant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.errors import N_, ValidationError

DUE_SOON_WORKING_DAYS = 3


@dataclass(frozen=True)
class DeadlinePolicy:
    receipt_working_days: int = 0  # 0: the same day
    outcome_working_days: int = 15
    identity_retention_years: int = 10

    def validated(self) -> DeadlinePolicy:
        if not 0 <= self.receipt_working_days <= 30:
            raise ValidationError(
                N_("The receipt deadline must be 0 to 30 working days."), field="receipt"
            )
        if not 1 <= self.outcome_working_days <= 365:
            raise ValidationError(
                N_("The outcome deadline must be 1 to 365 working days."), field="outcome"
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
    """The outcome is due N working days after receipt, pushed back by the days spent paused."""
    return calendar.add(received_on, policy.outcome_working_days + paused_days)


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
