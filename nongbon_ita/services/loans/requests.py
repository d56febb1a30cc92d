"""Loan requests: draft, submit (numbered per fiscal year), approve or refuse, cancel, extend."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.locks import take_booking_locks
from nongbon_ita.db.models import DivisionRow, LoanItemRow, LoanRow, UserRow
from nongbon_ita.domain.calendar import fiscal_year
from nongbon_ita.domain.errors import N_, NotFoundError, PermissionDenied, ValidationError
from nongbon_ita.domain.loans import (
    CANCELLABLE_STATUSES,
    BorrowerKind,
    ItemRequest,
    Loan,
    LoanOperation,
    LoanRequest,
    LoanStatus,
)
from nongbon_ita.domain.loans.rules import check_dates, check_request
from nongbon_ita.domain.permissions import is_allowed, require
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit_chain import at_head
from nongbon_ita.services.loans.base import LoanServiceBase
from nongbon_ita.services.loans.checks import (
    check_borrower,
    check_items,
    check_length,
    check_no_overlap,
)
from nongbon_ita.services.loans.policy import read_policy
from nongbon_ita.services.loans.repository import load_loan, loan_row


def _fill_staff_borrower(session: Session, actor: CurrentUser, request: LoanRequest) -> LoanRequest:
    """A staff borrower is an account: name, position, division and phone come from it."""
    borrower = request.borrower
    if borrower.kind is not BorrowerKind.STAFF or borrower.user_id is None:
        return request
    if borrower.user_id != actor.id and not actor.has(Role.SUPPLY_OFFICER):
        raise PermissionDenied(N_("You may only request a loan for yourself."))
    user = session.get(UserRow, borrower.user_id)
    if user is None:
        raise NotFoundError(N_("No such user."))
    division = session.get(DivisionRow, user.division_id) if user.division_id else None
    return replace(request, borrower=replace(
        borrower, name=user.full_name, position=borrower.position.strip() or user.position,
        organization=borrower.organization.strip() or (division.name if division else ""),
        phone=borrower.phone.strip() or user.phone,
    ))  # fmt: skip


def _write(row: LoanRow, request: LoanRequest) -> None:
    b = request.borrower
    row.borrower_kind, row.borrower_user_id = b.kind.value, b.user_id
    row.borrower_name, row.borrower_position = b.name.strip(), b.position.strip()
    row.borrower_organization, row.borrower_phone = b.organization.strip(), b.phone.strip()
    row.purpose_type, row.purpose = request.purpose_type.value, request.purpose.strip()
    row.place_of_use, row.use_scope = request.place_of_use.strip(), request.use_scope.value
    row.start_date, row.due_date = request.start_date, request.due_date


def _as_committed(loan: Loan, row: LoanRow) -> Loan:
    """`loan` as read in the transaction, with what its commit wrote (the number, at_head)."""
    return replace(loan, fiscal_year=row.fiscal_year, number=row.number,
                   status=LoanStatus(row.status), submitted_at=row.submitted_at,
                   version=row.version)  # fmt: skip


def _audit_view(row: LoanRow) -> dict[str, object]:
    """What the audit keeps of a loan: no names or phones (personal data)."""
    return {"status": row.status, "number": row.number, "fiscal_year": row.fiscal_year,
            "borrower_kind": row.borrower_kind, "start": row.start_date.isoformat(),
            "due": row.due_date.isoformat()}  # fmt: skip


class LoanRequests(LoanServiceBase):
    def _check(self, session: Session, request: LoanRequest, exclude: int | None) -> None:
        policy = read_policy(session)
        check_request(request, policy)
        pairs = [(i.asset_id, i.quantity) for i in request.items]
        check_items(session, self.assets, pairs, request.start_date, request.due_date,
                    self.today(), policy, exclude)  # fmt: skip
        check_borrower(session, request.borrower, self.today(), policy, exclude)

    def create_request(
        self, actor: CurrentUser, request: LoanRequest, submit: bool = False
    ) -> Loan:
        """A new request (a draft, or submitted at once); every rule is checked now."""
        require(actor, LoanOperation.REQUEST)
        with self.ctx.transaction(keyed=True) as session:
            # before the checks: nobody books these assets in between
            take_booking_locks(session, [i.asset_id for i in request.items])
            request = _fill_staff_borrower(session, actor, request)
            self._check(session, request, None)
            status = LoanStatus.SUBMITTED if submit else LoanStatus.DRAFT
            row = LoanRow(fiscal_year=fiscal_year(self.today()), status=status.value,
                          created_by_user_id=actor.id,
                          submitted_at=self.ctx.now() if submit else None)  # fmt: skip
            _write(row, request)
            session.add(row)
            session.flush()
            self._put_items(session, row.id, request)
            loan = load_loan(session, row.id)
            if submit:  # numbered at the commit, the last step (audit_chain.at_head)
                self._number(session, actor, row, "loan.created")
            else:
                self._audit(session, actor, "loan.created", row.id, after=_audit_view(row))
        return _as_committed(loan, row)

    def update_draft(
        self, actor: CurrentUser, loan_id: int, request: LoanRequest, expected_version: int
    ) -> Loan:
        require(actor, LoanOperation.REQUEST)
        with self.ctx.transaction(keyed=True) as session:
            self._lock_assets(session, loan_id, [i.asset_id for i in request.items])
            row = self._own_row(session, actor, loan_id)
            self._editable(row, expected_version, LoanStatus.DRAFT)
            request = _fill_staff_borrower(session, actor, request)
            self._check(session, request, row.id)
            before = _audit_view(row)
            _write(row, request)
            session.execute(delete(LoanItemRow).where(LoanItemRow.loan_id == row.id))
            self._put_items(session, row.id, request)
            row.updated_at = self.ctx.now()  # a new version even when only the items changed
            session.flush()
            self._audit(session, actor, "loan.updated", row.id, before, _audit_view(row))
            return load_loan(session, row.id)

    def submit(self, actor: CurrentUser, loan_id: int, expected_version: int | None = None) -> Loan:
        """Send a draft for approval: it gets its number in the fiscal year of today."""
        require(actor, LoanOperation.REQUEST)
        with self.ctx.transaction(keyed=True) as session:
            self._lock_assets(session, loan_id)
            # the row itself now: its number is written under the audit chain's head, whose
            # holder must never wait for a row (a cancellation of this draft, say)
            session.execute(select(LoanRow.id).where(LoanRow.id == loan_id).with_for_update())
            row = self._own_row(session, actor, loan_id)
            self._editable(row, expected_version, LoanStatus.DRAFT)
            loan = load_loan(session, row.id)
            self._check(session, LoanRequest(
                loan.borrower, loan.purpose_type, loan.purpose, loan.place_of_use, loan.use_scope,
                loan.start_date, loan.due_date,
                tuple(ItemRequest(i.asset_id, i.quantity) for i in loan.items),
            ), row.id)  # fmt: skip
            self._number(session, actor, row, "loan.submitted")
        return _as_committed(loan, row)

    def approve(
        self, actor: CurrentUser, loan_id: int, expected_version: int | None = None
    ) -> Loan:
        require(actor, LoanOperation.APPROVE)
        with self.ctx.transaction(keyed=True) as session:
            # the assets' keys before the overlap check: two approvers of overlapping loans of
            # one asset at the same moment would otherwise both pass it (issue 12)
            self._lock_assets(session, loan_id)
            row = loan_row(session, loan_id)
            self._editable(row, expected_version, LoanStatus.SUBMITTED)
            self._not_own(actor, row)
            policy = read_policy(session)
            loan = load_loan(session, row.id)
            check_items(session, self.assets, [(i.asset_id, i.quantity) for i in loan.items],
                        row.start_date, row.due_date, self.today(), policy, row.id)  # fmt: skip
            check_borrower(session, loan.borrower, self.today(), policy, row.id)
            row.status, row.approver_user_id = LoanStatus.APPROVED.value, actor.id
            row.decided_at = self.ctx.now()
            session.flush()
            self._audit(session, actor, "loan.approved", row.id, after=_audit_view(row))
            return load_loan(session, row.id)

    def refuse(
        self, actor: CurrentUser, loan_id: int, reason: str, expected_version: int | None = None
    ) -> Loan:
        require(actor, LoanOperation.APPROVE)
        if not reason.strip():
            raise ValidationError(N_("Give the reason for refusing."), field="reason")
        # the loan's own version guards it; a refusal books nothing
        with self.ctx.transaction(keyed=True) as session:
            row = loan_row(session, loan_id)
            self._editable(row, expected_version, LoanStatus.SUBMITTED)
            self._not_own(actor, row)
            row.status, row.approver_user_id = LoanStatus.REFUSED.value, actor.id
            row.decided_at, row.refusal_reason = self.ctx.now(), reason.strip()
            session.flush()
            self._audit(session, actor, "loan.refused", row.id, after={"reason": reason.strip()})
            return load_loan(session, row.id)

    def cancel(
        self,
        actor: CurrentUser,
        loan_id: int,
        expected_version: int | None = None,
        reason: str = "",
    ) -> Loan:
        """Before hand-out, by whoever asked for it, the borrower or the supply officer."""
        # the loan's own version guards it; a cancellation only frees what it booked
        with self.ctx.transaction(keyed=True) as session:
            row = loan_row(session, loan_id)
            if not (is_allowed(actor, LoanOperation.HAND_OUT)
                    or actor.id in (row.created_by_user_id, row.borrower_user_id)):  # fmt: skip
                raise PermissionDenied(N_("Only the requester or the supply officer may cancel."))
            self._editable(row, expected_version, *CANCELLABLE_STATUSES)
            before = row.status
            row.status, row.cancelled_at = LoanStatus.CANCELLED.value, self.ctx.now()
            session.flush()
            self._audit(session, actor, "loan.cancelled", row.id, {"status": before},
                        {"status": row.status, "reason": reason.strip()})  # fmt: skip
            return load_loan(session, row.id)

    def extend_due_date(
        self, actor: CurrentUser, loan_id: int, new_due: date, reason: str,
        expected_version: int | None = None,
    ) -> Loan:  # fmt: skip
        """A later due date, approved by an approver (never on their own loan)."""
        require(actor, LoanOperation.APPROVE)
        with self.ctx.transaction(keyed=True) as session:
            self._lock_assets(session, loan_id)
            row = loan_row(session, loan_id)
            self._editable(row, expected_version, LoanStatus.APPROVED, LoanStatus.HANDED_OUT)
            self._not_own(actor, row)
            if new_due <= row.due_date:
                raise ValidationError(N_("The new due date must be after the current one."),
                                      field="due_date")  # fmt: skip
            check_dates(row.start_date, new_due, None)
            loan = load_loan(session, row.id)
            policy = read_policy(session)
            held = [i for i in loan.items if not i.fully_returned]
            found = [self.assets.asset_in(session, i.asset_id) for i in held]
            for asset in found:
                check_length(session, asset, row.start_date, new_due, policy)
            check_no_overlap(session, found, row.due_date, new_due, self.today(), row.id)
            old = row.due_date
            row.due_date = new_due
            session.flush()
            self._audit(session, actor, "loan.extended", row.id, {"due": old.isoformat()},
                        {"due": new_due.isoformat(), "reason": reason.strip()})  # fmt: skip
            return load_loan(session, row.id)

    # helpers ----------------------------------------------------------------------------------
    def _own_row(self, session: Session, actor: CurrentUser, loan_id: int) -> LoanRow:
        row = loan_row(session, loan_id)
        if actor.id not in (row.created_by_user_id, row.borrower_user_id) and not actor.has(
            Role.SUPPLY_OFFICER
        ):
            raise PermissionDenied(N_("Only the requester may change or submit this request."))
        return row

    @staticmethod
    def _not_own(actor: CurrentUser, row: LoanRow) -> None:
        if actor.id in (row.borrower_user_id, row.created_by_user_id):
            raise PermissionDenied(N_("Nobody may approve their own loan request."))

    def _put_items(self, session: Session, loan_id: int, request: LoanRequest) -> None:
        for item in request.items:
            session.add(
                LoanItemRow(loan_id=loan_id, asset_id=item.asset_id, quantity=item.quantity)
            )
        session.flush()

    def _number(self, session: Session, actor: CurrentUser, row: LoanRow, action: str) -> None:
        """Submit `row` with the next number of today's fiscal year, and record `action`: both
        at the commit, under the audit chain's head, which makes the number ours alone
        (audit_chain.at_head: the requests' work runs side by side until then)."""
        year = fiscal_year(self.today())

        def number() -> None:
            last = session.scalar(
                select(func.max(LoanRow.number)).where(LoanRow.fiscal_year == year)
            )
            row.fiscal_year, row.number = year, (last or 0) + 1
            row.status, row.submitted_at = LoanStatus.SUBMITTED.value, self.ctx.now()
            session.flush()
            self._audit(session, actor, action, row.id, after=_audit_view(row))

        at_head(session, number)
