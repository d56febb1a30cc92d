"""The ITA catalogue per fiscal year and the measures with their results, evidence and progress."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nongbon_ita.db.base import Base, UtcDateTime, VersionedMixin, utc_now


class ItaYearRow(VersionedMixin, Base):
    """A fiscal year of ITA work; its scores are the results of that year's assessment."""

    __tablename__ = "ita_year"
    fiscal_year: Mapped[int] = mapped_column(Integer, primary_key=True)
    intro: Mapped[str] = mapped_column(
        Text, default=""
    )  # the measures report's intro; "" = default
    plan_intro: Mapped[str] = mapped_column(
        Text, default=""
    )  # the measures plan's intro; "" = default
    overall_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), nullable=True)
    threshold: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("85"))
    # the form scores the assessment gives (overall_score is their weighted total)
    iit_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), nullable=True)
    eit_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), nullable=True)
    oit_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2), nullable=True)
    weight_iit: Mapped[int] = mapped_column(Integer, default=30)
    weight_eit: Mapped[int] = mapped_column(Integer, default=30)
    weight_oit: Mapped[int] = mapped_column(Integer, default=40)
    # where the year's catalogue came from and whether the ITA coordinator confirmed it
    catalogue_status: Mapped[str] = mapped_column(String(12), default="unconfirmed")
    catalogue_source: Mapped[str] = mapped_column(Text, default="")
    catalogue_checked_on: Mapped[str] = mapped_column(String(10), default="")  # ISO date
    confirmed_by: Mapped[str] = mapped_column(String(100), default="")
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


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
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("ita_indicator.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))


class OitItemRow(VersionedMixin, Base):
    __tablename__ = "ita_oit_item"
    __table_args__ = (UniqueConstraint("fiscal_year", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(ForeignKey("ita_year.fiscal_year"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(10))  # the year's code: O1, O2, …
    group_name: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(400))  # "" = not known yet (ต้องกรอก)
    sub_indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("ita_sub_indicator.id", ondelete="SET NULL")
    )
    indicator_number: Mapped[int | None] = mapped_column(Integer, nullable=True)  # without a sub
    role: Mapped[str] = mapped_column(String(30), default="")  # domain.ita.catalogue_data.ItemRole
    document_title: Mapped[str] = mapped_column(String(400), default="")  # "" = the name


class OitEvidenceRow(VersionedMixin, Base):
    """What the office publishes for one OIT item of a year: the ITAS checklist row."""

    __tablename__ = "ita_oit_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("ita_oit_item.id", ondelete="CASCADE"), unique=True
    )
    urls: Mapped[str] = mapped_column(Text, default="")  # one address a line, in order
    files: Mapped[str] = mapped_column(Text, default="")  # kept files, one stored name a line
    status: Mapped[str] = mapped_column(String(20), default="not_started")
    responsible_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class MeasureRowDb(VersionedMixin, Base):
    """A measure of a fiscal year (a row of the measures plan and of the report)."""

    __tablename__ = "ita_measure"
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(ForeignKey("ita_year.fiscal_year"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order within the year
    indicator_id: Mapped[int] = mapped_column(ForeignKey("ita_indicator.id"))
    indicator_text: Mapped[str] = mapped_column(String(300))  # as written in the source
    sub_indicator: Mapped[str] = mapped_column(String(300), default="")
    oit_items: Mapped[str] = mapped_column(String(300), default="")  # "O36, O37": the year's codes
    issue: Mapped[str] = mapped_column(Text)
    plan: Mapped[str] = mapped_column(Text, default="")
    result_text: Mapped[str] = mapped_column(Text, default="")  # imported cell, verbatim
    responsible_division_id: Mapped[int | None] = mapped_column(ForeignKey("division.id"))
    responsible_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    time_frame: Mapped[str] = mapped_column(String(200), default="")  # as printed; "" = dates
    start_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")


class MeasureResultRow(VersionedMixin, Base):
    """One entry of a measure's results ("๑.จัดทำคู่มือ…", "-แต่งตั้ง…"), as typed."""

    __tablename__ = "ita_measure_result"
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("ita_measure.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    recorded_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class EvidenceRow(Base):
    """A document kept by the app (copied, with its SHA-256) or a web link."""

    __tablename__ = "ita_evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(
        ForeignKey("ita_measure_result.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))  # file / link
    label: Mapped[str] = mapped_column(String(300), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    file_name: Mapped[str] = mapped_column(String(300), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    stored_path: Mapped[str] = mapped_column(String(500), default="")  # under the evidence folder
    added_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class MeasureProgressRow(VersionedMixin, Base):
    """Progress of a measure at the 6-month or 12-month mark of its fiscal year."""

    __tablename__ = "ita_measure_progress"
    __table_args__ = (UniqueConstraint("measure_id", "months"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("ita_measure.id", ondelete="CASCADE"))
    months: Mapped[int] = mapped_column(Integer)  # 6 or 12
    percent: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    marked_on: Mapped[date] = mapped_column(Date)
    marked_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
