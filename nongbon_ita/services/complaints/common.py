"""What the complaint services share: Thai time, the working calendar and deadline policy,
who may see an identity, and turning rows into records."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import ComplaintRow, HolidayRow
from nongbon_ita.domain.calendar import RegisterNumber
from nongbon_ita.domain.complaints.deadlines import DeadlinePolicy, deadline_state
from nongbon_ita.domain.complaints.holidays_th import DEFAULT_HOLIDAYS
from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome, Status, Track
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import ComplaintSummary
from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.errors import N_, NotFoundError
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.settings_store import get_setting, put_setting

RECEIPT_DAYS = "complaints.receipt_working_days"
OUTCOME_DAYS = "complaints.outcome_working_days"
RETENTION_YEARS = "complaints.identity_retention_years"
HOLIDAYS_SEEDED = "complaints.holidays_seeded"


def policy_of(session: Session) -> DeadlinePolicy:
    default = DeadlinePolicy()

    def read(key: str, fallback: int) -> int:
        value = get_setting(session, key)
        return int(value) if value is not None and value.isdigit() else fallback

    return DeadlinePolicy(
        read(RECEIPT_DAYS, default.receipt_working_days),
        read(OUTCOME_DAYS, default.outcome_working_days),
        read(RETENTION_YEARS, default.identity_retention_years),
    )


def seed_default_holidays(session: Session) -> None:
    """Put the shipped holiday list in once; after that the office's edits are the list."""
    if get_setting(session, HOLIDAYS_SEEDED):
        return
    known = set(session.scalars(select(HolidayRow.day)))
    for day, name in DEFAULT_HOLIDAYS:
        if day not in known:
            session.add(HolidayRow(day=day, name=name))
    put_setting(session, HOLIDAYS_SEEDED, "1")
    session.flush()


def calendar_of(session: Session) -> WorkingCalendar:
    days = list(session.scalars(select(HolidayRow.day)))
    if not get_setting(session, HOLIDAYS_SEEDED):  # nothing written yet: the shipped list
        days += [day for day, _name in DEFAULT_HOLIDAYS]
    return WorkingCalendar(days)


def may_see_identity(user: CurrentUser, track: Track) -> bool:
    """Corruption track: complaint officers only (never admins as such); general track: those
    who receive complaints."""
    if track is Track.CORRUPTION:
        return is_allowed(user, ComplaintOperation.VIEW_CONFIDENTIAL_IDENTITY)
    return is_allowed(user, ComplaintOperation.VIEW_GENERAL_IDENTITY)


def summary_of(row: ComplaintRow, calendar: WorkingCalendar, today: date) -> ComplaintSummary:
    status = Status(row.status)
    return ComplaintSummary(
        id=row.id,
        number=row.number,
        fiscal_year=row.fiscal_year,
        public_code=row.public_code,
        received_at=row.received_at,
        received_on=row.received_on,
        channel=Channel(row.channel),
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
    )


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
    }
