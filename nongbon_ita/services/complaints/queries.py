"""Reading complaints: the list (paged, searchable), one complaint's detail, deadlines due, and
revealing an identity — the only way one leaves the database, each time an audit event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from nongbon_ita.db.complaint_search_index import complaint_text_condition
from nongbon_ita.db.models import (
    ComplaintActionRow,
    ComplaintAttachmentRow,
    ComplaintIdentityRow,
    ComplaintRow,
    DivisionRow,
    UserRow,
)
from nongbon_ita.domain.calendar import RegisterNumber, office_date
from nongbon_ita.domain.complaints.deadlines import DUE_SOON_WORKING_DAYS, DeadlineState
from nongbon_ita.domain.complaints.kinds import OPEN_STATUSES, Category, Status, Track
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import (
    Attachment,
    ComplaintDetail,
    ComplaintIdentity,
    ComplaintSummary,
    Referral,
    TimelineEntry,
)
from nongbon_ita.domain.complaints.workflow import ActionKind
from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.errors import N_, PermissionDenied, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.attachments import attachment_of
from nongbon_ita.services.complaints.common import (
    calendar_of,
    channel_names_of,
    find_row,
    id_of_register,
    may_see_identity,
    policy_of,
    summary_of,
)
from nongbon_ita.services.context import ServiceContext

PAGE = 200
DUE_MOST = 100
_OPEN = [s.value for s in OPEN_STATUSES]


@dataclass(frozen=True)
class ComplaintFilter:
    text: str = ""
    status: Status | None = None
    track: Track | None = None
    deadline: DeadlineState | None = None
    fiscal_year: int | None = None


@dataclass(frozen=True)
class ComplaintPage:
    rows: tuple[ComplaintSummary, ...]
    total: int


@dataclass(frozen=True)
class DueItem:
    summary: ComplaintSummary
    what: str  # "receipt" or "outcome"
    due_on: date

    def urgency(self, today: date) -> str:
        """ "overdue", "today" or "soon" (within the horizon): how the dashboard groups it."""
        if self.due_on < today:
            return "overdue"
        return "today" if self.due_on == today else "soon"


def _deadline_condition(
    state: DeadlineState, today: date, calendar: WorkingCalendar
) -> ColumnElement[bool]:
    if state is DeadlineState.DONE:
        return ComplaintRow.status.not_in(_OPEN)
    is_open = ComplaintRow.status.in_(_OPEN)
    if state is DeadlineState.PAUSED:
        return and_(is_open, ComplaintRow.paused_since.is_not(None))
    running = and_(is_open, ComplaintRow.paused_since.is_(None))
    soon = calendar.add(today, DUE_SOON_WORKING_DAYS)
    if state is DeadlineState.OVERDUE:
        return and_(running, ComplaintRow.due_on < today)
    if state is DeadlineState.DUE_SOON:
        return and_(running, ComplaintRow.due_on >= today, ComplaintRow.due_on <= soon)
    return and_(running, ComplaintRow.due_on > soon)


class QueryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def today(self) -> date:
        return office_date(self.ctx.now())

    def _conditions(
        self, session: Session, wanted: ComplaintFilter, calendar: WorkingCalendar
    ) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if wanted.text.strip():
            dialect = session.get_bind().dialect.name
            needle = wanted.text.strip()
            # a referring body's reference is found by the same search box
            conditions.append(or_(complaint_text_condition(dialect, needle),
                                  ComplaintRow.reference.contains(needle, autoescape=True)))  # fmt: skip
        if wanted.status is not None:
            conditions.append(ComplaintRow.status == wanted.status.value)
        if wanted.track is not None:
            conditions.append(ComplaintRow.confidential.is_(wanted.track is Track.CORRUPTION))
        if wanted.fiscal_year is not None:
            conditions.append(ComplaintRow.fiscal_year == wanted.fiscal_year)
        if wanted.deadline is not None:
            conditions.append(_deadline_condition(wanted.deadline, self.today(), calendar))
        return conditions

    def page(
        self, actor: CurrentUser, wanted: ComplaintFilter | None = None, offset: int = 0,
        limit: int = PAGE,
    ) -> ComplaintPage:  # fmt: skip
        """Newest first; `total` counts every match for the list's header and lazy loading."""
        require(actor, ComplaintOperation.VIEW)
        wanted = wanted or ComplaintFilter()
        with self.ctx.reading() as session:
            calendar = calendar_of(session)
            conditions = self._conditions(session, wanted, calendar)
            query = (select(ComplaintRow).where(*conditions)
                     .order_by(ComplaintRow.received_at.desc(), ComplaintRow.id.desc())
                     .offset(offset).limit(limit))  # fmt: skip
            rows = session.scalars(query).all()
            total = session.scalar(select(func.count(ComplaintRow.id)).where(*conditions)) or 0
            today, names = self.today(), channel_names_of(session)
            return ComplaintPage(tuple(summary_of(r, calendar, today, names) for r in rows),
                                 int(total))  # fmt: skip

    def find_by_reference(self, actor: CurrentUser, text: str) -> list[ComplaintSummary]:
        """Referred complaints whose reference contains `text` (case and spacing as typed,
        apart from the ends), newest first."""
        require(actor, ComplaintOperation.VIEW)
        needle = " ".join(text.split())
        if not needle:
            raise ValidationError(N_("Enter a reference number to look for."), field="reference")
        with self.ctx.reading() as session:
            calendar, names, today = calendar_of(session), channel_names_of(session), self.today()
            rows = session.scalars(
                select(ComplaintRow)
                .where(ComplaintRow.reference.contains(needle, autoescape=True))
                .order_by(ComplaintRow.received_at.desc(), ComplaintRow.id.desc()).limit(PAGE)
            )  # fmt: skip
            return [summary_of(r, calendar, today, names) for r in rows]

    def assignable_users(self, actor: CurrentUser) -> list[tuple[int, str]]:
        """(id, full name) of active users a complaint can be assigned to."""
        require(actor, ComplaintOperation.HANDLE)
        with self.ctx.reading() as session:
            rows = session.execute(select(UserRow.id, UserRow.full_name)
                                   .where(UserRow.active.is_(True))
                                   .order_by(UserRow.full_name))  # fmt: skip
            return [(int(i), str(n)) for i, n in rows]

    def id_of(self, actor: CurrentUser, register: RegisterNumber) -> int:
        require(actor, ComplaintOperation.VIEW)
        with self.ctx.reading() as session:
            return id_of_register(session, register)

    def detail(self, actor: CurrentUser, complaint_id: int) -> ComplaintDetail:
        """Everything but the identity (`identity=None`): see `reveal_identity`."""
        require(actor, ComplaintOperation.VIEW)
        with self.ctx.reading() as session:
            return self._detail(session, actor, complaint_id, None)

    def reveal_identity(self, actor: CurrentUser, complaint_id: int) -> ComplaintDetail:
        """The detail with the identity, for a user allowed to see it; recorded in the audit
        trail (field names only)."""
        require(actor, ComplaintOperation.VIEW)
        with self.ctx.transaction() as session:
            row = find_row(session, complaint_id)
            if not may_see_identity(actor, Category(row.category).track):
                raise PermissionDenied(
                    N_("Only a complaint officer may see who made a corruption complaint.")
                )
            identity = identity_of(session, complaint_id)
            record_event(self.ctx, session, actor.username, "complaint.identity_viewed",
                         "complaint", row.id,
                         after={"number": row.register_text,
                                "fields": identity.filled_fields()})  # fmt: skip
            return self._detail(session, actor, complaint_id, identity)

    def _detail(
        self, session: Session, actor: CurrentUser, complaint_id: int,
        identity: ComplaintIdentity | None,
    ) -> ComplaintDetail:  # fmt: skip
        row = find_row(session, complaint_id)
        calendar, policy = calendar_of(session), policy_of(session)
        names = {i: n for i, n in session.execute(select(UserRow.id, UserRow.full_name))}
        actions = session.scalars(select(ComplaintActionRow)
                                  .where(ComplaintActionRow.complaint_id == row.id)
                                  .order_by(ComplaintActionRow.occurred_at,
                                            ComplaintActionRow.id))  # fmt: skip
        sees_files = may_see_identity(actor, Category(row.category).track)
        # an attachment's file name often names the complainant: only those who may open it see it
        timeline = tuple(TimelineEntry(a.occurred_at, ActionKind(a.kind),
                                       a.note if sees_files or a.kind != ActionKind.ATTACHMENT
                                       else "", names.get(a.user_id or 0, ""))
                         for a in actions)  # fmt: skip
        attachments: tuple[Attachment, ...] = ()
        if sees_files:
            found = session.scalars(select(ComplaintAttachmentRow)
                                    .where(ComplaintAttachmentRow.complaint_id == row.id)
                                    .order_by(ComplaintAttachmentRow.id))  # fmt: skip
            attachments = tuple(attachment_of(a) for a in found)
        division = session.get(DivisionRow, row.division_id) if row.division_id else None
        purged = session.scalar(select(ComplaintIdentityRow.purged_at)
                                .where(ComplaintIdentityRow.complaint_id == row.id))  # fmt: skip
        return ComplaintDetail(
            summary=summary_of(row, calendar, self.today(), channel_names_of(session)),
            details=row.details,
            place=row.place, referred_to=row.referred_to, rejection_reason=row.rejection_reason,
            division_id=row.division_id, division_name=division.name if division else "",
            officer_user_id=row.officer_user_id,
            officer_name=names.get(row.officer_user_id or 0, ""),
            receipt_due_on=row.receipt_due_on, acknowledged_on=row.acknowledged_on,
            paused_since=row.paused_since, paused_days=row.paused_days,
            concluded_on=row.concluded_on, informed_on=row.informed_on, closed_on=row.closed_on,
            identity=identity, identity_purged=purged is not None, timeline=timeline,
            attachments=attachments,
            referral=Referral(row.reference or "", row.referral_dated, row.referral_due_on,
                              row.report_to),
            outcome_days=policy.outcome_working_days, outcome_unit=policy.outcome_unit,
        )  # fmt: skip

    def due(self, actor: CurrentUser, horizon_working_days: int = DUE_SOON_WORKING_DAYS,
            most: int = DUE_MOST) -> list[DueItem]:  # fmt: skip
        """Open complaints whose outcome is due within the horizon or overdue, and receipts not
        yet given on their due day: what the dashboard lists, most urgent first (at most `most`
        of each kind; the list page's deadline filter shows them all). A receipt is owed to a
        named complainant, or to the referring body of a referred complaint."""
        require(actor, ComplaintOperation.VIEW)
        today = self.today()
        with self.ctx.reading() as session:
            calendar, names = calendar_of(session), channel_names_of(session)
            limit = calendar.add(today, horizon_working_days)
            running = and_(ComplaintRow.status.in_(_OPEN), ComplaintRow.paused_since.is_(None))
            items: list[DueItem] = []
            for row in session.scalars(select(ComplaintRow)
                                       .where(running, ComplaintRow.due_on <= limit)
                                       .order_by(ComplaintRow.due_on).limit(most)):  # fmt: skip
                items.append(DueItem(summary_of(row, calendar, today, names), "outcome",
                                     row.due_on))  # fmt: skip
            for row in session.scalars(
                select(ComplaintRow).where(
                    ComplaintRow.status.in_(_OPEN), ComplaintRow.acknowledged_on.is_(None),
                    or_(ComplaintRow.anonymous.is_(False), ComplaintRow.report_to != ""),
                    ComplaintRow.receipt_due_on <= today,
                ).order_by(ComplaintRow.receipt_due_on).limit(most)
            ):  # fmt: skip
                items.append(DueItem(summary_of(row, calendar, today, names), "receipt",
                                     row.receipt_due_on))  # fmt: skip
        return sorted(items, key=lambda i: (i.due_on, i.summary.fiscal_year, i.summary.number))


def identity_of(session: Session, complaint_id: int) -> ComplaintIdentity:
    row = session.get(ComplaintIdentityRow, complaint_id)
    if row is None:
        return ComplaintIdentity()
    return ComplaintIdentity(**{name: getattr(row, name) for name in ComplaintIdentity.FIELDS})
