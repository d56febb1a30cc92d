"""The loan list as a lazy table: pages of 200 loans fetched as the view scrolls; a click on a
header re-queries in that order (the service sorts in SQL), so a large list opens at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.loans import LoanListEntry, LoanStatus
from nongbon_ita.gui.loans.common import short_date
from nongbon_ita.gui.widgets.paged_table_model import Column, PagedTableModel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.loans.queries import LoanFilter, LoanSort

Fetch = Callable[[LoanFilter, int, int], list[LoanListEntry]]  # filter, limit, offset
Count = Callable[[LoanFilter], int]

COLUMNS: tuple[Column[LoanListEntry], ...] = (
    Column(N_("Number"), lambda e: e.number_text or _("(draft)"), LoanSort.NUMBER),
    Column(N_("Status"), lambda e: _(e.status.label_id), LoanSort.STATUS),
    # the dates before the borrower: a long borrower (an agency's full name) pushed them past
    # the list's edge on a 1366-pixel screen
    Column(N_("From"), lambda e: short_date(e.start_date), LoanSort.START),
    Column(N_("Due"), lambda e: short_date(e.due_date), LoanSort.DUE),
    Column(N_("Out"), lambda e: str(e.outstanding) if e.outstanding else ""),
    Column(N_("Borrower"), lambda e: e.borrower_name, LoanSort.BORROWER),
    Column(N_("Items"), lambda e: e.items_text),
    Column(N_("Purpose"), lambda e: e.purpose),
)
OVERDUE_COLOUR = "#b3261e"
GREYED = {LoanStatus.CANCELLED, LoanStatus.REFUSED}


class LoanTableModel(PagedTableModel[LoanListEntry]):
    def __init__(self, fetch: Fetch, count: Count, today: Callable[[], date],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(COLUMNS, parent)
        self._fetch, self._count, self._today = fetch, count, today
        self.filter = LoanFilter()

    def set_filter(self, what: LoanFilter) -> None:
        self.filter = replace(what, sort=self.filter.sort, descending=self.filter.descending)
        self.reload()

    def count_rows(self) -> int:
        return self._count(self.filter)

    def fetch_page(self, offset: int, limit: int) -> list[LoanListEntry]:
        return self._fetch(self.filter, limit, offset)

    def set_sort(self, key: LoanSort, descending: bool) -> None:
        self.filter = replace(self.filter, sort=key, descending=descending)

    @property
    def total(self) -> int:
        return self._total

    def entry_at(self, row: int) -> LoanListEntry:
        return self.row_at(row)

    def row_of(self, loan_id: int) -> int | None:
        return self.row_where(lambda e: e.id == loan_id)

    def foreground(self, row: LoanListEntry) -> QColor | None:
        if row.is_overdue(self._today()):
            return QColor(OVERDUE_COLOUR)
        if row.status in GREYED:
            return QColor("#777777")
        return None
