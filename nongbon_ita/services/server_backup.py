"""Backup and restore of a database on a PostgreSQL server.

A server's backup is the app's own logical dump in the same format as a SQLite office's: a
nongbon-ita SQLite file (plain with `<file>.files/`, or sealed with a passphrase) written by
backup_store from a copy of every row. A user carries it like any backup, `restore` checks it
the same way (backup_check), and no PostgreSQL tools of the server's exact version are needed
on the workstation. Restore replaces the server's rows in one transaction, after keeping the
current ones as such a file beside the backup, and only while no other workstation has the
database open.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from nongbon_ita.db.copy import copy_rows, empty_tables
from nongbon_ita.db.engine import Database, open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.errors import N_, DatabaseRefused
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.backup_check import opened_backup, verify_backup
from nongbon_ita.services.backup_store import write_backup
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.transfer import KEPT_KINDS, copy_into_file, copy_kept_files


def backup_server(
    ctx: ServiceContext, actor: str, out: Path, passphrase: str | None = None
) -> Path:
    """Write the server's database (and its kept files) as a backup file `out`."""
    out = out.expanduser().absolute()
    with ctx.transaction() as session:  # audited first, so the copy carries its own event
        record_event(ctx, session, actor, "database.backup", "database", "",
                     after={"file": out.name, "encrypted": passphrase is not None})  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="nongbon-server-backup-") as folder:
        staged = Path(folder) / "server.sqlite3"
        copy_into_file(ctx.database, staged)
        copy_kept_files(ctx.database.location, DatabaseLocation.for_file(staged))
        return write_backup(staged, out, passphrase)


def others_connected(database: Database) -> list[str]:
    """Who else has this database open: the workstation names nongbon-ita connects with."""
    query = text(
        "SELECT coalesce(nullif(application_name, ''), host(client_addr), '?') "
        "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    with database.engine.connect() as connection:
        return sorted({str(name) for (name,) in connection.execute(query)})


def _refuse_if_in_use(database: Database) -> None:
    others = others_connected(database)
    if others:
        raise DatabaseRefused(
            N_("The database is open on {who}; close nongbon-ita there first, then restore."),
            who=", ".join(others),
        )


def _replace_rows(database: Database, source_file: Path) -> None:
    """Every row of the server replaced by the SQLite file's, in one transaction."""
    with tempfile.TemporaryDirectory(prefix="nongbon-restore-") as folder:
        staged = Path(folder) / "backup.sqlite3"
        shutil.copyfile(source_file, staged)  # opening migrates: never the user's own file
        source = open_database(DatabaseLocation.for_file(staged), must_exist=True)
        try:
            with source.engine.connect() as src, database.engine.begin() as dst:
                empty_tables(dst)
                copy_rows(src, dst)
        finally:
            source.dispose()


def restore_server(
    location: DatabaseLocation, backup: Path, actor: str, now: datetime,
    passphrase: Callable[[], str], other_office: bool = False,
) -> Path:  # fmt: skip
    """Check `backup`, keep the server's current content beside it, put the backup's in, and
    record who did it in the restored trail; returns where the previous content was kept."""
    database = open_database(location, must_exist=True)
    try:
        with opened_backup(backup, passphrase, Path(tempfile.gettempdir())) as opened:
            verify_backup(opened, None, other_office)
            _refuse_if_in_use(database)
            kept = backup.with_name(f"before-restore-{now.strftime('%Y%m%d-%H%M%S')}.sqlite3")
            copy_into_file(database, kept)
            copy_kept_files(location, DatabaseLocation.for_file(kept))
            _replace_rows(database, opened.database)
            for kind in KEPT_KINDS:
                if (opened.files / kind).is_dir():
                    shutil.copytree(opened.files / kind, location.files_dir(kind),
                                    dirs_exist_ok=True)  # fmt: skip
        restored = ServiceContext(database)
        with restored.transaction() as session:
            record_event(restored, session, actor, "database.restored", "database", "",
                         after={"from": backup.name, "kept": kept.name,
                                "encrypted": opened.encrypted})  # fmt: skip
        return kept
    finally:
        database.dispose()
