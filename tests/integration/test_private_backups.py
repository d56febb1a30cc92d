"""Issue 13, findings 3, 4 and the backup items of "Smaller": backups need an admin, are private
(0600 files, 0700 folders), may be encrypted with a passphrase, hold only the kept files they
reference, never overwrite a file, and pruning removes all of an old backup (its files too) and
old migration copies."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from nongbon_ita.db.location import SQLITE_HEADER
from nongbon_ita.services import auto_backup
from tests.integration.safety_helpers import add_users, make_office, run

PASSPHRASE = "ยาวพอสมควร-passphrase-2567"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def admin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import PASSWORD

    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "first-pass-1")


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str], admin_env: None) -> Path:
    return make_office(capsys, tmp_path / "office.sqlite3")


def test_backup_needs_an_admin(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "b.sqlite3"
    code, text = run(capsys, "--db", str(office), "backup", "--out", str(out))
    assert code == 2 and "--user" in text and not out.exists()


def test_backups_are_private_and_hold_only_referenced_files(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], admin_env: None
) -> None:
    stray = demo_db.with_name(demo_db.name + ".files") / "evidence" / "not-recorded.txt"
    stray.write_text("a file nothing refers to")
    out = tmp_path / "usb" / "b.sqlite3"
    out.parent.mkdir()
    code, text = run(capsys, "--db", str(demo_db), "backup", "--out", str(out), "--user", "admin")
    assert code == 0, text
    files = out.with_name(out.name + ".files")
    assert mode(out) == 0o600 and mode(files) == 0o700
    kept = [p for p in files.rglob("*")]
    assert kept and all(mode(p) == (0o700 if p.is_dir() else 0o600) for p in kept)
    with closing(sqlite3.connect(out)) as conn:
        referenced = {r[0] for r in conn.execute(
            "SELECT 'evidence/' || stored_path FROM ita_evidence WHERE kind = 'file' UNION "
            "SELECT 'complaints/' || stored_path FROM complaint_attachment")}  # fmt: skip
    copied = {p.relative_to(files).as_posix() for p in kept if p.is_file()}
    assert copied == referenced


def test_backup_never_overwrites_a_file(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me")
    code, text = run(capsys, "--db", str(office), "backup", "--out", str(notes), "--user", "boss")
    assert code == 2 and "exists" in text and notes.read_text() == "keep me"
    with closing(sqlite3.connect(office)) as running:  # the app is open: its WAL is live
        running.execute("INSERT INTO setting (key, value) VALUES ('test.open', '1')")
        running.commit()
        wal = office.with_name(office.name + "-wal")
        assert wal.stat().st_size > 0
        code, text = run(capsys, "--db", str(office), "backup", "--out", str(wal), "--user", "boss")
        assert code == 2 and "exists" in text
        assert not wal.read_bytes().startswith(SQLITE_HEADER)  # still a WAL, not a backup


def test_an_encrypted_backup_restores_with_its_passphrase_only(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    out = tmp_path / "usb" / "office.nbk"
    out.parent.mkdir()
    monkeypatch.delenv("NONGBON_ITA_BACKUP_PASSPHRASE", raising=False)
    code, text = run(capsys, "--db", str(office), "backup", "--out", str(out), "--user", "boss",
                     "--encrypt")  # fmt: skip
    assert code == 2 and "NONGBON_ITA_BACKUP_PASSPHRASE" in text and not out.exists()
    monkeypatch.setenv("NONGBON_ITA_BACKUP_PASSPHRASE", PASSPHRASE)
    code, text = run(capsys, "--db", str(office), "backup", "--out", str(out), "--user", "boss",
                     "--encrypt")  # fmt: skip
    assert code == 0, text
    data = out.read_bytes()
    assert SQLITE_HEADER not in data and "หนองบอน".encode() not in data and b"boss" not in data
    assert mode(out) == 0o600 and not out.with_name(out.name + ".files").exists()
    add_users(capsys, office, "somchai")
    monkeypatch.setenv("NONGBON_ITA_BACKUP_PASSPHRASE", "the wrong passphrase")
    code, text = run(capsys, "--db", str(office), "restore", str(out), "--user", "boss")
    assert code == 2 and "passphrase" in text
    monkeypatch.setenv("NONGBON_ITA_BACKUP_PASSPHRASE", PASSPHRASE)
    code, text = run(capsys, "--db", str(office), "restore", str(out), "--user", "boss")
    assert code == 0, text
    with closing(sqlite3.connect(office)) as conn:
        assert conn.execute("SELECT count(*) FROM app_user").fetchone()[0] == 1
    assert not [p for p in tmp_path.rglob("*restoring*")]  # no plain copy left behind


def test_pruning_removes_a_backups_files_and_old_migration_copies(
    office: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2024, 3, 1, 9, 0)
    old = folder / auto_backup.backup_file_name(now - timedelta(days=40))
    newest = folder / auto_backup.backup_file_name(now - timedelta(days=1))
    for path in (old, newest):
        path.write_bytes(b"x")
        letters = path.with_name(path.name + ".files") / "complaints" / "2567" / "5"
        letters.mkdir(parents=True)
        (letters / "abc-จดหมายของนางสาวผู้ร้อง.pdf").write_bytes(b"%PDF")
    migration = office.with_name(f"{office.name}.before-migration-20240101-090000.bak")
    recent_migration = office.with_name(f"{office.name}.before-migration-20240228-090000.bak")
    for path in (migration, recent_migration):
        path.write_bytes(b"x")
    assert auto_backup.prune(folder, now, 30, database=office) == 2
    assert not old.exists() and not old.with_name(old.name + ".files").exists()
    assert newest.exists() and newest.with_name(newest.name + ".files").is_dir()
    assert not migration.exists() and recent_migration.exists()


def test_a_zero_byte_file_is_refused_not_made_into_a_new_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "office.sqlite3"
    empty.touch()
    code, text = run(capsys, "--db", str(empty), "check")
    assert code == 2 and "empty" in text
    assert empty.stat().st_size == 0 and not list(tmp_path.glob("*.bak"))


def test_pruning_removes_what_a_killed_backup_or_restore_left(office: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    half = folder / "nongbon-ita-backup-20240301-090000.sqlite3.partial"
    half.write_bytes(b"half a backup")
    (tmp_path / ".backup-abc123").mkdir()  # the plain stage of an encrypted backup
    ((tmp_path / ".backup-abc123") / "database.sqlite3").write_bytes(b"plain copy")
    restoring = office.with_name(office.name + ".restoring")
    restoring.write_bytes(b"staged copy")
    fresh = folder / "nongbon-ita-backup-20240302-090000.sqlite3.partial"
    fresh.write_bytes(b"a backup under way")
    for path in (half, tmp_path / ".backup-abc123", restoring):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert auto_backup.prune(folder, datetime(2024, 3, 2, 9, 0), 30, database=office) == 3
    assert not half.exists() and not (tmp_path / ".backup-abc123").exists()
    assert not restoring.exists() and fresh.exists() and office.exists()
