"""Moving a complaint through its steps; each one a timeline entry and an audit event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy.orm import Session

from nongbon_ita.db.models import ComplaintActionRow, ComplaintRow, DivisionRow, UserRow
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.complaints.deadlines import outcome_due, paused_length
from nongbon_ita.domain.complaints.kinds import Outcome, Status
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import ComplaintSummary
from nongbon_ita.domain.complaints.workflow import ActionKind, check_transition
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.common import (
    audit_view,
    calendar_of,
    channel_names_of,
    find_row,
    policy_of,
    summary_of,
)
from nongbon_ita.services.context import ServiceContext, check_version

Mutate = Callable[[Session, ComplaintRow], None]


class WorkflowService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _apply(
        self, actor: CurrentUser, complaint_id: int, version: int | None, kind: ActionKind,
        note: str, mutate: Mutate, target: Status | None = None,
    ) -> ComplaintSummary:  # fmt: skip
        require(actor, ComplaintOperation.HANDLE)
        with self.ctx.transaction() as session:
            row = find_row(session, complaint_id)
            check_version(row.version, version)
            if target is not None:
                check_transition(Status(row.status), target)
            before = audit_view(row)
            mutate(session, row)
            if target is not None:
                row.status = target.value
            row.updated_at = self.ctx.now()
            session.add(ComplaintActionRow(complaint_id=row.id, kind=kind.value, note=note.strip(),
                                           user_id=actor.id, occurred_at=self.ctx.now()))  # fmt: skip
            session.flush()
            # notes and reasons stay in the timeline: free text may name people
            record_event(self.ctx, session, actor.username, f"complaint.{kind.value}",
                         "complaint", row.id, before=before, after=audit_view(row))  # fmt: skip
            return summary_of(row, calendar_of(session), self._today(), channel_names_of(session))

    def _today(self) -> date:
        return office_date(self.ctx.now())

    def _resume(self, session: Session, row: ComplaintRow) -> None:
        """Stop the pause: the working days spent waiting push the deadline back."""
        if row.paused_since is None:
            return
        calendar, policy = calendar_of(session), policy_of(session)
        row.paused_days += paused_length(calendar, policy, row.paused_since, self._today())
        row.paused_since = None
        row.due_on = outcome_due(calendar, row.received_on, policy, row.paused_days)

    def acknowledge(self, actor: CurrentUser, complaint_id: int, version: int | None,
                    note: str = "") -> ComplaintSummary:  # fmt: skip
        """Record that the receipt was given (by hand, e-mail or LINE) without printing it here;
        printing the acknowledgement letter records it too."""

        def mutate(session: Session, row: ComplaintRow) -> None:
            if row.acknowledged_on is None:
                row.acknowledged_on = self._today()

        return self._apply(actor, complaint_id, version, ActionKind.ACKNOWLEDGED, note, mutate)

    def accept(self, actor: CurrentUser, complaint_id: int, version: int | None,
               note: str = "") -> ComplaintSummary:  # fmt: skip
        return self._apply(actor, complaint_id, version, ActionKind.ACCEPTED, note,
                           lambda s, r: None, Status.ACCEPTED)  # fmt: skip

    def reject(self, actor: CurrentUser, complaint_id: int, version: int | None,
               reason: str) -> ComplaintSummary:  # fmt: skip
        if not reason.strip():
            raise ValidationError(N_("Give the reason for rejecting the complaint."),
                                  field="reason")  # fmt: skip

        def mutate(session: Session, row: ComplaintRow) -> None:
            self._resume(session, row)
            row.rejection_reason = reason.strip()
            row.closed_on = self._today()

        return self._apply(actor, complaint_id, version, ActionKind.REJECTED, reason, mutate,
                           Status.REJECTED)  # fmt: skip

    def assign(self, actor: CurrentUser, complaint_id: int, version: int | None,
               division_id: int, officer_user_id: int | None, note: str = "") -> ComplaintSummary:  # fmt: skip
        def mutate(session: Session, row: ComplaintRow) -> None:
            division = session.get(DivisionRow, division_id)
            if division is None:
                raise NotFoundError(N_("No such division."))
            officer = session.get(UserRow, officer_user_id) if officer_user_id else None
            if officer_user_id and (officer is None or not officer.active):
                raise NotFoundError(N_("No such active user."))
            row.division_id, row.officer_user_id = division_id, officer_user_id

        return self._apply(actor, complaint_id, version, ActionKind.ASSIGNED, note, mutate,
                           Status.ASSIGNED)  # fmt: skip

    def start_investigation(self, actor: CurrentUser, complaint_id: int, version: int | None,
                            note: str = "") -> ComplaintSummary:  # fmt: skip
        return self._apply(actor, complaint_id, version, ActionKind.INVESTIGATING, note,
                           lambda s, r: None, Status.INVESTIGATING)  # fmt: skip

    def conclude(self, actor: CurrentUser, complaint_id: int, version: int | None,
                 outcome: Outcome, referred_to: str = "", summary: str = "") -> ComplaintSummary:  # fmt: skip
        if outcome is Outcome.REFERRED and not referred_to.strip():
            raise ValidationError(N_("Name the agency the complaint was referred to."),
                                  field="referred_to")  # fmt: skip

        def mutate(session: Session, row: ComplaintRow) -> None:
            self._resume(session, row)
            row.outcome = outcome.value
            row.referred_to = referred_to.strip() if outcome is Outcome.REFERRED else ""
            row.concluded_on = self._today()

        return self._apply(actor, complaint_id, version, ActionKind.CONCLUDED, summary, mutate,
                           Status.CONCLUDED)  # fmt: skip

    def inform(self, actor: CurrentUser, complaint_id: int, version: int | None,
               note: str = "") -> ComplaintSummary:  # fmt: skip
        def mutate(session: Session, row: ComplaintRow) -> None:
            if row.anonymous:
                raise ValidationError(N_("An anonymous complainant cannot be informed; "
                                         "close the complaint instead."))  # fmt: skip
            row.informed_on = self._today()

        return self._apply(actor, complaint_id, version, ActionKind.INFORMED, note, mutate,
                           Status.INFORMED)  # fmt: skip

    def close(self, actor: CurrentUser, complaint_id: int, version: int | None,
              note: str = "") -> ComplaintSummary:  # fmt: skip
        def mutate(session: Session, row: ComplaintRow) -> None:
            row.closed_on = self._today()

        return self._apply(actor, complaint_id, version, ActionKind.CLOSED, note, mutate,
                           Status.CLOSED)  # fmt: skip

    def pause(self, actor: CurrentUser, complaint_id: int, version: int | None,
              reason: str) -> ComplaintSummary:  # fmt: skip
        """Stop the clock while the office waits for the complainant (documents, facts)."""
        if not reason.strip():
            raise ValidationError(N_("Say what the office is waiting for."), field="reason")

        def mutate(session: Session, row: ComplaintRow) -> None:
            if not Status(row.status).is_open:
                raise ValidationError(N_("Only an open complaint's clock can be paused."))
            if row.paused_since is not None:
                raise ValidationError(N_("The clock is already paused."))
            row.paused_since = self._today()

        return self._apply(actor, complaint_id, version, ActionKind.PAUSED, reason, mutate)

    def resume(self, actor: CurrentUser, complaint_id: int, version: int | None,
               note: str = "") -> ComplaintSummary:  # fmt: skip
        def mutate(session: Session, row: ComplaintRow) -> None:
            if row.paused_since is None:
                raise ValidationError(N_("The clock is not paused."))
            self._resume(session, row)

        return self._apply(actor, complaint_id, version, ActionKind.RESUMED, note, mutate)

    def add_note(self, actor: CurrentUser, complaint_id: int, text: str) -> ComplaintSummary:
        """An internal note on the timeline (no version check: notes never conflict)."""
        if not text.strip():
            raise ValidationError(N_("The note is empty."), field="note")
        return self._apply(actor, complaint_id, None, ActionKind.NOTE, text, lambda s, r: None)
