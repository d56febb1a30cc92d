"""The daily backup policy: once a day, 30-day retention, a missing folder reported, preview."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.errors import PermissionDenied, ValidationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services import auto_backup, backup_preview
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.registry import Services
from tests.conftest import OFFICE, PASSWORD, Clock


@pytest.fixture
def office(tmp_path: Path, clock: Clock) -> Iterator[Services]:
    """An initialised office in a database file (backups need a file)."""
    database = open_database(DatabaseLocation.for_file(tmp_path / "office.sqlite3"))
    built = Services.over(ServiceContext(database, clock=clock, hashing=HashingCost.cheap()))
    built.setup.initialise(OFFICE, "admin", "ผู้ดูแลระบบ", PASSWORD)
    yield built
    built.ctx.database.dispose()


@pytest.fixture
def boss(office: Services) -> CurrentUser:
    return office.auth.login("admin", PASSWORD)


def test_one_backup_a_day(office: Services, clock: Clock, tmp_path: Path) -> None:
    first = auto_backup.run_daily_backup(office.ctx)
    assert first.status == "done" and first.path is not None and first.path.is_file()
    assert first.path.parent == tmp_path / "backups"
    assert auto_backup.last_backup_at(office.ctx) == clock.moment
    clock.moment += timedelta(hours=3)
    assert auto_backup.run_daily_backup(office.ctx).status == "skipped"
    clock.moment += timedelta(days=1)
    assert auto_backup.run_daily_backup(office.ctx).status == "done"
    assert len(auto_backup.list_backups(tmp_path / "backups")) == 2


def test_old_backups_go_after_the_retention_period_and_other_files_stay(
    office: Services, clock: Clock, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    local_now = clock.moment.astimezone().replace(tzinfo=None)
    old = folder / auto_backup.backup_file_name(local_now - timedelta(days=31))
    recent = folder / auto_backup.backup_file_name(local_now - timedelta(days=29))
    mine_to_keep = folder / "nongbon-ita-backup-manual-copy.sqlite3"
    for path in (old, recent, mine_to_keep):
        path.write_bytes(b"x")
    result = auto_backup.run_daily_backup(office.ctx)
    assert result.status == "done" and result.removed == 1
    assert not old.exists() and recent.exists() and mine_to_keep.exists()


def test_a_missing_usb_folder_is_reported_not_raised(
    office: Services, boss: CurrentUser, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    auto_backup.set_policy(office.ctx, boss, usb, 30)
    usb.rmdir()  # the drive was unplugged
    result = auto_backup.run_daily_backup(office.ctx)
    assert result.status == "failed" and result.path is None
    assert "USB" in result.message_id and dict(result.params)["path"] == str(usb)
    assert auto_backup.last_backup_at(office.ctx) is None
    assert not usb.exists()  # never created behind the user's back


def test_stale_warning_after_seven_days(office: Services, clock: Clock) -> None:
    assert auto_backup.is_stale(office.ctx)  # never backed up
    auto_backup.run_daily_backup(office.ctx)
    assert not auto_backup.is_stale(office.ctx)
    clock.moment += timedelta(days=7, minutes=1)
    assert auto_backup.is_stale(office.ctx)


def test_policy_is_for_admins_and_checked(
    office: Services, boss: CurrentUser, tmp_path: Path
) -> None:
    staff = CurrentUser(2, "staff", "เจ้าหน้าที่", frozenset({Role.STAFF}))
    with pytest.raises(PermissionDenied):
        auto_backup.set_policy(office.ctx, staff, tmp_path, 30)
    with pytest.raises(ValidationError):
        auto_backup.set_policy(office.ctx, boss, tmp_path / "nowhere", 30)
    with pytest.raises(ValidationError):
        auto_backup.set_policy(office.ctx, boss, tmp_path, 0)
    auto_backup.set_policy(office.ctx, boss, tmp_path, 60)
    assert auto_backup.backup_folder(office.ctx) == tmp_path
    assert auto_backup.keep_days(office.ctx) == 60


def test_preview_shows_what_the_backup_holds(office: Services) -> None:
    result = auto_backup.run_daily_backup(office.ctx)
    assert result.path is not None
    preview = backup_preview.preview_backup(result.path)
    assert preview.office_name == OFFICE.name
    assert preview.users == 1 and preview.measures == 0 and preview.loans == 0
    assert preview.revision == "0001_initial"
    assert preview.last_event_at is not None


def test_restore_brings_back_the_backup_and_keeps_the_old_file(
    office: Services, boss: CurrentUser, tmp_path: Path
) -> None:
    result = auto_backup.run_daily_backup(office.ctx)
    assert result.path is not None
    office.users.create_user(boss, "somchai", "นายสมชาย", frozenset({Role.STAFF}), PASSWORD)
    kept = auto_backup.restore_backup(office.ctx, boss, result.path)
    assert kept.is_file()
    assert backup_preview.preview_backup(tmp_path / "office.sqlite3").users == 1
    assert backup_preview.preview_backup(kept).users == 2
