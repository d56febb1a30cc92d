"""Shared steps of the data-safety tests: run the CLI, make an office, forge the audit trail the
way the issue describes (the formula is public, so a forger recomputes every later hash)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from nongbon_ita.app import open_services
from nongbon_ita.cli import main
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.audit import GENESIS_HASH, AuditEvent, event_hash
from nongbon_ita.services.audit import _to_event
from nongbon_ita.services.settings_store import AUDIT_HEAD_COUNT, AUDIT_HEAD_HASH, put_setting
from tests.conftest import PASSWORD


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--lang", "en", *words])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def make_office(
    capsys: pytest.CaptureFixture[str], path: Path, name: str = "องค์การบริหารส่วนตำบลหนองบอน"
) -> Path:
    code, out = run(capsys, "--db", str(path), "init", "--office-name", name,
                    "--district", "โกสุมพิสัย", "--province", "มหาสารคาม", "--admin", "boss")  # fmt: skip
    assert code == 0, out
    return path


def add_users(capsys: pytest.CaptureFixture[str], db: Path, *names: str) -> None:
    for name in names:
        code, out = run(capsys, "--db", str(db), "users", "add", name, "--full-name", "ผู้ใช้",
                        "--roles", "staff", "--user", "boss")  # fmt: skip
        assert code == 0, out


def rewrite_history(db: Path, seq: int | None = None, drop_last: int = 0) -> None:
    """Change event `seq` (if given) and/or delete the last `drop_last` events, then recompute
    every later hash and the stored head: all a forger with the file alone can do."""
    services = open_services(DatabaseLocation.for_file(db), must_exist=True)
    try:
        with services.ctx.transaction() as session:
            rows = list(session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq)))
            if drop_last:
                cut = rows[-drop_last].seq
                session.execute(delete(AuditEventRow).where(AuditEventRow.seq >= cut))
                rows = rows[:-drop_last]
            prev = GENESIS_HASH
            for row in rows:
                event: AuditEvent = _to_event(row)
                if row.seq == seq:
                    event = replace(event, actor="mallory")
                    row.actor = "mallory"
                event = replace(event, prev_hash=prev)
                row.prev_hash, row.hash = prev, event_hash(event)
                prev = row.hash
            put_setting(session, AUDIT_HEAD_COUNT, str(len(rows)))
            put_setting(session, AUDIT_HEAD_HASH, prev)
    finally:
        services.ctx.database.dispose()


__all__ = ["PASSWORD", "add_users", "make_office", "rewrite_history", "run"]
