"""What every service needs: the database, a clock, the policy knobs, one transaction helper."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from nongbon_ita.db.engine import Database
from nongbon_ita.db.locks import WRITE, busy_or, take_write_lock
from nongbon_ita.domain.calendar import office_time
from nongbon_ita.domain.errors import N_, StaleEditError
from nongbon_ita.services.audit_chain import append_queued, run_at_head
from nongbon_ita.services.audit_heads import PENDING as PENDING_HEADS
from nongbon_ita.services.audit_heads import append_heads
from nongbon_ita.services.presence import FileIdentity
from nongbon_ita.services.row_seals import install as install_seals
from nongbon_ita.services.row_seals import seal_rows


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class HashingCost:
    """argon2 parameters; tests use a cheap profile so CI stays fast on two cores."""

    time_cost: int = 3
    memory_cost: int = 65536
    parallelism: int = 2

    @classmethod
    def cheap(cls) -> HashingCost:
        return cls(time_cost=1, memory_cost=8, parallelism=1)


@dataclass
class ServiceContext:
    database: Database
    clock: Callable[[], datetime] = _utc_now
    hashing: HashingCost = field(default_factory=HashingCost)
    # the database file as opened: a restore elsewhere replaces it, and then nothing may be
    # written into the old one (issue 12: 20 saves reported success and were lost)
    identity: FileIdentity = field(init=False)

    def __post_init__(self) -> None:
        from nongbon_ita.services.text_guard import install

        self.identity = FileIdentity.of(self.database.location.file)
        install(self.database.sessions)  # no control or invisible characters reach the file
        install_seals(self.database.sessions)  # every row written is sealed (check)

    def now(self) -> datetime:
        return self.clock()

    def office_now(self) -> datetime:
        """Now in the office's zone (Asia/Bangkok): what documents and deadlines print."""
        return office_time(self.clock())

    def today(self) -> date:
        """The office's date today."""
        return self.office_now().date()

    @contextmanager
    def transaction(
        self, patience_ms: int | None = None, *, keyed: bool = False
    ) -> Iterator[Session]:
        """All-or-nothing: commit on success, roll back on any error.

        Holds the write lock from the start (db/locks.py), so what the transaction checks cannot
        change before it writes; waits for another writer up to the busy timeout (or
        `patience_ms`), then raises DatabaseBusy. `keyed`: the caller takes the key of all it
        checks itself (bookings, numbering), so on PostgreSQL it runs beside other keyed writers.
        The audit events it recorded are chained at the commit (services/audit_chain.py).
        """
        self.identity.check()
        session = self.database.sessions()
        try:
            take_write_lock(session, WRITE, patience_ms=patience_ms, shared=keyed)
            yield session
            run_at_head(session)  # a year's number, taken last (audit_chain.at_head)
            seal_rows(session)  # what `check` compares the rows with later (row_seals.py)
            append_queued(session, self.now())
            session.commit()
            # after the commit, never before: a recorded head always exists in the file
            append_heads(self.database.location.file, session.info.pop(PENDING_HEADS, []))
        except StaleDataError:
            session.rollback()
            raise StaleEditError(
                N_("Someone else saved this record after you opened it. Reload and try again.")
            ) from None
        except OperationalError as error:
            session.rollback()
            raise busy_or(error) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self, *, glance: bool = False) -> Iterator[Session]:
        """Reads only: never takes the write lock, never waits for a writer (WAL).

        `glance`: what one screen shows (a list, a search, an opened record), where each
        statement may see the latest commit, as SQLite's readers always do: on PostgreSQL the
        reads then run outside a transaction, without its BEGIN and ROLLBACK round trips.
        """
        self.identity.check()
        bind = self.database.glancing if glance else self.database.engine
        session = self.database.sessions(bind=bind)
        try:
            yield session
        except OperationalError as error:
            raise busy_or(error) from None
        finally:
            session.rollback()
            session.close()


def check_version(current: int, expected: int | None) -> None:
    """Refuse an edit made on a copy read before someone else's save."""
    if expected is not None and current != expected:
        raise StaleEditError(
            N_("Someone else saved this record after you opened it. Reload and try again.")
        )
