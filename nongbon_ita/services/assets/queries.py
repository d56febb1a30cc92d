"""Reading the register: ORM rows → records, and the one list query (search, filters, sort)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AssetCategoryRow, AssetRow, DivisionRow
from nongbon_ita.db.search_index import ASSET_SEARCH, substring_condition
from nongbon_ita.domain.assets.records import (
    Asset,
    AssetCategory,
    AssetFilters,
    AssetSort,
    AssetStatus,
)
from nongbon_ita.domain.errors import N_, NotFoundError

_SORT_COLUMNS: dict[AssetSort, Any] = {
    AssetSort.ASSET_NUMBER: AssetRow.asset_number,
    AssetSort.NAME: AssetRow.name,
    AssetSort.CATEGORY: AssetCategoryRow.name,
    AssetSort.STATUS: AssetRow.status,
    AssetSort.VALUE: AssetRow.value,
    AssetSort.ACQUIRED_ON: AssetRow.acquired_on,
    AssetSort.LOCATION: AssetRow.location,
}


def category_of(row: AssetCategoryRow) -> AssetCategory:
    return AssetCategory(row.id, row.name, row.max_loan_days, row.version)


def asset_of(row: AssetRow, category_name: str | None, division_name: str | None) -> Asset:
    return Asset(
        id=row.id, asset_number=row.asset_number, name=row.name, category_id=row.category_id,
        category_name=category_name or "", brand_model=row.brand_model, serial=row.serial,
        unit=row.unit, acquired_on=row.acquired_on, value=row.value,
        budget_source=row.budget_source, location=row.location, division_id=row.division_id,
        division_name=division_name or "", status=AssetStatus(row.status), lendable=row.lendable,
        consumable=row.consumable, stock_quantity=row.stock_quantity, version=row.version,
    )  # fmt: skip


def _with_names() -> Select[AssetRow, str, str]:
    return (
        select(AssetRow, AssetCategoryRow.name, DivisionRow.name)
        .outerjoin(AssetCategoryRow, AssetRow.category_id == AssetCategoryRow.id)
        .outerjoin(DivisionRow, AssetRow.division_id == DivisionRow.id)
    )


def load_asset(session: Session, asset_id: int) -> Asset:
    found = session.execute(_with_names().where(AssetRow.id == asset_id)).first()
    if found is None:
        raise NotFoundError(N_("No such asset."))
    return asset_of(found[0], found[1], found[2])


def asset_row(session: Session, asset_id: int) -> AssetRow:
    row = session.get(AssetRow, asset_id)
    if row is None:
        raise NotFoundError(N_("No such asset."))
    return row


def _conditions(session: Session, text: str, filters: AssetFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if text.strip():
        searched = [AssetRow.asset_number, AssetRow.name, AssetRow.serial, AssetRow.brand_model]
        conditions.append(substring_condition(
            session.get_bind().dialect.name, ASSET_SEARCH, AssetRow.id, searched, text))  # fmt: skip
    if filters.category_id is not None:
        conditions.append(AssetRow.category_id == filters.category_id)
    if filters.status is not None:
        conditions.append(AssetRow.status == filters.status.value)
    if filters.statuses:
        conditions.append(AssetRow.status.in_(sorted(s.value for s in filters.statuses)))
    if filters.lendable is not None:
        conditions.append(AssetRow.lendable.is_(filters.lendable))
    if filters.consumable is not None:
        conditions.append(AssetRow.consumable.is_(filters.consumable))
    return conditions


def search_assets(
    session: Session, text: str, filters: AssetFilters, sort: AssetSort, descending: bool,
    limit: int, offset: int,
) -> list[Asset]:  # fmt: skip
    """The register list: the one repository function every asset list goes through."""
    column = _SORT_COLUMNS[sort]
    order = [column.desc() if descending else column.asc()]
    if getattr(column, "nullable", False):  # empty values first going up, as SQLite does
        order = [order[0].nulls_last() if descending else order[0].nulls_first()]
    if sort is not AssetSort.ASSET_NUMBER:
        order.append(AssetRow.asset_number.asc())  # a stable order for paging
    query = _with_names().where(*_conditions(session, text, filters))
    query = query.order_by(*order).limit(limit).offset(offset)
    return [asset_of(row, category, division) for row, category, division in session.execute(query)]


def count_assets(session: Session, text: str, filters: AssetFilters) -> int:
    query = select(func.count(AssetRow.id)).where(*_conditions(session, text, filters))
    return session.scalar(query) or 0
