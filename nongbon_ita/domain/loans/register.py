"""The loan control register (ทะเบียนคุมการยืมพัสดุ): one line per item lent, and its totals."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from nongbon_ita.domain.calendar import DateRange
from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.loans.records import FinanceReview, Loan, LoanItem


class RegisterFilter(StrEnum):
    ALL = "all"
    OUTSTANDING = "outstanding"
    RETURNED = "returned"
    OVERDUE = "overdue"
    LIABILITY = "liability"

    @property
    def label_id(self) -> str:
        return {
            RegisterFilter.ALL: N_("All"),
            RegisterFilter.OUTSTANDING: N_("Not yet returned"),
            RegisterFilter.RETURNED: N_("Returned"),
            RegisterFilter.OVERDUE: N_("Overdue"),
            RegisterFilter.LIABILITY: N_("With a liability"),
        }[self]


@dataclass(frozen=True)
class RegisterLine:
    loan_id: int
    number_text: str
    item: LoanItem
    lent_on: date
    borrower: str
    due_date: date
    approver: str
    carried: bool  # lent before the period and still out when it began (ยกมา)
    overdue: bool
    follow_up_on: date | None
    liability_amount: Decimal | None
    liability_text: str


@dataclass(frozen=True)
class RegisterTotals:
    lent: int = 0  # item lines in the register
    returned: int = 0
    outstanding: int = 0
    overdue: int = 0
    liabilities: int = 0
    liability_amount: Decimal = Decimal("0")
    unsettled_amount: Decimal = Decimal("0")


@dataclass(frozen=True)
class LoanRegister:
    fiscal_year: int
    period: DateRange
    as_of: date
    lines: tuple[RegisterLine, ...]
    totals: RegisterTotals
    reviews: tuple[FinanceReview, ...] = ()


def belongs(loan: Loan, period: DateRange) -> tuple[bool, bool]:
    """(in the register, carried): lent in the period, or lent before and still out at its start."""
    lent = loan.handed_out_on
    if lent is None or lent > period.end:
        return False, False
    if lent >= period.start:
        return True, False
    out_at_start = any(
        item.handed_out
        and item.quantity > sum(r.quantity for r in item.returns if r.returned_on < period.start)
        for item in loan.items
    )
    return out_at_start, out_at_start


def _liability(item: LoanItem) -> tuple[Decimal | None, str]:
    amounts = [r.liability.amount for r in item.returns if r.liability and r.liability.amount]
    texts = []
    for ret in item.returns:
        if ret.liability is not None:
            state = "ชดใช้แล้ว" if ret.liability.settled else "ค้างชดใช้"
            texts.append(f"{ret.liability.remedy.thai} ({state})")
    return (sum(amounts, Decimal("0")) if amounts else None), "; ".join(texts)


def followed_up_on(loan: Loan, item: LoanItem, cutoff: date) -> date | None:
    """The last follow-up the register shows for an item: one made by its cut-off date (a
    register up to 31 December shows no February follow-up), after the due date, while the
    item was still out (a follow-up is about what was not returned: an item back on time
    was never followed up, whatever else of the loan was)."""
    days = [f.followed_up_on for f in loan.follow_ups
            if loan.due_date < f.followed_up_on <= cutoff
            and item.outstanding_on(f.followed_up_on) > 0]  # fmt: skip
    return max(days, default=None)


def register_lines(loans: Iterable[Loan], period: DateRange, as_of: date) -> list[RegisterLine]:
    lines: list[RegisterLine] = []
    cutoff = min(as_of, period.end)
    for loan in loans:
        inside, carried = belongs(loan, period)
        if not inside:
            continue
        overdue = loan.is_overdue(as_of)
        for item in loan.items:
            if not item.handed_out or item.handed_out_at is None:
                continue
            amount, text = _liability(item)
            lines.append(
                RegisterLine(
                    loan_id=loan.id, number_text=loan.number_text, item=item,
                    lent_on=item.handed_out_at.date(), borrower=loan.borrower.name,
                    due_date=loan.due_date, approver=loan.approver, carried=carried,
                    overdue=overdue and item.outstanding > 0,
                    follow_up_on=followed_up_on(loan, item, cutoff),
                    liability_amount=amount, liability_text=text,
                )
            )  # fmt: skip
    return lines


def keep(line: RegisterLine, kind: RegisterFilter, borrower: str = "", asset: str = "") -> bool:
    if borrower and borrower.casefold() not in line.borrower.casefold():
        return False
    if asset:
        needle = asset.casefold()
        if (
            needle not in line.item.asset_number.casefold()
            and needle not in line.item.name.casefold()
        ):
            return False
    if kind is RegisterFilter.OUTSTANDING:
        return line.item.outstanding > 0
    if kind is RegisterFilter.RETURNED:
        return line.item.fully_returned
    if kind is RegisterFilter.OVERDUE:
        return line.overdue
    if kind is RegisterFilter.LIABILITY:
        return bool(line.liability_text)
    return True


def totals_of(lines: Sequence[RegisterLine]) -> RegisterTotals:
    amount = unsettled = Decimal("0")
    liabilities = 0
    for line in lines:
        for ret in line.item.returns:
            if ret.liability is None:
                continue
            liabilities += 1
            value = ret.liability.amount or Decimal("0")
            amount += value
            if not ret.liability.settled:
                unsettled += value
    return RegisterTotals(
        lent=len(lines),
        returned=sum(1 for line in lines if line.item.fully_returned),
        outstanding=sum(1 for line in lines if line.item.outstanding > 0),
        overdue=sum(1 for line in lines if line.overdue),
        liabilities=liabilities,
        liability_amount=amount,
        unsettled_amount=unsettled,
    )
