"""Issue 14's start-up: the GUI builds the main window while argon2 checks the password on
another thread. The check keeps its cost and its outcome; the work done meanwhile never stands in
for it."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from nongbon_ita.db.models import UserRow
from nongbon_ita.domain.errors import AuthenticationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services import auth
from nongbon_ita.services.context import HashingCost
from nongbon_ita.services.registry import Services
from tests.conftest import PASSWORD


def _failed_logins(services: Services, username: str) -> int:
    with services.ctx.reading() as session:
        query = select(UserRow.failed_logins).where(UserRow.username == username)
        return int(session.scalars(query).one())


def test_the_work_runs_while_the_password_is_checked(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    checking, seen_checking = threading.Event(), threading.Event()
    real = auth.verify_secret

    def slow_check(stored: str, password: str, cost: HashingCost) -> bool:
        checking.set()
        seen_checking.wait(5)  # finishes only once the work has seen it under way
        return real(stored, password, cost)

    monkeypatch.setattr(auth, "verify_secret", slow_check)
    candidates: list[CurrentUser] = []

    def meanwhile(candidate: CurrentUser) -> None:
        assert checking.wait(5), "the check had not started on another thread"
        candidates.append(candidate)
        seen_checking.set()

    user = services.auth.login("admin", PASSWORD, meanwhile=meanwhile)
    assert candidates == [user]


def test_a_wrong_password_is_still_refused_and_counted(services: Services) -> None:
    ran: list[str] = []
    with pytest.raises(AuthenticationError):
        services.auth.login("admin", "wrong-password", meanwhile=lambda u: ran.append(u.username))
    assert ran == ["admin"]  # the work was done, and is thrown away by the caller
    assert _failed_logins(services, "admin") == 1


def test_nothing_is_prepared_for_a_user_who_must_change_the_password(
    services: Services, admin: CurrentUser
) -> None:
    services.users.create_user(admin, "newbie", "นางสาวใหม่ ใจดี", frozenset({Role.STAFF}),
                               "temporary-1")  # fmt: skip
    ran: list[str] = []
    user = services.auth.login("newbie", "temporary-1", meanwhile=lambda u: ran.append("x"))
    assert user.must_change_password and ran == []


def test_a_failure_of_the_work_comes_after_the_login_is_settled(services: Services) -> None:
    def broken(candidate: CurrentUser) -> None:
        raise RuntimeError("the window could not be built")

    with pytest.raises(AuthenticationError):  # a wrong password is reported as such, and counted
        services.auth.login("admin", "wrong-password", meanwhile=broken)
    assert _failed_logins(services, "admin") == 1
    with pytest.raises(RuntimeError):  # the right one: recorded, then the failure is raised
        services.auth.login("admin", PASSWORD, meanwhile=broken)
    assert _failed_logins(services, "admin") == 0
