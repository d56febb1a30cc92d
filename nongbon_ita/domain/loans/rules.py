"""The loan rules that need no database: dates, length, purpose, borrower, overlaps."""

from __future__ import annotations

from datetime import date

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.loans.enums import BorrowerKind, PurposeType
from nongbon_ita.domain.loans.records import LoanPolicy, LoanRequest

MAX_ITEMS = 200  # a sanity bound: a form with more is a typing accident


def loan_days(start: date, due: date) -> int:
    return (due - start).days + 1


def check_dates(start: date, due: date, max_days: int | None, category: str = "") -> None:
    if due < start:
        raise ValidationError(N_("The due date cannot be before the start date."), field="due_date")
    if max_days is not None and loan_days(start, due) > max_days:
        raise ValidationError(
            N_("{category} may be lent for at most {days} days."),
            field="due_date", category=category or "This item", days=max_days,
        )  # fmt: skip


def is_personal(purpose_type: PurposeType, purpose: str, policy: LoanPolicy) -> bool:
    """Government supplies are never lent for a personal purpose (the form's choice, or words)."""
    if purpose_type is PurposeType.PERSONAL:
        return True
    return any(word and word in purpose for word in policy.personal_keywords)


def check_request(request: LoanRequest, policy: LoanPolicy) -> None:
    """Everything about a request that can be checked without the register of assets."""
    borrower = request.borrower
    if not borrower.name.strip():
        raise ValidationError(N_("Enter the borrower's name."), field="borrower_name")
    if borrower.kind is BorrowerKind.STAFF and borrower.user_id is None:
        raise ValidationError(N_("Choose the staff member who borrows."), field="borrower_name")
    if borrower.kind is not BorrowerKind.STAFF and not borrower.phone.strip():
        raise ValidationError(N_("Enter the borrower's phone number."), field="borrower_phone")
    if not request.purpose.strip():
        raise ValidationError(N_("Enter the purpose of the loan."), field="purpose")
    if is_personal(request.purpose_type, request.purpose, policy):
        raise ValidationError(
            N_("Government supplies cannot be lent for personal use."), field="purpose_type"
        )
    if not request.items:
        raise ValidationError(N_("Add at least one item to borrow."), field="items")
    if len(request.items) > MAX_ITEMS:
        raise ValidationError(
            N_("A request can hold at most {n} items."), field="items", n=MAX_ITEMS
        )
    seen: set[int] = set()
    for item in request.items:
        if item.quantity < 1:
            raise ValidationError(N_("The quantity must be at least 1."), field="items")
        if item.asset_id in seen:
            raise ValidationError(N_("The same item is listed twice."), field="items")
        seen.add(item.asset_id)
    check_dates(request.start_date, request.due_date, None)


def overlaps(start_a: date, end_a: date, start_b: date, end_b: date) -> bool:
    """Two inclusive date spans share at least one day."""
    return start_a <= end_b and start_b <= end_a


def same_borrower_key(kind: str, user_id: int | None, name: str) -> str:
    """Who a borrower is, for the overdue rule: the account, or the name without spaces."""
    if kind == BorrowerKind.STAFF.value and user_id is not None:
        return f"user:{user_id}"
    return "name:" + "".join(name.split())
