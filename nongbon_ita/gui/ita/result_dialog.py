"""Add a result entry: its date, the text as it should print, evidence files and web links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.ita.measure import EvidenceLink, ResultEntry, check_link, check_result_text
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _

FileChooser = Callable[[QWidget], list[str]]


def choose_files(parent: QWidget) -> list[str]:
    files, _filter = QFileDialog.getOpenFileNames(parent, _("Evidence files"))
    return list(files)


class ResultDialog(QDialog):
    """`entry` holds what was typed once accepted."""

    def __init__(
        self, parent: QWidget | None = None, today: date | None = None,
        choose: FileChooser = choose_files,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(_("Add a result"))
        self.resize(640, 520)
        self._choose = choose
        self.entry: ResultEntry | None = None
        self.files: list[str] = []
        self.links: list[EvidenceLink] = []
        self.done_on = BeDateEdit(self, today or date.today())
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(_("As it should print, e.g. “๑.จัดทำคู่มือ…” or “-แต่งตั้ง…”"))
        self.evidence = QListWidget(self)
        self.add_file_button = QPushButton(_("Add files…"), self)
        self.add_file_button.clicked.connect(self.add_files)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://")
        self.url_label = QLineEdit(self)
        self.url_label.setPlaceholderText(_("What the link shows"))
        self.add_link_button = QPushButton(_("Add link"), self)
        self.add_link_button.clicked.connect(self.add_link)
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow(_("Date done"), self.done_on)
        form.addRow(_("What was done") + " *", self.text)
        link_row = QHBoxLayout()
        link_row.addWidget(self.url, 2)
        link_row.addWidget(self.url_label, 1)
        link_row.addWidget(self.add_link_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(_("Evidence (files are copied into the app, links are kept)"), self)
        )
        layout.addWidget(self.evidence)
        layout.addWidget(self.add_file_button)
        layout.addLayout(link_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_files(self) -> None:
        for path in self._choose(self):
            self.files.append(path)
            self.evidence.addItem(_("File: {name}").format(name=path))

    def add_link(self) -> None:
        try:
            link = check_link(EvidenceLink(self.url.text(), self.url_label.text()))
        except DomainError as err:
            self.error.show_message(domain_message(err))
            return
        self.links.append(link)
        self.evidence.addItem(_("Link: {url}").format(url=link.url))
        self.url.clear()
        self.url_label.clear()
        self.error.show_message("")

    def accept(self) -> None:
        if self.url.text().strip():  # a link typed but not added yet: add it now
            self.add_link()
            if self.url.text().strip():
                return
        try:
            text = check_result_text(self.text.toPlainText())
        except DomainError as err:
            self.error.show_message(domain_message(err))
            return
        self.entry = ResultEntry(text, self.done_on.date(), tuple(self.links), tuple(self.files))
        super().accept()
