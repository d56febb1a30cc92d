"""Restore: check the backup (backup_check.verify_backup), then swap it in (`swap_in`).

The swap keeps the replaced database as a private backup beside it, then renames the staged copy
over the live file with `os.replace` — atomic on Linux and on Windows (MoveFileEx) — and nothing
else: when the rename is refused (a program still holds the file, as Windows does), the live file
is left exactly as it was and the restore is refused; there is no copy-over-the-file fallback
that a kill could leave half-written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nongbon_ita.db.location import DatabaseLocation, files_dir_of
from nongbon_ita.db.private_files import make_tree_private
from nongbon_ita.domain.errors import N_, AuthenticationError, DatabaseRefused
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.audit_heads import head_log_path, record_rewind
from nongbon_ita.services.backup_check import (
    OpenedBackup,
    VerifiedBackup,
    opened_backup,
    ro_connect,
)
from nongbon_ita.services.backup_check import verify_backup as verify_backup
from nongbon_ita.services.backup_store import remove_partial, snapshot
from nongbon_ita.services.context import HashingCost
from nongbon_ita.services.passwords import verify_secret
from nongbon_ita.services.presence import exclusive_access


def kept_name(target: Path, now: datetime) -> Path:
    return target.with_name(f"{target.name}.before-restore-{now.strftime('%Y%m%d-%H%M%S')}.bak")


def _stage(target: Path, opened: OpenedBackup) -> Path:
    """A private copy of the backup beside the live file (same disk: the rename is atomic)."""
    staged = target.with_name(target.name + ".restoring")
    remove_partial(staged)
    snapshot(opened.database, staged)
    if opened.files.is_dir():
        shutil.copytree(opened.files, files_dir_of(staged))
        make_tree_private(files_dir_of(staged))
    return staged


def _fold_wal(target: Path) -> None:
    """Empty the live file's WAL into it, so dropping -wal/-shm loses nothing."""
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)


def swap_in(target: Path, opened: OpenedBackup, now: datetime) -> Path | None:
    """Replace `target` by the backup; returns the kept previous file (None: there was none)."""
    staged = _stage(target, opened)
    kept: Path | None = None
    live_files, aside = files_dir_of(target), files_dir_of(kept_name(target, now))
    moved_files = False
    try:
        if target.exists():
            kept = kept_name(target, now)
            snapshot(target, kept)  # folds the WAL in: the kept copy is whole
            _fold_wal(target)
        if live_files.is_dir():  # the kept files go with the kept database
            os.replace(live_files, aside)
            moved_files = True
        if files_dir_of(staged).is_dir():
            os.replace(files_dir_of(staged), live_files)
        os.replace(staged, target)
    except OSError as error:
        if moved_files:  # put the live folder back where it was
            shutil.rmtree(live_files, ignore_errors=True)
            os.replace(aside, live_files)
        if kept is not None:
            kept.unlink(missing_ok=True)
        remove_partial(staged)
        raise DatabaseRefused(
            N_("The database could not be replaced ({error}); is it open in another program? "
               "Nothing was changed."), error=error.strerror or str(error),
        ) from None  # fmt: skip
    return kept


@dataclass(frozen=True)
class RestoreOutcome:
    kept: Path | None
    backup: VerifiedBackup


def restore_file(
    target: Path, backup: Path, actor: Callable[[OpenedBackup], str], now: datetime,
    passphrase: Callable[[], str], other_office: bool = False,
    clock: Callable[[], datetime] | None = None, key: Callable[[], bytes] | None = None,
) -> RestoreOutcome:  # fmt: skip
    """Check `backup`, swap it in for `target`, and record who did it in the restored trail.

    `actor` names the admin once the backup is open and checked (it may check the admin against
    the backup itself when there is no live database). The database must be closed. `key`: the
    office backup key file's content, for a backup sealed to it (`passphrase` then opens it).
    """
    # nobody else has the file open (their next saves would go into the replaced file), and
    # nobody opens it until the swap, the head log's rewind and the restore's event are written
    with exclusive_access(target):
        with opened_backup(backup, passphrase, target.parent, key) as opened:
            verified = verify_backup(opened, target if target.exists() else None, other_office)
            username = actor(opened)
            kept = swap_in(target, opened, now)
        log = head_log_path(target)
        if verified.other_office and log.exists():  # another office's history: its own log
            os.replace(log, head_log_path(kept or kept_name(target, now)))
        record_rewind(target, verified.events, verified.head_hash)
        _record_restore(target, username, backup, kept, verified, opened.encrypted, clock)
    return RestoreOutcome(kept, verified)


def _record_restore(
    target: Path, username: str, backup: Path, kept: Path | None, verified: VerifiedBackup,
    encrypted: bool, clock: Callable[[], datetime] | None,
) -> None:  # fmt: skip
    """The restored file's own trail says it was restored, by whom, from what."""
    from nongbon_ita.db.engine import open_database
    from nongbon_ita.services.context import ServiceContext

    restored = ServiceContext(open_database(DatabaseLocation.for_file(target), must_exist=True))
    if clock is not None:
        restored.clock = clock
    try:
        with restored.transaction() as session:
            record_event(restored, session, username, "database.restored", "database", "",
                         after={"from": backup.name, "kept": kept.name if kept else "",
                                "other_office": verified.other_office,
                                "encrypted": encrypted})  # fmt: skip
    finally:
        restored.database.dispose()


def admin_in_backup(database: Path, username: str, password: str, hashing: HashingCost) -> str:
    """With no live database to log in to (a new PC), the admin must be one in the backup."""
    name = username.strip().lower()
    with closing(ro_connect(database)) as conn:
        row = conn.execute("SELECT id, full_name, password_hash, active FROM app_user "
                           "WHERE username = ?", (name,)).fetchone()  # fmt: skip
        roles = [r[0] for r in conn.execute(
            "SELECT role FROM user_role WHERE user_id = ?", (row[0] if row else -1,))]  # fmt: skip
    if row is None or not row[3] or not verify_secret(str(row[2]), password, hashing):
        raise AuthenticationError(N_("Wrong user name or password."))
    known = frozenset(Role(r) for r in roles if r in {role.value for role in Role})
    require(CurrentUser(int(row[0]), name, str(row[1]), known), Operation.RESTORE)
    return name
