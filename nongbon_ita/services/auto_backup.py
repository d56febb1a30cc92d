"""The daily backup of a single office PC: taken on GUI start, kept 30 days, previewed on restore.

Policy (settings table, so it travels with the database): at most one automatic backup per local
calendar day, into a folder the admin chooses (a USB drive is the usual choice; by default a
`backups` folder beside the database), files older than the retention period removed — only
files this module named. A missing folder (USB drive not plugged in) is reported, never raised:
start-up must go on. The copy itself is backup_store.backup_database (private, never overwriting,
only the kept files it references); pruning removes all of an old backup, its files folder too,
and the copies migrations and restores leave beside the database.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from nongbon_ita.db.location import files_dir_of
from nongbon_ita.db.private_files import private_mkdir
from nongbon_ita.domain.errors import N_, DomainError, ValidationError
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.backup_keys import office_public_key
from nongbon_ita.services.backup_store import backup_database, refuse_long_path, remove_leftovers
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.presence import FileIdentity
from nongbon_ita.services.restore import restore_file
from nongbon_ita.services.settings_store import get_setting, put_setting

FOLDER = "backup.folder"
LAST_AT = "backup.last_at"
KEEP_DAYS = "backup.keep_days"
DEFAULT_KEEP_DAYS = 30
STALE_AFTER = timedelta(days=7)
SYSTEM_ACTOR = "system"  # the automatic backup is nobody's action
ENCRYPTED_SUFFIX = ".nbk"  # one sealed file (backup_crypto); plain backups end in .sqlite3
# new names: date-time and a short random id, fixed length whatever the database is called;
# older names (no id, or a serial) are still listed and pruned
_NAME = re.compile(r"^nongbon-ita-backup-(\d{8}-\d{6})(?:-\d+|-[0-9a-f]{4})?\.(sqlite3|nbk)$")
# copies the app leaves beside the database: before a migration, before a restore
_KEPT_COPY = re.compile(r"\.before-(?:migration|restore)-(\d{8}-\d{6})\.bak$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # local time, from the file name
    size: int


@dataclass(frozen=True)
class AutoBackupResult:
    status: str  # "done", "skipped" (one today already) or "failed"
    path: Path | None = None
    message_id: str = ""  # why it failed (a translatable id), with `params`
    params: tuple[tuple[str, str], ...] = ()
    removed: int = 0  # old backups deleted by the retention rule


def backup_file_name(moment: datetime, encrypted: bool = False, short_id: str = "") -> str:
    """`nongbon-ita-backup-YYYYMMDD-HHMMSS-xxxx.sqlite3` (or `.nbk`): 47 characters, so a
    backup folder deep in a Thai-named tree still fits Windows' path limit."""
    suffix = ENCRYPTED_SUFFIX if encrypted else ".sqlite3"
    tail = f"-{short_id or secrets.token_hex(2)}"  # two programs backing up in the same second
    return f"nongbon-ita-backup-{moment.strftime('%Y%m%d-%H%M%S')}{tail}{suffix}"


@contextmanager
def _reserved_name(folder: Path, local: datetime, encrypted: bool) -> Iterator[Path]:
    """A backup name no other program is using or has used: a `.reserved` marker, created
    exclusively, is held while the backup is written (issue 12: same-second names collided)."""
    while True:
        out = folder / backup_file_name(local, encrypted)
        marker = out.with_name(out.name + ".reserved")
        try:
            os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue  # another program is writing this one now
        if out.exists():  # written earlier in this second and finished
            marker.unlink(missing_ok=True)
            continue
        try:
            yield out
        finally:
            marker.unlink(missing_ok=True)
        return


def default_folder(ctx: ServiceContext) -> Path | None:
    file = ctx.database.location.file
    return file.parent / "backups" if file is not None else None


def backup_folder(ctx: ServiceContext) -> Path | None:
    """The chosen folder, else `backups` beside the database (None for a server database)."""
    with ctx.reading() as session:
        chosen = get_setting(session, FOLDER)
    return Path(chosen) if chosen else default_folder(ctx)


def keep_days(ctx: ServiceContext) -> int:
    with ctx.reading() as session:
        value = get_setting(session, KEEP_DAYS)
    return int(value) if value and value.isdigit() and int(value) > 0 else DEFAULT_KEEP_DAYS


def last_backup_at(ctx: ServiceContext) -> datetime | None:
    with ctx.reading() as session:
        value = get_setting(session, LAST_AT)
    return datetime.fromisoformat(value) if value else None


def is_stale(ctx: ServiceContext) -> bool:
    """No backup yet, or the last one is older than 7 days: the GUI warns."""
    last = last_backup_at(ctx)
    return last is None or ctx.now() - last > STALE_AFTER


def set_policy(ctx: ServiceContext, user: CurrentUser, folder: Path | None, days: int) -> None:
    """Choose the folder (None: the default beside the database) and the retention in days."""
    require(user, Operation.BACKUP)
    if not 1 <= days <= 3650:
        raise ValidationError(N_("Keep backups for 1 to 3650 days."), field="keep_days")
    if folder is not None and not folder.is_dir():
        raise ValidationError(N_("Folder not found: {path}"), field="folder", path=str(folder))
    with ctx.transaction() as session:
        before = {"folder": get_setting(session, FOLDER) or "", "keep_days": get_setting(
            session, KEEP_DAYS) or str(DEFAULT_KEEP_DAYS)}  # fmt: skip
        after = {"folder": str(folder) if folder else "", "keep_days": str(days)}
        put_setting(session, FOLDER, after["folder"])
        put_setting(session, KEEP_DAYS, after["keep_days"])
        record_event(ctx, session, user.username, "backup.policy", "setting", "backup",
                     before=before, after=after)  # fmt: skip


