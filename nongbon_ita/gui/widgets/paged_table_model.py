"""A lazy read-only table: rows fetched a page at a time as the view scrolls (Qt's fetchMore).

An area model subclasses `PagedTableModel`, gives its columns and says how to count and fetch
its rows (`count_rows`, `fetch_page`); a click on a sortable header hands the column's sort key
to `set_sort` and re-queries, so the service sorts (in SQL) and a large list opens at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from nongbon_ita.i18n.digits import value_on_screen
from nongbon_ita.i18n.translate import _

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
PAGE = 200


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # message id, translated when shown
    getter: Callable[[T], str]  # the cell's text (also its tooltip)
    sort_key: Any = None  # handed to `set_sort`; None: not sortable
    align_right: bool = False


class PagedTableModel(QAbstractTableModel, Generic[T]):
    page_size = PAGE

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[T] = []
        self._total = 0

    # hooks ------------------------------------------------------------------------------------
    def count_rows(self) -> int:
        """How many rows the current query has in all."""
        raise NotImplementedError

    def fetch_page(self, offset: int, limit: int) -> Sequence[T]:
        """Up to `limit` rows of the current query from `offset`."""
        raise NotImplementedError

    def first_page(self) -> tuple[Sequence[T], int]:
        """The first page and the total; override when one query gives both."""
        total = self.count_rows()
        return self.fetch_page(0, self.page_size), total

    def set_sort(self, key: Any, descending: bool) -> None:
        """Remember the order for the next query (`reload` follows)."""

    def foreground(self, row: T) -> QColor | None:
        """The text colour of a row, or None for the default."""
        return None

    # querying ---------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        rows, self._total = self.first_page()
        self._rows = list(rows)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = list(self.fetch_page(len(self._rows), self.page_size))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column].sort_key
        if key is None:
            return
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    # rows -------------------------------------------------------------------------------------
    def row_at(self, row: int) -> T:
        return self._rows[row]

    def row_where(self, predicate: Callable[[T], bool]) -> int | None:
        return next((n for n, item in enumerate(self._rows) if predicate(item)), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return value_on_screen(column.getter(item))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(item)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self._columns[section].header)
        return None
