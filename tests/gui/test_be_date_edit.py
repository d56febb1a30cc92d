"""The B.E. date edit: typed dates (Thai digits too), impossible dates refused, B.E. calendar."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit


@pytest.fixture
def edit(qtbot):
    widget = BeDateEdit()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def type_text(widget, text: str) -> None:
    """Per-character key events: qtbot.keyClicks aborts on Thai characters."""
    for char in text:
        QApplication.sendEvent(
            widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/01/2567", date(2024, 1, 15)),
        ("๑๕/๐๑/๒๕๖๗", date(2024, 1, 15)),
        (" 1/2/2568 ", date(2025, 2, 1)),
        ("29/02/2567", date(2024, 2, 29)),  # 2024 is a leap year
    ],
)
def test_parses_be_dates(edit, text, expected):
    edit.setText(text)
    assert edit.date() == expected
    assert not edit.error_label.isVisible()
    assert edit.is_valid()


@pytest.mark.parametrize("text", ["31/02/2567", "29/02/2566", "garbage", "15/01/2024", "32/1/2567"])
def test_refuses_impossible_dates(edit, text, shot):
    edit.setText(text)
    assert edit.date() is None
    assert not edit.is_valid()
    assert edit.error_label.isVisible()
    assert "is not a real date" in edit.error_label.text()
    if text == "31/02/2567":
        edit.resize(420, edit.sizeHint().height())
        shot(edit, "be-date-edit-refused")


def test_typing_thai_digits_emits_date_changed(qtbot, edit):
    edit.line_edit.setFocus()
    changes = []
    edit.dateChanged.connect(changes.append)
    type_text(edit.line_edit, "๑๕/๐๑/๒๕๖")
    assert edit.date() is None and changes == []
    type_text(edit.line_edit, "๗")
    assert edit.date() == date(2024, 1, 15)
    assert changes == [date(2024, 1, 15)]
    edit.setDate(None)
    assert changes[-1] is None and edit.text() == ""


def test_set_date_shows_be_text(edit):
    edit.setDate(date(2023, 10, 1))
    assert edit.text() == "01/10/2566"
    assert edit.date() == date(2023, 10, 1)


def test_calendar_shows_be_years_and_picks_a_day(qtbot, edit, shot):
    edit.setDate(date(2024, 1, 15))
    popup = edit.show_calendar()
    qtbot.waitExposed(popup)
    calendar = popup.be_calendar
    assert calendar.shown_year_be() == 2567
    assert calendar.year_spin.text().endswith("2567")
    assert calendar.month_combo.currentText() == "มกราคม"
    shot(popup, "be-date-calendar")
    calendar.next_button.click()
    assert calendar.month_combo.currentText() == "กุมภาพันธ์"
    calendar.year_spin.setValue(2568)
    assert calendar.calendar.yearShown() == 2025
    with qtbot.waitSignal(edit.dateChanged, timeout=1000) as blocker:
        calendar.calendar.clicked.emit(QDate(2025, 2, 14))
    assert blocker.args == [date(2025, 2, 14)]
    assert edit.text() == "14/02/2568"
    assert not popup.isVisible()
