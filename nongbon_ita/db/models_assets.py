"""The asset register: categories and assets (durable items and consumables).

Name, number, serial and brand/model are also in the `asset_search` FTS5 index, which the
migrations build (db/search_index.py); the plain indexes serve sorting and filtering.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from nongbon_ita.db.base import Base, VersionedMixin


class AssetCategoryRow(VersionedMixin, Base):
    __tablename__ = "asset_category"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    max_loan_days: Mapped[int | None] = mapped_column(Integer, nullable=True)


class AssetRow(VersionedMixin, Base):
    __tablename__ = "asset"
    id: Mapped[int] = mapped_column(primary_key=True)
    asset_number: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("asset_category.id"), index=True)
    brand_model: Mapped[str] = mapped_column(String(200), default="")
    serial: Mapped[str] = mapped_column(String(200), default="", index=True)
    unit: Mapped[str] = mapped_column(String(50), default="")
    acquired_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), nullable=True)
    budget_source: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    division_id: Mapped[int | None] = mapped_column(ForeignKey("division.id"))
    status: Mapped[str] = mapped_column(String(20), default="available", index=True)
    lendable: Mapped[bool] = mapped_column(Boolean, default=True)
    consumable: Mapped[bool] = mapped_column(Boolean, default=False)
    stock_quantity: Mapped[int | None] = mapped_column(Integer, nullable=True)
