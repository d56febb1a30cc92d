"""What a backup file holds — office, users, records, last event — read without opening it as
the app's database (Settings › Backups shows it before a restore)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from nongbon_ita.services.backup_check import inspect_backup, ro_connect
from nongbon_ita.services.backup_crypto import is_encrypted


@dataclass(frozen=True)
class BackupPreview:
    """What a backup file holds, read without opening it as the app's database."""

    path: Path
    revision: str
    office_name: str
    users: int
    assets: int | None  # None: the table does not exist in that schema
    loans: int | None
    complaints: int | None
    measures: int | None
    last_event_at: datetime | None
    encrypted: bool = False  # sealed: nothing can be read before the passphrase is given


def _count(conn: sqlite3.Connection, tables: set[str], table: str) -> int | None:
    if table not in tables:
        return None
    return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def preview_backup(path: Path) -> BackupPreview:
    """Check the file (backup_check.inspect_backup) and count what it holds, read-only."""
    if path.is_file() and is_encrypted(path):
        return BackupPreview(path, "", "", 0, None, None, None, None, None, encrypted=True)
    revision = inspect_backup(path)
    with closing(ro_connect(path)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        office = (
            conn.execute("SELECT name FROM office_profile LIMIT 1").fetchone()
            if "office_profile" in tables
            else None
        )
        last_event = conn.execute("SELECT max(occurred_at) FROM audit_event").fetchone()[0]
        return BackupPreview(
            path=path,
            revision=revision,
            office_name=str(office[0]) if office else "",
            users=_count(conn, tables, "app_user") or 0,
            assets=_count(conn, tables, "asset"),
            loans=_count(conn, tables, "loan"),
            complaints=_count(conn, tables, "complaint"),
            measures=_count(conn, tables, "ita_measure"),
            last_event_at=_parse_time(last_event),
        )


def _parse_time(value: object) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
