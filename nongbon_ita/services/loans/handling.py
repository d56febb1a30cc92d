"""Hand-out and return (per item, partial returns), liabilities for damage and loss, follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import (
    LiabilityRow,
    LoanFollowUpRow,
    LoanItemRow,
    LoanReturnRow,
    LoanRow,
)
from nongbon_ita.domain.assets.records import AssetStatus
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.loans import (
    FollowUpMethod,
    Liability,
    Loan,
    LoanOperation,
    LoanStatus,
    Remedy,
    ReturnCondition,
)
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.context import check_version
from nongbon_ita.services.loans.base import LoanServiceBase
from nongbon_ita.services.loans.checks import check_asset
from nongbon_ita.services.loans.repository import liability_of, load_loan, loan_row

_AFTER_RETURN = {
    ReturnCondition.GOOD: AssetStatus.AVAILABLE,
    ReturnCondition.DAMAGED: AssetStatus.IN_REPAIR,
    ReturnCondition.LOST: AssetStatus.LOST,
}
_DEFAULT_REMEDY = {ReturnCondition.DAMAGED: Remedy.REPAIR, ReturnCondition.LOST: Remedy.PAY}


@dataclass(frozen=True)
class ItemReturn:
    """One line of a return: which item, how many, in what condition."""

    loan_item_id: int
    quantity: int = 1
    condition: ReturnCondition = ReturnCondition.GOOD
    note: str = ""


class LoanHandling(LoanServiceBase):
    def hand_out(
        self, actor: CurrentUser, loan_id: int, item_ids: Sequence[int],
        expected_version: int | None = None,
    ) -> Loan:  # fmt: skip
        """The supply officer gives items of an approved loan to the borrower."""
        require(actor, LoanOperation.HAND_OUT)
        if not item_ids:
            raise ValidationError(N_("Choose the items to hand out."), field="items")
        with self.ctx.transaction(keyed=True) as session:
            self._lock_assets(session, loan_id)  # stock and statuses are checked, then changed
            row = loan_row(session, loan_id)
            self._editable(row, expected_version, LoanStatus.APPROVED, LoanStatus.HANDED_OUT)
            today = self.today()
            if today < row.start_date:
                raise ValidationError(N_("This loan starts on a later day: hand it out then."),
                                      field="items")  # fmt: skip
            now = self.ctx.now()
            for item in self._items(session, row.id, item_ids):
                if item.handed_out_at is not None:
                    raise ValidationError(
                        N_("This item has already been handed out."), field="items"
                    )
                asset = self.assets.asset_in(session, item.asset_id)
                check_asset(asset, item.quantity, handing_out=True)
                if asset.consumable:
                    self.assets.adjust_stock(session, asset.id, -item.quantity)
                else:
                    self.assets.set_status(session, asset.id, AssetStatus.ON_LOAN)
                item.value_at_loan = asset.value  # what a loss costs: the value when lent
                item.handed_out_at, item.handed_out_by_user_id = now, actor.id
            row.status = LoanStatus.HANDED_OUT.value
            row.updated_at = now
            session.flush()
            self._audit(session, actor, "loan.handed_out", row.id,
                        after={"items": sorted(item_ids)})  # fmt: skip
            return load_loan(session, row.id)

    def return_items(
        self, actor: CurrentUser, loan_id: int, lines: Sequence[ItemReturn], returned_by: str,
        returned_on: date | None = None, expected_version: int | None = None,
    ) -> Loan:  # fmt: skip
        """Take items back (some or all); a damaged or lost one opens a liability. The loan
        closes when everything handed out is back and nothing is left to hand out."""
        require(actor, LoanOperation.HAND_OUT)
        if not lines:
            raise ValidationError(N_("Choose the items that come back."), field="items")
        if not returned_by.strip():
            raise ValidationError(N_("Enter who brought the items back."), field="returned_by")
        day = returned_on or self.today()
        if day > self.today():
            raise ValidationError(
                N_("A return cannot be dated in the future."), field="returned_on"
            )
        with self.ctx.transaction(keyed=True) as session:
            self._lock_assets(session, loan_id)  # statuses and stock change
            row = loan_row(session, loan_id)
            self._editable(row, expected_version, LoanStatus.HANDED_OUT)
            items = {
                i.id: i for i in self._items(session, row.id, [ln.loan_item_id for ln in lines])
            }
            for line in lines:
                self._take_back(session, actor, items[line.loan_item_id], line, returned_by, day)
            self._close_if_done(session, row, self.ctx.now())
            row.updated_at = self.ctx.now()
            session.flush()
            self._audit(session, actor, "loan.returned", row.id, after={
                "items": [[ln.loan_item_id, ln.quantity, ln.condition.value] for ln in lines],
                "status": row.status})  # fmt: skip
            return load_loan(session, row.id)

    def _take_back(
        self, session: Session, actor: CurrentUser, item: LoanItemRow, line: ItemReturn,
        returned_by: str, day: date,
    ) -> None:  # fmt: skip
        if item.handed_out_at is None:
            raise ValidationError(N_("This item was never handed out."), field="items")
        back = session.scalar(select(func.coalesce(func.sum(LoanReturnRow.quantity), 0))
                              .where(LoanReturnRow.loan_item_id == item.id)) or 0  # fmt: skip
        if line.quantity < 1 or line.quantity > item.quantity - back:
            raise ValidationError(N_("Only {n} of this item are still out."), field="items",
                                  n=item.quantity - back)  # fmt: skip
        if day < office_date(item.handed_out_at):
            raise ValidationError(
                N_("The return date is before the hand-out."), field="returned_on"
            )
        ret = LoanReturnRow(loan_item_id=item.id, returned_on=day, quantity=line.quantity,
                            condition=line.condition.value, returned_by=returned_by.strip(),
                            received_by_user_id=actor.id, note=line.note.strip())  # fmt: skip
        session.add(ret)
        session.flush()
        asset = self.assets.asset_in(session, item.asset_id)
        if asset.consumable:
            if line.condition is ReturnCondition.GOOD:
                self.assets.adjust_stock(session, asset.id, line.quantity)
        else:
            self.assets.set_status(session, asset.id, _AFTER_RETURN[line.condition])
        remedy = _DEFAULT_REMEDY.get(line.condition)
        if remedy is not None:
            amount = None
            if line.condition is ReturnCondition.LOST and item.value_at_loan is not None:
                amount = item.value_at_loan * line.quantity
            session.add(LiabilityRow(loan_return_id=ret.id, remedy=remedy.value, amount=amount))

    @staticmethod
    def _close_if_done(session: Session, row: LoanRow, now: datetime) -> None:
        out = session.execute(
            select(LoanItemRow.id, LoanItemRow.quantity, LoanItemRow.handed_out_at)
            .where(LoanItemRow.loan_id == row.id)
        ).all()  # fmt: skip
        backs = dict(session.execute(
            select(LoanReturnRow.loan_item_id, func.sum(LoanReturnRow.quantity))
            .where(LoanReturnRow.loan_item_id.in_([i for i, _q, _h in out]))
            .group_by(LoanReturnRow.loan_item_id)
        ).all())  # fmt: skip
        if all(h is not None and (backs.get(i) or 0) >= q for i, q, h in out):
            row.status = LoanStatus.CLOSED.value
            row.closed_at = now

    def update_liability(
        self, actor: CurrentUser, liability_id: int, remedy: Remedy, amount: Decimal | None,
        settled_on: date | None, note: str = "", expected_version: int | None = None,
    ) -> Liability:  # fmt: skip
        """Settle how the borrower makes good a damaged or lost item."""
        require(actor, LoanOperation.LIABILITY)
        if amount is not None and amount < 0:
            raise ValidationError(N_("The amount cannot be negative."), field="amount")
        if settled_on is not None and settled_on > self.today():
            raise ValidationError(N_("The settlement cannot be dated in the future."),
                                  field="settled_on")  # fmt: skip
        with self.ctx.transaction() as session:
            row = session.get(LiabilityRow, liability_id)
            if row is None:
                raise NotFoundError(N_("No such liability."))
            check_version(row.version, expected_version)
            before = {
                "remedy": row.remedy,
                "amount": str(row.amount),
                "settled_on": str(row.settled_on),
            }
            row.remedy, row.amount, row.settled_on = remedy.value, amount, settled_on
            row.note = note.strip()
            session.flush()
            loan_id = session.scalar(
                select(LoanItemRow.loan_id).join(LoanReturnRow, LoanReturnRow.loan_item_id == LoanItemRow.id)
                .where(LoanReturnRow.id == row.loan_return_id)
            )  # fmt: skip
            self._audit(session, actor, "loan.liability_updated", loan_id or 0, before,
                        {"remedy": remedy.value, "amount": str(amount),
                         "settled_on": str(settled_on), "liability": row.id})  # fmt: skip
            return liability_of(row)

    def record_follow_up(
        self, actor: CurrentUser, loan_id: int, followed_up_on: date, method: FollowUpMethod,
        note: str = "", memo_number: str = "",
    ) -> Loan:  # fmt: skip
        """The supply officer records a follow-up of an overdue loan on the approver's behalf."""
        require(actor, LoanOperation.FOLLOW_UP)
        if followed_up_on > self.today():
            raise ValidationError(N_("A follow-up cannot be dated in the future."),
                                  field="followed_up_on")  # fmt: skip
        with self.ctx.transaction() as session:
            row = loan_row(session, loan_id)
            if LoanStatus(row.status) is not LoanStatus.HANDED_OUT:
                raise ValidationError(N_("Only a loan whose items are out can be followed up."))
            session.add(LoanFollowUpRow(loan_id=row.id, followed_up_on=followed_up_on,
                                        method=method.value, note=note.strip(),
                                        memo_number=memo_number.strip(),
                                        recorded_by_user_id=actor.id))  # fmt: skip
            session.flush()
            self._audit(session, actor, "loan.followed_up", row.id,
                        after={"on": followed_up_on.isoformat(), "method": method.value,
                               "memo_number": memo_number.strip()})  # fmt: skip
            return load_loan(session, row.id)

    def suggest_memo_number(self, loan_id: int | None = None) -> str:
        """What a follow-up by memo records as its number: the loan's last memo as issued in
        the register of outgoing letters (print the memo first), else nothing to guess."""
        if loan_id is None:
            return ""
        from nongbon_ita.domain.letters import LetterKind, RecordKind
        from nongbon_ita.services.letters.issue import latest_issued, letter_of

        with self.ctx.reading() as session:
            row = latest_issued(session, LetterKind.OVERDUE_MEMO, RecordKind.LOAN, loan_id)
            letter = letter_of(row) if row is not None else None
        if letter is None or not letter.number_text:
            return ""
        try:
            code = self.office.profile().letter_code
        except NotFoundError:
            code = ""
        return letter.reference(code)

    @staticmethod
    def _items(session: Session, loan_id: int, item_ids: Sequence[int]) -> list[LoanItemRow]:
        rows = list(session.scalars(select(LoanItemRow).where(
            LoanItemRow.loan_id == loan_id, LoanItemRow.id.in_(list(item_ids)))))  # fmt: skip
        if len(rows) != len(set(item_ids)):
            raise NotFoundError(N_("That item is not part of this loan."))
        return rows
