"""The dashboard's overdue loans: days overdue and the follow-up deadline (due + 7 days),
highlighted once the deadline has passed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from nongbon_ita.domain.loans import OverdueLoan
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.gui.widgets.table_section import TableSection
from nongbon_ita.i18n.digits import short_date
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services

LATE_FILL = "#fde0dc"


class OverdueModel(RowsTableModel[OverdueLoan]):
    def __init__(self, services: Services, parent: QWidget) -> None:
        self.services = services
        super().__init__([
            (_("Loan"), lambda o: o.number_text),
            (_("Borrower"), lambda o: o.borrower_name),
            (_("Phone"), lambda o: o.borrower_phone),
            (_("Due"), lambda o: short_date(o.due_date)),
            (_("Days overdue"), lambda o: str(o.days_overdue)),
            (_("Follow up by"), lambda o: short_date(o.follow_up_deadline)),
            (_("Last follow-up"), lambda o: short_date(o.last_follow_up)),
            (_("Items"), lambda o: o.items_text),
        ], parent)  # fmt: skip

    def late(self, row: int) -> bool:
        return self.row_at(row).follow_up_deadline < self.services.loans.today()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if index.isValid() and self.late(index.row()):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(LATE_FILL)
            if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
                return QColor("#b3261e")
        return super().data(index, role)


class OverdueLoansWidget(TableSection[OverdueLoan]):
    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        self.build(OverdueModel(services, self), _("No loan is overdue."))

    def load(self) -> list[OverdueLoan]:
        return self.services.loans.overdue(self.user)
