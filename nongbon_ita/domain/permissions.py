"""Which roles may run which service operation; the services call `require` first.

Each area declares its own permissions (core ones here, loans in domain/loans, …) with
`Permission(code, label_id, roles)`; every permission registers itself in `ALL_PERMISSIONS`, so the
permission-matrix tests can walk them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from nongbon_ita.domain.errors import N_, PermissionDenied
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser

ALL_PERMISSIONS: dict[str, Permission] = {}


@dataclass(frozen=True)
class Permission:
    code: str  # "users.manage"
    label_id: str  # message id of what it lets one do: "manage users"
    roles: frozenset[Role]

    def __post_init__(self) -> None:
        if self.code in ALL_PERMISSIONS:
            raise ValueError(f"permission {self.code} declared twice")
        ALL_PERMISSIONS[self.code] = self


def is_allowed(user: CurrentUser, permission: Permission) -> bool:
    return bool(user.roles & permission.roles)


def require(user: CurrentUser, permission: Permission) -> None:
    if not is_allowed(user, permission):
        raise PermissionDenied(
            N_("You are not allowed to {operation}."), operation=permission.label_id
        )


_ADMIN = frozenset({Role.ADMIN})


class Operation:
    """The core permissions: users, office, database (ITA: domain/ita/permissions.py)."""

    MANAGE_USERS = Permission("users.manage", N_("manage users"), _ADMIN)
    EDIT_OFFICE = Permission("office.edit", N_("edit the office profile"), _ADMIN)
    EDIT_OFFICIALS = Permission("officials.edit", N_("edit divisions and officials"), _ADMIN)
    BACKUP = Permission("database.backup", N_("back up the database"), _ADMIN)
    RESTORE = Permission("database.restore", N_("restore the database"), _ADMIN)
