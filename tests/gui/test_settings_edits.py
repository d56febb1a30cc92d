"""Settings: rename and remove divisions; edit a user's details after creation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from nongbon_ita.domain.office import Official
from nongbon_ita.domain.roles import Role
from nongbon_ita.gui.pages.settings_page import SettingsPage
from nongbon_ita.gui.pages.users_tab import UsersTab

SETTINGS_SHOTS = Path("/tmp/settings-shots")


@pytest.fixture
def look(shot):
    """The conftest `shot`, also copied to /tmp/settings-shots to look at."""
    SETTINGS_SHOTS.mkdir(parents=True, exist_ok=True)

    def take(widget, name):
        path = shot(widget, name)
        (SETTINGS_SHOTS / path.name).write_bytes(path.read_bytes())
        return path

    return take


@pytest.fixture
def page(qtbot, services, admin):
    built = SettingsPage(services, admin)
    qtbot.addWidget(built)
    built.resize(1000, 600)
    built.show()
    built.show_tab(built.officials_tab)
    return built


def test_rename_a_division(page, services, admin, message_log, look):
    services.office.add_division(admin, "กองคลัง")
    services.office.add_division(admin, "กองช่าง")
    tab = page.officials_tab
    tab.reload()
    assert not tab.rename_division_button.isEnabled()  # nothing chosen yet
    asked = []

    def ask(_parent, current):
        asked.append(current)
        return "กองการคลัง"

    tab._ask_name = ask
    tab.select_division("กองคลัง")
    assert tab.rename_division_button.isEnabled() and tab.remove_division_button.isEnabled()
    look(page, "settings-divisions")
    tab.rename_division_button.click()
    assert asked == ["กองคลัง"]
    assert [d.name for d in services.office.divisions()] == ["กองการคลัง", "กองช่าง"]
    assert [tab.division_list.item(i).text() for i in range(2)] == ["กองการคลัง", "กองช่าง"]
    assert tab.selected_division().name == "กองการคลัง"
    # a duplicate name is refused with the service's message; nothing changes
    tab._ask_name = lambda _parent, _current: "กองช่าง"
    tab.rename_division_button.click()
    assert message_log.last() == "This division already exists."
    assert [d.name for d in services.office.divisions()] == ["กองการคลัง", "กองช่าง"]
    # cancelling the question changes nothing
    tab._ask_name = lambda _parent, _current: None
    tab.rename_division_button.click()
    assert [d.name for d in services.office.divisions()] == ["กองการคลัง", "กองช่าง"]


def test_refuse_removing_a_division_in_use(page, services, admin, message_log, look):
    used = services.office.add_division(admin, "สำนักปลัด")
    services.office.add_division(admin, "กองช่าง")
    services.office.save_official(admin, Official(0, "นายสมชาย", "ปลัด อบต.", division_id=used.id))
    tab = page.officials_tab
    tab.reload()
    tab.select_division("สำนักปลัด")
    message_log.grab_to = look
    message_log.answer = QMessageBox.StandardButton.Yes
    tab.remove_division_button.click()
    assert message_log.boxes[-2][1] == "Remove the division สำนักปลัด?"
    refusal = message_log.last()
    assert refusal.startswith("The division สำนักปลัด cannot be removed: 1 records (users,")
    assert [d.name for d in services.office.divisions()] == ["กองช่าง", "สำนักปลัด"]
    message_log.grab_to = None
    # "No" keeps an unused division; "Yes" removes it
    tab.select_division("กองช่าง")
    message_log.answer = QMessageBox.StandardButton.No
    tab.remove_division_button.click()
    assert len(services.office.divisions()) == 2
    message_log.answer = QMessageBox.StandardButton.Yes
    tab.remove_division_button.click()
    assert [d.name for d in services.office.divisions()] == ["สำนักปลัด"]
    assert tab.division_list.count() == 1


def test_non_admin_sees_no_division_buttons(qtbot, services, staff):
    built = SettingsPage(services, staff)
    qtbot.addWidget(built)
    built.show()
    tab = built.officials_tab
    assert not tab.rename_division_button.isVisible()
    assert not tab.remove_division_button.isVisible()


@pytest.fixture
def users_tab(qtbot, services, admin):
    built = UsersTab(services.users, admin)
    qtbot.addWidget(built)
    built.resize(1000, 500)
    built.show()
    return built


def test_edit_a_users_details(users_tab, services, admin, look):
    finance = services.office.add_division(admin, "กองคลัง")
    services.users.create_user(
        admin, "malee", "นางมาลี ศรีสุข", frozenset({Role.STAFF}), "temporary-1", "เจ้าหน้าที่"
    )
    users_tab.reload()
    users_tab.select_username("malee")
    seen = []

    def run_dialog(dialog):
        seen.append(dialog)
        assert dialog.username_edit.isReadOnly() and not dialog.full_name_edit.isReadOnly()
        assert dialog.full_name_edit.text() == "นางมาลี ศรีสุข"
        assert dialog.position_edit.text() == "เจ้าหน้าที่"
        assert dialog.division_combo.currentData() is None
        dialog.full_name_edit.setText("นางมาลี ศรีงาม")
        dialog.position_edit.setText("เจ้าพนักงานการเงินและบัญชี")
        dialog.division_combo.setCurrentIndex(dialog.division_combo.findData(finance.id))
        dialog.phone_edit.setText("043-777888")
        look(dialog, "dialog-user-details")
        dialog.full_name_edit.setText(" ")
        dialog.save()
        assert dialog.error_label.text() == "Enter the user's full name."
        dialog.full_name_edit.setText("นางมาลี ศรีงาม")
        dialog.save()
        return dialog.result()

    users_tab._run_dialog = run_dialog
    users_tab.details_button.click()
    assert not any(box.isVisibleTo(seen[0]) for box in seen[0].role_boxes.values())
    malee = next(u for u in services.users.list_users(admin) if u.username == "malee")
    assert (malee.full_name, malee.position, malee.division_id, malee.phone) == (
        "นางมาลี ศรีงาม", "เจ้าพนักงานการเงินและบัญชี", finance.id, "043-777888"
    )  # fmt: skip
    assert malee.roles == frozenset({Role.STAFF})
    assert users_tab.selected_user().full_name == "นางมาลี ศรีงาม"
    QApplication.processEvents()
    look(users_tab, "settings-users-details")


def test_stale_details_edit_shows_a_clear_message(users_tab, services, admin, message_log):
    user = services.users.create_user(
        admin, "malee", "นางมาลี ศรีสุข", frozenset({Role.STAFF}), "temporary-1"
    )
    users_tab.reload()
    users_tab.select_username("malee")

    def run_dialog(dialog):
        # someone else saves while this dialog is open
        services.users.update_details(admin, user.id, "นางมาลี ก", "", None, "1", None)
        dialog.phone_edit.setText("2")
        dialog.save()
        return dialog.result()

    users_tab._run_dialog = run_dialog
    users_tab.edit_details()
    assert "Someone else saved this record" in message_log.last()
    malee = next(u for u in services.users.list_users(admin) if u.username == "malee")
    assert malee.phone == "1"
    assert users_tab.selected_user().full_name == "นางมาลี ก"  # the list was read again
