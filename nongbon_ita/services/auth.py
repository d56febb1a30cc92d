"""Log in with lock-out after repeated failures; change one's own password."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from nongbon_ita.db.locks import DatabaseBusy
from nongbon_ita.db.models import UserRow
from nongbon_ita.domain.errors import N_, AuthenticationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.passwords import hash_secret, validate_password, verify_secret
from nongbon_ita.services.row_seals import UNSEALED
from nongbon_ita.services.settings_store import LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, get_int

_WRONG = N_("Wrong user name or password.")
_PRINT_PATIENCE_MS = 300  # a print does not wait for a long import to record its login


def current_user_of(row: UserRow) -> CurrentUser:
    return CurrentUser(
        id=row.id,
        username=row.username,
        full_name=row.full_name,
        roles=frozenset(Role(r.role) for r in row.roles),
        must_change_password=row.must_change_password,
    )


def _find_user(session: Session, username: str) -> UserRow | None:
    return session.scalars(select(UserRow).where(UserRow.username == username.strip())).first()


def _refuse_locked(row: UserRow, now: datetime) -> None:
    if row.locked_until is not None and row.locked_until > now:
        minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
        raise AuthenticationError(
            N_("This account is locked after too many failed logins. "
               "Try again in {minutes} minutes or ask an administrator."),
            minutes=minutes,
        )  # fmt: skip


def _set_quietly(session: Session, user_id: int, **values: object) -> None:
    """Update login bookkeeping without bumping `version` or `updated_at` (not an edit)."""
    table = cast(Table, UserRow.__table__)  # Core, not the ORM: no optimistic-lock version bump
    session.execute(  # only columns row seals leave out: nothing to seal (row_seals.py)
        update(table).where(table.c.id == user_id).values(updated_at=table.c.updated_at, **values),
        execution_options={UNSEALED: True},
    )


def _verify_while(
    stored: str, password: str, cost: HashingCost, meanwhile: Callable[[], None] | None
) -> tuple[bool, BaseException | None]:
    """The password check, with `meanwhile` run on this thread as it goes on in another (argon2
    releases the GIL, so its full cost overlaps the caller's own work). Returns whether the
    password is right, and what `meanwhile` raised: the login finishes (counts a failure or
    records itself) before the caller hears of it."""
    if meanwhile is None:
        return verify_secret(stored, password, cost), None
    outcome: list[bool] = []
    check = threading.Thread(target=lambda: outcome.append(verify_secret(stored, password, cost)),
                             name="password-check", daemon=True)  # fmt: skip
    check.start()
    failure: BaseException | None = None
    try:
        meanwhile()
    except Exception as error:  # reported once the password is known to be right
        failure = error
    finally:
        check.join()
    return bool(outcome and outcome[0]), failure


class AuthService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def login(
        self, username: str, password: str, channel: str = "gui", read_only: bool = False,
        meanwhile: Callable[[CurrentUser], None] | None = None,
    ) -> CurrentUser:  # fmt: skip
        """Check the password; every failure counts toward the lock-out, GUI and CLI alike.

        The check reads only (the slow hash runs outside any lock). A success is recorded
        (last login, audit) without touching the user's version: a login is not an edit, and
        two sessions of one user must not make each other stale. `read_only` (prints, exports)
        records it only if the database is free now, and never waits for another writer.

        `meanwhile(candidate)` runs while the password is checked (the GUI builds the main
        window, hidden: issue 14's start-up): the check keeps argon2's full cost, the caller
        shows nothing before this returns, and a wrong password means the work is thrown away.
        It is never run for an account that is disabled or must change its password first.
        """
        with self.ctx.reading() as session:
            row = _find_user(session, username)
            if row is None:
                raise AuthenticationError(_WRONG)
            _refuse_locked(row, self.ctx.now())
            user, active, stored = current_user_of(row), row.active, row.password_hash
        early = None
        if meanwhile is not None and active and not user.must_change_password:
            early = partial(meanwhile, user)
        right, failure = _verify_while(stored, password, self.ctx.hashing, early)
        if not right:
            self._count_failure(user.id, channel)
            raise AuthenticationError(_WRONG)
        if not active:
            raise AuthenticationError(N_("This account is disabled."))
        try:
            self._record_login(user, channel, patience_ms=_PRINT_PATIENCE_MS if read_only else None)
        except DatabaseBusy:
            if not read_only:
                raise  # a print goes on; its login is simply not recorded
        if failure is not None:
            raise failure
        return user

    def _count_failure(self, user_id: int, channel: str) -> None:
        with self.ctx.transaction() as session:
            row = session.get(UserRow, user_id)
            if row is None:
                return
            failed, locked_until = row.failed_logins + 1, row.locked_until
            if failed >= get_int(session, LOCKOUT_ATTEMPTS):
                locked_until = self.ctx.now() + timedelta(minutes=get_int(session, LOCKOUT_MINUTES))
                failed = 0
                record_event(self.ctx, session, row.username, "user.locked", "user", row.id,
                             after={"channel": channel})  # fmt: skip
            _set_quietly(session, user_id, failed_logins=failed, locked_until=locked_until)

    def _record_login(self, user: CurrentUser, channel: str, patience_ms: int | None) -> None:
        # keyed: it checks nothing, so it never waits for another workstation's loan step
        with self.ctx.transaction(patience_ms=patience_ms, keyed=True) as session:
            _set_quietly(session, user.id, failed_logins=0, locked_until=None,
                         last_login_at=self.ctx.now())  # fmt: skip
            record_event(self.ctx, session, user.username, "user.login", "user", user.id,
                         after={"channel": channel})  # fmt: skip

    def change_own_password(self, user: CurrentUser, old: str, new: str) -> None:
        validate_password(new)
        with self.ctx.transaction() as session:
            row = session.get(UserRow, user.id)
            if row is None or not verify_secret(row.password_hash, old, self.ctx.hashing):
                raise AuthenticationError(N_("The current password is wrong."))
            row.password_hash = hash_secret(new, self.ctx.hashing)
            row.must_change_password = False
            record_event(self.ctx, session, user.username, "user.password_changed", "user", row.id)
