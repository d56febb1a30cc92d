"""The complaint list's model: pages of 200 rows fetched as the view scrolls (Qt's fetchMore)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from nongbon_ita.domain.complaints.records import ComplaintSummary
from nongbon_ita.domain.errors import N_
from nongbon_ita.gui.complaints.common import DEADLINE_COLOURS, short_date
from nongbon_ita.i18n.thaiformat import format_register_number
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.queries import ComplaintPage

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[int], ComplaintPage]  # offset → page

COLUMNS: list[tuple[str, Callable[[ComplaintSummary], str]]] = [
    (N_("Number"), lambda c: format_register_number(c.number, c.fiscal_year, thai=False)),
    (N_("Received"), lambda c: short_date(c.received_on)),
    (N_("Track"), lambda c: _(c.track.label_id)),
    (N_("Channel"), lambda c: _(c.channel.label_id)),
    (N_("Status"), lambda c: _(c.status.label_id)),
    (N_("Due"), lambda c: short_date(c.due_on)),
    (N_("Deadline"), lambda c: _(c.deadline.label_id)),
    (N_("Subject"), lambda c: c.subject),
]


class ComplaintTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ComplaintSummary] = []
        self._total = 0
        self._fetch: Fetch | None = None

    def reset(self, fetch: Fetch) -> None:
        self.beginResetModel()
        self._fetch = fetch
        first = fetch(0)
        self._rows, self._total = list(first.rows), first.total
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> ComplaintSummary:
        return self._rows[row]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self._fetch is None or not self.canFetchMore(parent):
            return
        more = list(self._fetch(len(self._rows)).rows)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        complaint = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][1](complaint)
        if role == Qt.ItemDataRole.ForegroundRole and complaint.deadline in DEADLINE_COLOURS:
            return QColor(DEADLINE_COLOURS[complaint.deadline])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][0])
        return None
