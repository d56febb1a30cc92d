"""Choose the items of a request: search the register by number or name (a scanned label works
too), Enter adds the highlighted asset; consumables take a quantity, durable items one each."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.assets.records import Asset, AssetFilters, AssetStatus
from nongbon_ita.domain.loans import ItemRequest
from nongbon_ita.domain.loans.scanner import scanned_code
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.scan_field import ScanField
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.assets.register import AssetService

LENDABLE = AssetFilters(lendable=True, statuses=frozenset({AssetStatus.AVAILABLE,
                                                           AssetStatus.ON_LOAN}))  # fmt: skip
RESULTS = 30


class ItemPicker(QWidget):
    changed = Signal()

    def __init__(self, assets: AssetService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assets = assets
        self.chosen: list[Asset] = []
        self.search = ScanField(self)
        self.search.setPlaceholderText(_("Search asset number or name, or scan the label…"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setMaximumHeight(130)
        self.add_button = QPushButton(_("Add item"), self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([_("Asset number"), _("Item"), _("Quantity"), ""])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh_results)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.add_current)
        self.results.itemActivated.connect(lambda _i: self.add_current())
        self.add_button.clicked.connect(self.add_current)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.results)
        layout.addWidget(QLabel(_("Items to borrow"), self))
        layout.addWidget(self.table, 1)

    def refresh_results(self) -> None:
        text = self.search.text().strip()
        self.results.clear()
        if not text:
            return
        # Thai text is a name typed in Thai, or a label scanned under the Thai layout
        found = self.assets.search(text, RESULTS, filters=LENDABLE)
        if not found and scanned_code(text) != text:
            found = self.assets.search(scanned_code(text), RESULTS, filters=LENDABLE)
        for asset in found:
            stock = (_(" (in stock: {n} {unit})").format(n=on_screen(asset.stock_quantity or 0), unit=asset.unit)
                     if asset.consumable else "")  # fmt: skip
            entry = QListWidgetItem(f"{asset.asset_number}  {asset.description}{stock}")
            entry.setData(Qt.ItemDataRole.UserRole, asset)
            self.results.addItem(entry)
        if self.results.count():
            self.results.setCurrentRow(0)

    def add_current(self) -> None:
        """Add the highlighted result (Enter in the search field adds the first match)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.refresh_results()
        entry = self.results.currentItem()
        if entry is None:
            return
        self.add_asset(entry.data(Qt.ItemDataRole.UserRole))
        self.search.clear()
        self._debounce.stop()
        self.results.clear()
        self.search.setFocus()

    def add_asset(self, asset: Asset, quantity: int = 1) -> None:
        if any(a.id == asset.id for a in self.chosen):
            return
        self.chosen.append(asset)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(asset.asset_number))
        self.table.setItem(row, 1, QTableWidgetItem(asset.description))
        spin = DigitSpinBox(self.table)
        spin.setRange(1, max(1, asset.stock_quantity or 1) if asset.consumable else 1)
        spin.setValue(quantity)
        spin.setSuffix(f" {asset.unit}" if asset.unit else "")
        spin.setEnabled(asset.consumable)
        spin.valueChanged.connect(lambda _v: self.changed.emit())
        self.table.setCellWidget(row, 2, spin)
        remove = QPushButton(_("Remove"), self.table)
        remove.clicked.connect(lambda: self.remove_asset(asset.id))
        self.table.setCellWidget(row, 3, remove)
        self.changed.emit()

    def remove_asset(self, asset_id: int) -> None:
        row = next((n for n, a in enumerate(self.chosen) if a.id == asset_id), None)
        if row is None:
            return
        del self.chosen[row]
        self.table.removeRow(row)
        self.changed.emit()

    def quantity(self, row: int) -> int:
        spin = self.table.cellWidget(row, 2)
        return spin.value() if isinstance(spin, QSpinBox) else 1

    def items(self) -> tuple[ItemRequest, ...]:
        return tuple(ItemRequest(a.id, self.quantity(n)) for n, a in enumerate(self.chosen))
