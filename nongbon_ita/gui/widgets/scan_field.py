"""A search or scan field that keeps Enter to itself.

A USB barcode scanner types the label and then Enter. QLineEdit emits `returnPressed` and then
lets the key travel on to its dialog, whose default button (Submit, OK) fires and closes the
dialog after the first item. Here Enter only means "take this code"; the dialog is finished
with its own buttons or shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScanField(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in ENTER_KEYS:
            event.accept()  # stop here: the dialog's default button must not see it


def no_enter_default(dialog: QDialog) -> None:
    """Enter in an ordinary field of `dialog` presses nothing: no button is the default, so a
    stray Enter (or a scanner aimed at the wrong field) never submits the form."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
