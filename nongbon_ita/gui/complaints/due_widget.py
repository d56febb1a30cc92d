"""The dashboard's complaints section: receipts and outcomes overdue, due today or within 3
working days, with a referring body's own deadline beside a referred complaint's."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.gui.widgets.table_section import TableSection
from nongbon_ita.i18n.digits import screen_thai, short_date
from nongbon_ita.i18n.thaiformat import format_register_number
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.queries import DueItem
from nongbon_ita.services.registry import Services


def _what(item: DueItem) -> str:
    if item.what == "receipt":
        return _("Receipt")
    if item.summary.reference:
        return _("Outcome to the referring body")
    return _("Outcome to the complainant")


_URGENCY = {"overdue": N_("Overdue"), "today": N_("Due today"), "soon": N_("Due soon")}


class DueComplaintsWidget(TableSection[DueItem]):
    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        model: RowsTableModel[DueItem] = RowsTableModel([
            (_("Number"), lambda i: format_register_number(i.summary.number,
                                                           i.summary.fiscal_year, thai=screen_thai())),
            (_("Due"), lambda i: short_date(i.due_on)),
            (_("Deadline"), lambda i: _(_URGENCY[i.urgency(services.complaints.queries
                                                            .today())])),
            (_("What is due"), _what),
            (_("Referring body's deadline"), lambda i: short_date(i.summary.referral_due_on)),
            (_("Reference"), lambda i: i.summary.reference),
            (_("Status"), lambda i: _(i.summary.status.label_id)),
            (_("Subject"), lambda i: i.summary.subject),
        ], self)  # fmt: skip
        self.build(model, _("No complaint is near its deadline."))

    def load(self) -> list[DueItem]:
        return self.services.complaints.queries.due(self.user)
