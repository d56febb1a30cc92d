"""Loans of assets: requests, items, returns, follow-ups and liabilities."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nongbon_ita.db.base import Base, UtcDateTime, VersionedMixin


class LoanRow(VersionedMixin, Base):
    __tablename__ = "loan"
    __table_args__ = (UniqueConstraint("fiscal_year", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)  # given on submission
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    borrower_kind: Mapped[str] = mapped_column(String(20))  # staff / agency / villager
    borrower_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    borrower_name: Mapped[str] = mapped_column(String(200), index=True)
    borrower_position: Mapped[str] = mapped_column(String(300), default="")
    borrower_organization: Mapped[str] = mapped_column(String(300), default="")
    borrower_phone: Mapped[str] = mapped_column(String(100), default="")
    purpose_type: Mapped[str] = mapped_column(String(20), default="official")
    purpose: Mapped[str] = mapped_column(Text)
    place_of_use: Mapped[str] = mapped_column(String(300), default="")
    use_scope: Mapped[str] = mapped_column(String(20), default="premises")
    start_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date, index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    approver_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    refusal_reason: Mapped[str] = mapped_column(Text, default="")
    created_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class LoanItemRow(VersionedMixin, Base):
    __tablename__ = "loan_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loan.id", ondelete="CASCADE"), index=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("asset.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    value_at_loan: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), nullable=True)
    handed_out_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    handed_out_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class LoanReturnRow(Base):
    __tablename__ = "loan_return"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_item_id: Mapped[int] = mapped_column(
        ForeignKey("loan_item.id", ondelete="CASCADE"), index=True
    )
    returned_on: Mapped[date] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    condition: Mapped[str] = mapped_column(String(20))  # good / damaged / lost
    returned_by: Mapped[str] = mapped_column(String(200))
    received_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class LoanFollowUpRow(Base):
    __tablename__ = "loan_follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loan.id", ondelete="CASCADE"), index=True)
    followed_up_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(50))
    note: Mapped[str] = mapped_column(Text, default="")
    memo_number: Mapped[str] = mapped_column(String(100), default="")
    recorded_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class LiabilityRow(VersionedMixin, Base):
    __tablename__ = "loan_liability"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_return_id: Mapped[int] = mapped_column(
        ForeignKey("loan_return.id", ondelete="CASCADE"), unique=True
    )
    remedy: Mapped[str] = mapped_column(String(20))  # repair / replace / pay
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), nullable=True)
    settled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class LoanReviewRow(Base):
    """The finance division's sign-off of a period of the loan register (append-only)."""

    __tablename__ = "loan_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer, index=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    reviewer_user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    reviewer_name: Mapped[str] = mapped_column(String(200))
    reviewer_position: Mapped[str] = mapped_column(String(300), default="")
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")