def list_backups(folder: Path) -> list[BackupFile]:
    """This app's backups in `folder`, newest first (other files are left alone)."""
    found = []
    for path in folder.glob("nongbon-ita-backup-*") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            found.append(BackupFile(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _remove_copy(path: Path) -> None:
    """A backup is its file, its kept files and whatever SQLite left beside it: all of it goes."""
    shutil.rmtree(files_dir_of(path), ignore_errors=True)
    for suffix in ("-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.unlink(missing_ok=True)


def prune(folder: Path, now_local: datetime, days: int, database: Path | None = None) -> int:
    """Delete this app's backups older than `days` (the newest one always stays), the copies
    older than `days` that migrations and restores left beside `database`, and what a killed
    backup or restore left (backup_store.remove_leftovers)."""
    limit = timedelta(days=days)
    old = [b.path for b in list_backups(folder)[1:] if now_local - b.taken_at > limit]
    if database is not None:
        for path in database.parent.glob(f"{database.name}.before-*.bak"):
            match = _KEPT_COPY.search(path.name)
            if match and now_local - datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") > limit:
                old.append(path)
    for path in old:
        _remove_copy(path)
    return len(old) + remove_leftovers(folder, database)


def _failed(message_id: str, **params: str) -> AutoBackupResult:
    return AutoBackupResult("failed", message_id=message_id, params=tuple(params.items()))


def run_daily_backup(ctx: ServiceContext) -> AutoBackupResult:
    """Take today's backup unless one exists; never raises for an expected problem."""
    now = ctx.now()
    local = now.astimezone().replace(tzinfo=None)
    last = last_backup_at(ctx)
    if last is not None and last.astimezone().date() == local.date():
        return AutoBackupResult("skipped")
    folder = backup_folder(ctx)
    if folder is None:
        return _failed(N_("Backup and restore work on a SQLite database file only."))
    if folder == default_folder(ctx):
        private_mkdir(folder)
    if not folder.is_dir():  # a USB drive that is not plugged in
        return _failed(N_("The backup folder {path} is not available (is the USB drive "
                          "plugged in?). No backup was made today."), path=str(folder))  # fmt: skip
    try:
        out = take_backup(ctx, SYSTEM_ACTOR, folder, local)
    except DomainError as error:
        return _failed(error.message_id, **{k: str(v) for k, v in error.params.items()})
    except (OSError, sqlite3.Error) as error:
        return _failed(N_("The backup could not be written: {error}"), error=str(error))
    removed = prune(folder, local, keep_days(ctx), ctx.database.location.file)
    return AutoBackupResult("done", out, removed=removed)


def take_backup(
    ctx: ServiceContext, actor: str, folder: Path, local: datetime, passphrase: str | None = None
) -> Path:
    """One backup file in `folder`, remembered as the last backup."""
    sealed = passphrase is not None or office_public_key(ctx) is not None
    probe = folder / backup_file_name(local, sealed, "0000")  # names: one length
    refuse_long_path(probe, ctx.database.location.file)
    with _reserved_name(folder, local, encrypted=sealed) as name:
        out = backup_database(ctx, actor, name, passphrase)
    with ctx.transaction() as session:
        put_setting(session, LAST_AT, ctx.now().astimezone(UTC).isoformat())
    return out


def backup_now(ctx: ServiceContext, user: CurrentUser, passphrase: str | None = None) -> Path:
    """An admin's backup on demand, into the backup folder (whatever today's count); sealed with
    `passphrase` when one is given."""
    require(user, Operation.BACKUP)
    folder = backup_folder(ctx)
    if folder is None:
        raise ValidationError(N_("Backup and restore work on a SQLite database file only."))
    if folder == default_folder(ctx):
        private_mkdir(folder)
    local = ctx.now().astimezone().replace(tzinfo=None)
    return take_backup(ctx, user.username, folder, local, passphrase)


def restore_backup(
    ctx: ServiceContext, user: CurrentUser, backup: Path,
    passphrase: Callable[[], str] | None = None, other_office: bool = False,
    key: Callable[[], bytes] | None = None,
) -> Path | None:  # fmt: skip
    """Check `backup` and swap it in (restore.restore_file: the same rules as the command line);
    returns the kept previous file. The caller restarts the app: this context's connections
    are closed (a refused restore leaves the database as it was, and usable)."""
    require(user, Operation.RESTORE)
    target = ctx.database.location.file
    if target is None:
        raise ValidationError(N_("Backup and restore work on a SQLite database file only."))
    ctx.database.dispose()
    outcome = restore_file(target, backup, lambda _opened: user.username, ctx.now(),
                           passphrase or _no_passphrase, other_office, ctx.clock, key)  # fmt: skip
    ctx.identity = FileIdentity.of(target)  # replaced by us: this program is not writing blind
    return outcome.kept


def _no_passphrase() -> str:
    raise ValidationError(N_("This backup is encrypted: a passphrase is needed."))
