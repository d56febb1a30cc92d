"""The benchmark's autologin hook logs in and shows the main window, but never past a forced
password change: the change-password dialog comes first, and cancelling it leaves no window."""

from __future__ import annotations

import pytest

from nongbon_ita.domain.roles import Role
from nongbon_ita.gui import run
from nongbon_ita.gui.bench_autologin import ENV, bench_autologin
from nongbon_ita.gui.run import GuiSession


def test_autologin_shows_the_main_window(qtbot, services, admin, monkeypatch) -> None:
    monkeypatch.setenv(ENV, "admin:nongbon-demo")
    session = GuiSession(services)
    assert bench_autologin(session)
    assert session.window is not None and session.window.user.username == "admin"
    qtbot.addWidget(session.window)


def test_autologin_never_skips_a_forced_password_change(qtbot, services, admin,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    services.users.create_user(admin, "newbie", "นางสาวใหม่ ใจดี", frozenset({Role.STAFF}),
                               "temporary-1")  # fmt: skip
    monkeypatch.setenv(ENV, "newbie:temporary-1")
    asked: list[str] = []

    class Refused:
        def __init__(self, user, change, parent=None) -> None:  # type: ignore[no-untyped-def]
            asked.append(user.username)

        def exec(self) -> int:
            return 0  # the user closes the change-password dialog

    monkeypatch.setattr(run, "ChangePasswordDialog", Refused)
    session = GuiSession(services)
    assert not bench_autologin(session)
    assert asked == ["newbie"]
    assert session.window is None
