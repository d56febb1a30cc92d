"""The office's complaint settings: deadline policy, identity retention and the holiday list."""

from __future__ import annotations

from dataclasses import asdict, dataclass
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
    RECEIPT_DAYS,
    RETENTION_YEARS,
    calendar_of,
    policy_of,
    seed_default_holidays,
)
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.settings_store import put_setting


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str


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
            session.flush()
            _recompute_open_deadlines(session)
            record_event(self.ctx, session, actor.username, "complaints.policy_changed",
                         "setting", "complaints", before=before, after=asdict(policy))  # fmt: skip
            return policy

    def holidays(self) -> list[Holiday]:
        with self.ctx.transaction() as session:  # the shipped list is written on first look
            seed_default_holidays(session)
            rows = session.scalars(select(HolidayRow).order_by(HolidayRow.day))
            return [Holiday(r.day, r.name) for r in rows]

    def add_holiday(self, actor: CurrentUser, day: date, name: str) -> None:
        require(actor, ComplaintOperation.CONFIGURE)
        if not name.strip():
            raise ValidationError(N_("Name the holiday."), field="name")
        with self.ctx.transaction() as session:
            seed_default_holidays(session)
            if session.get(HolidayRow, day) is not None:
                raise ValidationError(N_("That day is already a holiday."), field="day")
            session.add(HolidayRow(day=day, name=name.strip()))
            session.flush()
            _recompute_open_deadlines(session)
            record_event(self.ctx, session, actor.username, "holiday.added", "holiday",
                         day.isoformat(), after={"name": name.strip()})  # fmt: skip

    def remove_holiday(self, actor: CurrentUser, day: date) -> None:
        require(actor, ComplaintOperation.CONFIGURE)
        with self.ctx.transaction() as session:
            seed_default_holidays(session)
            row = session.get(HolidayRow, day)
            if row is None:
                raise NotFoundError(N_("That day is not on the holiday list."))
            name = row.name
            session.delete(row)
            session.flush()
            _recompute_open_deadlines(session)
            record_event(self.ctx, session, actor.username, "holiday.removed", "holiday",
                         day.isoformat(), before={"name": name})  # fmt: skip
