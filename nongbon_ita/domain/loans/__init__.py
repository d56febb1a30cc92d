"""Asset loans: records, rules, the register and the scanner mapping (pure Python)."""

from nongbon_ita.domain.loans.enums import (
    CANCELLABLE_STATUSES,
    HOLDING_STATUSES,
    BorrowerKind,
    FollowUpMethod,
    LoanStatus,
    PurposeType,
    Remedy,
    ReturnCondition,
    UseScope,
)
from nongbon_ita.domain.loans.permissions import LOAN_READERS, LoanOperation
from nongbon_ita.domain.loans.records import (
    FOLLOW_UP_DAYS,
    Borrower,
    FinanceReview,
    FollowUp,
    ItemRequest,
    Liability,
    Loan,
    LoanItem,
    LoanListEntry,
    LoanPolicy,
    LoanRequest,
    LoanReturn,
    OverdueLoan,
)

__all__ = [
    "CANCELLABLE_STATUSES", "FOLLOW_UP_DAYS", "HOLDING_STATUSES", "LOAN_READERS", "Borrower",
    "BorrowerKind", "FinanceReview", "FollowUp", "FollowUpMethod", "ItemRequest", "Liability",
    "Loan", "LoanItem", "LoanListEntry", "LoanOperation", "LoanPolicy", "LoanRequest",
    "LoanReturn", "LoanStatus", "OverdueLoan", "PurposeType", "Remedy", "ReturnCondition",
    "UseScope",
]  # fmt: skip
