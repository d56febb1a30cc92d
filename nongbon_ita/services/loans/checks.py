"""Rules that need the register: lendable items, stock, no double booking, no overdue borrower."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AssetCategoryRow, LoanItemRow, LoanReturnRow, LoanRow
from nongbon_ita.domain.assets.records import Asset, AssetStatus
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.loans import HOLDING_STATUSES, Borrower, LoanPolicy, LoanStatus
from nongbon_ita.domain.loans.rules import check_dates, overlaps, same_borrower_key
from nongbon_ita.i18n.thaiformat import format_date_short
from nongbon_ita.services.assets.register import AssetService

_UNUSABLE = frozenset({AssetStatus.IN_REPAIR, AssetStatus.LOST, AssetStatus.DISPOSED})


def check_asset(asset: Asset, quantity: int, *, handing_out: bool = False) -> None:
    """Lendable and usable; a consumable up to its stock; a durable item one at a time."""
    if not asset.lendable:
        raise ValidationError(N_("{name} ({number}) is not lent out."), field="items",
                              name=asset.name, number=asset.asset_number)  # fmt: skip
    if asset.status in _UNUSABLE or (handing_out and asset.status is not AssetStatus.AVAILABLE):
        raise ValidationError(
            N_("{name} ({number}) is not available: {status}."), field="items",
            name=asset.name, number=asset.asset_number, status=asset.status.label_id,
        )  # fmt: skip
    if asset.consumable:
        stock = asset.stock_quantity or 0
        if quantity > stock:
            raise ValidationError(
                N_("Only {count} {unit} of {name} left in stock."), field="items",
                count=stock, unit=asset.unit, name=asset.name,
            )  # fmt: skip
    elif quantity != 1:
        raise ValidationError(N_("{name} is a durable item: lend it one at a time."),
                              field="items", name=asset.name)  # fmt: skip


def check_length(
    session: Session, asset: Asset, start: date, due: date, policy: LoanPolicy
) -> None:
    limit = policy.default_max_days
    if asset.category_id is not None:
        own = session.scalar(
            select(AssetCategoryRow.max_loan_days).where(AssetCategoryRow.id == asset.category_id)
        )
        limit = own if own is not None else limit
    check_dates(start, due, limit, asset.category_name or asset.name)


def check_no_overlap(
    session: Session, assets: Sequence[Asset], start: date, due: date, today: date,
    exclude_loan_id: int | None,
) -> None:  # fmt: skip
    """A durable item is in one approved or lent loan at a time: a booking counts from approval,
    and an overdue item not yet back holds on until it is back."""
    durable = {a.id: a for a in assets if not a.consumable}
    if not durable:
        return
    query = (
        select(LoanItemRow.id, LoanItemRow.asset_id, LoanItemRow.handed_out_at, LoanRow.number,
               LoanRow.fiscal_year, LoanRow.start_date, LoanRow.due_date)
        .join(LoanRow, LoanItemRow.loan_id == LoanRow.id)
        .where(LoanItemRow.asset_id.in_(sorted(durable)),
               LoanRow.status.in_(sorted(s.value for s in HOLDING_STATUSES)))
    )  # fmt: skip
    if exclude_loan_id is not None:
        query = query.where(LoanRow.id != exclude_loan_id)
    candidates = session.execute(query).all()
    returned = _returned(session, [c[0] for c in candidates if c[2] is not None])
    for item_id, asset_id, handed_out_at, number, year, other_start, other_due in candidates:
        if handed_out_at is not None and returned.get(item_id, 0) >= 1:
            continue  # back in the store: it holds nothing any more
        late = handed_out_at is not None and other_due < today
        other_end = date.max if late else other_due  # an overdue item: nobody knows when
        if overlaps(start, due, other_start, other_end):
            asset = durable[asset_id]
            if late:  # the problem is an item not brought back, not the old booking's dates
                raise ValidationError(
                    N_("{name} ({number}) has not been returned from loan {loan} (due back "
                       "{due}); it can be booked again once it is back."), field="items",
                    name=asset.name, number=asset.asset_number, due=format_date_short(other_due),
                    loan=f"{number}/{year}" if number else "",
                )  # fmt: skip
            raise ValidationError(
                N_("{name} ({number}) is already booked or lent from {start} to {due} "
                   "(loan {loan})."), field="items",
                name=asset.name, number=asset.asset_number, start=format_date_short(other_start),
                due=format_date_short(other_due), loan=f"{number}/{year}" if number else "",
            )  # fmt: skip


def _returned(session: Session, item_ids: Sequence[int]) -> dict[int, int]:
    found: dict[int, int] = defaultdict(int)
    for start in range(0, len(item_ids), 500):
        query = (
            select(LoanReturnRow.loan_item_id, func.sum(LoanReturnRow.quantity))
            .where(LoanReturnRow.loan_item_id.in_(item_ids[start : start + 500]))
            .group_by(LoanReturnRow.loan_item_id)
        )
        found.update({item_id: int(total or 0) for item_id, total in session.execute(query)})
    return found


def overdue_loan_of(
    session: Session, borrower: Borrower, today: date, exclude_loan_id: int | None = None
) -> str | None:
    """The number of an overdue loan the borrower still holds items of, or None."""
    query = select(LoanRow.id, LoanRow.number, LoanRow.fiscal_year, LoanRow.borrower_kind,
                   LoanRow.borrower_user_id, LoanRow.borrower_name).where(
        LoanRow.status == LoanStatus.HANDED_OUT.value, LoanRow.due_date < today)  # fmt: skip
    if borrower.user_id is not None:
        query = query.where(LoanRow.borrower_user_id == borrower.user_id)
    else:
        query = query.where(LoanRow.borrower_name == borrower.name.strip())
    key = same_borrower_key(borrower.kind.value, borrower.user_id, borrower.name)
    for loan_id, number, year, kind, user_id, name in session.execute(query):
        if loan_id == exclude_loan_id or same_borrower_key(kind, user_id, name) != key:
            continue
        items = session.execute(
            select(LoanItemRow.id, LoanItemRow.quantity)
            .where(LoanItemRow.loan_id == loan_id, LoanItemRow.handed_out_at.is_not(None))
        ).all()  # fmt: skip
        back = _returned(session, [i for i, _q in items])
        if any(quantity > back.get(item_id, 0) for item_id, quantity in items):
            return f"{number}/{year}"
    return None


def check_borrower(
    session: Session, borrower: Borrower, today: date, policy: LoanPolicy,
    exclude_loan_id: int | None = None,
) -> None:  # fmt: skip
    if not policy.block_overdue_borrowers:
        return
    late = overdue_loan_of(session, borrower, today, exclude_loan_id)
    if late is not None:
        raise ValidationError(
            N_("{name} has an overdue loan ({loan}): it must come back before another loan."),
            field="borrower_name", name=borrower.name, loan=late,
        )  # fmt: skip


def check_items(
    session: Session, assets: AssetService, asset_quantities: Sequence[tuple[int, int]],
    start: date, due: date, today: date, policy: LoanPolicy, exclude_loan_id: int | None,
) -> dict[int, Asset]:  # fmt: skip
    """Every rule about the items of a request; returns the assets by id."""
    found: dict[int, Asset] = {}
    for asset_id, quantity in asset_quantities:
        asset = assets.asset_in(session, asset_id)
        check_asset(asset, quantity)
        check_length(session, asset, start, due, policy)
        found[asset_id] = asset
    check_no_overlap(session, list(found.values()), start, due, today, exclude_loan_id)
    return found
