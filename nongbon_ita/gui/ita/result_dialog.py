"""A result entry: add one (date, text as it should print, evidence), edit an existing one's
date and text, or add evidence (files, web links) to an existing one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.ita.measure import (
    EvidenceLink,
    MeasureResult,
    ResultEntry,
    check_result_text,
)
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.ita.evidence_input import EvidenceInput, FileChooser, choose_files
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ResultDialog(QDialog):
    """`entry` holds what was typed once accepted.

    With `result` the dialog edits that entry's date and text only (its evidence is added with
    EvidenceDialog); otherwise it gathers a new entry with its evidence.
    """

    def __init__(
        self, parent: QWidget | None = None, today: date | None = None,
        choose: FileChooser = choose_files, result: MeasureResult | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.editing = result
        self.setWindowTitle(_("Add a result") if result is None else _("Edit the result"))
        self.resize(640, 520 if result is None else 340)
        self.entry: ResultEntry | None = None
        self.done_on = BeDateEdit(self, result.done_on if result else today or date.today())
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(_("As it should print, e.g. “๑.จัดทำคู่มือ…” or “-แต่งตั้ง…”"))
        if result is not None:
            self.text.setPlainText(result.text)
        self.error = ErrorLabel(self)
        self.input = EvidenceInput(self.error, self, choose)
        self.input.setVisible(result is None)
        form = QFormLayout()
        form.addRow(_("Date done"), self.done_on)
        form.addRow(_("What was done") + " *", self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.input, 1)
        layout.addWidget(self.error)
        layout.addWidget(_ok_cancel(self))

    # the evidence input's parts, as the dialog's own (tests and callers use these)
    @property
    def files(self) -> list[str]:
        return self.input.files

    @property
    def links(self) -> list[EvidenceLink]:
        return self.input.links

    @property
    def url(self) -> QLineEdit:
        return self.input.url

    def add_files(self) -> None:
        self.input.add_files()

    def add_link(self) -> None:
        self.input.add_link()

    def accept(self) -> None:
        if self.editing is None and not self.input.take_pending():
            return
        try:
            text = check_result_text(self.text.toPlainText())
        except DomainError as err:
            self.error.show_message(domain_message(err))
            return
        self.entry = ResultEntry(text, self.done_on.date(), tuple(self.links), tuple(self.files))
        super().accept()


class EvidenceDialog(QDialog):
    """More files and links for an existing entry; `files` and `links` once accepted."""

    def __init__(
        self, result: MeasureResult, parent: QWidget | None = None,
        choose: FileChooser = choose_files,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.target = result
        self.setWindowTitle(_("Add evidence to the result"))
        self.resize(640, 420)
        shown = QLabel(result.text, self)
        shown.setWordWrap(True)
        shown.setStyleSheet("color: #333; font-style: italic;")
        self.error = ErrorLabel(self)
        self.input = EvidenceInput(self.error, self, choose)
        layout = QVBoxLayout(self)
        layout.addWidget(shown)
        layout.addWidget(self.input, 1)
        layout.addWidget(self.error)
        layout.addWidget(_ok_cancel(self))

    def accept(self) -> None:
        if not self.input.take_pending():
            return
        if self.input.is_empty():
            self.error.show_message(_("Add a file or a web link first."))
            return
        super().accept()
