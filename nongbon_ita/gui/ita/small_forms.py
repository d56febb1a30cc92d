"""Small pieces of the catalogue tab: a labelled form dialog, a read-only table, a row of
buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

Ask = Callable[[QDialog], bool]


def exec_ask(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


class FieldsDialog(QDialog):
    """A small form: labelled widgets and OK/Cancel."""

    def __init__(self, parent: QWidget, title: str, fields: list[tuple[str, QWidget]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        form = QFormLayout()
        for label, widget in fields:
            widget.setParent(self)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


def read_only_table(parent: QWidget, headers: list[str], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def buttons_row(parent: QWidget, *pairs: tuple[str, Callable[[], None]]) -> QHBoxLayout:
    row = QHBoxLayout()
    for text, slot in pairs:
        button = QPushButton(text, parent)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row
