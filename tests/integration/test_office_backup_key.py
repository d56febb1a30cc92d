"""The office backup key: the daily and manual backups are sealed to a public key kept in the
settings (no passphrase at start-up, no secret beside the database); `restore` opens them with
the key file and its passphrase only — a missing key, a wrong passphrase or another office's key
is refused in Thai with exit 2 and nothing changed."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from nongbon_ita.cli import main
from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.services import auto_backup
from nongbon_ita.services.backup_crypto import is_encrypted, sealed_to_key
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.registry import Services
from tests.conftest import PASSWORD, Clock
from tests.integration.safety_helpers import make_office, run

KEY_PASSPHRASE = "กุญแจสำรองของ อบต. 2570"


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_BACKUP_PASSPHRASE", KEY_PASSPHRASE)
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "a-new-users-password-1")


def digest(path: Path) -> tuple[str, ...]:
    """What a refused restore must leave as it was: the users (a login is recorded, so the
    file's bytes change) and the file itself (not replaced: same inode)."""
    with closing(sqlite3.connect(path)) as conn:
        names = [r[0] for r in conn.execute("SELECT username FROM app_user ORDER BY username")]
    return (str(path.stat().st_ino), *names)


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return make_office(capsys, tmp_path / "office" / "office.sqlite3")


@pytest.fixture
def key(office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "usb" / "office-backup.key"
    out.parent.mkdir()
    code, text = run(capsys, "--db", str(office), "backup-key", "create", "--out", str(out),
                     "--user", "boss")  # fmt: skip
    assert code == 0, text
    return out


def test_the_key_file_is_private_and_protected_and_no_secret_stays_beside_the_database(
    office: Path, key: Path
) -> None:
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    beside = b"".join(p.read_bytes() for p in office.parent.rglob("*") if p.is_file())
    assert KEY_PASSPHRASE.encode() not in beside and b"PRIVATE KEY" not in beside


@pytest.fixture
def services(office: Path, key: Path, clock: Clock) -> Iterator[Services]:
    database = open_database(DatabaseLocation.for_file(office))
    built = Services.over(ServiceContext(database, clock=clock, hashing=HashingCost.cheap()))
    yield built
    database.dispose()


def test_the_daily_backup_is_sealed_and_restores_with_the_key_only(
    services: Services, office: Path, key: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    result = auto_backup.run_daily_backup(services.ctx)  # no passphrase asked at start-up
    assert result.status == "done" and result.path is not None
    daily = result.path
    assert daily.suffix == ".nbk" and sealed_to_key(daily) and is_encrypted(daily)
    assert b"SQLite format 3" not in daily.read_bytes()
    services.ctx.database.dispose()
    code, out = run(capsys, "--db", str(office), "users", "add", "later", "--full-name", "ทีหลัง",
                    "--roles", "staff", "--user", "boss")  # fmt: skip
    assert code == 0, out
    before = digest(office)

    code, out = run(capsys, "--db", str(office), "restore", str(daily), "--user", "boss")
    assert code == 2 and "office backup key" in out and digest(office) == before

    monkeypatch.setenv("NONGBON_ITA_BACKUP_PASSPHRASE", "not the key's passphrase")
    code, out = run(capsys, "--db", str(office), "restore", str(daily), "--key", str(key),
                    "--user", "boss")  # fmt: skip
    assert code == 2 and "passphrase is wrong" in out and digest(office) == before
    assert main(["--db", str(office), "restore", str(daily), "--key", str(key),
                 "--user", "boss"]) == 2  # fmt: skip
    assert "รหัสผ่าน" in capsys.readouterr().err

    monkeypatch.setenv("NONGBON_ITA_BACKUP_PASSPHRASE", KEY_PASSPHRASE)
    code, out = run(capsys, "--db", str(office), "restore", str(daily), "--key", str(key),
                    "--user", "boss")  # fmt: skip
    assert code == 0, out
    code, out = run(capsys, "--db", str(office), "check")
    assert code == 0, out
    code, out = run(capsys, "--db", str(office), "users", "list", "--user", "boss")
    assert "later" not in out  # the backup's state, before the user was added


def test_another_offices_key_is_refused_and_nothing_changes(
    office: Path, key: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "usb" / "manual.nbk"
    code, out = run(capsys, "--db", str(office), "backup", "--out", str(backup), "--user", "boss")
    assert code == 0 and sealed_to_key(backup), out
    other = make_office(capsys, tmp_path / "other" / "other.sqlite3", name="อบต.หนองแวง")
    other_key = tmp_path / "other-office.key"
    code, out = run(capsys, "--db", str(other), "backup-key", "create", "--out", str(other_key),
                    "--user", "boss")  # fmt: skip
    assert code == 0, out
    before = digest(office)
    code, out = run(capsys, "--db", str(office), "restore", str(backup), "--key", str(other_key),
                    "--user", "boss")  # fmt: skip
    assert code == 2 and "another office backup key" in out and digest(office) == before
