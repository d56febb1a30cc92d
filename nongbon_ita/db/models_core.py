"""Office, people, users, settings and the audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nongbon_ita.db.base import Base, UtcDateTime, VersionedMixin, utc_now


class OfficeProfileRow(VersionedMixin, Base):
    """Exactly one row (id 1): the office as documents name it."""

    __tablename__ = "office_profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(100))
    district: Mapped[str] = mapped_column(String(100))
    province: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    letter_code: Mapped[str] = mapped_column(String(50), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class DivisionRow(VersionedMixin, Base):
    __tablename__ = "division"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class OfficialRow(VersionedMixin, Base):
    """A person named in signature blocks (not necessarily a user of the app)."""

    __tablename__ = "official"
    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(300))
    signature_role: Mapped[str] = mapped_column(String(40), default="other")
    division_id: Mapped[int | None] = mapped_column(ForeignKey("division.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class UserRow(VersionedMixin, Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(300), default="")
    division_id: Mapped[int | None] = mapped_column(ForeignKey("division.id"), nullable=True)
    phone: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    roles: Mapped[list[UserRoleRow]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )


class UserRoleRow(Base):
    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(40))
    user: Mapped[UserRow] = relationship(back_populates="roles")


class SettingRow(Base):
    """Key/value settings: lock-out policy, language, the audit chain's head, recovery code hash."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEventRow(Base):
    """Append-only, hash-chained: `hash` covers every field and the previous event's hash."""

    __tablename__ = "audit_event"
    # one record's history (a loan's timeline) without scanning the whole trail
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(80))
    entity: Mapped[str] = mapped_column(String(80))
    entity_id: Mapped[str] = mapped_column(String(80), default="")
    payload: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON: before/after
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # the seals of the rows this write left (services/row_seals.py), chained with the event
    seals: Mapped[str] = mapped_column(Text, default="")
