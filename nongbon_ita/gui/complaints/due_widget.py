"""The dashboard's complaints section: outcomes due soon or overdue, receipts not yet given."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints.common import short_date
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.record_table import make_table_view
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.i18n.thaiformat import format_register_number
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.queries import DueItem
from nongbon_ita.services.registry import Services


def _what(item: DueItem) -> str:
    return _("Receipt") if item.what == "receipt" else _("Outcome to the complainant")


class DueComplaintsWidget(QWidget):
    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        self.model: RowsTableModel[DueItem] = RowsTableModel([
            (_("Number"), lambda i: format_register_number(i.summary.number,
                                                           i.summary.fiscal_year, thai=False)),
            (_("Due"), lambda i: short_date(i.due_on)),
            (_("Deadline"), lambda i: _("Overdue") if i.due_on < services.complaints.queries
             .today() else _("Due soon")),
            (_("What is due"), _what),
            (_("Status"), lambda i: _(i.summary.status.label_id)),
            (_("Subject"), lambda i: i.summary.subject),
        ], self)  # fmt: skip
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        self.empty = QLabel(_("No complaint is near its deadline."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        self.refresh()

    def refresh(self) -> None:
        try:
            items = self.services.complaints.queries.due(self.user)
        except Exception as err:
            report_error(err, self)
            return
        self.model.set_rows(items)
        self.empty.setVisible(not items)
        self.view.setVisible(bool(items))
