"""What the complaint services share: Thai time, the working calendar and deadline policy,
who may see an identity, and turning rows into records."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import ComplaintChannelRow, ComplaintRow, HolidayRow
from nongbon_ita.domain.calendar import RegisterNumber
from nongbon_ita.domain.complaints.channels import (
    ChannelEdit,
    ChannelInfo,
    channel_list,
    unknown_channel,
)
from nongbon_ita.domain.complaints.deadlines import DeadlinePolicy, DeadlineUnit, deadline_state
from nongbon_ita.domain.complaints.kinds import Category, Outcome, Status, Track
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import ComplaintSummary
from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.errors import N_, NotFoundError
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.complaints.holiday_source import Holiday, days_off
from nongbon_ita.services.settings_store import get_setting

RECEIPT_DAYS = "complaints.receipt_working_days"
OUTCOME_DAYS = "complaints.outcome_working_days"
OUTCOME_UNIT = "complaints.outcome_unit"
RETENTION_YEARS = "complaints.identity_retention_years"


def policy_of(session: Session) -> DeadlinePolicy:
    default = DeadlinePolicy()

    def read(key: str, fallback: int) -> int:
        value = get_setting(session, key)
        return int(value) if value is not None and value.isdigit() else fallback

    unit = get_setting(session, OUTCOME_UNIT)
    return DeadlinePolicy(
        read(RECEIPT_DAYS, default.receipt_working_days),
        read(OUTCOME_DAYS, default.outcome_working_days),
        read(RETENTION_YEARS, default.identity_retention_years),
        DeadlineUnit(unit) if unit in {u.value for u in DeadlineUnit} else default.outcome_unit,
    )


def office_holidays(session: Session) -> list[Holiday]:
    """The office's layer: the days it added, and the package's days it removed."""
    return [Holiday(r.day, r.name, removed=r.removed)
            for r in session.scalars(select(HolidayRow).order_by(HolidayRow.day))]  # fmt: skip


def calendar_of(session: Session) -> WorkingCalendar:
    """Working days of any year: the `holidays` package's days with the office's layer."""
    office = office_holidays(session)
    return WorkingCalendar(per_year=lambda year: days_off(year, office))


def channels_of(session: Session) -> list[ChannelInfo]:
    """The shipped channels with the office's renames and hidden ones, then its own."""
    edits = [ChannelEdit(r.code, r.name, r.referred, r.active, r.position)
             for r in session.scalars(select(ComplaintChannelRow))]  # fmt: skip
    return channel_list(edits)


def channel_of(session: Session, code: str) -> ChannelInfo:
    found = next((c for c in channels_of(session) if c.code == code), None)
    return found or unknown_channel(code)


def may_see_identity(user: CurrentUser, track: Track) -> bool:
    """Corruption track: complaint officers only (never admins as such); general track: those
    who receive complaints."""
    if track is Track.CORRUPTION:
        return is_allowed(user, ComplaintOperation.VIEW_CONFIDENTIAL_IDENTITY)
    return is_allowed(user, ComplaintOperation.VIEW_GENERAL_IDENTITY)


def summary_of(
    row: ComplaintRow, calendar: WorkingCalendar, today: date, channel_names: dict[str, str]
) -> ComplaintSummary:
    """`channel_names`: code → name (see `channel_names_of`)."""
    status = Status(row.status)
    return ComplaintSummary(
        id=row.id,
        number=row.number,
        fiscal_year=row.fiscal_year,
        public_code=row.public_code,
        received_at=row.received_at,
        received_on=row.received_on,
        channel=row.channel,
        channel_name=channel_names.get(row.channel, row.channel),
        category=Category(row.category),
        subject=row.subject,
        status=status,
        outcome=Outcome(row.outcome) if row.outcome else None,
        due_on=row.due_on,
        deadline=deadline_state(
            calendar, status.is_open, row.paused_since is not None, row.due_on, today
        ),
        anonymous=row.anonymous,
        version=row.version,
        reference=row.reference or "",
        referral_due_on=row.referral_due_on,
    )


def channel_names_of(session: Session) -> dict[str, str]:
    return {c.code: c.name for c in channels_of(session)}


def find_row(session: Session, complaint_id: int) -> ComplaintRow:
    row = session.get(ComplaintRow, complaint_id)
    if row is None:
        raise NotFoundError(N_("No such complaint."))
    return row


def id_of_register(session: Session, register: RegisterNumber) -> int:
    found = session.scalar(
        select(ComplaintRow.id).where(
            ComplaintRow.number == register.number,
            ComplaintRow.fiscal_year == register.fiscal_year,
        )
    )
    if found is None:
        raise NotFoundError(N_("No complaint is registered as {number}."), number=str(register))
    return int(found)


def audit_view(row: ComplaintRow) -> dict[str, object]:
    """What audit payloads say about a complaint: never identities, subjects or details."""
    return {
        "number": row.register_text,
        "status": row.status,
        "category": row.category,
        "channel": row.channel,
        "outcome": row.outcome,
        "division_id": row.division_id,
        "officer_user_id": row.officer_user_id,
        "due_on": row.due_on.isoformat(),
        "paused": row.paused_since is not None,
        "referred": row.reference is not None,  # an agency's reference: not an identity
    }
