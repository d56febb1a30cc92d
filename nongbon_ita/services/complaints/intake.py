"""Receiving a complaint: the register number, deadlines, identity apart, attachments, audit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.locks import numbering, take_write_lock
from nongbon_ita.db.models import (
    ComplaintActionRow,
    ComplaintIdentityRow,
    ComplaintRow,
)
from nongbon_ita.domain.calendar import fiscal_year, office_date
from nongbon_ita.domain.complaints.deadlines import outcome_due, receipt_due
from nongbon_ita.domain.complaints.intake import validate_new_complaint
from nongbon_ita.domain.complaints.kinds import Status, Track
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.public_code import random_public_code
from nongbon_ita.domain.complaints.records import ComplaintSummary, NewComplaint
from nongbon_ita.domain.complaints.workflow import ActionKind
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.attachments import remove_quietly, store_files
from nongbon_ita.services.complaints.common import (
    audit_view,
    calendar_of,
    policy_of,
    seed_default_holidays,
    summary_of,
)
from nongbon_ita.services.context import ServiceContext


def next_number(session: Session, year: int) -> int:
    take_write_lock(session, numbering("complaint", year))  # gapless and unique per year
    last = session.scalar(select(func.max(ComplaintRow.number))
                          .where(ComplaintRow.fiscal_year == year))  # fmt: skip
    return int(last or 0) + 1


class IntakeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.new_code: Callable[[], str] = random_public_code  # the demo swaps in seeded codes

    def _unique_code(self, session: Session) -> str:
        for _attempt in range(20):
            code = self.new_code()
            taken = session.scalar(select(ComplaintRow.id).where(ComplaintRow.public_code == code))
            if taken is None:
                return code
        raise RuntimeError("no free public code after 20 attempts")

    def receive(
        self, actor: CurrentUser, complaint: NewComplaint, attachments: list[Path] | None = None
    ) -> ComplaintSummary:
        """Register a complaint; the register number is the next of its fiscal year."""
        require(actor, ComplaintOperation.RECEIVE)
        cleaned = validate_new_complaint(complaint, self.ctx.now())
        written: list[Path] = []
        try:
            with self.ctx.transaction() as session:
                seed_default_holidays(session)
                calendar, policy = calendar_of(session), policy_of(session)
                received_on = office_date(cleaned.received_at)
                year = fiscal_year(received_on)
                number = next_number(session, year)
                row = ComplaintRow(
                    fiscal_year=year, number=number, register_text=f"{number}/{year}",
                    public_code=self._unique_code(session), received_at=cleaned.received_at,
                    received_on=received_on, channel=cleaned.channel.value,
                    category=cleaned.category.value,
                    confidential=cleaned.category.track is Track.CORRUPTION,
                    subject=cleaned.subject, details=cleaned.details, place=cleaned.place,
                    anonymous=cleaned.anonymous, status=Status.RECEIVED.value,
                    receipt_due_on=receipt_due(calendar, received_on, policy),
                    due_on=outcome_due(calendar, received_on, policy, 0), paused_days=0,
                )  # fmt: skip
                session.add(row)
                session.flush()
                identity = cleaned.identity
                session.add(ComplaintIdentityRow(complaint_id=row.id, name=identity.name,
                                                 address=identity.address, phone=identity.phone,
                                                 email=identity.email,
                                                 id_number=identity.id_number,
                                                 accused=identity.accused))  # fmt: skip
                session.add(ComplaintActionRow(complaint_id=row.id, kind=ActionKind.RECEIVED,
                                               user_id=actor.id, occurred_at=self.ctx.now()))  # fmt: skip
                written = store_files(self.ctx, session, row, list(attachments or []), actor.id)
                session.flush()
                record_event(
                    self.ctx, session, actor.username, "complaint.received", "complaint", row.id,
                    after={**audit_view(row), "anonymous": row.anonymous,
                           "identity_fields": identity.filled_fields(),
                           "attachments": len(attachments or [])},
                )  # fmt: skip
                return summary_of(row, calendar, office_date(self.ctx.now()))
        except BaseException:
            remove_quietly(written)
            raise
