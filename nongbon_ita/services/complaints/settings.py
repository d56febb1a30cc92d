"""The office's complaint settings: deadline policy (and its unit), identity retention and the
office's layer of holidays over the `holidays` package."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import ComplaintRow, HolidayRow
from nongbon_ita.domain.complaints.deadlines import DeadlinePolicy, outcome_due, receipt_due
from nongbon_ita.domain.complaints.kinds import OPEN_STATUSES
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.common import (
    OUTCOME_DAYS,
    OUTCOME_UNIT,
    RECEIPT_DAYS,
    RETENTION_YEARS,
    calendar_of,
    office_holidays,
    policy_of,
)
from nongbon_ita.services.complaints.holiday_source import (
    Holiday,
    HolidaySource,
    merged_holidays,
    package_holidays,
)
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.settings_store import put_setting


def _recompute_open_deadlines(session: Session) -> None:
    """A changed policy or holiday list moves the deadlines of complaints still open."""
    calendar, policy = calendar_of(session), policy_of(session)
    open_rows = select(ComplaintRow).where(
        ComplaintRow.status.in_([s.value for s in OPEN_STATUSES])
    )
    for row in session.scalars(open_rows):
        row.due_on = outcome_due(calendar, row.received_on, policy, row.paused_days)
        row.receipt_due_on = receipt_due(calendar, row.received_on, policy)


class ComplaintSettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def policy(self) -> DeadlinePolicy:
        with self.ctx.reading() as session:
            return policy_of(session)

    def set_policy(self, actor: CurrentUser, policy: DeadlinePolicy) -> DeadlinePolicy:
        require(actor, ComplaintOperation.CONFIGURE)
        policy = policy.validated()
        with self.ctx.transaction() as session:
            before = asdict(policy_of(session))
            put_setting(session, RECEIPT_DAYS, str(policy.receipt_working_days))
            put_setting(session, OUTCOME_DAYS, str(policy.outcome_working_days))
            put_setting(session, RETENTION_YEARS, str(policy.identity_retention_years))
            put_setting(session, OUTCOME_UNIT, policy.outcome_unit.value)
            session.flush()
            _recompute_open_deadlines(session)
            record_event(self.ctx, session, actor.username, "complaints.policy_changed",
                         "setting", "complaints", before=before, after=asdict(policy))  # fmt: skip
            return policy

    def holidays(self, year: int) -> list[Holiday]:
        """The year's days off (C.E. `year`) and where each came from; the package's days the
        office works on are listed too, `removed`."""
        with self.ctx.reading() as session:
            return merged_holidays(year, office_holidays(session))

    def add_holiday(self, actor: CurrentUser, day: date, name: str) -> None:
        """A day off of the office's own; a package day the office had removed comes back."""
        require(actor, ComplaintOperation.CONFIGURE)
        name = " ".join(name.split())
        if not name:
            raise ValidationError(N_("Name the holiday."), field="name")
        with self.ctx.transaction() as session:
            row = session.get(HolidayRow, day)
            listed = dict(package_holidays(day.year))
            if row is not None and row.removed:
                session.delete(row)  # the package's day again, under the package's name
            elif row is not None or day in listed:
                raise ValidationError(N_("That day is already a holiday."), field="day")
            else:
                session.add(HolidayRow(day=day, name=name, removed=False))
            session.flush()
            _recompute_open_deadlines(session)
            record_event(self.ctx, session, actor.username, "holiday.added", "holiday",
                         day.isoformat(), after={"name": name})  # fmt: skip

    def remove_holiday(self, actor: CurrentUser, day: date) -> None:
        """The office works on `day`: its own day is dropped, a package day is marked removed."""
        require(actor, ComplaintOperation.CONFIGURE)
        with self.ctx.transaction() as session:
            row = session.get(HolidayRow, day)
            listed = dict(package_holidays(day.year))
            if row is not None and not row.removed:
                name = row.name
                session.delete(row)
            elif row is None and day in listed:
                name = listed[day]
                session.add(HolidayRow(day=day, name=name, removed=True))
            else:
                raise NotFoundError(N_("That day is not on the holiday list."))
            session.flush()
            _recompute_open_deadlines(session)
            source = HolidaySource.OFFICE if row is not None else HolidaySource.PACKAGE
            record_event(self.ctx, session, actor.username, "holiday.removed", "holiday",
                         day.isoformat(), before={"name": name, "source": source.value})  # fmt: skip
