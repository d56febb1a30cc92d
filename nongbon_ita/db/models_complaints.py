"""Complaints; identities live in their own table so they can be purged."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nongbon_ita.db.base import Base, UtcDateTime, VersionedMixin, utc_now


class ComplaintRow(VersionedMixin, Base):
    __tablename__ = "complaint"
    # a referring body's reference registers once per channel (a re-import adds nothing);
    # complaints that were not referred hold NULL, which never collides
    __table_args__ = (UniqueConstraint("fiscal_year", "number"),
                      UniqueConstraint("channel", "reference"))  # fmt: skip
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    register_text: Mapped[str] = mapped_column(String(20))  # "12/2567": searched as text
    public_code: Mapped[str] = mapped_column(String(20), unique=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)  # in Thai time
    channel: Mapped[str] = mapped_column(String(30))
    category: Mapped[str] = mapped_column(String(30))
    confidential: Mapped[bool] = mapped_column(default=False)
    subject: Mapped[str] = mapped_column(String(500))
    details: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    anonymous: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(20), default="received", index=True)
    outcome: Mapped[str] = mapped_column(String(20), default="")
    referred_to: Mapped[str] = mapped_column(String(300), default="")
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    division_id: Mapped[int | None] = mapped_column(ForeignKey("division.id"))
    officer_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    receipt_due_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)  # the outcome's deadline
    acknowledged_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    paused_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    paused_days: Mapped[int] = mapped_column(Integer, default=0)  # working days spent paused
    concluded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    informed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # referred complaints: the referring body's reference, date, own deadline, whom to report to
    reference: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    referral_dated: Mapped[date | None] = mapped_column(Date, nullable=True)
    referral_due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    report_to: Mapped[str] = mapped_column(String(300), default="")


class ComplaintChannelRow(Base):
    """The office's layer over the shipped channels: a renamed or hidden one, or its own."""

    __tablename__ = "complaint_channel"
    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    referred: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ComplaintIdentityRow(Base):
    """Who complained and who is complained about: shown only to complaint officers."""

    __tablename__ = "complaint_identity"
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    id_number: Mapped[str] = mapped_column(String(20), default="")
    accused: Mapped[str] = mapped_column(Text, default="")
    purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class ComplaintActionRow(Base):
    """The timeline: status changes, internal notes, clock pauses."""

    __tablename__ = "complaint_action"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    kind: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class ComplaintAttachmentRow(Base):
    __tablename__ = "complaint_attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to the files folder
    size: Mapped[int] = mapped_column(Integer, default=0)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class HolidayRow(Base):
    """The office's layer over the `holidays` package: a day it adds, or (removed=True) a day
    the package lists that the office works on."""

    __tablename__ = "holiday"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    removed: Mapped[bool] = mapped_column(default=False)
