"""The one locking primitive of the app: take the write lock before checking, then write.

A rule such as "no double booking" or "numbers per fiscal year are gapless and unique" is a
check followed by a write. Two writers that both check before either writes both pass the check
(issue 12: both approved in 20 of 25 trials). Every such transaction therefore starts with
`take_write_lock(session, key)`, and only then reads what it checks.

SQLite (one writer per file): the lock is SQLite's RESERVED lock (the WAL write lock), taken
with `BEGIN IMMEDIATE`. pysqlite in its legacy mode runs SELECTs outside any transaction and
only opens one (deferred) at the first INSERT/UPDATE/DELETE; so a transaction that is not open
yet is opened here with `BEGIN IMMEDIATE`, and one that is already open already holds the lock
(it was opened by a write). The key is not used: the whole file has one writer at a time.
`ServiceContext.transaction()` calls `take_write_lock(session, WRITE)` at its start, so on
SQLite every write transaction holds the lock from its first read. Readers (WAL) never wait.

PostgreSQL: the locks are transaction-scoped advisory locks on a stable 64-bit hash of a key,
released at commit or rollback; readers never wait (MVCC). Every write transaction first takes
`WRITE`. By default it takes it exclusively: one such writer at a time, as on SQLite, so a rule
that is a check followed by a write holds on the server without a key of its own (the
multi-process tests found two that had none: the first intake's holiday list, and two imports
of one file). A transaction whose every check is guarded by a key of its own (`keyed=True` in
`ServiceContext.transaction`: the loan steps and the login record) takes `WRITE` shared
instead, so keyed writers run side by side and queue only where they really meet: the assets
they book (`booking(asset_id)`), one number sequence (`numbering(kind, year)`), and the head of
the audit chain (`AUDIT`, taken by the commit itself, services/audit_chain.py, so it is held
only for the append and the commit). A loan's number is taken under `AUDIT`, as the commit's
first step (`audit_chain.at_head`): no numbering key, and the requests' work runs side by side. An exclusive `WRITE` still waits for every keyed writer
and the reverse. Keys are always taken in the order WRITE, bookings by asset id, numbering,
AUDIT, so no two transactions wait for each other in a cycle. A wait ends after the busy
timeout (`lock_timeout`, db/server.py), or `patience_ms`.

Waiting is normal: SQLite waits up to the busy timeout (db/location.py), then the wait ends in
`DatabaseBusy` ("ฐานข้อมูลกำลังถูกใช้งาน… ลองใหม่", CLI exit 2), never in SQL text.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from nongbon_ita.db.location import BUSY_TIMEOUT_MS
from nongbon_ita.domain.errors import N_, DomainError

WRITE = "write"  # any write transaction (SQLite: the file's write lock; PostgreSQL: advisory)
AUDIT = "audit.chain"  # the head of the hash chain: one appender at a time

BUSY_MESSAGE = N_("The database is in use by someone else… Wait a moment and try again.")


class DatabaseBusy(DomainError):
    """Another writer held the database longer than the busy timeout: try again later."""

    def __init__(self) -> None:
        super().__init__(BUSY_MESSAGE)


def booking(asset_id: int) -> str:
    """The key of one asset's bookings: who holds it when, and a consumable's stock."""
    return f"loans.booking.{asset_id}"


def numbering(kind: str, fiscal_year: int) -> str:
    """The key of one number sequence, e.g. numbering("loan", 2570)."""
    return f"numbering.{kind}.{fiscal_year}"


def take_write_lock(
    session: Session, key: str, *, patience_ms: int | None = None, shared: bool = False
) -> None:
    """Hold the lock guarding `key` until the session's transaction ends.

    Call it before reading anything the transaction checks. `patience_ms` shortens the wait
    for writes that may be skipped when busy, such as the last-login time of a print. `shared`
    (PostgreSQL) lets other shared holders of `key` in and keeps exclusive ones out; SQLite has
    only its one file lock. Raises DatabaseBusy when the wait ends without the lock.
    """
    connection = session.connection()
    dialect = connection.dialect.name
    if dialect == "sqlite":
        dbapi: Any = connection.connection.dbapi_connection
        if dbapi is None or dbapi.in_transaction:
            return  # opened by a write (or by us): the RESERVED lock is already held
        try:
            if patience_ms is not None:
                connection.exec_driver_sql(f"PRAGMA busy_timeout={int(patience_ms)}")
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except OperationalError as error:
            raise busy_or(error) from None
        finally:
            if patience_ms is not None:
                connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    elif dialect == "postgresql":
        if patience_ms is not None:  # this transaction only; the connection keeps its default
            session.execute(text(f"SET LOCAL lock_timeout = {int(patience_ms)}"))
        function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        try:
            session.execute(text(f"SELECT {function}(:key)"), {"key": _key_number(key)})
        except OperationalError as error:
            raise busy_or(error) from None


def take_booking_locks(session: Session, asset_ids: Iterable[int]) -> None:
    """The booking keys of these assets, in id order (two loans sharing two assets never wait
    for each other crosswise)."""
    for asset_id in sorted(set(asset_ids)):
        take_write_lock(session, booking(asset_id))


def _key_number(key: str) -> int:
    """A stable signed 64-bit number for `key` (advisory locks take a bigint)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


# PostgreSQL: lock_timeout ran out (db/server.py sets it to the busy timeout), a deadlock was
# broken, a serialisation failure — each one means "someone else was writing: try again"
PG_BUSY_STATES = frozenset({"55P03", "40P01", "40001"})


def is_busy(error: BaseException) -> bool:
    """Whether `error` is SQLite's "database is locked" (the busy timeout ran out), or
    PostgreSQL's equivalent (PG_BUSY_STATES)."""
    orig = error.orig if isinstance(error, OperationalError) else error
    if getattr(orig, "sqlstate", None) in PG_BUSY_STATES:
        return True
    if not isinstance(orig, sqlite3.OperationalError):
        return False
    name = getattr(orig, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(orig)


def busy_or(error: BaseException) -> BaseException:
    """DatabaseBusy for a busy error, the error itself otherwise (for `raise busy_or(e)`)."""
    return DatabaseBusy() if is_busy(error) else error
