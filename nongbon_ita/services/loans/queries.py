"""Reading loans: one loan, the list (search, filters, paging), overdue loans, the rules."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from nongbon_ita.db.loan_search_index import loan_text_condition
from nongbon_ita.db.models import AssetRow, LoanItemRow, LoanReturnRow, LoanRow, UserRow
from nongbon_ita.domain.calendar import RegisterNumber
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.loans import (
    BorrowerKind,
    Loan,
    LoanListEntry,
    LoanOperation,
    LoanPolicy,
    LoanStatus,
    OverdueLoan,
)
from nongbon_ita.domain.loans.history import LoanEvent
from nongbon_ita.domain.permissions import is_allowed, require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.loans.base import LoanServiceBase
from nongbon_ita.services.loans.history import loan_history
from nongbon_ita.services.loans.policy import read_policy, write_policy
from nongbon_ita.services.loans.repository import load_loan, load_loans


class LoanSort(StrEnum):
    """How a list of loans is ordered (in SQL, so a lazy list pages through it)."""

    NEWEST = "newest"
    NUMBER = "number"
    STATUS = "status"
    BORROWER = "borrower"
    START = "start"
    DUE = "due"


@dataclass(frozen=True)
class LoanFilter:
    text: str = ""
    status: LoanStatus | None = None
    overdue_only: bool = False
    outstanding_only: bool = False
    fiscal_year: int | None = None
    sort: LoanSort = LoanSort.NEWEST
    descending: bool = False  # NEWEST is always newest first


@dataclass(frozen=True)
class StaffAccount:
    """A staff member who can be named as a borrower."""

    id: int
    full_name: str
    position: str


def parse_loan_number(text: str) -> RegisterNumber:
    try:
        return RegisterNumber.parse(text)
    except ValueError:
        raise ValidationError(N_("{text} is not a loan number such as 12/2567."), field="loan",
                              text=text) from None  # fmt: skip


class LoanQueries(LoanServiceBase):
    def get(self, actor: CurrentUser, loan_id: int) -> Loan:
        with self.ctx.reading(glance=True) as session:
            self._visible_row(session, actor, loan_id)
            return load_loan(session, loan_id)

    def history(self, actor: CurrentUser, loan_id: int) -> tuple[LoanEvent, ...]:
        """Every step of the loan, oldest first, for whoever may see the loan."""
        with self.ctx.reading(glance=True) as session:
            self._visible_row(session, actor, loan_id)
            return loan_history(session, loan_id)

    def by_number(self, actor: CurrentUser, number: str) -> Loan:
        """'12/2567' or '๑๒/๒๕๖๗'."""
        parsed = parse_loan_number(number)
        with self.ctx.reading(glance=True) as session:
            found = session.scalar(select(LoanRow.id).where(
                LoanRow.fiscal_year == parsed.fiscal_year, LoanRow.number == parsed.number))  # fmt: skip
            if found is None:
                raise NotFoundError(N_("No loan has the number {number}."), number=str(parsed))
            self._visible_row(session, actor, found)
            return load_loan(session, found)

    def _conditions(
        self, session: Session, actor: CurrentUser, what: LoanFilter
    ) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if not is_allowed(actor, LoanOperation.VIEW_ALL):
            conditions.append(or_(LoanRow.borrower_user_id == actor.id,
                                  LoanRow.created_by_user_id == actor.id))  # fmt: skip
        text = " ".join(what.text.split())
        if text:
            try:
                number = RegisterNumber.parse(text)
                conditions.append((LoanRow.fiscal_year == number.fiscal_year)
                                  & (LoanRow.number == number.number))  # fmt: skip
            except ValueError:
                conditions.append(loan_text_condition(session.get_bind().dialect.name, text))
        if what.status is not None:
            conditions.append(LoanRow.status == what.status.value)
        if what.overdue_only or what.outstanding_only:
            conditions.append(LoanRow.status == LoanStatus.HANDED_OUT.value)
        if what.overdue_only:
            conditions.append(LoanRow.due_date < self.today())
        if what.fiscal_year is not None:
            conditions.append(LoanRow.fiscal_year == what.fiscal_year)
        return conditions

    @staticmethod
    def _order(what: LoanFilter) -> list[Any]:
        if what.sort is LoanSort.NEWEST:
            return [LoanRow.id.desc()]
        by_key: dict[LoanSort, list[Any]] = {
            LoanSort.NUMBER: [LoanRow.fiscal_year, LoanRow.number],
            LoanSort.STATUS: [LoanRow.status],
            LoanSort.BORROWER: [LoanRow.borrower_name],
            LoanSort.START: [LoanRow.start_date],
            LoanSort.DUE: [LoanRow.due_date],
        }
        keys = [*by_key[what.sort], LoanRow.id]  # the id keeps paging stable among equal keys
        return [k.desc() for k in keys] if what.descending else keys

    def list_loans(
        self, actor: CurrentUser, what: LoanFilter = LoanFilter(), limit: int = 100, offset: int = 0
    ) -> list[LoanListEntry]:
        """A page of loans, newest first unless `what.sort` says otherwise."""
        with self.ctx.reading(glance=True) as session:
            query = (select(LoanRow).where(*self._conditions(session, actor, what))
                     .order_by(*self._order(what)).limit(limit).offset(offset))  # fmt: skip
            rows = list(session.scalars(query))
            names, outstanding = self._item_summaries(session, [r.id for r in rows])
            return [
                LoanListEntry(
                    r.id,
                    r.fiscal_year,
                    r.number,
                    LoanStatus(r.status),
                    r.borrower_name,
                    BorrowerKind(r.borrower_kind),
                    r.purpose,
                    r.start_date,
                    r.due_date,
                    ", ".join(names.get(r.id, [])),
                    outstanding.get(r.id, 0),
                )
                for r in rows
            ]

    def count_loans(self, actor: CurrentUser, what: LoanFilter = LoanFilter()) -> int:
        with self.ctx.reading(glance=True) as session:
            query = select(func.count(LoanRow.id)).where(*self._conditions(session, actor, what))
            return session.scalar(query) or 0

    @staticmethod
    def _item_summaries(
        session: Session, loan_ids: list[int]
    ) -> tuple[dict[int, list[str]], dict[int, int]]:
        names: dict[int, list[str]] = defaultdict(list)
        outstanding: dict[int, int] = defaultdict(int)
        if not loan_ids:
            return names, outstanding
        # the returns of these loans' items only: the whole table's would be summed per screen
        shown = select(LoanItemRow.id).where(LoanItemRow.loan_id.in_(loan_ids))
        back = (select(LoanReturnRow.loan_item_id, func.sum(LoanReturnRow.quantity).label("n"))
                .where(LoanReturnRow.loan_item_id.in_(shown))
                .group_by(LoanReturnRow.loan_item_id).subquery())  # fmt: skip
        query = (
            select(LoanItemRow.loan_id, AssetRow.name, LoanItemRow.quantity, AssetRow.unit,
                   LoanItemRow.handed_out_at, func.coalesce(back.c.n, 0))
            .join(AssetRow, LoanItemRow.asset_id == AssetRow.id)
            .outerjoin(back, back.c.loan_item_id == LoanItemRow.id)
            .where(LoanItemRow.loan_id.in_(loan_ids)).order_by(LoanItemRow.id)
        )  # fmt: skip
        for loan_id, name, quantity, unit, handed_out_at, returned in session.execute(query):
            names[loan_id].append(name if quantity == 1 else f"{name} {quantity} {unit}".strip())
            if handed_out_at is not None:
                outstanding[loan_id] += quantity - int(returned)
        return names, outstanding

    def overdue(self, actor: CurrentUser) -> list[OverdueLoan]:
        """Loans past their due date with items still out, the latest first."""
        require(actor, LoanOperation.VIEW_ALL)
        today = self.today()
        with self.ctx.reading() as session:
            ids = list(session.scalars(select(LoanRow.id).where(
                LoanRow.status == LoanStatus.HANDED_OUT.value, LoanRow.due_date < today,
            ).order_by(LoanRow.due_date)))  # fmt: skip
            found = []
            for loan in load_loans(session, ids):
                if not loan.is_overdue(today):
                    continue
                last = loan.last_follow_up
                items = ", ".join(i.name for i in loan.items if i.outstanding)
                found.append(OverdueLoan(
                    loan.id, loan.number_text, loan.borrower.name, loan.borrower.phone, items,
                    loan.due_date, loan.days_overdue(today), loan.follow_up_deadline,
                    last.followed_up_on if last else None,
                ))  # fmt: skip
            return found

    def staff_id(self, actor: CurrentUser, username: str) -> int:
        """The account of an active staff borrower named by user name (the command line)."""
        require(actor, LoanOperation.REQUEST)
        with self.ctx.reading() as session:
            found = session.scalar(select(UserRow.id).where(
                UserRow.username == username.strip(), UserRow.active.is_(True)))  # fmt: skip
        if found is None:
            raise NotFoundError(N_("No active user is named {name}."), name=username)
        return int(found)

    def staff_accounts(self, actor: CurrentUser) -> list[StaffAccount]:
        """Active users a request can name as the borrower (the requester alone for staff)."""
        require(actor, LoanOperation.REQUEST)
        with self.ctx.reading() as session:
            query = select(UserRow.id, UserRow.full_name, UserRow.position).where(
                UserRow.active.is_(True)).order_by(UserRow.full_name)  # fmt: skip
            return [StaffAccount(i, n, p) for i, n, p in session.execute(query)]

    def policy(self) -> LoanPolicy:
        with self.ctx.reading() as session:
            return read_policy(session)

    def set_policy(self, actor: CurrentUser, policy: LoanPolicy) -> LoanPolicy:
        require(actor, LoanOperation.CONFIGURE)
        if policy.default_max_days is not None and policy.default_max_days < 1:
            raise ValidationError(N_("The longest loan must be at least one day."),
                                  field="default_max_days")  # fmt: skip
        with self.ctx.transaction() as session:
            before = read_policy(session)
            write_policy(session, policy)
            from nongbon_ita.services.audit import record_event

            record_event(self.ctx, session, actor.username, "loans.policy_set", "setting",
                         "loans", {"max_days": before.default_max_days,
                                   "block_overdue": before.block_overdue_borrowers},
                         {"max_days": policy.default_max_days,
                          "block_overdue": policy.block_overdue_borrowers})  # fmt: skip
            return read_policy(session)
