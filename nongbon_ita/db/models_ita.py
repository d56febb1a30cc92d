"""The ITA catalogue per fiscal year and the measures with their results and evidence."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nongbon_ita.db.base import Base, UtcDateTime, VersionedMixin, utc_now


class ItaYearRow(VersionedMixin, Base):
    __tablename__ = "ita_year"
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    intro: Mapped[str] = mapped_column(Text, default="")  # O43 intro; "" = the default text
    overall_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), nullable=True)
    threshold: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("85"))


class IndicatorRow(VersionedMixin, Base):
    __tablename__ = "ita_indicator"
    __table_args__ = (UniqueConstraint("fiscal_year", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(ForeignKey("ita_year.fiscal_year"), index=True)
    form: Mapped[str] = mapped_column(String(3))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), nullable=True)


class SubIndicatorRow(VersionedMixin, Base):
    __tablename__ = "ita_sub_indicator"
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("ita_indicator.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))


class OitItemRow(VersionedMixin, Base):
    __tablename__ = "ita_oit_item"
    __table_args__ = (UniqueConstraint("fiscal_year", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(ForeignKey("ita_year.fiscal_year"), index=True)
    code: Mapped[str] = mapped_column(String(10))  # O1 … O43
    group_name: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(400))
    sub_indicator_id: Mapped[int | None] = mapped_column(ForeignKey("ita_sub_indicator.id"))


class MeasureRowDb(VersionedMixin, Base):
    """A measure of a fiscal year (the O42 plan row, the O43 report row)."""

    __tablename__ = "ita_measure"
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(ForeignKey("ita_year.fiscal_year"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order within the year
    indicator_id: Mapped[int] = mapped_column(ForeignKey("ita_indicator.id"))
    indicator_text: Mapped[str] = mapped_column(String(300))  # as written in the source
    sub_indicator: Mapped[str] = mapped_column(String(300), default="")
    issue: Mapped[str] = mapped_column(Text)
    plan: Mapped[str] = mapped_column(Text, default="")
    result_text: Mapped[str] = mapped_column(Text, default="")
    responsible_division_id: Mapped[int | None] = mapped_column(ForeignKey("division.id"))
    responsible_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    time_frame: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    progress_6m: Mapped[str] = mapped_column(Text, default="")
    progress_12m: Mapped[str] = mapped_column(Text, default="")


class MeasureResultRow(Base):
    __tablename__ = "ita_measure_result"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("ita_measure.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    recorded_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class EvidenceRow(Base):
    __tablename__ = "ita_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("ita_measure_result.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # file / link
    label: Mapped[str] = mapped_column(String(300), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    stored_path: Mapped[str] = mapped_column(String(500), default="")
