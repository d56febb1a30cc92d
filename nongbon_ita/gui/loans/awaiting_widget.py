"""The approver's dashboard section: requests submitted and waiting for approval, oldest first
(the borrower is waiting); the Loans page (status "submitted") is where they are approved."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from nongbon_ita.domain.loans import LoanListEntry, LoanStatus
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.gui.widgets.table_section import TableSection
from nongbon_ita.i18n.digits import short_date
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.loans.queries import LoanFilter
from nongbon_ita.services.registry import Services

WAITING = LoanFilter(status=LoanStatus.SUBMITTED)


class AwaitingApprovalWidget(TableSection[LoanListEntry]):
    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        model: RowsTableModel[LoanListEntry] = RowsTableModel([
            (_("Loan"), lambda e: e.number_text),
            (_("Borrower"), lambda e: e.borrower_name),
            (_("From"), lambda e: short_date(e.start_date)),
            (_("Due"), lambda e: short_date(e.due_date)),
            (_("Purpose"), lambda e: e.purpose),
            (_("Items"), lambda e: e.items_text),
        ], self)  # fmt: skip
        self.build(model, _("No request is waiting for approval."))

    def load(self) -> list[LoanListEntry]:
        entries = self.services.loans.list_loans(self.user, WAITING, limit=200)
        return sorted(entries, key=lambda e: (e.start_date, e.id))
