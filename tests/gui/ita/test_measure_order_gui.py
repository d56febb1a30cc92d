"""Reordering measures in the measures tab: "Move down"/"Move up" and Ctrl+Down/Ctrl+Up move the
chosen row, which stays chosen; the buttons apply only where a move can; staff cannot reorder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from nongbon_ita.domain.ita.measure import MeasureDraft
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.ita.measures_tab import MeasuresTab
from nongbon_ita.gui.ita.page import ItaPage
from nongbon_ita.gui.widgets.record_table import selected_row
from nongbon_ita.services.registry import Services
from tests.gui.ita.test_ita_edits import TODAY, make_user

ISSUES = ("ยังไม่มีคู่มือการยืมทรัพย์สิน", "การเปิดเผยข้อมูลยังไม่ครบถ้วน",
          "ยังไม่มีช่องทางแจ้งเรื่องร้องเรียนการทุจริต")  # fmt: skip
SHOTS = Path("/tmp/ita-reorder-shots")
Shot = Callable[[QWidget, str], Path]


@pytest.fixture
def coordinator(services: Services, admin: CurrentUser) -> CurrentUser:
    """The coordinator, with three measures of 2567 in the order of ISSUES."""
    user = make_user(services, admin, "coord", Role.ITA_COORDINATOR)
    for number, issue in zip((4, 7, 10), ISSUES, strict=True):
        services.ita.plan.create(user, 2567, MeasureDraft(number, issue))
    return user


def open_page(qtbot, services: Services, user: CurrentUser) -> ItaPage:  # type: ignore[no-untyped-def]
    page = ItaPage(services, user, today=lambda: TODAY, open_preview=lambda _d: None)
    qtbot.addWidget(page)
    page.resize(1200, 640)
    page.show()
    qtbot.waitExposed(page)
    return page


def table(tab: MeasuresTab) -> list[tuple[str, str]]:
    """(No., issue) of each row as shown."""
    model = tab.model
    return [(model.index(r, 0).data(), model.row_at(r).issue) for r in range(model.rowCount())]


def chosen(tab: MeasuresTab) -> str | None:
    row = selected_row(tab.view)
    return None if row is None else tab.model.row_at(row).issue


def press(qtbot, tab: MeasuresTab, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    tab.view.activateWindow()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, key, Qt.KeyboardModifier.ControlModifier)


def test_move_down_and_up_reorder_the_table_and_keep_the_row_chosen(
    qtbot, services: Services, coordinator: CurrentUser, message_log, shot: Shot
) -> None:  # fmt: skip
    page = open_page(qtbot, services, coordinator)
    tab = page.measures
    assert page.tabs.currentWidget() is tab
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "No."
    assert table(tab) == [("1", ISSUES[0]), ("2", ISSUES[1]), ("3", ISSUES[2])]
    assert not tab.up_button.isEnabled() and not tab.down_button.isEnabled()  # nothing chosen

    tab.view.selectRow(0)
    assert not tab.up_button.isEnabled() and tab.down_button.isEnabled()  # the first
    qtbot.mouseClick(tab.down_button, Qt.MouseButton.LeftButton)
    assert table(tab) == [("1", ISSUES[1]), ("2", ISSUES[0]), ("3", ISSUES[2])]
    assert selected_row(tab.view) == 1 and chosen(tab) == ISSUES[0]
    assert tab.up_button.isEnabled() and tab.down_button.isEnabled()
    assert [r.issue for r in services.measures.measures_report(2567).rows] == [
        ISSUES[1], ISSUES[0], ISSUES[2]]  # fmt: skip
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot(page, "ita-reorder-moved-down"), SHOTS / "moved-down.png")

    press(qtbot, tab, Qt.Key.Key_Down)  # Ctrl+Down on the table: now the last
    assert [issue for _n, issue in table(tab)] == [ISSUES[1], ISSUES[2], ISSUES[0]]
    assert chosen(tab) == ISSUES[0]
    assert tab.up_button.isEnabled() and not tab.down_button.isEnabled()
    press(qtbot, tab, Qt.Key.Key_Down)  # the last cannot go further: nothing happens
    assert [issue for _n, issue in table(tab)] == [ISSUES[1], ISSUES[2], ISSUES[0]]

    press(qtbot, tab, Qt.Key.Key_Up)  # Ctrl+Up
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert [issue for _n, issue in table(tab)] == [ISSUES[0], ISSUES[1], ISSUES[2]]
    assert selected_row(tab.view) == 0 and not tab.up_button.isEnabled()
    assert message_log.boxes == []  # no refusal was shown


def test_a_refused_move_is_shown_and_the_table_shows_the_order_now(
    qtbot, services: Services, coordinator: CurrentUser, message_log
) -> None:  # fmt: skip
    page = open_page(qtbot, services, coordinator)
    tab = page.measures
    tab.view.selectRow(1)
    second = tab.model.row_at(1)
    services.ita.order.move_to(coordinator, second.id, 3, second.version)  # someone else, meanwhile
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    assert message_log.last().startswith("Someone else saved this record")
    assert [issue for _n, issue in table(tab)] == [ISSUES[0], ISSUES[2], ISSUES[1]]
    assert chosen(tab) == ISSUES[1]  # still chosen, at the place it now has


def test_staff_and_my_measures_have_no_reordering(
    qtbot, services: Services, admin: CurrentUser, coordinator: CurrentUser, message_log
) -> None:  # fmt: skip
    staff = make_user(services, admin, "suda", Role.STAFF)
    page = open_page(qtbot, services, staff)
    tab = page.measures  # "All measures of the year"
    page.tabs.setCurrentWidget(tab)
    assert table(tab)[0] == ("1", ISSUES[0])
    for button in (tab.up_button, tab.down_button, tab.new_button, tab.delete_button):
        assert not button.isVisibleTo(page)
    tab.view.selectRow(0)
    press(qtbot, tab, Qt.Key.Key_Down)  # no shortcut either
    assert [m.issue for m in services.ita.plan.measures(2567)] == list(ISSUES)
    assert message_log.boxes == []  # not even a refusal: the keys do nothing here

    coordinators = open_page(qtbot, services, coordinator)
    mine = coordinators.mine
    assert not mine.up_button.isVisibleTo(coordinators)
    assert mine.model.headerData(0, Qt.Orientation.Horizontal) == "Year"  # no "No." there
