"""A USB scanner types the label and Enter: in the loan request's item search every Enter adds
one item and the dialog stays open; the request is submitted only by its button or Ctrl+Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from nongbon_ita.domain.loans import BorrowerKind, LoanStatus
from nongbon_ita.domain.loans.scanner import to_kedmanee
from nongbon_ita.gui.loans.request_dialog import RequestDialog


def _scan(qtbot, dialog, code: str) -> None:  # type: ignore[no-untyped-def]
    for char in code:  # as key events with text: QTest cannot type Thai characters
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(dialog.picker.search, event)
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)


def _dialog(qtbot, office) -> RequestDialog:  # type: ignore[no-untyped-def]
    dialog = RequestDialog(office.services, office.supply)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # shortcuts go to the active window
        dialog.show()
        dialog.activateWindow()
    dialog.kind.setCurrentIndex(dialog.kind.findData(BorrowerKind.VILLAGER.value))
    dialog.name.setText("นายสมหมาย ใจงาม")
    dialog.phone.setText("081-234-5678")
    dialog.purpose.setText("งานบุญประจำปีของหมู่บ้าน")
    dialog.picker.search.setFocus()
    return dialog


def test_enter_in_the_item_search_adds_items_and_keeps_the_dialog_open(qtbot, office) -> None:
    dialog = _dialog(qtbot, office)
    _scan(qtbot, dialog, "7080-001-0001")
    _scan(qtbot, dialog, to_kedmanee("4810-002-0001"))  # scanned under the Thai layout
    _scan(qtbot, dialog, "7530-001-0009")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Enter)  # keypad Enter on an empty field
    assert dialog.isVisible()
    assert dialog.saved is None
    assert [a.asset_number for a in dialog.picker.chosen] == [
        "7080-001-0001", "4810-002-0001", "7530-001-0009"
    ]  # fmt: skip
    assert dialog.picker.search.text() == ""
    assert office.services.loans.list_loans(office.supply) == []  # nothing saved yet


def test_enter_in_another_field_submits_nothing_ctrl_enter_submits(qtbot, office) -> None:
    dialog = _dialog(qtbot, office)
    _scan(qtbot, dialog, "7080-001-0001")
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved is None
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.error.text()
    assert dialog.saved is not None and dialog.saved.status is LoanStatus.SUBMITTED
    assert [i.asset_number for i in dialog.saved.items] == ["7080-001-0001"]
