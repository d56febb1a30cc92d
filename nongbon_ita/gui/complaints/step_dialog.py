"""The small forms behind workflow steps: a note or reason, an assignment, a conclusion."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.complaints.kinds import Outcome
from nongbon_ita.gui.complaints.common import enum_combo
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _


class StepDialog(QDialog):
    """A note (or reason), plus the fields a step needs: `assign` or `conclude`."""

    def __init__(self, parent: QWidget | None, title: str, note_label: str, *,
                 required: bool = False, divisions: list[tuple[int, str]] | None = None,
                 users: list[tuple[int, str]] | None = None, conclude: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.required = required
        form = QFormLayout()
        self.division: QComboBox | None = None
        self.officer: QComboBox | None = None
        self.outcome: QComboBox | None = None
        self.agency: QLineEdit | None = None
        if divisions is not None:
            self.division = QComboBox(self)
            for division_id, name in divisions:
                self.division.addItem(name, division_id)
            self.officer = QComboBox(self)
            self.officer.addItem(_("(not named)"), None)
            for user_id, name in users or []:
                self.officer.addItem(name, user_id)
            form.addRow(_("Division *"), self.division)
            form.addRow(_("Officer"), self.officer)
        if conclude:
            self.outcome = enum_combo(list(Outcome), self)
            self.agency = QLineEdit(self)
            form.addRow(_("Outcome *"), self.outcome)
            form.addRow(_("Referred to (agency)"), self.agency)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        form.addRow(note_label + (" *" if required else ""), self.note)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def _ok(self) -> None:
        if self.required and not self.text():
            self.error.show_message(_("Fill in this field."))
            return
        if self.division is not None and self.division.currentData() is None:
            self.error.show_message(_("Choose a division."))
            return
        self.accept()
