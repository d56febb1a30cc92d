"""What every service needs: the database, a clock, the policy knobs, one transaction helper."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from nongbon_ita.db.engine import Database
from nongbon_ita.domain.calendar import office_time
from nongbon_ita.domain.errors import N_, StaleEditError
from nongbon_ita.services.audit_heads import PENDING as PENDING_HEADS
from nongbon_ita.services.audit_heads import append_heads


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

    def now(self) -> datetime:
        return self.clock()

    def office_now(self) -> datetime:
        """Now in the office's zone (Asia/Bangkok): what documents and deadlines print."""
        return office_time(self.clock())

    def today(self) -> date:
        """The office's date today."""
        return self.office_now().date()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """All-or-nothing: commit on success, roll back on any error."""
        session = self.database.sessions()
        try:
            yield session
            session.commit()
            # after the commit, never before: a recorded head always exists in the file
            append_heads(self.database.location.file, session.info.pop(PENDING_HEADS, []))
        except StaleDataError:
            session.rollback()
            raise StaleEditError(
                N_("Someone else saved this record after you opened it. Reload and try again.")
            ) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self.database.sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()


def check_version(current: int, expected: int | None) -> None:
    """Refuse an edit made on a copy read before someone else's save."""
    if expected is not None and current != expected:
        raise StaleEditError(
            N_("Someone else saved this record after you opened it. Reload and try again.")
        )
