"""Backup, restore and the integrity check (database pages and the audit chain)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nongbon_ita.db.engine import Database
from nongbon_ita.db.location import SQLITE_HEADER, files_dir_of
from nongbon_ita.db.migrate import known_revisions
from nongbon_ita.db.schema_state import HEAD_REVISION
from nongbon_ita.domain.audit import ChainCheck
from nongbon_ita.domain.errors import N_, DatabaseRefused, NotFoundError, ValidationError
from nongbon_ita.domain.kept_files import KeptFileIssue, KeptFilesCheck, KeptKind
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.audit import check_chain, integrity_check, record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.kept_files import check_kept_files


@dataclass(frozen=True)
class CheckResult:
    integrity: str  # "ok" or SQLite's report
    chain: ChainCheck
    files: KeptFilesCheck

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.chain.ok and self.files.ok


def run_check(ctx: ServiceContext) -> CheckResult:
    """The file's pages, the audit chain, and every kept file against its SHA-256."""
    with ctx.reading() as session:
        integrity, chain = integrity_check(session), check_chain(session)
    return CheckResult(integrity, chain, check_kept_files(ctx))


def check_report(result: CheckResult) -> list[str]:
    """What the check found, one line each in the UI language (the CLI and the GUI say the same)."""
    lines = []
    if result.integrity != "ok":
        lines.append(_("Database file damaged: {report}").format(report=result.integrity))
    if not result.chain.ok:
        lines.append(_("Audit trail broken at event {seq} ({reason}).").format(
            seq=result.chain.first_broken_seq, reason=_(result.chain.reason)))  # fmt: skip
    if result.integrity == "ok" and result.chain.ok:
        lines.append(_("Database OK: integrity ok, audit trail intact ({n} events).").format(
            n=result.chain.events))  # fmt: skip
    lines += [_kept_file_line(issue) for issue in result.files.issues]
    if result.files.ok:
        lines.append(_("Kept files OK: {n} evidence files and attachments unchanged.").format(
            n=result.files.checked))  # fmt: skip
    return lines


def _kept_file_line(issue: KeptFileIssue) -> str:
    problem = _(issue.problem.label_id)
    if issue.kind is KeptKind.EVIDENCE:
        return _("Evidence file {name}: {problem}.").format(name=issue.name, problem=problem)
    return _("Attachment {id} of complaint {number}: {problem}.").format(
        id=issue.record_id, number=issue.name, problem=problem)  # fmt: skip


def _sqlite_file(database: Database) -> Path:
    if database.location.file is None:
        raise ValidationError(N_("Backup and restore work on a SQLite database file only."))
    return database.location.file


def backup_database(ctx: ServiceContext, actor: str, out: Path) -> Path:
    """Copy the live database with SQLite's online backup API (safe while it is in use)."""
    source = _sqlite_file(ctx.database)
    out = out.expanduser().absolute()
    if out.resolve() == source.resolve():
        raise ValidationError(N_("The backup cannot overwrite the database itself."), field="out")
    if not out.parent.is_dir():
        raise NotFoundError(N_("Folder not found: {path}"), path=str(out.parent))
    with ctx.transaction() as session:  # audited first, so the copy carries its own event
        record_event(ctx, session, actor, "database.backup", "database", "",
                     after={"file": out.name})  # fmt: skip
    partial = out.with_name(out.name + ".partial")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)
    partial.replace(out)
    _copy_files(files_dir_of(source), files_dir_of(out))
    return out


def _copy_files(source: Path, target: Path) -> None:
    """Attachments and evidence travel with the database: `<db>.files/` beside each copy."""
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)


def inspect_backup(path: Path) -> str:
    """Refuse anything that is not an intact nongbon-ita database this app can open.

    Returns its schema revision.
    """
    if not path.is_file():
        raise NotFoundError(N_("File not found: {path}"), path=str(path))
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseRefused(N_("This file is not a nongbon-ita database."))
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise DatabaseRefused(N_("The backup file is damaged."))
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "audit_event", "app_user"} <= tables:
                raise DatabaseRefused(N_("This file is not a nongbon-ita database."))
            revision = str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    except sqlite3.DatabaseError:
        raise DatabaseRefused(N_("This file is not a nongbon-ita database.")) from None
    if revision != HEAD_REVISION and revision not in known_revisions():
        raise DatabaseRefused(
            N_("The database was made by a newer version of nongbon-ita (schema {revision}); "
               "update the app first."),
            revision=revision,
        )  # fmt: skip
    return revision


def restore_database(target: Path, backup: Path, now: datetime) -> Path:
    """Replace `target` with `backup` after checking it; the old file is kept beside it.

    Runs with the database closed. Returns where the previous file was kept.
    """
    inspect_backup(backup)
    target = target.expanduser().absolute()
    kept = target.with_name(f"{target.name}.before-restore-{now.strftime('%Y%m%d-%H%M%S')}.bak")
    if target.exists():
        with closing(sqlite3.connect(target)) as old, closing(sqlite3.connect(kept)) as copy:
            old.backup(copy)  # folds the WAL in, so the kept copy is whole
    staged = target.with_name(target.name + ".restoring")
    source = closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True))
    with source as src, closing(sqlite3.connect(staged)) as dst:
        src.backup(dst)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.move(staged, target)
    current_files, backup_files = files_dir_of(target), files_dir_of(backup)
    if current_files.is_dir():  # kept beside the kept database, like it
        current_files.rename(files_dir_of(kept))
    _copy_files(backup_files, current_files)
    return kept
