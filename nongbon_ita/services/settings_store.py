"""Typed access to the key/value settings table."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nongbon_ita.db.models import SettingRow

LANGUAGE = "ui.language"
LOCKOUT_ATTEMPTS = "auth.lockout_attempts"
LOCKOUT_MINUTES = "auth.lockout_minutes"
RECOVERY_CODE_HASH = "auth.recovery_code_hash"
AUDIT_HEAD_COUNT = "audit.head_count"
AUDIT_HEAD_HASH = "audit.head_hash"
SCREEN_DIGITS = "ui.digits"  # the office's digits on screens: "arabic" or "thai"
OFFICE_ID = "office.id"  # random, made at set-up: tells this office's backups from another's

DEFAULTS = {LANGUAGE: "th", LOCKOUT_ATTEMPTS: "5", LOCKOUT_MINUTES: "15"}


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(SettingRow, key)
    return row.value if row is not None else DEFAULTS.get(key)


def get_int(session: Session, key: str) -> int:
    value = get_setting(session, key)
    return int(value) if value is not None else 0


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value
