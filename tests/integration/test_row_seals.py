"""Edits made directly to rows outside the app are noticed (issue 13, finding 2): every write
records its rows' seals in the chained audit trail, and `check` recomputes them — a changed field
is named, an added or deleted row too; the app's own writes (demo data, imports, loans, deletes
with their cascades) all pass."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text, update

from nongbon_ita.cli import main
from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.assets.records import AssetDraft, AssetStatus
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.row_seal import changed_columns, seal
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services
from nongbon_ita.services.row_check import ADDED, CHANGED, DELETED, check_rows
from tests.integration.safety_helpers import run


def edit(db: Path, *statements: str) -> None:
    """What someone with the file and any SQLite tool can do."""
    with closing(sqlite3.connect(db)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def test_direct_edits_to_the_demo_office_are_named_by_check(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "--db", str(demo_db), "check")
    assert code == 0 and "outside the app" not in out, out
    edit(demo_db,
         "UPDATE loan SET purpose = 'ไปเที่ยว' WHERE id = 5",
         "UPDATE app_user SET password_hash = 'x' WHERE username = 'admin'",
         "DELETE FROM loan_follow_up WHERE id = (SELECT min(id) FROM loan_follow_up)",
         "INSERT INTO asset_category (id, name, version, created_at, updated_at) "
         "VALUES (999, 'หมวดปลอม', 1, '2026-01-01', '2026-01-01')")  # fmt: skip
    code, out = run(capsys, "--db", str(demo_db), "check")
    assert code == 1
    assert "Changed outside the app: loan 5 (table loan), field(s) purpose." in out
    assert "user 1 (table app_user), field(s) password_hash." in out
    assert "Deleted outside the app: loan follow-up" in out
    assert "Added outside the app: asset category 999 (table asset_category)." in out
    assert "Database OK" not in out
    assert main(["--db", str(demo_db), "check"]) == 1
    assert "ถูกแก้ไขนอกโปรแกรม: การยืม 5" in capsys.readouterr().out


def test_the_apps_own_writes_pass_and_a_direct_update_is_caught(
    services: Services, user_with: Callable[..., CurrentUser]
) -> None:
    """On SQLite and on PostgreSQL: writes through the services seal; a write beside them not."""
    admin = user_with(Role.SUPPLY_OFFICER)
    asset = services.assets.create(admin, AssetDraft("7080-001-0001", "เต็นท์", unit="หลัง"))
    other = services.assets.create(admin, AssetDraft("7080-001-0002", "โต๊ะ", unit="ตัว"))
    services.assets.retire(admin, other.id, AssetStatus.LOST, other.version, "หาย")
    with services.ctx.reading() as session:
        assert check_rows(session) == []
    with services.ctx.database.engine.begin() as conn:  # not through the app
        conn.execute(text("UPDATE asset SET name = 'เต็นท์ใหญ่' WHERE id = :id"), {"id": asset.id})
    with services.ctx.reading() as session:
        found = check_rows(session)
    assert [(c.table, c.row_id, c.kind, c.fields) for c in found] == [
        ("asset", str(asset.id), CHANGED, ("name",))]  # fmt: skip


def test_a_forged_seal_is_a_rewritten_chain(
    services: Services, user_with: Callable[..., CurrentUser]
) -> None:
    """The seals live in the chained events: editing one breaks the chain (and the head log)."""
    admin = user_with(Role.SUPPLY_OFFICER)
    services.assets.create(admin, AssetDraft("7080-001-0003", "เก้าอี้", unit="ตัว"))
    with services.ctx.transaction() as session:
        session.execute(update(AuditEventRow).values(payload=AuditEventRow.payload + " "))
    from nongbon_ita.services.audit import check_chain

    with services.ctx.reading() as session:
        assert not check_chain(session).ok


def test_seals_are_the_same_whatever_the_backend_returns() -> None:
    from datetime import UTC, date, datetime, timedelta, timezone
    from decimal import Decimal

    columns = ["a", "b", "c", "d", "e"]
    sqlite_like = [
        100,
        Decimal("1500.5"),
        datetime(2026, 1, 1, 9, tzinfo=UTC),
        date(2026, 1, 2),
        True,
    ]
    server_like = [100, Decimal("1500.50"),
                   datetime(2026, 1, 1, 16, tzinfo=timezone(timedelta(hours=7))), date(2026, 1, 2), True]  # fmt: skip
    assert seal(columns, sqlite_like) == seal(columns, server_like)
    changed = [*sqlite_like[:1], Decimal("1500.6"), *sqlite_like[2:]]
    assert changed_columns(seal(columns, sqlite_like), columns, changed) == ["b"]
    assert {ADDED, DELETED, CHANGED} == {"added", "deleted", "changed"}
