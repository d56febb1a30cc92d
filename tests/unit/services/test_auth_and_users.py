from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.errors import (
    AuthenticationError,
    PermissionDenied,
    StaleEditError,
    ValidationError,
)
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services
from nongbon_ita.services.settings_store import LOCKOUT_ATTEMPTS, put_setting
from tests.conftest import PASSWORD, Clock


def _actions(services: Services) -> list[str]:
    with services.ctx.reading() as session:
        return list(session.scalars(select(AuditEventRow.action).order_by(AuditEventRow.seq)))


def test_wrong_password_is_refused_and_counted(services: Services) -> None:
    with pytest.raises(AuthenticationError) as error:
        services.auth.login("admin", "wrong-password")
    assert error.value.message_id == "Wrong user name or password."
    with pytest.raises(AuthenticationError):
        services.auth.login("nobody", PASSWORD)


def test_five_failures_lock_the_account_for_fifteen_minutes(
    services: Services, clock: Clock
) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            services.auth.login("admin", "wrong-password")
    with pytest.raises(AuthenticationError) as locked:
        services.auth.login("admin", PASSWORD)  # the right password does not help while locked
    assert "locked" in locked.value.message_id
    clock.moment += timedelta(minutes=14)
    with pytest.raises(AuthenticationError):
        services.auth.login("admin", PASSWORD)
    clock.moment += timedelta(minutes=2)
    assert services.auth.login("admin", PASSWORD).username == "admin"
    assert "user.locked" in _actions(services)


def test_lockout_threshold_is_configurable(services: Services) -> None:
    with services.ctx.transaction() as session:
        put_setting(session, LOCKOUT_ATTEMPTS, "2")
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            services.auth.login("admin", "wrong-password")
    with pytest.raises(AuthenticationError) as locked:
        services.auth.login("admin", PASSWORD)
    assert "locked" in locked.value.message_id


def test_admin_creates_disables_and_resets_users(services: Services, admin: CurrentUser) -> None:
    created = services.users.create_user(
        admin, "Somchai", "นายสมชาย ใจดี", frozenset({Role.STAFF}), "temporary1"
    )
    assert created.username == "somchai" and created.must_change_password
    services.users.set_active(admin, created.id, False)
    with pytest.raises(AuthenticationError) as disabled:
        services.auth.login("somchai", "temporary1")
    assert "disabled" in disabled.value.message_id
    services.users.set_active(admin, created.id, True)
    services.users.reset_password(admin, created.id, "another-one")
    assert services.auth.login("somchai", "another-one").must_change_password
    assert {"user.created", "user.disabled", "user.enabled", "user.password_reset"} <= set(
        _actions(services)
    )


def test_bad_user_input_is_refused_and_changes_nothing(
    services: Services, admin: CurrentUser
) -> None:
    before = len(services.users.list_users(admin))
    for username, full_name, roles, password in (
        ("ผู้ใช้", "ชื่อ", {Role.STAFF}, "password1"),
        ("newuser", " ", {Role.STAFF}, "password1"),
        ("newuser", "ชื่อ", set(), "password1"),
        ("newuser", "ชื่อ", {Role.STAFF}, "short"),
        ("admin", "ชื่อ", {Role.STAFF}, "password1"),
    ):
        with pytest.raises(ValidationError):
            services.users.create_user(admin, username, full_name, frozenset(roles), password)
    assert len(services.users.list_users(admin)) == before


def test_role_grants_are_audited_and_admin_cannot_self_grant_complaint_officer(
    services: Services, admin: CurrentUser
) -> None:
    with pytest.raises(PermissionDenied):
        services.users.set_roles(admin, admin.id, frozenset({Role.ADMIN, Role.COMPLAINT_OFFICER}))
    other = services.users.create_user(
        admin, "officer", "เจ้าหน้าที่", frozenset({Role.STAFF}), "password1"
    )
    updated = services.users.set_roles(
        admin, other.id, frozenset({Role.STAFF, Role.COMPLAINT_OFFICER})
    )
    assert updated.roles == {Role.STAFF, Role.COMPLAINT_OFFICER}
    with services.ctx.reading() as session:
        payload = session.scalars(
            select(AuditEventRow.payload).where(AuditEventRow.action == "user.roles_changed")
        ).one()
    assert '"complaint_officer"' in payload and '"before"' in payload


def test_stale_role_edit_is_refused(services: Services, admin: CurrentUser) -> None:
    other = services.users.create_user(
        admin, "officer", "เจ้าหน้าที่", frozenset({Role.STAFF}), "password1"
    )
    services.users.set_roles(
        admin, other.id, frozenset({Role.APPROVER}), expected_version=other.version
    )
    with pytest.raises(StaleEditError):
        services.users.set_roles(
            admin, other.id, frozenset({Role.STAFF}), expected_version=other.version
        )


def test_changing_ones_own_password(
    services: Services, user_with: Callable[..., CurrentUser]
) -> None:
    staff = user_with(Role.STAFF)
    with pytest.raises(AuthenticationError):
        services.auth.change_own_password(staff, "not-it", "brand-new-pass")
    services.auth.change_own_password(staff, PASSWORD, "brand-new-pass")
    assert not services.auth.login(staff.username, "brand-new-pass").must_change_password


def test_a_login_is_not_an_edit_of_the_user(services: Services, admin: CurrentUser) -> None:
    """Two sessions of one user must not make each other (or an admin's edit) stale."""
    user = services.users.create_user(admin, "somchai", "นายสมชาย", frozenset({Role.STAFF}),
                                      PASSWORD)  # fmt: skip
    services.auth.login("somchai", PASSWORD)
    services.auth.login("somchai", PASSWORD, read_only=True)
    after = next(u for u in services.users.list_users(admin) if u.username == "somchai")
    assert after.version == user.version
    services.users.set_roles(admin, user.id, frozenset({Role.APPROVER}), user.version)
