"""Every permission-checked service operation × every role: allowed, or refused with a message."""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from nongbon_ita.domain.errors import PermissionDenied
from nongbon_ita.domain.office import Official
from nongbon_ita.domain.permissions import ALL_PERMISSIONS, Operation, Permission
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services
from tests.conftest import PASSWORD

Call = Callable[[Services, CurrentUser, Path], object]


def _admin(services: Services) -> CurrentUser:
    """The office's first admin, to set up a row the operation under test then acts on."""
    return services.auth.login("admin", PASSWORD)


CALLS: dict[str, tuple[Permission, Call]] = {
    "users.list": (Operation.MANAGE_USERS, lambda s, u, _t: s.users.list_users(u)),
    "users.create": (
        Operation.MANAGE_USERS,
        lambda s, u, _t: s.users.create_user(
            u, "newcomer", "ผู้ใช้ใหม่", frozenset({Role.STAFF}), "password1"
        ),
    ),
    "users.set_roles": (
        Operation.MANAGE_USERS,
        lambda s, u, _t: s.users.set_roles(u, 1, frozenset({Role.ADMIN})),
    ),
    "users.set_active": (Operation.MANAGE_USERS, lambda s, u, _t: s.users.set_active(u, 1, True)),
    "users.reset_password": (
        Operation.MANAGE_USERS,
        lambda s, u, _t: s.users.reset_password(u, 1, "password9"),
    ),
    "users.update_details": (
        Operation.MANAGE_USERS,
        lambda s, u, _t: s.users.update_details(u, 1, "ผู้ดูแลระบบ", "", None, "", None),
    ),
    "office.update": (
        Operation.EDIT_OFFICE,
        lambda s, u, _t: s.office.update_profile(u, replace(s.office.profile(), phone="1")),
    ),
    "divisions.add": (
        Operation.EDIT_OFFICIALS,
        lambda s, u, _t: s.office.add_division(u, "กองช่าง"),
    ),
    "divisions.rename": (
        Operation.EDIT_OFFICIALS,
        lambda s, u, _t: s.office.rename_division(
            u, s.office.add_division(_admin(s), "กองคลัง").id, "กองการคลัง", None
        ),
    ),
    "divisions.delete": (
        Operation.EDIT_OFFICIALS,
        lambda s, u, _t: s.office.delete_division(u, s.office.add_division(_admin(s), "กองคลัง").id),
    ),
    "officials.save": (
        Operation.EDIT_OFFICIALS,
        lambda s, u, _t: s.office.save_official(u, Official(0, "นายก", "นายก อบต.")),
    ),
}

CORE_AREAS = {"users", "office", "officials", "database"}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", list(CALLS))
def test_operation_is_allowed_exactly_for_its_roles(
    services: Services, user_with: Callable[..., CurrentUser], tmp_path: Path, role: Role, name: str
) -> None:
    operation, call = CALLS[name]
    user = user_with(role)
    if role in operation.roles:
        call(services, user, tmp_path)
    else:
        with pytest.raises(PermissionDenied) as refused:
            call(services, user, tmp_path)
        assert refused.value.message_id == "You are not allowed to {operation}."
        assert refused.value.params["operation"]


def test_every_operation_is_walked() -> None:
    walked = {operation for operation, _call in CALLS.values()}
    covered_by_cli_tests = {Operation.BACKUP, Operation.RESTORE}
    core = {p for p in ALL_PERMISSIONS.values() if p.code.split(".")[0] in CORE_AREAS}
    assert walked | covered_by_cli_tests == core
