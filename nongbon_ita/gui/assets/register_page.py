"""The asset register: search as you type, filter, sort, open, add, retire, import, export, labels.

Keyboard: Ctrl+F search, Enter opens the selected asset, Ctrl+N a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.assets.permissions import MANAGE_ASSETS
from nongbon_ita.domain.assets.records import STATUS_LABELS, Asset, AssetFilters, AssetStatus
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.assets.asset_dialog import AssetDialog
from nongbon_ita.gui.assets.categories_dialog import CategoriesDialog
from nongbon_ita.gui.assets.import_wizard import ImportWizard
from nongbon_ita.gui.assets.retire_dialog import RetireDialog
from nongbon_ita.gui.assets.table_model import AssetTableModel
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.gui.widgets.buttons import command_button
from nongbon_ita.gui.widgets.dialog_hooks import ask_xlsx_path
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog
from nongbon_ita.gui.widgets.record_table import make_table_view, selected_row
from nongbon_ita.gui.widgets.saving import with_suffix, write_or_warn
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services

SEARCH_DELAY_MS = 250


def run_dialog(dialog: QDialog) -> int:
    return dialog.exec()


def ask_retirement(parent: QWidget, asset: Asset) -> tuple[AssetStatus, str] | None:
    dialog = RetireDialog(asset, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AssetRegisterPage(QWidget):
    preview_opened = Signal(object)  # the DocumentPreviewDialog of the labels

    def __init__(
        self, services: Services, user: CurrentUser, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.assets, self.user = services, services.assets, user
        self.can_edit = is_allowed(user, MANAGE_ASSETS)
        # replaced by tests: system dialogs never block them
        self.run_dialog: Callable[[QDialog], int] = run_dialog
        self.choose_xlsx_path: Callable[[QWidget, str], str | None] = ask_xlsx_path
        self.ask_retirement: Callable[[QWidget, Asset], tuple[AssetStatus, str] | None] = (
            ask_retirement
        )
        self.open_preview: Callable[[DocumentPreviewDialog], None] = lambda d: d.open()
        self.runner = BackgroundRunner(self)  # the XLSX or the label sheet being made
        self.preview: DocumentPreviewDialog | None = None
        self._build()
        self.reload_categories()
        self.refresh()

    # building -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(
            _("Search by name, asset number, serial or brand (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self.search_timer.start())
        self.search_edit.returnPressed.connect(self.refresh)
        self.category_combo = QComboBox(self)
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(_("All statuses"), None)
        for status in AssetStatus:
            self.status_combo.addItem(_(STATUS_LABELS[status]), status)
        self.lendable_combo = QComboBox(self)
        for text, value in ((_("Lendable or not"), None), (_("Lendable"), True),
                            (_("Not lendable"), False)):  # fmt: skip
            self.lendable_combo.addItem(text, value)
        for combo in (self.category_combo, self.status_combo, self.lendable_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel(self)
        self.model = AssetTableModel(self.assets, self)
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.activated.connect(lambda _i: self.open_selected())  # Enter on a row
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.new_button = self._button(_("New asset"), self.new_asset, "Ctrl+N")
        self.open_button = self._button(_("Open"), self.open_selected)
        self.retire_button = self._button(_("Retire…"), self.retire_selected)
        self.import_button = self._button(_("Import…"), self.import_file)
        self.export_button = self._button(_("Export XLSX…"), self.export_xlsx)
        self.labels_button = self._button(_("Print labels…"), self.print_labels)
        self.runner.busy.connect(self._busy)
        self.categories_button = self._button(_("Categories…"), self.edit_categories)
        for button in (
            self.new_button,
            self.retire_button,
            self.import_button,
            self.categories_button,
        ):
            button.setVisible(self.can_edit)  # fmt: skip
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        for combo in (self.category_combo, self.status_combo, self.lendable_combo):
            filters.addWidget(combo, 1)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.retire_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.progress)
        for button in (
            self.categories_button,
            self.import_button,
            self.export_button,
            self.labels_button,
        ):
            actions.addWidget(button)  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

    def _button(self, text: str, slot: Callable[[], object], shortcut: str = "") -> QPushButton:
        return command_button(self, text, slot, shortcut)

    def reload_categories(self) -> None:
        current = self.category_combo.currentData()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItem(_("All categories"), None)
        for category in self.assets.categories.list():
            self.category_combo.addItem(category.name, category.id)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(current)))
        self.category_combo.blockSignals(False)

    # the list -----------------------------------------------------------------------------------
    def filters(self) -> AssetFilters:
        status = self.status_combo.currentData()  # Qt hands an enum back as its str
        return AssetFilters(category_id=self.category_combo.currentData(),
                            status=AssetStatus(status) if status else None,
                            lendable=self.lendable_combo.currentData())  # fmt: skip

    def refresh(self, select_id: int | None = None) -> None:
        self.search_timer.stop()
        self.model.set_query(self.search_edit.text().strip(), self.filters())
        self.count_label.setText(_("{n} assets").format(n=on_screen(f"{self.model.total():,}")))
        row = self.model.row_of(select_id) if select_id is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.view.selectRow(row)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def selected_asset(self) -> Asset | None:
        row = selected_row(self.view)
        return self.model.asset_at(row) if row is not None else None

    # actions ------------------------------------------------------------------------------------
    def _asset_dialog(self, asset: Asset | None) -> None:
        dialog = AssetDialog(self.assets, self.user, self.services.office.divisions(), asset,
                             self.can_edit, self)  # fmt: skip
        if self.run_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.refresh(dialog.saved.id)

    def new_asset(self) -> None:
        if self.can_edit:
            self._asset_dialog(None)

    def open_selected(self) -> None:
        asset = self.selected_asset()
        if asset is not None:
            self._asset_dialog(asset)

    def retire_selected(self) -> None:
        asset = self.selected_asset()
        if asset is None or not self.can_edit:
            return
        choice = self.ask_retirement(self, asset)
        if choice is None:
            return
        status, reason = choice
        if not messages.confirm(self, _("Record {number} {name} as {status}? It stays in the "
                                        "register but can no longer be lent.").format(
                number=asset.asset_number, name=asset.name, status=_(STATUS_LABELS[status])),
                yes_text=_("Retire")):  # fmt: skip
            return
        try:
            self.assets.retire(self.user, asset.id, status, asset.version, reason)
        except Exception as err:
            report_error(err, self)
        self.refresh(asset.id)

    def import_file(self) -> None:
        wizard = ImportWizard(self.assets, self.user, self)
        if self.run_dialog(wizard) == QDialog.DialogCode.Accepted:
            self.reload_categories()
            self.refresh()
            messages.inform(self, _("Imported {n} assets.").format(n=on_screen(wizard.imported)))

    def edit_categories(self) -> None:
        self.run_dialog(CategoriesDialog(self.assets, self.user, self))
        self.reload_categories()
        self.refresh()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.labels_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)

    def export_xlsx(self) -> None:
        path = self.choose_xlsx_path(self, _("asset-register") + ".xlsx")
        if not path:
            return
        text, filters, files = self.model.text, self.model.filters, self.assets.files
        self.runner.run(lambda: files.export_xlsx(text, filters),
                        lambda data: self._save_xlsx(with_suffix(path, ".xlsx"), data))  # fmt: skip

    def _save_xlsx(self, path: Path, data: bytes) -> None:
        if write_or_warn(self, path, data):
            messages.inform(self, _("Written: {path}").format(path=path))

    def print_labels(self) -> None:
        category_id, text = self.category_combo.currentData(), self.model.text
        self.runner.run(lambda: self.assets.labels_pdf(category_id, None, text), self._show_labels)

    def _show_labels(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        self.preview = DocumentPreviewDialog(self, _("Asset labels"), pdf, "asset-labels.pdf")
        self.open_preview(self.preview)
        self.preview_opened.emit(self.preview)
