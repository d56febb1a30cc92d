"""Admins create, disable and reset users and assign roles; every grant is audited."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import DivisionRow, UserRoleRow, UserRow
from nongbon_ita.domain.errors import N_, NotFoundError, PermissionDenied, ValidationError
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser, User
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.passwords import hash_secret, validate_password

USERNAME_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")


def user_of(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        full_name=row.full_name,
        position=row.position,
        roles=frozenset(Role(r.role) for r in row.roles),
        active=row.active,
        must_change_password=row.must_change_password,
        locked_until=row.locked_until,
        division_id=row.division_id,
        phone=row.phone,
        version=row.version,
    )


def validate_new_user(username: str, full_name: str, roles: frozenset[Role]) -> None:
    if not USERNAME_PATTERN.match(username):
        raise ValidationError(
            N_("A user name is 2–32 small Latin letters, digits, '.', '_' or '-', "
               "starting with a letter."),
            field="username",
        )  # fmt: skip
    if not full_name.strip():
        raise ValidationError(N_("Enter the user's full name."), field="full_name")
    if not roles:
        raise ValidationError(N_("Give the user at least one role."), field="roles")


def insert_user(
    session: Session, username: str, full_name: str, roles: frozenset[Role], password_hash: str,
    position: str = "", must_change_password: bool = True,
) -> UserRow:  # fmt: skip
    if session.scalars(select(UserRow.id).where(UserRow.username == username)).first():
        raise ValidationError(
            N_("The user name {username} is taken."), field="username", username=username
        )
    row = UserRow(
        username=username,
        full_name=full_name.strip(),
        position=position.strip(),
        password_hash=password_hash,
        must_change_password=must_change_password,
        roles=[UserRoleRow(role=role.value) for role in sorted(roles)],
    )
    session.add(row)
    session.flush()
    return row


_DETAIL_FIELDS = ("full_name", "position", "division_id", "phone")


def _details_of(row: UserRow) -> dict[str, object]:
    return {field: getattr(row, field) for field in _DETAIL_FIELDS}


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list_users(self, actor: CurrentUser) -> list[User]:
        require(actor, Operation.MANAGE_USERS)
        with self.ctx.reading() as session:
            return [user_of(r) for r in session.scalars(select(UserRow).order_by(UserRow.username))]

    def create_user(
        self, actor: CurrentUser, username: str, full_name: str, roles: frozenset[Role],
        password: str, position: str = "",
    ) -> User:  # fmt: skip
        require(actor, Operation.MANAGE_USERS)
        username = username.strip().lower()
        validate_new_user(username, full_name, roles)
        validate_password(password)
        with self.ctx.transaction() as session:
            row = insert_user(session, username, full_name, roles,
                              hash_secret(password, self.ctx.hashing), position)  # fmt: skip
            record_event(self.ctx, session, actor.username, "user.created", "user", row.id,
                         after={"username": username, "roles": sorted(roles)})  # fmt: skip
            return user_of(row)

    def set_roles(
        self, actor: CurrentUser, user_id: int, roles: frozenset[Role], expected_version: int | None = None
    ) -> User:  # fmt: skip
        require(actor, Operation.MANAGE_USERS)
        if not roles:
            raise ValidationError(N_("Give the user at least one role."), field="roles")
        with self.ctx.transaction() as session:
            row = self._get(session, user_id)
            check_version(row.version, expected_version)
            before = frozenset(Role(r.role) for r in row.roles)
            if row.id == actor.id and Role.COMPLAINT_OFFICER in roles - before:
                raise PermissionDenied(
                    N_("An administrator cannot grant themselves the complaint officer role.")
                )
            if row.id == actor.id and Role.ADMIN in before - roles:
                raise ValidationError(
                    N_("You cannot remove your own administrator role."), field="roles"
                )
            # change only what differs: replacing the list would insert before it deletes
            row.roles = [r for r in row.roles if Role(r.role) in roles]
            row.roles += [UserRoleRow(role=role.value) for role in sorted(roles - before)]
            row.updated_at = self.ctx.now()  # touch the user row so its version moves too
            session.flush()
            record_event(self.ctx, session, actor.username, "user.roles_changed", "user", row.id,
                         before={"roles": sorted(before)}, after={"roles": sorted(roles)})  # fmt: skip
            return user_of(row)

    def update_details(
        self, actor: CurrentUser, user_id: int, full_name: str, position: str,
        division_id: int | None, phone: str, expected_version: int | None,
    ) -> User:  # fmt: skip
        """Change who the user is on paper (name, position, division, phone); stale edits refused."""
        require(actor, Operation.MANAGE_USERS)
        full_name, position, phone = full_name.strip(), position.strip(), phone.strip()
        if not full_name:
            raise ValidationError(N_("Enter the user's full name."), field="full_name")
        for field, value, limit in (("full_name", full_name, 200), ("position", position, 300),
                                    ("phone", phone, 100)):  # fmt: skip
            if len(value) > limit:
                raise ValidationError(
                    N_("This text is too long: at most {limit} characters."), field=field,
                    limit=limit,
                )  # fmt: skip
        with self.ctx.transaction() as session:
            row = self._get(session, user_id)
            check_version(row.version, expected_version)
            if division_id is not None and session.get(DivisionRow, division_id) is None:
                raise ValidationError(N_("No such division."), field="division_id")
            before = _details_of(row)
            row.full_name, row.position = full_name, position
            row.division_id, row.phone = division_id, phone
            row.updated_at = self.ctx.now()
            session.flush()
            record_event(self.ctx, session, actor.username, "user.details_changed", "user", row.id,
                         before=before, after=_details_of(row))  # fmt: skip
            return user_of(row)

    def set_active(self, actor: CurrentUser, user_id: int, active: bool) -> User:
        require(actor, Operation.MANAGE_USERS)
        with self.ctx.transaction() as session:
            row = self._get(session, user_id)
            if row.id == actor.id and not active:
                raise ValidationError(N_("You cannot disable your own account."), field="active")
            row.active = active
            if active:
                row.locked_until, row.failed_logins = None, 0
            record_event(self.ctx, session, actor.username,
                         "user.enabled" if active else "user.disabled", "user", row.id)  # fmt: skip
            return user_of(row)

    def reset_password(self, actor: CurrentUser, user_id: int, new_password: str) -> User:
        """Set a temporary password that the user must change at the next GUI login."""
        require(actor, Operation.MANAGE_USERS)
        validate_password(new_password)
        with self.ctx.transaction() as session:
            row = self._get(session, user_id)
            row.password_hash = hash_secret(new_password, self.ctx.hashing)
            row.must_change_password = True
            row.locked_until, row.failed_logins = None, 0
            record_event(self.ctx, session, actor.username, "user.password_reset", "user", row.id)
            return user_of(row)

    @staticmethod
    def _get(session: Session, user_id: int) -> UserRow:
        row = session.get(UserRow, user_id)
        if row is None:
            raise NotFoundError(N_("No such user."))
        return row
