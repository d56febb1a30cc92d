"""Loans as the services hand them out (frozen records; never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from nongbon_ita.domain.loans.enums import (
    BorrowerKind,
    FollowUpMethod,
    LoanStatus,
    PurposeType,
    Remedy,
    ReturnCondition,
    UseScope,
)

FOLLOW_UP_DAYS = 7  # the approver (or the officer for them) follows a loan up within 7 days of due


@dataclass(frozen=True)
class Borrower:
    kind: BorrowerKind
    name: str
    position: str = ""  # ตำแหน่ง (or the role in a community group)
    organization: str = ""  # สังกัด / agency / village
    phone: str = ""
    user_id: int | None = None  # a staff borrower's account


@dataclass(frozen=True)
class ItemRequest:
    asset_id: int
    quantity: int = 1


@dataclass(frozen=True)
class LoanRequest:
    """What the request form collects; the services validate it."""

    borrower: Borrower
    purpose_type: PurposeType
    purpose: str
    place_of_use: str
    use_scope: UseScope
    start_date: date
    due_date: date
    items: tuple[ItemRequest, ...]


@dataclass(frozen=True)
class Liability:
    id: int
    loan_return_id: int
    remedy: Remedy
    amount: Decimal | None
    settled_on: date | None
    note: str = ""
    version: int = 0

    @property
    def settled(self) -> bool:
        return self.settled_on is not None


@dataclass(frozen=True)
class LoanReturn:
    id: int
    loan_item_id: int
    returned_on: date
    quantity: int
    condition: ReturnCondition
    returned_by: str
    received_by: str
    note: str = ""
    liability: Liability | None = None


@dataclass(frozen=True)
class LoanItem:
    id: int
    asset_id: int
    asset_number: str
    name: str
    quantity: int
    unit: str = ""
    brand_model: str = ""
    serial: str = ""
    consumable: bool = False
    value_at_loan: Decimal | None = None  # the asset's value when lent: what a loss costs
    handed_out_at: datetime | None = None
    handed_out_by: str = ""
    returns: tuple[LoanReturn, ...] = ()
    note: str = ""
    version: int = 0

    @property
    def description(self) -> str:
        """รายการ (ยี่ห้อ/รุ่น/หมายเลขเครื่อง) as the form prints it."""
        extra = " ".join(
            p for p in (self.brand_model, f"S/N {self.serial}" if self.serial else "") if p
        )
        return f"{self.name} ({extra})" if extra else self.name

    @property
    def handed_out(self) -> bool:
        return self.handed_out_at is not None

    @property
    def returned_quantity(self) -> int:
        return sum(r.quantity for r in self.returns)

    @property
    def outstanding(self) -> int:
        """How many are out with the borrower now."""
        return self.quantity - self.returned_quantity if self.handed_out else 0

    def outstanding_on(self, day: date) -> int:
        """How many were out with the borrower at the end of `day` (a reprinted memo's list)."""
        if self.handed_out_at is None or self.handed_out_at.date() > day:
            return 0
        return self.quantity - sum(r.quantity for r in self.returns if r.returned_on <= day)

    @property
    def fully_returned(self) -> bool:
        return self.handed_out and self.outstanding == 0

    @property
    def last_return(self) -> LoanReturn | None:
        return self.returns[-1] if self.returns else None


@dataclass(frozen=True)
class FollowUp:
    id: int
    loan_id: int
    followed_up_on: date
    method: FollowUpMethod
    note: str = ""
    memo_number: str = ""  # ที่ … of the printed memo
    recorded_by: str = ""


@dataclass(frozen=True)
class Loan:
    id: int
    fiscal_year: int
    number: int | None
    status: LoanStatus
    borrower: Borrower
    purpose_type: PurposeType
    purpose: str
    place_of_use: str
    use_scope: UseScope
    start_date: date
    due_date: date
    items: tuple[LoanItem, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    created_by_id: int | None = None
    created_by: str = ""
    submitted_at: datetime | None = None
    approver_id: int | None = None
    approver: str = ""
    approver_position: str = ""
    decided_at: datetime | None = None
    refusal_reason: str = ""
    closed_at: datetime | None = None
    version: int = 0

    @property
    def number_text(self) -> str:
        """'12/2567', or '' before submission."""
        return f"{self.number}/{self.fiscal_year}" if self.number else ""

    @property
    def days(self) -> int:
        """รวม … วัน: both ends counted."""
        return (self.due_date - self.start_date).days + 1

    @property
    def outstanding(self) -> int:
        return sum(item.outstanding for item in self.items)

    @property
    def handed_out_on(self) -> date | None:
        moments = [i.handed_out_at for i in self.items if i.handed_out_at is not None]
        return min(moments).date() if moments else None

    def is_overdue(self, today: date) -> bool:
        return (
            self.status is LoanStatus.HANDED_OUT and self.outstanding > 0 and today > self.due_date
        )

    def days_overdue(self, today: date) -> int:
        return (today - self.due_date).days if self.is_overdue(today) else 0

    @property
    def follow_up_deadline(self) -> date:
        return self.due_date + timedelta(days=FOLLOW_UP_DAYS)

    @property
    def liabilities(self) -> list[Liability]:
        return [r.liability for i in self.items for r in i.returns if r.liability is not None]

    @property
    def last_follow_up(self) -> FollowUp | None:
        return self.follow_ups[-1] if self.follow_ups else None


@dataclass(frozen=True)
class LoanListEntry:
    """One line of the loan list: enough to show and filter, without loading every item."""

    id: int
    fiscal_year: int
    number: int | None
    status: LoanStatus
    borrower_name: str
    borrower_kind: BorrowerKind
    purpose: str
    start_date: date
    due_date: date
    items_text: str
    outstanding: int = 0

    @property
    def number_text(self) -> str:
        return f"{self.number}/{self.fiscal_year}" if self.number else ""

    def is_overdue(self, today: date) -> bool:
        return (
            self.status is LoanStatus.HANDED_OUT and self.outstanding > 0 and today > self.due_date
        )


@dataclass(frozen=True)
class OverdueLoan:
    """A dashboard line: the loan, how late it is and the follow-up deadline."""

    loan_id: int
    number_text: str
    borrower_name: str
    borrower_phone: str
    items_text: str
    due_date: date
    days_overdue: int
    follow_up_deadline: date
    last_follow_up: date | None = None


@dataclass(frozen=True)
class FinanceReview:
    """The finance division's signed review of a period of the register."""

    id: int
    fiscal_year: int
    period_start: date
    period_end: date
    reviewer: str
    reviewer_position: str
    reviewed_at: datetime
    note: str = ""


@dataclass(frozen=True)
class LoanPolicy:
    """The configurable rules (settings); category limits come from the asset categories."""

    default_max_days: int | None = None  # for categories without their own limit
    block_overdue_borrowers: bool = True
    personal_keywords: tuple[str, ...] = field(default=("ส่วนตัว",))
