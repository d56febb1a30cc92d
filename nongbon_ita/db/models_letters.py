"""The register of outgoing letters (ทะเบียนหนังสือส่ง): one row per issued letter."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from nongbon_ita.db.base import Base, UtcDateTime, utc_now


class OutgoingLetterRow(Base):
    __tablename__ = "outgoing_letter"
    # numbers given by the register are unique in their fiscal year; letters numbered by hand
    # hold NULL, which never collides
    __table_args__ = (
        UniqueConstraint("fiscal_year", "number"),
        Index("ix_outgoing_letter_record", "record_kind", "record_id", "kind"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hand_number: Mapped[str] = mapped_column(String(50), default="")
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    record_text: Mapped[str] = mapped_column(String(50), default="")
    addressee: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    issued_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
