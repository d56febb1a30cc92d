"""The loan control register for the finance division: a period's lines, totals and sign-off."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import LoanItemRow, LoanRow, UserRow
from nongbon_ita.db.models_loans import LoanReviewRow
from nongbon_ita.domain.calendar import (
    OFFICE_ZONE,
    DateRange,
    fiscal_month_range,
    fiscal_year_range,
)
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.loans import FinanceReview, LoanOperation, LoanStatus
from nongbon_ita.domain.loans.register import (
    LoanRegister,
    RegisterFilter,
    keep,
    register_lines,
    totals_of,
)
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.document_parts import check_fiscal_year
from nongbon_ita.services.loans.base import LoanServiceBase
from nongbon_ita.services.loans.repository import load_loans


@dataclass(frozen=True)
class RegisterQuery:
    """Which part of the register: a fiscal year, or some of its months (10 = ตุลาคม … 9)."""

    fiscal_year: int
    from_month: int | None = None
    to_month: int | None = None
    kind: RegisterFilter = RegisterFilter.ALL
    borrower: str = ""
    asset: str = ""

    def period(self) -> DateRange:
        check_fiscal_year(self.fiscal_year)
        if self.from_month is None and self.to_month is None:
            return fiscal_year_range(self.fiscal_year)
        try:
            return fiscal_month_range(self.fiscal_year, self.from_month or 10, self.to_month or 9)
        except ValueError:
            raise ValidationError(
                N_("Months run 1–12 and the first comes before the last in the fiscal year "
                   "(10 = October … 9 = September)."), field="months",
            ) from None  # fmt: skip


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), OFFICE_ZONE)


def review_of(row: LoanReviewRow) -> FinanceReview:
    return FinanceReview(row.id, row.fiscal_year, row.period_start, row.period_end,
                         row.reviewer_name, row.reviewer_position, row.reviewed_at, row.note)  # fmt: skip


def _reviews(session: Session, year: int, period: DateRange) -> tuple[FinanceReview, ...]:
    query = select(LoanReviewRow).where(
        LoanReviewRow.fiscal_year == year, LoanReviewRow.period_start <= period.end,
        LoanReviewRow.period_end >= period.start,
    ).order_by(LoanReviewRow.reviewed_at)  # fmt: skip
    return tuple(review_of(r) for r in session.scalars(query))


def register_loan_ids(session: Session, period: DateRange) -> list[int]:
    """Loans lent in the period, and those lent before it that may still have been out then."""
    first_out = (select(LoanItemRow.loan_id, func.min(LoanItemRow.handed_out_at).label("out"))
                 .where(LoanItemRow.handed_out_at.is_not(None))
                 .group_by(LoanItemRow.loan_id).subquery())  # fmt: skip
    start, end = _midnight(period.start), _midnight(period.end + timedelta(days=1))
    query = (
        select(LoanRow.id).join(first_out, first_out.c.loan_id == LoanRow.id)
        .where(first_out.c.out < end, or_(
            first_out.c.out >= start,
            LoanRow.status == LoanStatus.HANDED_OUT.value,
            LoanRow.closed_at >= start - timedelta(days=1),  # returns are dated, closing is not
        ))
        .order_by(first_out.c.out, LoanRow.id)
    )  # fmt: skip
    return list(session.scalars(query))


class LoanRegisterOps(LoanServiceBase):
    def register(self, actor: CurrentUser, query: RegisterQuery) -> LoanRegister:
        """Read-only; overdue counts as of today (or the period's end, if that came first)."""
        require(actor, LoanOperation.VIEW_ALL)
        period = query.period()
        as_of = min(self.today(), period.end)
        with self.ctx.reading() as session:
            loans = load_loans(session, register_loan_ids(session, period))
            lines = [ln for ln in register_lines(loans, period, as_of)
                     if keep(ln, query.kind, query.borrower.strip(), query.asset.strip())]  # fmt: skip
            lines.sort(key=lambda ln: (not ln.carried, ln.lent_on, ln.loan_id, ln.item.id))
            return LoanRegister(query.fiscal_year, period, as_of, tuple(lines), totals_of(lines),
                                _reviews(session, query.fiscal_year, period))  # fmt: skip

    def reviews(self, actor: CurrentUser, fiscal_year: int) -> list[FinanceReview]:
        require(actor, LoanOperation.VIEW_ALL)
        with self.ctx.reading() as session:
            return list(_reviews(session, fiscal_year, fiscal_year_range(fiscal_year)))

    def sign_off(
        self, actor: CurrentUser, query: RegisterQuery, password: str, note: str = ""
    ) -> FinanceReview:
        """The finance reviewer confirms a period, re-entering their password (a wrong one counts
        toward the lock-out like any failed login)."""
        require(actor, LoanOperation.REVIEW)
        period = query.period()
        if period.start > self.today():
            raise ValidationError(N_("A period that has not begun cannot be signed off."),
                                  field="months")  # fmt: skip
        self.auth.login(actor.username, password, channel="loan-review")
        with self.ctx.transaction() as session:
            user = session.get(UserRow, actor.id)
            row = LoanReviewRow(
                fiscal_year=query.fiscal_year, period_start=period.start, period_end=period.end,
                reviewer_user_id=actor.id, reviewer_name=user.full_name if user else actor.full_name,
                reviewer_position=user.position if user else "", reviewed_at=self.ctx.now(),
                note=note.strip(),
            )  # fmt: skip
            session.add(row)
            session.flush()
            self._audit(session, actor, "loans.register_reviewed", row.id, after={
                "fiscal_year": query.fiscal_year, "from": period.start.isoformat(),
                "to": period.end.isoformat(), "note": note.strip()})  # fmt: skip
            return review_of(row)
