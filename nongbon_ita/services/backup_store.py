"""Writing a backup of a SQLite database: the one place that knows a backup is a SQLite file with a
`<file>.files/` folder beside it (a PostgreSQL backup would be another writer with the same
contract: a file `restore` can check).

A backup is private (owner-only), never overwrites anything, holds the kept files its own rows
reference and nothing else (each copied file hashed against its record), and is either plain —
`F` and `F.files/` — or one encrypted file `F` (backup_crypto).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from nongbon_ita.db.location import files_dir_of
from nongbon_ita.db.private_files import FILE_MODE, make_private, make_tree_private
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.backup_crypto import check_passphrase, encrypt_folder
from nongbon_ita.services.backup_keys import key_id, office_public_key, seal_to_key
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.kept_files import file_sha256

BUNDLED_DATABASE = "database.sqlite3"  # its name inside an encrypted backup
# (kind folder, query of the stored paths and digests a database references)
KEPT_QUERIES = (
    ("evidence", "SELECT stored_path, sha256 FROM ita_evidence WHERE kind = 'file'"),
    ("complaints", "SELECT stored_path, sha256 FROM complaint_attachment"),
)


def refuse_existing(out: Path, database: Path) -> None:
    """A backup goes to a new name: never over a file (the live -wal included) or a folder."""
    taken = [out, files_dir_of(out)]
    live = [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]
    if any(p.exists() or p.is_symlink() for p in taken) or out in live:
        raise ValidationError(
            N_("{path} already exists; a backup never overwrites a file. Choose a new name."),
            field="out", path=str(out),
        )  # fmt: skip
    if not out.parent.is_dir():
        raise NotFoundError(N_("Folder not found: {path}"), path=str(out.parent))
    refuse_long_path(out, database)


WINDOWS_MAX_PATH = 259  # characters in a path Windows' programs accept (260 with the final NUL)
_STAGED_FILES = ".partial.files/complaints/"  # the deepest thing a backup writes, besides `out`


def _longest_kept_path(database: Path) -> int:
    """The longest stored path of a kept file the database refers to (0: none, or unreadable)."""
    try:
        with closing(sqlite3.connect(f"file:{quote(str(database))}?mode=ro", uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            found = [conn.execute(f"SELECT max(length(stored_path)) FROM {table}").fetchone()[0]
                     for table in ("ita_evidence", "complaint_attachment") if table in tables]  # fmt: skip
    except sqlite3.Error:
        return 0
    return max((int(n) for n in found if n), default=0)


def refuse_long_path(out: Path, database: Path | None) -> None:
    """Refuse a backup whose files would not fit Windows' path limit (a long Thai folder name):
    on Windows the copy would fail half-way; elsewhere the backup could not be used there."""
    longest = len(str(out)) + len(".reserved")
    if database is not None and (kept := _longest_kept_path(database)):
        longest = max(longest, len(str(out)) + len(_STAGED_FILES) + kept)
    if longest > WINDOWS_MAX_PATH:
        raise ValidationError(
            N_("The backup's files would have paths of {n} characters, and Windows accepts at "
               "most {limit}. Choose a folder with a shorter path than {path}."),
            field="out", n=longest, limit=WINDOWS_MAX_PATH, path=str(out.parent),
        )  # fmt: skip


def new_private_file(path: Path) -> None:
    """Create `path` empty with owner-only permissions before anything is written into it."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    make_private(path)


def snapshot(source: Path, target: Path) -> None:
    """SQLite's online backup of `source` (safe while it is in use) into the new file `target`."""
    new_private_file(target)
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
            # one self-contained file: opening it read-only later leaves no -wal/-shm
            dst.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def copy_checked(source: Path, target: Path, sha256: str) -> bool:
    """Copy one kept file, hashing it on the way; False (nothing left) when it differs."""
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with source.open("rb") as src, target.open("xb") as dst:
        while block := src.read(1 << 20):
            digest.update(block)
            dst.write(block)
    if digest.hexdigest() != sha256:
        target.unlink()
        return False
    return True


def link_unchanged(earlier: Path, target: Path, sha256: str) -> bool:
    """Share the earlier backup's copy of a kept file when it is still the recorded one (a hard
    link: no second copy on the drive); False when there is none, it differs, or the drive has
    no hard links (FAT/exFAT USB sticks): then the file is copied as before."""
    if not earlier.is_file() or file_sha256(earlier) != sha256:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(earlier, target)
    except OSError:
        return False
    return True


def previous_files(out: Path) -> Path | None:
    """The kept-files folder of the newest finished plain backup beside `out`: what is unchanged
    since then is linked, not copied again (the daily backup is incremental)."""
    found = [folder for folder in out.parent.glob("*.files")
             if folder.is_dir() and folder.with_name(folder.name[: -len(".files")]).is_file()
             and not folder.name.endswith(".partial.files")]  # fmt: skip
    return max(found, key=lambda f: f.stat().st_mtime, default=None)


