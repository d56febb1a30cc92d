"""Daily backup names are short and of one length (date-time and a short id), whatever the
database is called; a backup whose paths would not fit Windows' 260-character limit (a long Thai
folder name) is refused with a clear message and nothing written; backups with the older names
are still listed and pruned."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.services import auto_backup
from nongbon_ita.services.backup_store import WINDOWS_MAX_PATH
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.registry import Services
from tests.conftest import OFFICE, PASSWORD, Clock
from tests.integration.safety_helpers import make_office, run

LONG_THAI = "ข้อมูลสำรองขององค์การบริหารส่วนตำบลหนองบอนอำเภอโกสุมพิสัยจังหวัดมหาสารคาม"  # 70


@pytest.fixture
def office(tmp_path: Path, clock: Clock) -> Iterator[Services]:
    name = f"{LONG_THAI}.sqlite3"  # a long Thai database name never reaches the backup's name
    database = open_database(DatabaseLocation.for_file(tmp_path / name))
    built = Services.over(ServiceContext(database, clock=clock, hashing=HashingCost.cheap()))
    built.setup.initialise(OFFICE, "admin", "ผู้ดูแลระบบ", PASSWORD)
    yield built
    built.ctx.database.dispose()


def test_daily_names_are_short_of_one_length_and_unique(office: Services, clock: Clock) -> None:
    names = []
    for _day in range(3):
        result = auto_backup.run_daily_backup(office.ctx)
        assert result.status == "done" and result.path is not None
        names.append(result.path.name)
        clock.moment += timedelta(days=1)
    assert all(
        re.fullmatch(r"nongbon-ita-backup-\d{8}-\d{6}-[0-9a-f]{4}\.sqlite3", n) for n in names
    )
    assert {len(n) for n in names} == {47} and LONG_THAI not in "".join(names)


def test_a_backup_folder_too_deep_for_windows_is_refused_and_nothing_is_written(
    office: Services, tmp_path: Path
) -> None:
    folder = tmp_path / LONG_THAI / LONG_THAI / LONG_THAI  # each part within Linux' 255 bytes
    folder.mkdir(parents=True)
    boss = office.auth.login("admin", PASSWORD)
    auto_backup.set_policy(office.ctx, boss, folder, 30)
    result = auto_backup.run_daily_backup(office.ctx)
    assert result.status == "failed"
    assert result.message_id.startswith("The backup's files would have paths of")
    assert dict(result.params)["limit"] == str(WINDOWS_MAX_PATH)
    assert list(folder.iterdir()) == []
    assert auto_backup.last_backup_at(office.ctx) is None


def test_the_command_says_so_in_thai_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    db = make_office(capsys, tmp_path / "office.sqlite3")
    folder = tmp_path / LONG_THAI / LONG_THAI / LONG_THAI
    folder.mkdir(parents=True)
    capsys.readouterr()
    from nongbon_ita.cli import main

    code = main(["--db", str(db), "backup", "--out", str(folder / "b.sqlite3"), "--user", "boss"])
    err = capsys.readouterr().err
    assert code == 2 and "Windows" in err and "อักขระ" in err and "Traceback" not in err
    assert list(folder.iterdir()) == []
    code, out = run(capsys, "--db", str(db), "backup", "--out", str(tmp_path / "b.sqlite3"),
                    "--user", "boss")  # fmt: skip
    assert code == 0, out


def test_backups_with_the_older_names_are_still_listed_and_pruned(
    office: Services, clock: Clock, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    local = clock.moment.astimezone().replace(tzinfo=None) - timedelta(days=40)
    stamp = local.strftime("%Y%m%d-%H%M%S")
    old_plain = folder / f"nongbon-ita-backup-{stamp}.sqlite3"
    old_serial = folder / f"nongbon-ita-backup-{stamp}-2.nbk"
    for path in (old_plain, old_serial):
        path.write_bytes(b"x")
    assert {b.path for b in auto_backup.list_backups(folder)} == {old_plain, old_serial}
    assert auto_backup.run_daily_backup(office.ctx).removed == 2
    assert not old_plain.exists() and not old_serial.exists()
