"""The register list as a lazy table: pages of 200 assets fetched as the view scrolls.

The service does the search, filtering and sorting in SQL (FTS5 on SQLite), so a register of
100,000 assets shows its first screen at once; `sort()` re-queries instead of sorting in memory.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from nongbon_ita.domain.assets.records import (
    STATUS_LABELS,
    Asset,
    AssetFilters,
    AssetSort,
    AssetStatus,
)
from nongbon_ita.domain.errors import N_
from nongbon_ita.gui.widgets.paged_table_model import Column, PagedTableModel
from nongbon_ita.i18n.thaiformat import format_date_numeric, format_money
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.assets.register import AssetService

COLUMNS: tuple[Column[Asset], ...] = (
    Column(N_("Asset number"), lambda a: a.asset_number, AssetSort.ASSET_NUMBER),
    Column(N_("Name"), lambda a: a.name, AssetSort.NAME),
    Column(N_("Category"), lambda a: a.category_name, AssetSort.CATEGORY),
    Column(N_("Brand/model"), lambda a: a.brand_model),
    Column(N_("Serial number"), lambda a: a.serial),
    Column(N_("Status"), lambda a: _(STATUS_LABELS[a.status]), AssetSort.STATUS),
    Column(N_("Lendable"), lambda a: _("Yes") if a.lendable else ""),
    Column(N_("Stock"), lambda a: str(a.stock_quantity) if a.consumable else "",
           align_right=True),
    Column(N_("Value (baht)"), lambda a: format_money(a.value) if a.value is not None else "",
           AssetSort.VALUE, align_right=True),
    Column(N_("Acquired"), lambda a: format_date_numeric(a.acquired_on) if a.acquired_on else "",
           AssetSort.ACQUIRED_ON),
    Column(N_("Location"), lambda a: a.location, AssetSort.LOCATION),
)  # fmt: skip
GREYED = {AssetStatus.LOST, AssetStatus.DISPOSED}


class AssetTableModel(PagedTableModel[Asset]):
    def __init__(self, assets: AssetService, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)
        self._assets = assets
        self.text = ""
        self.filters = AssetFilters()
        self.sort_key = AssetSort.ASSET_NUMBER
        self.descending = False

    def set_query(self, text: str, filters: AssetFilters) -> None:
        self.text, self.filters = text, filters
        self.reload()

    def count_rows(self) -> int:
        return self._assets.count(self.text, self.filters)

    def fetch_page(self, offset: int, limit: int) -> list[Asset]:
        return self._assets.search(self.text, limit, offset, self.filters, self.sort_key,
                                   self.descending)  # fmt: skip

    def set_sort(self, key: AssetSort, descending: bool) -> None:
        self.sort_key, self.descending = key, descending

    def total(self) -> int:
        return self._total

    def asset_at(self, row: int) -> Asset:
        return self.row_at(row)

    def row_of(self, asset_id: int) -> int | None:
        return self.row_where(lambda a: a.id == asset_id)

    def foreground(self, row: Asset) -> QColor | None:
        return QColor("#888") if row.status in GREYED else None
