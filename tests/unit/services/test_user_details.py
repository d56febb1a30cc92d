"""An admin edits a user's full name, position, division and phone after creation."""

import json
from collections.abc import Callable

import pytest
from sqlalchemy import select

from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.errors import PermissionDenied, StaleEditError, ValidationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser, User
from nongbon_ita.services.registry import Services


def _somchai(services: Services, admin: CurrentUser) -> User:
    return services.users.create_user(
        admin, "somchai", "นายสมชาย ใจดี", frozenset({Role.STAFF}), "temporary-1", "นักวิชาการ"
    )


def test_details_are_saved_and_audited_with_before_and_after(
    services: Services, admin: CurrentUser
) -> None:
    division = services.office.add_division(admin, "กองคลัง")
    user = _somchai(services, admin)
    saved = services.users.update_details(
        admin, user.id, " นายสมชาย ใจงาม ", "นักวิชาการเงินและบัญชี", division.id, "043-111222",
        user.version,
    )  # fmt: skip
    assert (saved.full_name, saved.position, saved.division_id, saved.phone) == (
        "นายสมชาย ใจงาม", "นักวิชาการเงินและบัญชี", division.id, "043-111222"
    )  # fmt: skip
    assert saved.version > user.version and saved.roles == user.roles
    with services.ctx.reading() as session:
        event = session.scalars(
            select(AuditEventRow).where(AuditEventRow.action == "user.details_changed")
        ).one()
        payload = json.loads(event.payload)
    assert payload["before"] == {"full_name": "นายสมชาย ใจดี", "position": "นักวิชาการ",
                                 "division_id": None, "phone": ""}  # fmt: skip
    assert payload["after"]["division_id"] == division.id
    assert payload["after"]["phone"] == "043-111222"
    # the division can be cleared again
    cleared = services.users.update_details(
        admin, user.id, saved.full_name, saved.position, None, "", saved.version
    )
    assert cleared.division_id is None and cleared.phone == ""


def test_stale_details_edit_is_refused_not_lost(services: Services, admin: CurrentUser) -> None:
    user = _somchai(services, admin)
    services.users.update_details(admin, user.id, "นายสมชาย ก", "", None, "1", user.version)
    with pytest.raises(StaleEditError):
        services.users.update_details(admin, user.id, "นายสมชาย ข", "", None, "2", user.version)
    current = next(u for u in services.users.list_users(admin) if u.id == user.id)
    assert (current.full_name, current.phone) == ("นายสมชาย ก", "1")


def test_bad_details_are_refused_and_nothing_changes(
    services: Services, admin: CurrentUser
) -> None:
    user = _somchai(services, admin)
    with pytest.raises(ValidationError) as empty:
        services.users.update_details(admin, user.id, "  ", "", None, "", user.version)
    assert empty.value.field == "full_name"
    with pytest.raises(ValidationError) as no_division:
        services.users.update_details(admin, user.id, "นายสมชาย", "", 999, "", user.version)
    assert no_division.value.field == "division_id"
    with pytest.raises(ValidationError) as too_long:
        services.users.update_details(admin, user.id, "นายสมชาย", "", None, "0" * 101, None)
    assert too_long.value.field == "phone" and too_long.value.params["limit"] == 100
    assert next(u for u in services.users.list_users(admin) if u.id == user.id) == user


def test_only_admins_edit_details(
    services: Services, admin: CurrentUser, user_with: Callable[..., CurrentUser]
) -> None:
    user = _somchai(services, admin)
    with pytest.raises(PermissionDenied):
        services.users.update_details(
            user_with(Role.SUPPLY_OFFICER), user.id, "แก้", "", None, "", None
        )
