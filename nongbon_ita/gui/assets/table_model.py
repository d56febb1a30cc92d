"""The register list as a lazy table: pages of 200 assets fetched as the view scrolls.

The service does the search, filtering and sorting in SQL (FTS5 on SQLite), so a register of
100,000 assets shows its first screen at once; `sort()` re-queries instead of sorting in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from nongbon_ita.domain.assets.records import (
    STATUS_LABELS,
    Asset,
    AssetFilters,
    AssetSort,
    AssetStatus,
)
from nongbon_ita.domain.errors import N_
from nongbon_ita.i18n.thaiformat import format_date_numeric, format_money
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.assets.register import AssetService

Index = QModelIndex | QPersistentModelIndex
PAGE = 200

# (header id, sort key or None, text of an asset)
COLUMNS: list[tuple[str, AssetSort | None, Any]] = [
    (N_("Asset number"), AssetSort.ASSET_NUMBER, lambda a: a.asset_number),
    (N_("Name"), AssetSort.NAME, lambda a: a.name),
    (N_("Category"), AssetSort.CATEGORY, lambda a: a.category_name),
    (N_("Brand/model"), None, lambda a: a.brand_model),
    (N_("Serial number"), None, lambda a: a.serial),
    (N_("Status"), AssetSort.STATUS, lambda a: _(STATUS_LABELS[a.status])),
    (N_("Lendable"), None, lambda a: _("Yes") if a.lendable else ""),
    (N_("Stock"), None, lambda a: str(a.stock_quantity) if a.consumable else ""),
    (N_("Value (baht)"), AssetSort.VALUE, lambda a: format_money(a.value) if a.value is not None else ""),
    (N_("Acquired"), AssetSort.ACQUIRED_ON,
     lambda a: format_date_numeric(a.acquired_on) if a.acquired_on else ""),
    (N_("Location"), AssetSort.LOCATION, lambda a: a.location),
]  # fmt: skip
RIGHT_ALIGNED = {7, 8}
GREYED = {AssetStatus.LOST, AssetStatus.DISPOSED}


class AssetTableModel(QAbstractTableModel):
    def __init__(self, assets: AssetService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._assets = assets
        self._rows: list[Asset] = []
        self._total = 0
        self.text = ""
        self.filters = AssetFilters()
        self.sort_key = AssetSort.ASSET_NUMBER
        self.descending = False

    # querying ---------------------------------------------------------------------------------
    def set_query(self, text: str, filters: AssetFilters) -> None:
        self.text, self.filters = text, filters
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._assets.count(self.text, self.filters)
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[Asset]:
        return self._assets.search(self.text, PAGE, offset, self.filters, self.sort_key,
                                   self.descending)  # fmt: skip

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if key is None:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()

    # rows ---------------------------------------------------------------------------------------
    def asset_at(self, row: int) -> Asset:
        return self._rows[row]

    def row_of(self, asset_id: int) -> int | None:
        return next((i for i, a in enumerate(self._rows) if a.id == asset_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        asset = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][2](asset)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and asset.status in GREYED:
            from PySide6.QtGui import QColor

            return QColor("#888")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][0])
        return None
