"""A push button wired to its action, with an optional keyboard shortcut shown as its tooltip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget


def command_button(
    parent: QWidget, text: str, slot: Callable[[], object], shortcut: str = ""
) -> QPushButton:
    button = QPushButton(text, parent)
    button.clicked.connect(slot)
    if shortcut:
        button.setShortcut(QKeySequence(shortcut))
        button.setToolTip(shortcut)
    return button
