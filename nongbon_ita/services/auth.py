"""Log in with lock-out after repeated failures; change one's own password."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import UserRow
from nongbon_ita.domain.errors import N_, AuthenticationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.passwords import hash_secret, validate_password, verify_secret
from nongbon_ita.services.settings_store import LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, get_int

_WRONG = N_("Wrong user name or password.")


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


class AuthService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def login(self, username: str, password: str, channel: str = "gui") -> CurrentUser:
        """Check the password; every failure counts toward the lock-out, GUI and CLI alike."""
        failure: AuthenticationError | None = None
        with self.ctx.transaction() as session:
            row = _find_user(session, username)
            now = self.ctx.now()
            if row is None:
                raise AuthenticationError(_WRONG)
            if row.locked_until is not None and row.locked_until > now:
                minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
                raise AuthenticationError(
                    N_("This account is locked after too many failed logins. "
                       "Try again in {minutes} minutes or ask an administrator."),
                    minutes=minutes,
                )  # fmt: skip
            if not verify_secret(row.password_hash, password, self.ctx.hashing):
                row.failed_logins += 1
                limit = get_int(session, LOCKOUT_ATTEMPTS)
                if row.failed_logins >= limit:
                    row.locked_until = now + timedelta(minutes=get_int(session, LOCKOUT_MINUTES))
                    row.failed_logins = 0
                    record_event(self.ctx, session, row.username, "user.locked", "user", row.id,
                                 after={"channel": channel})  # fmt: skip
                failure = AuthenticationError(_WRONG)
            elif not row.active:
                failure = AuthenticationError(N_("This account is disabled."))
            else:
                row.failed_logins = 0
                row.locked_until = None
                row.last_login_at = now
                record_event(self.ctx, session, row.username, "user.login", "user", row.id,
                             after={"channel": channel})  # fmt: skip
                return current_user_of(row)
        raise failure  # raised after commit, so the failed attempt is counted

    def change_own_password(self, user: CurrentUser, old: str, new: str) -> None:
        validate_password(new)
        with self.ctx.transaction() as session:
            row = session.get(UserRow, user.id)
            if row is None or not verify_secret(row.password_hash, old, self.ctx.hashing):
                raise AuthenticationError(N_("The current password is wrong."))
            row.password_hash = hash_secret(new, self.ctx.hashing)
            row.must_change_password = False
            record_event(self.ctx, session, user.username, "user.password_changed", "user", row.id)
