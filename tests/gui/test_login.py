"""Login: refusals inline, lock-out, forced password change, the main window after success."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from nongbon_ita.domain.roles import Role
from nongbon_ita.gui.change_password_dialog import ChangePasswordDialog
from nongbon_ita.gui.login_dialog import LoginDialog
from nongbon_ita.gui.main_window import MainWindow
from nongbon_ita.gui.run import GuiSession, build_main_window, ensure_own_password


def attempt(dialog: LoginDialog, username: str, password: str) -> bool:
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    return dialog.try_login()


def test_wrong_password_shows_message(qtbot, services, shot):
    dialog = LoginDialog(services.auth, "องค์การบริหารส่วนตำบลหนองบอน")
    qtbot.addWidget(dialog)
    dialog.show()
    shot(dialog, "login-empty")
    assert not attempt(dialog, "admin", "wrong-password")
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Wrong user name or password."
    assert dialog.password_edit.text() == ""
    assert dialog.result() != QDialog.DialogCode.Accepted
    shot(dialog, "login-wrong")


def test_login_succeeds_and_opens_main_window(qtbot, services, message_log):
    session = GuiSession(services)
    dialog = session.show_login()
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("nongbon-demo")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert isinstance(session.window, MainWindow)
    qtbot.addWidget(session.window)
    assert session.window.isVisible()
    assert session.window.user.username == "admin"
    assert session.window.current_key() == "dashboard"
    # logout goes back to the login dialog, with the user name kept
    session.window.logout_action.trigger()
    assert session.window is None
    assert session.login is not None and session.login.isVisible()
    qtbot.addWidget(session.login)
    assert session.login.username_edit.text() == "admin"


def test_lockout_after_five_wrong_passwords(qtbot, services, shot):
    dialog = LoginDialog(services.auth)
    qtbot.addWidget(dialog)
    dialog.show()
    for _attempt in range(5):
        assert not attempt(dialog, "admin", "wrong-password")
    assert not attempt(dialog, "admin", "nongbon-demo")  # even the right password now
    assert "locked" in dialog.error_label.text()
    assert "15 minutes" in dialog.error_label.text() or "16 minutes" in dialog.error_label.text()
    shot(dialog, "login-locked")


def test_temporary_password_must_be_changed(qtbot, services, admin, shot, monkeypatch):
    services.users.create_user(
        admin, "malee", "นางมาลี ศรีสุข", frozenset({Role.STAFF}), "temporary-1"
    )
    user = services.auth.login("malee", "temporary-1")
    assert user.must_change_password
    dialog = ChangePasswordDialog(user, services.auth.change_own_password)
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.old_edit.setText("wrong-one")
    form.new_edit.setText("my-own-password")
    form.repeat_edit.setText("my-own-password")
    assert not form.submit()
    assert form.error_label.text() == "The current password is wrong."
    form.old_edit.setText("temporary-1")
    form.new_edit.setText("my-own-password")
    form.repeat_edit.setText("my-own-password-x")
    assert not form.submit()
    form.repeat_edit.setText("my-own-password")
    shot(dialog, "change-password-forced")
    dialog._submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not services.auth.login("malee", "my-own-password").must_change_password
    # ensure_own_password runs the dialog; refused (cancelled) means no main window
    monkeypatch.setattr(ChangePasswordDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    services.users.reset_password(admin, user.id, "temporary-2")
    again = services.auth.login("malee", "temporary-2")
    assert not ensure_own_password(services, again)


def test_build_main_window_for_staff_hides_users_tab(qtbot, services, staff):
    window = build_main_window(services, staff)
    qtbot.addWidget(window)
    settings = window.page("settings")
    assert settings.users_tab is None


def test_the_window_built_during_the_password_check_is_the_one_shown(qtbot, services):
    session = GuiSession(services)
    dialog = session.show_login()
    qtbot.addWidget(dialog)
    prepared: list[MainWindow] = []
    build = session.prepare_window

    def prepare(candidate) -> None:  # type: ignore[no-untyped-def]
        build(candidate)
        assert session.prepared is not None and not session.prepared.isVisible()
        prepared.append(session.prepared)

    dialog.prepare = prepare
    assert not attempt(dialog, "admin", "wrong-password")
    assert len(prepared) == 1 and session.prepared is None  # dropped, never shown
    assert attempt(dialog, "admin", "nongbon-demo")
    assert len(prepared) == 2 and session.window is prepared[1]
    qtbot.addWidget(session.window)
    assert session.window.isVisible() and session.window.user.username == "admin"
