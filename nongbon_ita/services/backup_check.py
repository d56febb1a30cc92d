"""Checking a backup before anything is replaced: it opens (decrypted when it is sealed), it is an
intact nongbon-ita database this version can read, its audit chain verifies — against itself and
against the heads recorded beside the live database — its kept files match their SHA-256, and it
is this office's unless the admin confirmed another office's.

`restore.py` swaps only what `verify_backup` accepted; whatever else must refuse a restore (a
database still open elsewhere) belongs here too, as one more check.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from nongbon_ita.db.location import SQLITE_HEADER, files_dir_of
from nongbon_ita.db.migrate import known_revisions
from nongbon_ita.db.schema_state import HEAD_REVISION
from nongbon_ita.domain.audit import first_difference
from nongbon_ita.domain.errors import N_, DatabaseRefused, NotFoundError
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.audit import check_chain
from nongbon_ita.services.audit_heads import live_links, read_head_log
from nongbon_ita.services.backup_crypto import decrypt_folder, is_encrypted, sealed_to_key
from nongbon_ita.services.backup_keys import open_with_key
from nongbon_ita.services.backup_store import BUNDLED_DATABASE
from nongbon_ita.services.kept_files import kept_file_line, kept_files_of
from nongbon_ita.services.settings_store import OFFICE_ID

NEEDS_KEY = N_("This backup is sealed to the office backup key: give its key file (restore --key "
               "FILE; the app asks for it) and the key's passphrase.")  # fmt: skip
NOT_OURS = N_("This file is not a nongbon-ita database.")
OTHER_OFFICE = N_("This backup belongs to another office ({office}). To restore it anyway, confirm "
                  "with --other-office (in the app: answer Yes to the second question).")  # fmt: skip


def ro_connect(path: Path) -> sqlite3.Connection:
    """A read-only connection (the path quoted: '?' or '#' in a folder name must not cut it)."""
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)


@contextmanager
def readonly_session(path: Path) -> Iterator[Session]:
    engine = create_engine("sqlite://", creator=lambda: ro_connect(path))
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def inspect_backup(path: Path) -> str:
    """Refuse anything that is not an intact nongbon-ita database this app can open; returns its
    schema revision."""
    if not path.is_file():
        raise NotFoundError(N_("File not found: {path}"), path=str(path))
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseRefused(NOT_OURS)
    try:
        with closing(ro_connect(path)) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise DatabaseRefused(N_("The backup file is damaged."))
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "audit_event", "app_user", "setting"} <= tables:
                raise DatabaseRefused(NOT_OURS)
            revision = str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    except sqlite3.DatabaseError:
        raise DatabaseRefused(NOT_OURS) from None
    if revision != HEAD_REVISION and revision not in known_revisions():
        raise DatabaseRefused(
            N_("The database was made by a newer version of nongbon-ita (schema {revision}); "
               "update the app first."),
            revision=revision,
        )  # fmt: skip
    return revision


@dataclass(frozen=True)
class OpenedBackup:
    source: Path  # the file the user named
    database: Path  # a plain SQLite file to read (a private decrypted copy when sealed)
    files: Path  # its kept files
    encrypted: bool


@contextmanager
def opened_backup(
    path: Path, passphrase: Callable[[], str], work_dir: Path,
    key: Callable[[], bytes] | None = None,
) -> Iterator[OpenedBackup]:  # fmt: skip
    """The backup as a database file and its folder; a sealed one is opened into a private
    folder in `work_dir` (beside the live database) and removed afterwards, whatever happens."""
    if not path.is_file():
        raise NotFoundError(N_("File not found: {path}"), path=str(path))
    if not is_encrypted(path):
        yield OpenedBackup(path, path, files_dir_of(path), False)
        return
    if sealed_to_key(path) and key is None:
        raise DatabaseRefused(NEEDS_KEY)
    stage = Path(tempfile.mkdtemp(prefix=".restore-", dir=work_dir))
    try:
        if key is not None and sealed_to_key(path):
            open_with_key(path, key(), passphrase(), stage)
        else:
            decrypt_folder(path, passphrase(), stage)
        database = stage / BUNDLED_DATABASE
        yield OpenedBackup(path, database, files_dir_of(database), True)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def office_of(database: Path) -> tuple[str, str]:
    """(office id, office name) of a database file; ("", "") when it cannot be read."""
    try:
        with closing(ro_connect(database)) as conn:
            found = conn.execute("SELECT value FROM setting WHERE key = ?", (OFFICE_ID,)).fetchone()
            name = conn.execute("SELECT name FROM office_profile LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return "", ""
    return (str(found[0]) if found else ""), (str(name[0]) if name else "")


def same_office(backup: tuple[str, str], current: tuple[str, str]) -> bool:
    """By the office's id when both have one (names change), else by name."""
    if backup[0] and current[0]:
        return backup[0] == current[0]
    return backup[1] == current[1]


@dataclass(frozen=True)
class VerifiedBackup:
    revision: str
    office_name: str
    other_office: bool
    events: int
    head_hash: str


def require_intact_chain(session: Session) -> None:
    """A backup whose own chain is broken is not trusted for anything."""
    chain = check_chain(session)
    if not chain.ok:
        raise DatabaseRefused(
            N_("The backup's audit trail is broken at event {seq} ({reason}); "
               "it is not restored."), seq=chain.first_broken_seq, reason=_(chain.reason),
        )  # fmt: skip


def verify_backup(opened: OpenedBackup, current: Path | None, other_office: bool) -> VerifiedBackup:
    """Every check, or DatabaseRefused naming the first that failed; nothing is written."""
    revision = inspect_backup(opened.database)
    office = office_of(opened.database)
    foreign = current is not None and current.is_file() and not same_office(
        office, office_of(current))  # fmt: skip
    if foreign and not other_office:
        raise DatabaseRefused(OTHER_OFFICE, office=office[1] or "?")
    with readonly_session(opened.database) as session:
        require_intact_chain(session)
        files = kept_files_of(session, opened.files / "evidence", opened.files / "complaints")
        if not files.ok:
            raise DatabaseRefused(
                N_("The backup's kept files do not match their records ({problem}); "
                   "it is not restored."), problem=kept_file_line(files.issues[0]),
            )  # fmt: skip
        links = live_links(session)
    records = read_head_log(current) if not foreign else None
    differs = records and first_difference(links, records.known, 0, records.source)
    if differs:
        raise DatabaseRefused(
            N_("The backup's audit trail differs from the one recorded beside the database from "
               "event {seq} on: it was changed after it was taken. It is not restored."),
            seq=differs.seq,
        )  # fmt: skip
    head = links[-1].hash if links else ""
    return VerifiedBackup(revision, office[1], foreign, len(links), head)
