"""Which roles may run which service operation; the services call `require` first."""

from __future__ import annotations

from enum import StrEnum

from nongbon_ita.domain.errors import N_, PermissionDenied
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser


class Operation(StrEnum):
    MANAGE_USERS = "users.manage"
    EDIT_OFFICE = "office.edit"
    EDIT_OFFICIALS = "officials.edit"
    BACKUP = "database.backup"
    RESTORE = "database.restore"
    IMPORT_MEASURES = "measures.import"
    EDIT_MEASURES = "measures.edit"


ALLOWED: dict[Operation, frozenset[Role]] = {
    Operation.MANAGE_USERS: frozenset({Role.ADMIN}),
    Operation.EDIT_OFFICE: frozenset({Role.ADMIN}),
    Operation.EDIT_OFFICIALS: frozenset({Role.ADMIN}),
    Operation.BACKUP: frozenset({Role.ADMIN}),
    Operation.RESTORE: frozenset({Role.ADMIN}),
    Operation.IMPORT_MEASURES: frozenset({Role.ITA_COORDINATOR}),
    Operation.EDIT_MEASURES: frozenset({Role.ITA_COORDINATOR}),
}

OPERATION_LABELS: dict[Operation, str] = {
    Operation.MANAGE_USERS: N_("manage users"),
    Operation.EDIT_OFFICE: N_("edit the office profile"),
    Operation.EDIT_OFFICIALS: N_("edit divisions and officials"),
    Operation.BACKUP: N_("back up the database"),
    Operation.RESTORE: N_("restore the database"),
    Operation.IMPORT_MEASURES: N_("import ITA measures"),
    Operation.EDIT_MEASURES: N_("edit ITA measures"),
}


def is_allowed(user: CurrentUser, operation: Operation) -> bool:
    return bool(user.roles & ALLOWED[operation])


def require(user: CurrentUser, operation: Operation) -> None:
    if not is_allowed(user, operation):
        raise PermissionDenied(
            N_("You are not allowed to {operation}."), operation=OPERATION_LABELS[operation]
        )
