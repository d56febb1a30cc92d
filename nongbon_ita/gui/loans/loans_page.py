"""The Loans tab: search and filters, the lazy list, the selected loan's detail beside it, and
the steps the user may take on it (buttons enabled by role and status)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.loans import Loan, LoanOperation, LoanStatus
from nongbon_ita.domain.loans.history import LoanEvent
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.loans import common
from nongbon_ita.gui.loans.actions import Step, available_steps
from nongbon_ita.gui.loans.detail_view import LoanDetailView
from nongbon_ita.gui.loans.loan_steps import LoanSteps
from nongbon_ita.gui.loans.request_dialog import RequestDialog
from nongbon_ita.gui.loans.table_model import LoanTableModel
from nongbon_ita.gui.widgets.record_table import make_table_view, selected_row
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.loans.queries import LoanFilter
from nongbon_ita.services.registry import Services

BUTTON_COLUMNS = 4


class LoansPage(QWidget):
    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        loans = services.loans
        self.steps = LoanSteps(services, user, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search number, borrower, purpose or item… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = common.enum_combo(list(LoanStatus), self, _("All statuses"))
        self.year_filter = QComboBox(self)
        self.year_filter.addItem(_("All fiscal years"), None)
        for year in common.fiscal_years(loans.today()):
            self.year_filter.addItem(_("Fiscal year {year}").format(year=year), year)
        self.overdue_only = QCheckBox(_("Overdue only"), self)
        self.count_label = QLabel(self)
        self.new_button = QPushButton(_("New request… (Ctrl+N)"), self)
        self.new_button.setEnabled(is_allowed(user, LoanOperation.REQUEST))
        self.model = LoanTableModel(
            lambda what, limit, offset: loans.list_loans(user, what, limit, offset),
            lambda what: loans.count_loans(user, what), loans.today, self)  # fmt: skip
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.detail = LoanDetailView(self)
        self.step_buttons: dict[Step, QPushButton] = {}
        self._build_layout()
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.status_filter, self.year_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue_only.toggled.connect(lambda _b: self.refresh())
        self.new_button.clicked.connect(self.new_request)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        self.table.activated.connect(lambda _i: self.open_selected())  # Enter or double-click
        QShortcut(QKeySequence.StandardKey.New, self, self.new_request)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.refresh()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (self.status_filter, self.year_filter, self.overdue_only):
            filters.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        buttons = QGridLayout()
        for n, step in enumerate(Step):
            button = QPushButton(_(step.label_id), self)
            button.clicked.connect(lambda _c=False, s=step: self.run_step(s))
            self.step_buttons[step] = button
            buttons.addWidget(button, n // BUTTON_COLUMNS, n % BUTTON_COLUMNS)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.detail, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addLayout(filters)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.year_filter)
        self.setTabOrder(self.year_filter, self.overdue_only)
        self.setTabOrder(self.overdue_only, self.table)
        self._enable_steps(None)

    def current_filter(self) -> LoanFilter:
        return LoanFilter(text=self.search.text().strip(),
                          status=common.chosen(self.status_filter, LoanStatus),
                          overdue_only=self.overdue_only.isChecked(),
                          fiscal_year=self.year_filter.currentData())  # fmt: skip

    def refresh(self, keep: int | None = None) -> None:
        """Re-query the list; `keep` selects that loan again if it is still listed."""
        try:
            self.model.set_filter(self.current_filter())
        except Exception as err:
            report_error(err, self)
            return
        self.count_label.setText(_("{n} loans").format(n=on_screen(self.model.total)))
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectRow(row)
        else:
            self.show_loan(None)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select_loan(self, loan_id: int) -> bool:
        row = self.model.row_of(loan_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def show_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            self.show_loan(None)
            return
        try:
            loan = self.services.loans.get(self.user, self.model.entry_at(row).id)
        except Exception as err:
            report_error(err, self)
            return
        self.show_loan(loan)

    def show_loan(self, loan: Loan | None) -> None:
        history: tuple[LoanEvent, ...] = ()
        if loan is not None:
            try:
                history = self.services.loans.history(self.user, loan.id)
            except Exception as err:
                report_error(err, self)
        self.detail.show_loan(loan, self.services.loans.today(), history)
        self._enable_steps(loan)

    def _enable_steps(self, loan: Loan | None) -> None:
        allowed = available_steps(self.user, loan, self.services.loans.today()) if loan else set()
        for step, button in self.step_buttons.items():
            button.setEnabled(step in allowed)

    def open_selected(self) -> None:
        """Enter on a row: the most likely next step (edit a draft, else the loan form)."""
        loan = self.detail.loan
        if loan is None:
            return
        allowed = available_steps(self.user, loan, self.services.loans.today())
        for step in (Step.EDIT, Step.APPROVE, Step.HAND_OUT, Step.RETURN, Step.PRINT_FORM):
            if step in allowed:
                self.run_step(step)
                return

    def run_step(self, step: Step) -> Loan | None:
        loan = self.detail.loan
        if loan is None or step not in available_steps(self.user, loan,
                                                        self.services.loans.today()):  # fmt: skip
            return None
        changed = self.steps.run(step, loan)
        if changed is not None:
            self.refresh(keep=changed.id)
            self.show_loan(changed)
        return changed

    def new_request(self) -> RequestDialog | None:
        if not self.new_button.isEnabled():
            return None
        try:
            dialog = RequestDialog(self.services, self.user, None, self)
        except Exception as err:
            report_error(err, self)
            return None
        self.steps.last_dialog = dialog
        if common.exec_dialog(dialog) and dialog.saved is not None:
            self.refresh(keep=dialog.saved.id)
            self.show_loan(dialog.saved)
        return dialog
