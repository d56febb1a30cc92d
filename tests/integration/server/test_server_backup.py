"""Backup and restore of a database on the server: the backup is a nongbon-ita file a user can
carry (and open, and `check`); restore puts it back in one go, keeps what it replaced, and waits
until no other workstation has the database open."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from nongbon_ita.cli import main
from tests.backends import backends

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


def usernames(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {row[0] for row in conn.execute("SELECT username FROM app_user")}


@pytest.mark.parametrize("backend", ON_PG)
def test_a_server_backup_is_a_file_that_restores_what_it_held(
    backend: str,
    office_on_server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = office_on_server
    backup = tmp_path / "usb" / "office-backup.sqlite3"
    backup.parent.mkdir()
    assert main(["--db", url, "backup", "--out", str(backup), "--user", "admin"]) == 0
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    assert (backup.with_name(backup.name + ".files") / "evidence").is_dir()
    assert main(["--db", str(backup), "check"]) == 0  # chain and kept files of the copy verify
    before = usernames(url)

    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "first-pass-1")
    assert main(["--db", url, "users", "add", "somchai", "--full-name", "นายสมชาย",
                 "--roles", "staff", "--user", "admin"]) == 0  # fmt: skip
    assert "somchai" in usernames(url)
    capsys.readouterr()
    assert main(["--db", url, "restore", str(backup), "--user", "admin"]) == 0
    assert usernames(url) == before
    assert main(["--db", url, "check"]) == 0
    kept = list(backup.parent.glob("before-restore-*.sqlite3"))
    assert len(kept) == 1  # what the restore replaced, somchai included, is kept


@pytest.mark.parametrize("backend", ON_PG)
def test_restore_waits_while_another_workstation_has_the_database_open(
    backend: str, office_on_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = office_on_server
    backup = tmp_path / "office-backup.sqlite3"
    assert main(["--db", url, "backup", "--out", str(backup), "--user", "admin"]) == 0
    with psycopg.connect(url, application_name="nongbon-ita@FINANCE-PC") as _other:
        capsys.readouterr()
        assert main(["--db", url, "restore", str(backup), "--user", "admin"]) == 2
        assert "FINANCE-PC" in capsys.readouterr().err
    assert not list(tmp_path.glob("before-restore-*"))
