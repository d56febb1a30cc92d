"""The OIT checklist for ITAS: each item of the year with its web addresses, status, person, due
date and kept files (edited in OitEntryDialog); filters show what is missing; the addresses go to
ITAS by clipboard or XLSX."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.ita.catalogue_data import MISSING_NAME
from nongbon_ita.domain.ita.oit import OitEntry, OitStatus
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.ita.oit_dialog import OitEntryDialog
from nongbon_ita.gui.widgets.dialog_hooks import ask_xlsx_path, run_dialog
from nongbon_ita.i18n.digits import on_screen, screen_thai
from nongbon_ita.i18n.thaiformat import format_date_numeric
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.ita.oit_export import clipboard_text
from nongbon_ita.services.registry import Services

HEADERS = (N_("Code"), N_("Item"), N_("Web addresses"), N_("Status"), N_("Responsible"),
           N_("Due"), N_("Kept files"))  # fmt: skip


class OitTab(QWidget):
    def __init__(
        self, services: Services, user: CurrentUser, parent: QWidget | None = None, *,
        ask: Callable[[QDialog], int] = run_dialog,
        choose_xlsx: Callable[[QWidget, str], str | None] = ask_xlsx_path,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self._ask, self._choose = services, user, ask, choose_xlsx
        self.fiscal_year, self.entries, self.shown = 0, list[OitEntry](), list[OitEntry]()
        self.dialog: OitEntryDialog | None = None
        self.summary = QLabel(self)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(_("All statuses"), None)
        for status in OitStatus:
            self.status_filter.addItem(status.thai, status.value)
        self.missing_only = QCheckBox(_("Missing only"), self)
        for signal in (self.status_filter.currentIndexChanged, self.missing_only.toggled):
            signal.connect(lambda *_a: self._fill())
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([_(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda *_a: self.edit())
        self.edit_button = QPushButton(_("Edit…"), self)
        self.edit_button.clicked.connect(self.edit)
        self.edit_button.setEnabled(is_allowed(user, ItaOperation.KEEP_OIT))
        copy, export = QPushButton(_("Copy addresses"), self), QPushButton(_("Export…"), self)
        copy.clicked.connect(self.copy_links)
        export.clicked.connect(self.export)
        self.publish_button = QPushButton(_("Publish…"), self)  # the year's OIT site
        self.publish_button.clicked.connect(self.publish)
        self.publish_button.setEnabled(is_allowed(user, ItaOperation.KEEP_OIT))
        filters, buttons = QHBoxLayout(), QHBoxLayout()
        for widget in (self.summary, self.status_filter, self.missing_only):
            filters.addWidget(widget)
        filters.insertStretch(1, 1)
        for button in (self.edit_button, copy, export, self.publish_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def load(self, fiscal_year: int) -> None:
        self.fiscal_year = fiscal_year
        self.entries = self.services.ita.oit.entries(fiscal_year)
        missing = sum(entry.missing for entry in self.entries)
        self.summary.setText(on_screen(_("{n} OIT items, {missing} not ready for ITAS").format(
            n=len(self.entries), missing=missing)))  # fmt: skip
        self._fill()

    def _fill(self) -> None:
        wanted, missing = self.status_filter.currentData(), self.missing_only.isChecked()
        self.shown = [e for e in self.entries if (wanted is None or e.status.value == wanted)
                      and (not missing or e.missing)]  # fmt: skip
        self.table.setRowCount(len(self.shown))
        for row, e in enumerate(self.shown):
            cells = (e.code, e.name or MISSING_NAME, "\n".join(e.urls), e.status.thai,
                     e.responsible, format_date_numeric(e.due_on, screen_thai()) if e.due_on else "",
                     "\n".join(Path(f).name for f in e.files))  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()

    def edit(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.edit_button.isEnabled():
            return
        entry = self.shown[rows[0].row()]
        self.dialog = OitEntryDialog(self.services, self.user, self.fiscal_year, entry, self)
        self._ask(self.dialog)  # the dialog saves on OK (a refusal keeps it open)
        self.load(self.fiscal_year)

    def copy_links(self) -> None:
        QApplication.clipboard().setText(clipboard_text(self.entries))
        messages.inform(self, _("The addresses of {n} items are on the clipboard.").format(
            n=len(self.entries)))  # fmt: skip

    def export(self) -> None:
        chosen = self._choose(self, f"oit-links-{self.fiscal_year}.xlsx")
        if not chosen:
            return
        try:
            path = self.services.ita.export_oit_links(self.fiscal_year, Path(chosen))
        except Exception as err:
            report_error(err, self)
            return
        messages.inform(self, _("Written: {path}").format(path=path))

    def publish(self) -> None:
        from nongbon_ita.gui.ita.publish_dialog import publish_site

        publish_site(self, self.services, self.user, self.fiscal_year, self._ask)
