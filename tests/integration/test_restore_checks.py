"""Issue 13, finding 1: `restore` checks a backup before it replaces anything — it opens, it is
this app's, its audit chain verifies, its kept files match their SHA-256, it is this office's (or
the admin confirms another office's) — needs an admin, keeps the replaced file, and swaps
atomically (no copy over the live file when the rename is refused, as on Windows)."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.integration.safety_helpers import add_users, make_office, rewrite_history, run


def users_in(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM app_user").fetchone()[0])


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    from tests.conftest import PASSWORD

    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "first-pass-1")
    return make_office(capsys, tmp_path / "office.sqlite3")


def backup_of(capsys: pytest.CaptureFixture[str], db: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    code, text = run(capsys, "--db", str(db), "backup", "--out", str(out), "--user", "boss")
    assert code == 0, text
    return out


def nothing_replaced(db: Path, users: int) -> bool:
    kept = list(db.parent.glob(f"{db.name}.before-restore-*"))
    return users_in(db) == users and not kept


def test_restore_needs_an_admin_named_with_user(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = backup_of(capsys, office, tmp_path / "b" / "copy.sqlite3")
    add_users(capsys, office, "somchai")
    code, out = run(capsys, "--db", str(office), "restore", str(copy))
    assert code == 2 and "--user" in out
    assert nothing_replaced(office, 2)


def test_restore_refuses_a_backup_whose_audit_chain_is_broken(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = backup_of(capsys, office, tmp_path / "b" / "copy.sqlite3")
    add_users(capsys, office, "somchai")
    with closing(sqlite3.connect(copy)) as conn, conn:
        conn.execute("UPDATE audit_event SET actor = 'mallory' WHERE seq = 1")
    code, out = run(capsys, "--db", str(office), "restore", str(copy), "--user", "boss")
    assert code == 2 and "audit trail" in out.lower() and "event 1" in out
    assert nothing_replaced(office, 2)


def test_restore_refuses_a_backup_whose_kept_files_were_changed(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from tests.conftest import PASSWORD

    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    copy = tmp_path / "b" / "copy.sqlite3"
    copy.parent.mkdir()
    code, out = run(capsys, "--db", str(demo_db), "backup", "--out", str(copy), "--user", "admin")
    assert code == 0, out
    with closing(sqlite3.connect(copy)) as conn:
        (stored,) = conn.execute(
            "SELECT stored_path FROM ita_evidence WHERE kind = 'file' ORDER BY id").fetchone()  # fmt: skip
    (copy.with_name(copy.name + ".files") / "evidence" / stored).write_text("forged")
    before = users_in(demo_db)
    code, out = run(capsys, "--db", str(demo_db), "restore", str(copy), "--user", "admin")
    assert code == 2 and "changed after it was added" in out
    assert nothing_replaced(demo_db, before)


def test_restore_refuses_another_offices_backup_unless_confirmed(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = make_office(capsys, tmp_path / "other" / "other.sqlite3", "องค์การบริหารส่วนตำบลอื่น")
    add_users(capsys, other, "anan", "boonmee")
    copy = backup_of(capsys, other, tmp_path / "b" / "other-copy.sqlite3")
    code, out = run(capsys, "--db", str(office), "restore", str(copy), "--user", "boss")
    assert code == 2 and "another office" in out and "--other-office" in out
    assert nothing_replaced(office, 1)
    code, out = run(capsys, "--db", str(office), "restore", str(copy), "--user", "boss",
                    "--other-office")  # fmt: skip
    assert code == 0, out
    assert users_in(office) == 3
    code, out = run(capsys, "--db", str(office), "check")  # the other office's trail is intact
    assert code == 0 and "intact" in out, out


def test_a_refused_rename_leaves_the_live_file_alone(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Windows refuses to rename over a file another program holds open: no copy-over fallback."""
    copy = backup_of(capsys, office, tmp_path / "b" / "copy.sqlite3")
    add_users(capsys, office, "somchai")

    def refused(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", refused)
    monkeypatch.setattr(os, "rename", refused)
    code, out = run(capsys, "--db", str(office), "restore", str(copy), "--user", "boss")
    monkeypatch.undo()
    assert code == 2 and "Unexpected" not in out
    assert users_in(office) == 2  # the live database is untouched
    assert not list(tmp_path.glob("office.sqlite3.restoring*"))


def test_restore_keeps_the_replaced_database_as_a_checked_backup(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = backup_of(capsys, office, tmp_path / "b" / "copy.sqlite3")
    add_users(capsys, office, "somchai")
    code, out = run(capsys, "--db", str(office), "restore", str(copy), "--user", "boss")
    assert code == 0, out
    (kept,) = tmp_path.glob("office.sqlite3.before-restore-*.bak")
    assert users_in(kept) == 2 and users_in(office) == 1
    assert os.stat(kept).st_mode & 0o077 == 0  # private, like every backup
    code, out = run(capsys, "--db", str(office), "check")
    assert code == 0, out


def test_a_rewritten_backup_is_refused_too(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A forger recomputing the hashes inside the backup is caught by the heads recorded outside
    it (the head log beside the live database)."""
    add_users(capsys, office, "somchai", "suda")
    copy = backup_of(capsys, office, tmp_path / "b" / "copy.sqlite3")
    rewrite_history(copy, seq=2)
    code, out = run(capsys, "--db", str(office), "restore", str(copy), "--user", "boss")
    assert code == 2 and "event 2" in out
    assert nothing_replaced(office, 3)
