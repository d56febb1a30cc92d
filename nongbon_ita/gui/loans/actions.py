"""Which loan steps a user may take on a loan now (role and status), without Qt: the page
enables its buttons from this, the services check the same rules again."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.loans import CANCELLABLE_STATUSES, Loan, LoanOperation, LoanStatus
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser


class Step(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REFUSE = "refuse"
    CANCEL = "cancel"
    EXTEND = "extend"
    HAND_OUT = "hand_out"
    RETURN = "return"
    LIABILITY = "liability"
    FOLLOW_UP = "follow_up"
    PRINT_FORM = "print_form"
    PRINT_MEMO = "print_memo"

    @property
    def label_id(self) -> str:
        return _LABELS[self]


_LABELS = {
    Step.EDIT: N_("Edit draft…"), Step.SUBMIT: N_("Submit"), Step.APPROVE: N_("Approve"),
    Step.REFUSE: N_("Refuse…"), Step.CANCEL: N_("Cancel loan…"),
    Step.EXTEND: N_("Extend due date…"), Step.HAND_OUT: N_("Hand out…"),
    Step.RETURN: N_("Return…"), Step.LIABILITY: N_("Liability…"),
    Step.FOLLOW_UP: N_("Follow-up…"), Step.PRINT_FORM: N_("Print loan form…"),
    Step.PRINT_MEMO: N_("Print overdue memo…"),
}  # fmt: skip


def is_own(user: CurrentUser, loan: Loan) -> bool:
    return user.id in (loan.created_by_id, loan.borrower.user_id)


def available_steps(user: CurrentUser, loan: Loan, today: date) -> set[Step]:
    steps: set[Step] = set()
    status, own = loan.status, is_own(user, loan)
    if (status is LoanStatus.DRAFT and is_allowed(user, LoanOperation.REQUEST)
            and (own or user.has(Role.SUPPLY_OFFICER))):  # fmt: skip
        steps |= {Step.EDIT, Step.SUBMIT}
    if is_allowed(user, LoanOperation.APPROVE) and not own:
        if status is LoanStatus.SUBMITTED:
            steps |= {Step.APPROVE, Step.REFUSE}
        if status in (LoanStatus.APPROVED, LoanStatus.HANDED_OUT):
            steps.add(Step.EXTEND)
    if status in CANCELLABLE_STATUSES and (own or is_allowed(user, LoanOperation.HAND_OUT)):
        steps.add(Step.CANCEL)
    if is_allowed(user, LoanOperation.HAND_OUT):
        if status in (LoanStatus.APPROVED, LoanStatus.HANDED_OUT) and any(
            not i.handed_out for i in loan.items
        ):
            steps.add(Step.HAND_OUT)
        if status is LoanStatus.HANDED_OUT and loan.outstanding:
            steps.add(Step.RETURN)
    if is_allowed(user, LoanOperation.LIABILITY) and loan.liabilities:
        steps.add(Step.LIABILITY)
    if is_allowed(user, LoanOperation.FOLLOW_UP) and status is LoanStatus.HANDED_OUT:
        steps.add(Step.FOLLOW_UP)
    if is_allowed(user, LoanOperation.PRINT):
        steps.add(Step.PRINT_FORM)
        if loan.is_overdue(today):
            steps.add(Step.PRINT_MEMO)
    return steps
