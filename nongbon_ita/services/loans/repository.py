"""Loans from the database: rows → records, loaded in bulk (a few queries for any number)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import (
    AssetRow,
    LiabilityRow,
    LoanFollowUpRow,
    LoanItemRow,
    LoanReturnRow,
    LoanRow,
    UserRow,
)
from nongbon_ita.domain.errors import N_, NotFoundError
from nongbon_ita.domain.loans import (
    Borrower,
    BorrowerKind,
    FollowUp,
    FollowUpMethod,
    Liability,
    Loan,
    LoanItem,
    LoanReturn,
    LoanStatus,
    PurposeType,
    Remedy,
    ReturnCondition,
    UseScope,
)

_CHUNK = 500  # ids per IN (…): well under SQLite's variable limit


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def loan_row(session: Session, loan_id: int) -> LoanRow:
    row = session.get(LoanRow, loan_id)
    if row is None:
        raise NotFoundError(N_("No such loan."))
    return row


def _names(session: Session, user_ids: set[int]) -> dict[int, tuple[str, str]]:
    names: dict[int, tuple[str, str]] = {}
    ids = sorted(user_ids)
    for chunk in _chunks(ids):
        query = select(UserRow.id, UserRow.full_name, UserRow.position).where(UserRow.id.in_(chunk))
        names.update({uid: (name, pos) for uid, name, pos in session.execute(query)})
    return names


def liability_of(row: LiabilityRow) -> Liability:
    return Liability(row.id, row.loan_return_id, Remedy(row.remedy), row.amount, row.settled_on,
                     row.note, row.version)  # fmt: skip


def load_loans(session: Session, loan_ids: Sequence[int]) -> list[Loan]:
    """The loans with every item, return, liability and follow-up, in the order of `loan_ids`."""
    loans: dict[int, LoanRow] = {}
    items: dict[int, list[tuple[LoanItemRow, AssetRow]]] = defaultdict(list)
    returns: dict[int, list[LoanReturnRow]] = defaultdict(list)
    liabilities: dict[int, LiabilityRow] = {}
    follow_ups: dict[int, list[LoanFollowUpRow]] = defaultdict(list)
    for chunk in _chunks(list(loan_ids)):
        loans.update(
            {r.id: r for r in session.scalars(select(LoanRow).where(LoanRow.id.in_(chunk)))}
        )
        found = session.execute(
            select(LoanItemRow, AssetRow).join(AssetRow, LoanItemRow.asset_id == AssetRow.id)
            .where(LoanItemRow.loan_id.in_(chunk)).order_by(LoanItemRow.id)
        )  # fmt: skip
        for item, asset in found:
            items[item.loan_id].append((item, asset))
        for fu in session.scalars(
            select(LoanFollowUpRow).where(LoanFollowUpRow.loan_id.in_(chunk))
            .order_by(LoanFollowUpRow.followed_up_on, LoanFollowUpRow.id)
        ):  # fmt: skip
            follow_ups[fu.loan_id].append(fu)
    item_ids = [item.id for pairs in items.values() for item, _a in pairs]
    for chunk in _chunks(item_ids):
        query = select(LoanReturnRow).where(LoanReturnRow.loan_item_id.in_(chunk))
        for ret in session.scalars(query.order_by(LoanReturnRow.returned_on, LoanReturnRow.id)):
            returns[ret.loan_item_id].append(ret)
    return_ids = [r.id for rs in returns.values() for r in rs]
    for chunk in _chunks(return_ids):
        owed = select(LiabilityRow).where(LiabilityRow.loan_return_id.in_(chunk))
        liabilities.update({row.loan_return_id: row for row in session.scalars(owed)})
    users: set[int] = set()
    for row in loans.values():
        users.update(u for u in (row.approver_user_id, row.created_by_user_id) if u is not None)
    for pairs in items.values():
        users.update(i.handed_out_by_user_id for i, _a in pairs if i.handed_out_by_user_id)
    for rs in returns.values():
        users.update(r.received_by_user_id for r in rs if r.received_by_user_id)
    for fus in follow_ups.values():
        users.update(f.recorded_by_user_id for f in fus if f.recorded_by_user_id)
    names = _names(session, users)

    def name(user_id: int | None) -> str:
        return names.get(user_id, ("", ""))[0] if user_id is not None else ""

    def return_of(row: LoanReturnRow) -> LoanReturn:
        lia = liabilities.get(row.id)
        return LoanReturn(
            row.id, row.loan_item_id, row.returned_on, row.quantity,
            ReturnCondition(row.condition), row.returned_by, name(row.received_by_user_id),
            row.note, liability_of(lia) if lia is not None else None,
        )  # fmt: skip

    def item_of(row: LoanItemRow, asset: AssetRow) -> LoanItem:
        return LoanItem(
            id=row.id, asset_id=asset.id, asset_number=asset.asset_number, name=asset.name,
            quantity=row.quantity, unit=asset.unit, brand_model=asset.brand_model,
            serial=asset.serial, consumable=asset.consumable, value_at_loan=row.value_at_loan,
            handed_out_at=row.handed_out_at, handed_out_by=name(row.handed_out_by_user_id),
            returns=tuple(return_of(r) for r in returns.get(row.id, ())), note=row.note,
            version=row.version,
        )  # fmt: skip

    def loan_of(row: LoanRow) -> Loan:
        approver = names.get(row.approver_user_id or 0, ("", ""))
        return Loan(
            id=row.id, fiscal_year=row.fiscal_year, number=row.number,
            status=LoanStatus(row.status),
            borrower=Borrower(BorrowerKind(row.borrower_kind), row.borrower_name,
                              row.borrower_position, row.borrower_organization,
                              row.borrower_phone, row.borrower_user_id),
            purpose_type=PurposeType(row.purpose_type), purpose=row.purpose,
            place_of_use=row.place_of_use, use_scope=UseScope(row.use_scope),
            start_date=row.start_date, due_date=row.due_date,
            items=tuple(item_of(i, a) for i, a in items.get(row.id, ())),
            follow_ups=tuple(
                FollowUp(f.id, f.loan_id, f.followed_up_on, FollowUpMethod(f.method), f.note,
                         f.memo_number, name(f.recorded_by_user_id))
                for f in follow_ups.get(row.id, ())
            ),
            created_by_id=row.created_by_user_id, created_by=name(row.created_by_user_id),
            submitted_at=row.submitted_at, approver_id=row.approver_user_id,
            approver=approver[0], approver_position=approver[1], decided_at=row.decided_at,
            refusal_reason=row.refusal_reason, closed_at=row.closed_at, version=row.version,
        )  # fmt: skip

    return [loan_of(loans[i]) for i in loan_ids if i in loans]


def load_loan(session: Session, loan_id: int) -> Loan:
    found = load_loans(session, [loan_id])
    if not found:
        raise NotFoundError(N_("No such loan."))
    return found[0]
