"""Asset categories: create, rename, set the longest loan, delete an unused one."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AssetCategoryRow, AssetRow
from nongbon_ita.domain.assets.permissions import MANAGE_ASSETS
from nongbon_ita.domain.assets.records import AssetCategory
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.assets.queries import category_of
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version


def category_row(session: Session, category_id: int) -> AssetCategoryRow:
    row = session.get(AssetCategoryRow, category_id)
    if row is None:
        raise NotFoundError(N_("No such asset category."))
    return row


def find_or_create_category(session: Session, name: str) -> AssetCategoryRow:
    """By exact name (imports name categories as text); created when missing."""
    name = " ".join(name.split())
    row = session.scalars(select(AssetCategoryRow).where(AssetCategoryRow.name == name)).first()
    if row is None:
        row = AssetCategoryRow(name=name)
        session.add(row)
        session.flush()
    return row


def _checked(category: AssetCategory) -> AssetCategory:
    name = " ".join(category.name.split())
    if not name:
        raise ValidationError(N_("Enter the category's name."), field="name")
    days = category.max_loan_days
    if days is not None and not 1 <= days <= 3650:
        raise ValidationError(
            N_("The longest loan must be between 1 and 3650 days, or left empty."),
            field="max_loan_days",
        )
    return AssetCategory(category.id, name, days, category.version)


class CategoryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(self) -> list[AssetCategory]:
        with self.ctx.reading() as session:
            rows = session.scalars(select(AssetCategoryRow).order_by(AssetCategoryRow.name))
            return [category_of(row) for row in rows]

    def get(self, category_id: int) -> AssetCategory:
        with self.ctx.reading() as session:
            return category_of(category_row(session, category_id))

    def save(self, actor: CurrentUser, category: AssetCategory) -> AssetCategory:
        """Create (id 0) or update; the name is unique, a stale edit is refused."""
        require(actor, MANAGE_ASSETS)
        category = _checked(category)
        with self.ctx.transaction() as session:
            clash = session.scalars(select(AssetCategoryRow.id).where(
                AssetCategoryRow.name == category.name, AssetCategoryRow.id != category.id)).first()  # fmt: skip
            if clash is not None:
                raise ValidationError(
                    N_("The category {name} already exists."), field="name", name=category.name
                )
            before: dict[str, object] | None = None
            if category.id:
                row = category_row(session, category.id)
                check_version(row.version, category.version)
                before = asdict(category_of(row))
            else:
                row = AssetCategoryRow()
                session.add(row)
            row.name, row.max_loan_days = category.name, category.max_loan_days
            session.flush()
            saved = category_of(row)
            record_event(self.ctx, session, actor.username,
                         "asset_category.updated" if before else "asset_category.created",
                         "asset_category", row.id, before=before, after=asdict(saved))  # fmt: skip
            return saved

    def delete(self, actor: CurrentUser, category_id: int) -> None:
        """Only a category no asset uses (assets are never deleted, so neither is their kind)."""
        require(actor, MANAGE_ASSETS)
        with self.ctx.transaction() as session:
            row = category_row(session, category_id)
            used = session.scalar(
                select(func.count(AssetRow.id)).where(AssetRow.category_id == category_id)
            )
            if used:
                raise ValidationError(
                    N_("The category {name} still has {count} assets; move them first."),
                    name=row.name,
                    count=used,
                )
            before = asdict(category_of(row))
            session.delete(row)
            record_event(self.ctx, session, actor.username, "asset_category.deleted",
                         "asset_category", category_id, before=before)  # fmt: skip
