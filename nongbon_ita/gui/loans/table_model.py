"""The loan list as a lazy table: pages of 200 loans fetched as the view scrolls; a click on a
header re-queries in that order (the service sorts in SQL), so a large list opens at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.loans import LoanListEntry, LoanStatus
from nongbon_ita.gui.loans.common import short_date
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.loans.queries import LoanFilter, LoanSort

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
Fetch = Callable[[LoanFilter, int, int], list[LoanListEntry]]  # filter, limit, offset
Count = Callable[[LoanFilter], int]

# (header id, sort key or None, text of a loan)
COLUMNS: list[tuple[str, LoanSort | None, Callable[[LoanListEntry], str]]] = [
    (N_("Number"), LoanSort.NUMBER, lambda e: e.number_text or _("(draft)")),
    (N_("Status"), LoanSort.STATUS, lambda e: _(e.status.label_id)),
    (N_("Borrower"), LoanSort.BORROWER, lambda e: e.borrower_name),
    (N_("From"), LoanSort.START, lambda e: short_date(e.start_date)),
    (N_("Due"), LoanSort.DUE, lambda e: short_date(e.due_date)),
    (N_("Out"), None, lambda e: str(e.outstanding) if e.outstanding else ""),
    (N_("Items"), None, lambda e: e.items_text),
    (N_("Purpose"), None, lambda e: e.purpose),
]
OVERDUE_COLOUR = "#b3261e"
GREYED = {LoanStatus.CANCELLED, LoanStatus.REFUSED}


class LoanTableModel(QAbstractTableModel):
    def __init__(self, fetch: Fetch, count: Count, today: Callable[[], date],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._fetch, self._count, self._today = fetch, count, today
        self._rows: list[LoanListEntry] = []
        self._total = 0
        self.filter = LoanFilter()

    def set_filter(self, what: LoanFilter) -> None:
        self.filter = replace(what, sort=self.filter.sort, descending=self.filter.descending)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._count(self.filter)
        self._rows = self._fetch(self.filter, PAGE, 0)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def entry_at(self, row: int) -> LoanListEntry:
        return self._rows[row]

    def row_of(self, loan_id: int) -> int | None:
        return next((n for n, e in enumerate(self._rows) if e.id == loan_id), None)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = self._fetch(self.filter, PAGE, len(self._rows))
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
        descending = order == Qt.SortOrder.DescendingOrder
        self.filter = replace(self.filter, sort=key, descending=descending)
        self.reload()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][2](entry)
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.is_overdue(self._today()):
                return QColor(OVERDUE_COLOUR)
            if entry.status in GREYED:
                return QColor("#777777")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][0])
        return None
