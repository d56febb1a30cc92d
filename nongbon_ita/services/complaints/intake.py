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
from nongbon_ita.domain.complaints.channels import ChannelInfo
from nongbon_ita.domain.complaints.deadlines import DeadlinePolicy, outcome_due, receipt_due
from nongbon_ita.domain.complaints.intake import validate_new_complaint
from nongbon_ita.domain.complaints.kinds import Status, Track
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.public_code import random_public_code
from nongbon_ita.domain.complaints.records import ComplaintSummary, NewComplaint
from nongbon_ita.domain.complaints.workflow import ActionKind
from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.attachments import remove_quietly, store_files
from nongbon_ita.services.complaints.common import (
    audit_view,
    calendar_of,
    channel_names_of,
    channels_of,
    policy_of,
    summary_of,
)
from nongbon_ita.services.context import ServiceContext


def check_channel(session: Session, code: str) -> ChannelInfo:
    """The channel must be one the office's list offers (hidden ones take no new complaints)."""
    found = next((c for c in channels_of(session) if c.code == code and c.active), None)
    if found is None:
        raise ValidationError(N_("Choose a channel from the list."), field="channel")
    return found


def lock_references(session: Session, channel: str) -> None:
    """A reference registers once per channel: checked, then written, under this lock."""
    take_write_lock(session, f"complaints.reference.{channel}")


def registered_as(session: Session, channel: str, reference: str) -> str | None:
    """The register number a referring body's reference already has on this channel."""
    return session.scalar(select(ComplaintRow.register_text)
                          .where(ComplaintRow.channel == channel,
                                 ComplaintRow.reference == reference))  # fmt: skip


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

    def checked(self, session: Session, complaint: NewComplaint) -> tuple[NewComplaint,
                                                                         ChannelInfo]:  # fmt: skip
        """The complaint validated against the office's channels and references."""
        channel = check_channel(session, complaint.channel)
        cleaned = validate_new_complaint(complaint, self.ctx.now(), channel.referred)
        reference = cleaned.referral.reference
        if reference:
            taken = registered_as(session, channel.code, reference)
            if taken is not None:
                raise ValidationError(
                    N_("The reference {reference} is already registered as complaint {number}."),
                    field="reference", reference=reference, number=taken)  # fmt: skip
        return cleaned, channel

    def register(self, session: Session, actor: CurrentUser, cleaned: NewComplaint,
                 channel: ChannelInfo, calendar: WorkingCalendar,
                 policy: DeadlinePolicy) -> ComplaintRow:  # fmt: skip
        """Write a checked complaint (row, identity apart, timeline) under the next number of
        its fiscal year; the caller records the audit event."""
        received_on = office_date(cleaned.received_at)
        year = fiscal_year(received_on)
        number = next_number(session, year)
        referral = cleaned.referral
        row = ComplaintRow(
            fiscal_year=year, number=number, register_text=f"{number}/{year}",
            public_code=self._unique_code(session), received_at=cleaned.received_at,
            received_on=received_on, channel=channel.code, category=cleaned.category.value,
            confidential=cleaned.category.track is Track.CORRUPTION,
            subject=cleaned.subject, details=cleaned.details, place=cleaned.place,
            anonymous=cleaned.anonymous, status=Status.RECEIVED.value,
            receipt_due_on=receipt_due(calendar, received_on, policy),
            due_on=outcome_due(calendar, received_on, policy, 0), paused_days=0,
            reference=referral.reference or None, referral_dated=referral.dated,
            referral_due_on=referral.due_on,
            # by default the outcome goes back to the body that referred it
            report_to=(referral.report_to or channel.name) if channel.referred else "",
        )  # fmt: skip
        session.add(row)
        session.flush()
        identity = cleaned.identity
        session.add(ComplaintIdentityRow(complaint_id=row.id, name=identity.name,
                                         address=identity.address, phone=identity.phone,
                                         email=identity.email, id_number=identity.id_number,
                                         accused=identity.accused))  # fmt: skip
        session.add(ComplaintActionRow(complaint_id=row.id, kind=ActionKind.RECEIVED,
                                       user_id=actor.id, occurred_at=self.ctx.now()))  # fmt: skip
        return row

    def receive(
        self, actor: CurrentUser, complaint: NewComplaint, attachments: list[Path] | None = None
    ) -> ComplaintSummary:
        """Register a complaint; the register number is the next of its fiscal year."""
        require(actor, ComplaintOperation.RECEIVE)
        written: list[Path] = []
        try:
            with self.ctx.transaction() as session:
                lock_references(session, complaint.channel)
                cleaned, channel = self.checked(session, complaint)
                calendar, policy = calendar_of(session), policy_of(session)
                row = self.register(session, actor, cleaned, channel, calendar, policy)
                written = store_files(self.ctx, session, row, list(attachments or []), actor.id)
                session.flush()
                record_event(
                    self.ctx, session, actor.username, "complaint.received", "complaint", row.id,
                    after={**audit_view(row), "anonymous": row.anonymous,
                           "identity_fields": cleaned.identity.filled_fields(),
                           "attachments": len(attachments or [])},
                )  # fmt: skip
                return summary_of(row, calendar, office_date(self.ctx.now()),
                                  channel_names_of(session))  # fmt: skip
        except BaseException:
            remove_quietly(written)
            raise
