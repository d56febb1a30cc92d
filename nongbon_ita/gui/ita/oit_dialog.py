"""One OIT item's evidence for ITAS: its web addresses, status, the person preparing it, the due
date and the files kept beside the database. Files chosen or removed here are written on OK."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.ita.oit import KEPT_PREFIX, OitEntry, OitStatus
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.ita.evidence_input import FileChooser, choose_files
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


class OitEntryDialog(QDialog):
    def __init__(
        self, services: Services, user: CurrentUser, fiscal_year: int, entry: OitEntry,
        parent: QWidget | None = None, choose: FileChooser = choose_files,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.fiscal_year, self.entry = services, user, fiscal_year, entry
        self._choose = choose
        self.added: list[str] = []  # paths to copy in on OK
        self.removed: list[str] = []  # stored files to drop on OK
        self.setWindowTitle(f"{entry.code} {entry.name}")
        self.setMinimumWidth(640)
        self.urls = QPlainTextEdit(self)
        self.urls.setPlainText("\n".join(entry.urls))
        self.urls.setPlaceholderText("https://…  " + _("(one address a line)"))
        self.status = QComboBox(self)
        for choice in OitStatus:
            self.status.addItem(choice.thai, choice.value)
        self.status.setCurrentIndex(self.status.findData(entry.status.value))
        self.responsible = QComboBox(self)
        self.responsible.addItem(_("(nobody)"), None)
        for user_id, name in services.ita.plan.assignable_users():
            self.responsible.addItem(name, user_id)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(
            entry.responsible_user_id)))  # fmt: skip
        self.due = BeDateEdit(self, entry.due_on)
        self.files = QListWidget(self)
        self.files.setMaximumHeight(110)
        for stored in entry.files:
            self._list_file(Path(stored).name, stored)
        add, remove = QPushButton(_("Add files…"), self), QPushButton(_("Remove"), self)
        add.clicked.connect(self.add_files)
        remove.clicked.connect(self.remove_selected)
        link = QPushButton(_("Link the chosen file"), self)
        link.setToolTip(_("Adds kept:NAME to the addresses: the file stands for a page"))
        link.clicked.connect(self.link_selected)
        file_buttons = QHBoxLayout()
        for button in (add, remove, link):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, self)  # fmt: skip
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Web addresses"), self.urls)
        form.addRow(_("Status"), self.status)
        form.addRow(_("Responsible"), self.responsible)
        form.addRow(_("Due"), self.due)
        form.addRow(_("Kept files"), self.files)
        form.addRow("", file_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)

    def _list_file(self, label: str, key: str) -> None:
        item = QListWidgetItem(label, self.files)
        item.setData(256, key)  # Qt.UserRole: the stored path, or the path being added

    def add_files(self) -> None:
        for path in self._choose(self):
            self.added.append(path)
            self._list_file(_("{name} (to be kept)").format(name=Path(path).name), path)

    def remove_selected(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        key = item.data(256)
        if key in self.added:
            self.added.remove(key)
        else:
            self.removed.append(key)
            lines = self.urls.toPlainText().splitlines()  # its kept: link goes with it
            self.urls.setPlainText("\n".join(u for u in lines if u.strip() != KEPT_PREFIX + key))
        self.files.takeItem(self.files.row(item))

    def link_selected(self) -> None:
        item = self.files.currentItem()
        if item is not None and item.data(256) in self.entry.files:
            self.urls.appendPlainText(KEPT_PREFIX + item.data(256))

    def accept(self) -> None:
        oit, year, code = self.services.ita.oit, self.fiscal_year, self.entry.code
        if not self.due.is_valid():  # its own label under the field says why
            self.due.line_edit.setFocus()
            return
        version = self.entry.version or None  # someone else's newer save is not overwritten
        try:
            if self.removed or self.added:
                for stored in self.removed:
                    oit.remove_file(self.user, year, code, stored)
                for path in self.added:
                    oit.add_file(self.user, year, code, Path(path))
                self.removed, self.added = [], []
                version = oit.entry(year, code).version or None  # the files moved it on
            oit.save(
                self.user, year, code, urls=self.urls.toPlainText().splitlines(),
                status=OitStatus(self.status.currentData()),
                responsible_user_id=self.responsible.currentData(), due_on=self.due.date(),
                version=version,
            )  # fmt: skip
        except Exception as err:  # a refused address keeps the dialog open to correct it
            report_error(err, self)
            self.entry = oit.entry(year, code)
            return
        super().accept()
