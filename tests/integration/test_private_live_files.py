"""The live database, its -wal/-shm, the folders the app creates for it and the copies migrations
leave beside it are the owner's alone (0600 / 0700): they hold what any backup holds (PDPA)."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from nongbon_ita.db.migrate import backup_before_migration
from tests.conftest import PASSWORD
from tests.integration.safety_helpers import make_office, run


@pytest.fixture(autouse=True)
def admin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_live_database_its_wal_and_new_folders_are_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = os.umask(0o022)  # the usual umask: files 0644, folders 0755 unless the app says
    try:
        db = make_office(capsys, tmp_path / "new" / "office" / "office.sqlite3")
    finally:
        os.umask(old)
    assert mode(db) == 0o600
    for suffix in ("-wal", "-shm"):
        beside = db.with_name(db.name + suffix)
        if beside.exists():
            assert mode(beside) == 0o600
    assert mode(tmp_path / "new") == 0o700 and mode(tmp_path / "new" / "office") == 0o700


def test_an_existing_database_made_readable_by_all_is_made_private_when_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_office(capsys, tmp_path / "office.sqlite3")
    db.chmod(0o644)
    code, out = run(capsys, "--db", str(db), "check")
    assert code == 0, out
    assert mode(db) == 0o600


def test_the_copy_a_migration_leaves_is_private(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite3"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE t (x)")
    db.chmod(0o644)
    kept = backup_before_migration(db, datetime(2026, 12, 3, 9, 0, 0))
    assert kept.read_bytes() == db.read_bytes()
    assert mode(kept) == 0o600
