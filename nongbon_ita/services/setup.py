"""First run: the office profile, the first admin and a one-time recovery code."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from nongbon_ita.db.models import OfficeProfileRow, UserRoleRow, UserRow
from nongbon_ita.domain.errors import N_, AuthenticationError, NotFoundError, ValidationError
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import profile_of, validate_profile, write_profile
from nongbon_ita.services.passwords import (
    hash_secret,
    new_recovery_code,
    normalise_recovery_code,
    validate_password,
    verify_secret,
)
from nongbon_ita.services.row_seals import SEAL_ALL
from nongbon_ita.services.settings_store import (
    OFFICE_ID,
    RECOVERY_CODE_HASH,
    get_setting,
    put_setting,
)
from nongbon_ita.services.users import insert_user, validate_new_user

SYSTEM_ACTOR = "system"


class SetupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def is_initialised(self) -> bool:
        with self.ctx.reading() as session:
            return bool(session.scalar(select(func.count()).select_from(UserRow)))

    def initialise(
        self, office: OfficeProfile, admin_username: str, admin_full_name: str, admin_password: str
    ) -> str:
        """Create the profile and first admin in one transaction; return the recovery code."""
        validate_profile(office)
        username = admin_username.strip().lower()
        validate_new_user(username, admin_full_name, frozenset({Role.ADMIN}))
        validate_password(admin_password)
        code = new_recovery_code()
        with self.ctx.transaction() as session:
            if session.scalar(select(func.count()).select_from(UserRow)):
                raise ValidationError(N_("This database is already set up."))
            write_profile(session, office)
            insert_user(session, username, admin_full_name, frozenset({Role.ADMIN}),
                              hash_secret(admin_password, self.ctx.hashing),
                              must_change_password=False)  # fmt: skip
            put_setting(session, OFFICE_ID, uuid.uuid4().hex)
            put_setting(session, RECOVERY_CODE_HASH,
                        hash_secret(normalise_recovery_code(code), self.ctx.hashing))  # fmt: skip
            session.info[SEAL_ALL] = True  # from now on, a row without a seal was added outside
            record_event(self.ctx, session, SYSTEM_ACTOR, "office.initialised", "office", 1,
                         after={"office": office.name, "admin": username})  # fmt: skip
        return code

    def reset_admin(
        self, recovery_code: str, new_password: str, username: str | None = None
    ) -> tuple[str, str]:
        """Give an admin a new password with the recovery code; returns the admin's user name and
        the new recovery code that replaces the used one (a code works once)."""
        validate_password(new_password)
        with self.ctx.transaction() as session:
            stored = get_setting(session, RECOVERY_CODE_HASH)
            code = normalise_recovery_code(recovery_code)
            accepted = bool(stored) and verify_secret(stored or "", code, self.ctx.hashing)
            if not accepted:  # the refusal is audited and committed before the error is raised
                record_event(self.ctx, session, SYSTEM_ACTOR, "admin.recovery_refused", "user", "")
            else:
                query = (
                    select(UserRow).join(UserRoleRow).where(UserRoleRow.role == Role.ADMIN.value)
                )
                if username:
                    query = query.where(UserRow.username == username.strip().lower())
                admin = session.scalars(query.order_by(UserRow.id)).first()
                if admin is None:
                    raise NotFoundError(N_("No administrator account was found."))
                admin.password_hash = hash_secret(new_password, self.ctx.hashing)
                admin.active, admin.locked_until, admin.failed_logins = True, None, 0
                admin.must_change_password = False
                recovered = admin.username
                fresh = new_recovery_code()
                put_setting(session, RECOVERY_CODE_HASH,
                            hash_secret(normalise_recovery_code(fresh), self.ctx.hashing))  # fmt: skip
                record_event(self.ctx, session, SYSTEM_ACTOR, "admin.recovered", "user", admin.id,
                             after={"username": recovered})  # fmt: skip
        if not accepted:
            raise AuthenticationError(N_("The recovery code is wrong."))
        return recovered, fresh

    def office_profile(self) -> OfficeProfile | None:
        with self.ctx.reading() as session:
            row = session.get(OfficeProfileRow, 1)
            return None if row is None else profile_of(row)
