"""Main window: sidebar areas, Ctrl+N shortcuts, status bar, pluggable pages; screenshots."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from nongbon_ita.gui.pages.dashboard_page import DashboardPage
from nongbon_ita.gui.run import build_main_window

KEYS = ["dashboard", "assets", "complaints", "ita", "reports", "settings"]


@pytest.fixture
def window(qtbot, services, admin):
    built = build_main_window(services, admin)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    return built


def test_sidebar_lists_the_six_areas(window):
    assert window.page_keys() == KEYS
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [
        "Dashboard",
        "Assets and loans",
        "Complaints",
        "ITA measures",
        "Reports",
        "Settings",
    ]


def test_navigation_by_sidebar_and_shortcuts(qtbot, window, shot):
    window.sidebar.setCurrentRow(4)
    assert window.current_key() == "reports"
    for number, key in enumerate(KEYS, start=1):
        window.activateWindow()
        window.setFocus()
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_key() == key
        assert window.sidebar.currentRow() == number - 1
        shot(window, f"main-{number}-{key}")
    assert window.show_page("assets") is window.page("assets")
    assert window.stack.currentWidget() is window.page("assets")


def test_status_bar_names_user_and_roles(window):
    text = window.user_label.text()
    assert "ผู้ดูแลระบบ" in text and "Administrator" in text
    with_signal = []
    window.logout_requested.connect(lambda: with_signal.append(True))
    window.logout_button.click()
    assert with_signal == [True]


def test_add_page_plugs_in_a_page(window):
    extra = QLabel("extra")
    window.add_page("audit", "Audit", extra)
    assert window.show_page("audit") is extra
    assert window.current_key() == "audit"
    with pytest.raises(ValueError):
        window.add_page("audit", "Audit", QLabel())


def test_dashboard_shows_office_and_be_date(qtbot, admin):
    page = DashboardPage(admin, "องค์การบริหารส่วนตำบลหนองบอน", today=lambda: date(2024, 1, 15))
    qtbot.addWidget(page)
    assert page.office_label.text() == "องค์การบริหารส่วนตำบลหนองบอน"
    assert "15 มกราคม 2567" in page.date_label.text()  # English UI: Arabic digits


def test_every_area_is_a_working_page(window):
    for key in window.page_keys():
        labels = [label.text() for label in window.page(key).findChildren(QLabel)]
        assert not any("Coming soon" in text for text in labels), key


def test_a_page_the_role_may_not_open_says_so(qtbot, services, staff):
    from nongbon_ita.gui.run import build_main_window

    window = build_main_window(services, staff)
    qtbot.addWidget(window)
    register = window.page("assets").widget(2)  # the loan register: finance, supply, approver
    texts = [label.text() for label in register.findChildren(QLabel)]
    assert "This part of the program is not for your role." in texts
    assert not any("not ready" in text for text in texts)
