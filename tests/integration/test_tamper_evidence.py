"""Issue 13, finding 2: a rewritten audit history (every later hash and the stored head
recomputed) or a truncated tail is caught by the heads recorded outside the file — the head log
beside the database, every backup in the backup folder, and `check --against BACKUP` — and the
report names the first event that differs."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from nongbon_ita.services.audit_heads import head_log_path
from tests.integration.safety_helpers import add_users, make_office, rewrite_history, run


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    from tests.conftest import PASSWORD

    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "first-pass-1")
    db = make_office(capsys, tmp_path / "office.sqlite3")
    add_users(capsys, db, "anan", "boonmee", "chai")
    return db


def events(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT max(seq) FROM audit_event").fetchone()[0])


def usb_backup(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    usb = tmp_path / "usb" / "copy.sqlite3"
    usb.parent.mkdir()
    assert run(capsys, "--db", str(office), "backup", "--out", str(usb), "--user", "boss")[0] == 0
    return usb


def test_the_chain_alone_cannot_see_a_recomputed_history(office: Path) -> None:
    """The premise: inside the file, the forgery is consistent."""
    from nongbon_ita.app import open_services
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.services.audit import check_chain

    rewrite_history(office, seq=2)
    services = open_services(DatabaseLocation.for_file(office), must_exist=True)
    try:
        with services.ctx.reading() as session:
            assert check_chain(session).ok
    finally:
        services.ctx.database.dispose()


def test_a_rewritten_event_is_caught_by_the_head_log(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert head_log_path(office).is_file()
    rewrite_history(office, seq=2)
    code, out = run(capsys, "--db", str(office), "check")
    assert code == 1 and "event 2" in out and "intact" not in out


def test_a_truncated_tail_is_caught_by_the_head_log(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = events(office)
    rewrite_history(office, drop_last=2)
    code, out = run(capsys, "--db", str(office), "check")
    assert code == 1 and f"event {last - 1}" in out


def test_backups_in_the_backup_folder_catch_it_when_the_head_log_is_gone_too(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "backups" / "nongbon-ita-backup-20240115-090000.sqlite3"
    backup.parent.mkdir()
    assert (
        run(capsys, "--db", str(office), "backup", "--out", str(backup), "--user", "boss")[0] == 0
    )
    rewrite_history(office, seq=3)
    head_log_path(office).unlink()
    code, out = run(capsys, "--db", str(office), "check")
    assert code == 1 and "event 3" in out and backup.name in out


def test_check_against_a_backup_names_the_first_difference(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = usb_backup(office, tmp_path, capsys)
    last = events(usb)
    rewrite_history(office, drop_last=3)
    head_log_path(office).unlink()
    code, out = run(capsys, "--db", str(office), "check")
    # no record left in reach to compare the trail with, but the rows the dropped events wrote
    # have no seal any more: they show as added outside the app
    assert code == 1 and "Added outside the app: user" in out and "rewritten" not in out, out
    code, out = run(capsys, "--db", str(office), "check", "--against", str(usb))
    assert code == 1 and f"event {last - 2}" in out
    code, out = run(capsys, "--db", str(office), "check", "--against", str(tmp_path / "none"))
    assert code == 2


def test_an_honest_database_passes_against_its_backups(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = usb_backup(office, tmp_path, capsys)
    add_users(capsys, office, "dao")
    code, out = run(capsys, "--db", str(office), "check", "--against", str(usb))
    assert code == 0 and "intact" in out, out
    # a restore rewinds the trail on purpose: the old, longer history is not a forgery
    assert run(capsys, "--db", str(office), "restore", str(usb), "--user", "boss")[0] == 0
    code, out = run(capsys, "--db", str(office), "check")
    assert code == 0 and "intact" in out, out


def test_another_databases_backups_in_the_same_folder_are_not_taken_for_a_forgery(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two databases in one folder share its `backups` folder by default."""
    folder = tmp_path / "backups"
    folder.mkdir()
    other = make_office(capsys, tmp_path / "other.sqlite3", "องค์การบริหารส่วนตำบลอื่น")
    out = folder / "nongbon-ita-backup-20240101-090000.sqlite3"
    assert run(capsys, "--db", str(other), "backup", "--out", str(out), "--user", "boss")[0] == 0
    code, out_text = run(capsys, "--db", str(office), "check")
    assert code == 0 and "intact" in out_text, out_text