def copy_referenced_files(
    database: Path, source_files: Path, target_files: Path, earlier: Path | None = None
) -> None:
    """The kept files `database` refers to, and nothing else (a stray or orphaned file stays
    behind). A file missing or changed in the live folder is left out: the backup then fails
    the same check the live database does, by name. `earlier`: an earlier backup's kept files,
    shared where unchanged."""
    with closing(sqlite3.connect(f"file:{quote(str(database))}?mode=ro", uri=True)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        wanted = [
            (kind, str(stored), str(sha256))
            for kind, query in KEPT_QUERIES
            if query.split("FROM ")[1].split()[0] in tables
            for stored, sha256 in conn.execute(query)
        ]
    for kind, stored, sha256 in wanted:
        target = target_files / kind / stored
        if earlier is not None and link_unchanged(earlier / kind / stored, target, sha256):
            continue
        source = source_files / kind / stored
        if source.is_file():
            copy_checked(source, target, sha256)


def write_plain(source: Path, out: Path, earlier: Path | None = None) -> None:
    """`out` and `out.files/`, written under temporary names and renamed when complete."""
    partial = out.with_name(out.name + ".partial")
    partial_files = files_dir_of(partial)
    remove_partial(partial)  # an earlier attempt killed half-way
    try:
        snapshot(source, partial)
        copy_referenced_files(partial, files_dir_of(source), partial_files, earlier)
        if partial_files.is_dir():
            make_tree_private(partial_files)
            os.replace(partial_files, files_dir_of(out))
        os.replace(partial, out)
    except BaseException:
        remove_partial(partial)
        raise


def remove_partial(partial: Path) -> None:
    partial.unlink(missing_ok=True)
    shutil.rmtree(files_dir_of(partial), ignore_errors=True)


def write_backup(
    source: Path, out: Path, passphrase: str | None = None, public_key: bytes | None = None
) -> Path:
    """A checked-for-nothing-overwritten, private backup of the SQLite file `source` at `out`:
    plain, sealed with `passphrase`, or sealed to the office backup key `public_key`."""
    refuse_existing(out, source)
    if passphrase is None and public_key is None:
        write_plain(source, out, previous_files(out))
        return out
    if passphrase is not None:
        check_passphrase(passphrase)
    # the plain copy is staged beside the live database (as private as it), never on the
    # backup's drive, where deleted plaintext could be read back
    stage = Path(tempfile.mkdtemp(prefix=".backup-", dir=source.parent))
    partial = out.with_name(out.name + ".partial")
    try:
        write_plain(source, stage / BUNDLED_DATABASE)
        partial.unlink(missing_ok=True)
        if passphrase is not None:
            encrypt_folder(stage, partial, passphrase)
        else:
            seal_to_key(stage, partial, public_key or b"")
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(stage, ignore_errors=True)
    return out


def backup_database(
    ctx: ServiceContext, actor: str, out: Path, passphrase: str | None = None
) -> Path:
    """Back up the live SQLite database (audited first, so the copy carries its own event); a
    server's database is written as the same kind of file (services/server_backup.py)."""
    if ctx.database.location.is_server:
        from nongbon_ita.services.server_backup import backup_server

        return backup_server(ctx, actor, out, passphrase)
    source = ctx.database.location.file
    if source is None:
        raise ValidationError(N_("Backup and restore work on a SQLite database file only."))
    out = out.expanduser().absolute()
    refuse_existing(out, source)
    if passphrase is not None:
        check_passphrase(passphrase)
    # no passphrase given: sealed to the office backup key when the office has one
    public = office_public_key(ctx) if passphrase is None else None
    with ctx.transaction() as session:
        record_event(ctx, session, actor, "database.backup", "database", "",
                     after={"file": out.name, "encrypted": passphrase is not None or bool(public),
                            "key": key_id(public) if public else ""})  # fmt: skip
    return write_backup(source, out, passphrase, public)


LEFTOVER_AGE_SECONDS = 24 * 3600  # older than any backup or restore still under way


def remove_leftovers(folder: Path, database: Path | None) -> int:
    """What a killed backup or restore leaves — half-written `.partial` backups in the backup
    folder; `.backup-*`/`.restore-*` staging folders (plain copies of an encrypted backup) and a
    `.restoring` copy beside the database — holds the same personal data as a backup: removed
    once a day old, like the backups themselves."""
    candidates = list(folder.glob("nongbon-ita-backup-*.partial")) if folder.is_dir() else []
    if database is not None:
        beside = database.parent
        candidates += [*beside.glob(".backup-*"), *beside.glob(".restore-*"),
                       database.with_name(database.name + ".restoring")]  # fmt: skip
    settled = time.time() - LEFTOVER_AGE_SECONDS
    removed = 0
    for path in candidates:
        if path.exists() and path.stat().st_mtime < settled:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                remove_partial(path)
            removed += 1
    return removed
