"""Settings › users: add with roles and a temporary password, edit roles, disable, reset."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from nongbon_ita.domain.errors import AuthenticationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.gui.pages.users_tab import UsersTab


@pytest.fixture
def tab(qtbot, services, admin):
    built = UsersTab(services.users, admin)
    qtbot.addWidget(built)
    built.resize(900, 500)
    built.show()
    return built


def test_add_user(tab, services, admin, message_log, shot):
    seen = []

    def run_dialog(dialog):
        seen.append(dialog)
        dialog.username_edit.setText("Malee.S")
        dialog.full_name_edit.setText("นางมาลี ศรีสุข")
        dialog.position_edit.setText("เจ้าพนักงานพัสดุ")
        dialog.role_boxes[Role.SUPPLY_OFFICER].setChecked(True)
        shot(dialog, "dialog-add-user")
        dialog.save()
        return dialog.result()

    tab._run_dialog = run_dialog
    tab.add_button.click()
    password = seen[0].password_edit.text()
    assert len(password) == 10
    assert password in message_log.last()
    user = next(u for u in services.users.list_users(admin) if u.username == "malee.s")
    assert user.roles == frozenset({Role.STAFF, Role.SUPPLY_OFFICER})
    assert user.must_change_password and user.position == "เจ้าพนักงานพัสดุ"
    assert services.auth.login("malee.s", password).must_change_password
    assert tab.selected_user().username == "malee.s"
    shot(tab, "settings-3-users")


def test_add_user_refusal_shown_in_dialog(tab, services, admin):
    def run_dialog(dialog):
        dialog.username_edit.setText("admin")  # taken
        dialog.full_name_edit.setText("ซ้ำ")
        dialog.save()
        assert dialog.error_label.text() == "The user name admin is taken."
        for box in dialog.role_boxes.values():
            box.setChecked(False)
        dialog.username_edit.setText("newbie")
        dialog.save()
        assert dialog.error_label.text() == "Give the user at least one role."
        return dialog.result()

    tab._run_dialog = run_dialog
    tab.add_user()
    assert [u.username for u in services.users.list_users(admin)] == ["admin"]


def test_edit_roles_disable_enable_reset(tab, services, admin, message_log):
    services.users.create_user(
        admin, "somchai", "นายสมชาย ใจดี", frozenset({Role.STAFF}), "temporary-1"
    )
    tab.reload()
    tab.select_username("somchai")

    def run_dialog(dialog):
        assert dialog.username_edit.isReadOnly()
        dialog.role_boxes[Role.APPROVER].setChecked(True)
        dialog.save()
        return dialog.result()

    tab._run_dialog = run_dialog
    tab.roles_button.click()
    somchai = next(u for u in services.users.list_users(admin) if u.username == "somchai")
    assert somchai.roles == frozenset({Role.STAFF, Role.APPROVER})
    # disabling asks first; "No" changes nothing
    message_log.answer = QMessageBox.StandardButton.No
    tab.active_button.click()
    assert "Disable the account of นายสมชาย ใจดี?" in message_log.last()
    assert next(u for u in services.users.list_users(admin) if u.username == "somchai").active
    message_log.answer = QMessageBox.StandardButton.Yes
    tab.active_button.click()
    assert not next(u for u in services.users.list_users(admin) if u.username == "somchai").active
    assert tab.active_button.text() == "Enable"
    with pytest.raises(AuthenticationError):
        services.auth.login("somchai", "temporary-1")
    tab.active_button.click()  # enabling does not ask
    assert next(u for u in services.users.list_users(admin) if u.username == "somchai").active
    # reset password: confirmed, the new temporary password is shown
    tab.reset_button.click()
    shown = message_log.last()
    assert shown.startswith("New temporary password for somchai: ")
    password = shown.split(": ")[1].split("\n")[0]
    assert services.auth.login("somchai", password).must_change_password


def test_admin_cannot_disable_self(tab, message_log):
    tab.select_username("admin")
    tab.active_button.click()
    assert message_log.last() == "You cannot disable your own account."
