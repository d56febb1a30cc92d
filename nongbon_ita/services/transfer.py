"""Moving an office's data between a SQLite file and a PostgreSQL server (`nongbon-ita transfer`),
and the copy a server's backup is made of.

Everything travels: every row with its id (users and their password hashes, the audit chain with
its hashes), and the kept files (evidence, complaint attachments) from the source's folder to the
target's. The target must be new or empty — a transfer never merges two offices. It is checked
afterwards the way `check` does (audit chain, kept files against their SHA-256).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from nongbon_ita.db.copy import copy_rows, is_empty
from nongbon_ita.db.engine import Database, open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.errors import N_, DatabaseRefused, ValidationError
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext

KEPT_KINDS = ("evidence", "complaints")


@dataclass(frozen=True)
class TransferResult:
    target: str  # shown: the file, or the server without its password
    rows: int
    files: int
    check_lines: tuple[str, ...]
    ok: bool


def copy_database(source: Database, target: Database) -> int:
    """Every row of `source` into `target`, which must hold none; one transaction on the target,
    one consistent snapshot of the source (REPEATABLE READ on a server)."""
    with source.engine.connect() as src, target.engine.begin() as dst:
        if source.engine.dialect.name == "postgresql":
            src = src.execution_options(isolation_level="REPEATABLE READ")
        if not is_empty(dst):
            raise DatabaseRefused(
                N_("The database {target} is not empty; transfer only into a new, empty "
                   "database."),
                target=target.location.shown,
            )  # fmt: skip
        return copy_rows(src, dst)


def copy_kept_files(source: DatabaseLocation, target: DatabaseLocation) -> int:
    """Evidence and attachments from the source's folder into the target's; returns how many."""
    count = 0
    for kind in KEPT_KINDS:
        origin = source.files_dir(kind)
        if origin.is_dir():
            shutil.copytree(origin, target.files_dir(kind), dirs_exist_ok=True)
            count += sum(1 for path in origin.rglob("*") if path.is_file())
    return count


def copy_into_file(source: Database, out: Path) -> int:
    """A new SQLite file `out` holding all of `source` (built beside it, renamed when whole)."""
    partial = out.with_name(out.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    built = open_database(DatabaseLocation.for_file(partial))
    try:
        rows = copy_database(source, built)
    finally:
        built.dispose()
    partial.replace(out)
    return rows


def _refuse_same_or_used(source: DatabaseLocation, target: DatabaseLocation) -> None:
    if source.url == target.url:
        raise ValidationError(N_("The source and the target are the same database."), field="to")
    if target.file is not None and target.file.exists() and target.file.stat().st_size > 0:
        raise DatabaseRefused(
            N_("{path} already exists; choose a new file name."), path=str(target.file)
        )


def transfer(ctx: ServiceContext, target: DatabaseLocation, actor: str) -> TransferResult:
    """Copy the database of `ctx` (and its kept files) into `target`, then check the copy."""
    from nongbon_ita.services.maintenance import check_report, run_check

    source = ctx.database.location
    _refuse_same_or_used(source, target)
    if target.file is not None:
        rows = copy_into_file(ctx.database, target.file)
        copied = open_database(target, must_exist=True)
    else:
        copied = open_database(target)
        try:
            rows = copy_database(ctx.database, copied)
        except BaseException:
            copied.dispose()
            raise
    try:
        files = copy_kept_files(source, target)
        target_ctx = ServiceContext(copied, clock=ctx.clock, hashing=ctx.hashing)
        with target_ctx.transaction() as session:  # the copy's own chain records where it came from
            record_event(target_ctx, session, actor, "database.transferred", "database", "",
                         after={"from": source.shown, "rows": rows, "files": files})  # fmt: skip
        result = run_check(target_ctx)
    finally:
        copied.dispose()
    return TransferResult(target.shown, rows, files, tuple(check_report(result)), result.ok)
