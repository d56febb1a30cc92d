"""Import the NACC's table of a year (CSV UTF-8/cp874 or XLSX) from the Catalogue tab.

The file is read as soon as it is chosen: a bad row is named by row and column under the file
name and nothing is imported (all or nothing). A good file shows its items and — when the year
already has items carrying evidence or named by measures — how they map onto the new ones (by
role, then by name) for the coordinator to check and change before importing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import N_, DomainError
from nongbon_ita.domain.ita.catalogue_data import MISSING_NAME
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.ita.mapping_table import MappingTable
from nongbon_ita.gui.ita.small_forms import read_only_table
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.ita.catalogue_import import CataloguePreview
from nongbon_ita.services.registry import Services

FileChooser = Callable[[QWidget], str | None]
ITEM_HEADERS = (
    N_("Code"),
    N_("Item"),
    N_("Group"),
    N_("Sub-indicator"),
    N_("Indicator"),
    N_("Role"),
)


def choose_table(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("The NACC's table of the year"), "",
        _("Tables (CSV, Excel)") + " (*.csv *.xlsx);;" + _("All files") + " (*)",
    )  # fmt: skip
    return path or None


class CatalogueImportDialog(QDialog):
    def __init__(
        self, services: Services, user: CurrentUser, fiscal_year: int,
        parent: QWidget | None = None, choose: FileChooser = choose_table,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.fiscal_year = services, user, fiscal_year
        self._choose = choose
        self.preview: CataloguePreview | None = None
        self.imported = False
        self.setWindowTitle(_("Import the NACC's table — fiscal year {year}").format(
            year=fiscal_year))  # fmt: skip
        self.resize(1000, 680)
        self.path = QLineEdit(self)
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(_("CSV (UTF-8 or cp874) or XLSX"))
        browse = QPushButton(_("Choose file…"), self)
        browse.clicked.connect(self.choose_file)
        hint = QLabel(_("Columns in Thai or English: รหัส/code, รายการ or ชื่อรายการ/name, หมวด or "
                        "กลุ่ม/group, ตัวชี้วัดย่อย/sub_indicator (9.1), ตัวชี้วัด/indicator (9), "
                        "บทบาท/role. A bad row refuses the whole file."), self)  # fmt: skip
        hint.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.items = read_only_table(self, [_(h) for h in ITEM_HEADERS], 1)
        self.mapping_label = QLabel(self)
        self.mapping_label.setWordWrap(True)
        self.mapping = MappingTable(self)
        self.import_button = QPushButton(_("Import"), self)
        self.import_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.items, 2)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping, 2)
        layout.addWidget(buttons)
        self._show_mapping(False)

    def choose_file(self) -> None:
        chosen = self._choose(self)
        if chosen:
            self.load(chosen)

    def load(self, path: str) -> None:
        """Read the file now: its items, or the reason it is refused."""
        self.path.setText(path)
        try:
            self.preview = self.services.ita.catalogue_import.preview(Path(path), self.fiscal_year)
        except DomainError as err:
            self.preview = None
            self.error.show_message(domain_message(err))
            self.items.setRowCount(0)
            self._show_mapping(False)
            self.import_button.setEnabled(False)
            return
        self.error.clear_message()
        items = self.preview.imported.items
        self.items.setRowCount(len(items))
        for index, item in enumerate(items):
            cells = (item.code, item.name or MISSING_NAME, item.group, item.sub_indicator,
                     "" if item.indicator is None else str(item.indicator),
                     item.role.value if item.role else "")  # fmt: skip
            for column, text in enumerate(cells):
                self.items.setItem(index, column, QTableWidgetItem(text))
        review = self.preview.needs_approval
        if review:
            self.mapping.show_mapping(self.preview.mapping, self.preview.targets,
                                      self.preview.load.notes(m.old_code for m in
                                                              self.preview.mapping))  # fmt: skip
            self.mapping.only_loaded(True)  # the rows that carry nothing need no review
        self._show_mapping(review)
        self.import_button.setText(_("Approve the mapping and import") if review else _("Import"))
        self.import_button.setEnabled(True)

    def _show_mapping(self, shown: bool) -> None:
        self.mapping_label.setText(_(
            "This year's items already carry evidence or are named by measures. The measures stay; "
            "what hangs on each present item moves to the item it maps to (by role, then by name). "
            "Check each row and choose another item where the match is wrong."))  # fmt: skip
        self.mapping_label.setVisible(shown)
        self.mapping.setVisible(shown)

    def accept(self) -> None:
        if self.preview is None:
            return
        changes = self.mapping.changes() if self.preview.needs_approval else {}
        try:
            done = self.services.ita.catalogue_import.import_file(
                self.user, Path(self.path.text()), self.fiscal_year, approve=True,
                changes=changes)  # fmt: skip
        except Exception as err:
            report_error(err, self)
            return
        self.imported = True
        messages.inform(self, _("Imported {n} OIT items into fiscal year {year}.").format(
            n=len(done.imported.items), year=self.fiscal_year) + "\n" + _(
            "The list is not confirmed: check it against the NACC's manual, then confirm it."))  # fmt: skip
        super().accept()
