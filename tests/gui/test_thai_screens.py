"""The screens in Thai (the default language): screenshots to check Thai text is not clipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from nongbon_ita.gui.first_run_wizard import FirstRunWizard
from nongbon_ita.gui.login_dialog import LoginDialog
from nongbon_ita.gui.run import build_main_window
from nongbon_ita.gui.user_dialog import UserDialog
from nongbon_ita.i18n import translate


@pytest.fixture
def thai() -> Iterator[None]:
    translate.set_language("th")
    yield
    translate.set_language("en")


@pytest.mark.usefixtures("thai")
def test_thai_screens(qtbot, services, blank_services, admin, shot):
    window = build_main_window(services, admin)
    qtbot.addWidget(window)
    window.show()
    for number, key in enumerate(window.page_keys(), start=1):
        window.show_page(key)
        shot(window, f"th-main-{number}-{key}")
    settings = window.page("settings")
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        shot(window, f"th-settings-{index + 1}")
    assert window.sidebar.item(0).text() != "Dashboard"  # translated
    login = LoginDialog(services.auth, "องค์การบริหารส่วนตำบลหนองบอน")
    qtbot.addWidget(login)
    login.username_edit.setText("admin")
    login.password_edit.setText("wrong-password")
    login.try_login()
    shot(login, "th-login")
    wizard = FirstRunWizard(blank_services.setup)
    qtbot.addWidget(wizard)
    shot(wizard, "th-wizard-1")
    dialog = UserDialog(services.users, admin)
    qtbot.addWidget(dialog)
    shot(dialog, "th-dialog-add-user")
