"""The Loan register tab (finance review, read-only): a fiscal year or a month range, filters,
the lines with carried-in loans marked, totals, sign-offs; sign off, print, export. The register
loads off the GUI thread (thousands of loans take seconds), first when the tab is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.loans import LoanOperation
from nongbon_ita.domain.loans.register import LoanRegister, RegisterFilter, RegisterLine
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.loans import common
from nongbon_ita.gui.loans.signoff_dialog import SignOffDialog
from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.gui.widgets.record_table import make_table_view
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.gui.widgets.saving import with_suffix, write_or_warn
from nongbon_ita.i18n.thaiformat import THAI_MONTHS, format_money
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.loans.register import RegisterQuery
from nongbon_ita.services.registry import Services

FISCAL_MONTHS = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
CARRIED_FILL = "#fff4d6"


def _columns() -> list[tuple[str, Any]]:
    d = common.short_date
    return [
        (_("Loan"), lambda ln: ln.number_text),
        (_("Item"), lambda ln: ln.item.description),
        (_("Asset number"), lambda ln: ln.item.asset_number),
        (_("Qty"), lambda ln: f"{ln.item.quantity} {ln.item.unit}".strip()),
        (_("Lent on"), lambda ln: d(ln.lent_on)),
        (_("Borrower"), lambda ln: ln.borrower),
        (_("Due"), lambda ln: d(ln.due_date)),
        (_("Approver"), lambda ln: ln.approver),
        (_("Returned"), lambda ln: str(ln.item.returned_quantity or "")),
        (_("Still out"), lambda ln: str(ln.item.outstanding or "")),
        (_("Condition"), lambda ln: ", ".join(sorted({_(r.condition.label_id)
                                                     for r in ln.item.returns}))),
        (_("Followed up"), lambda ln: d(ln.follow_up_on)),
        (_("Liability"), lambda ln: ln.liability_text + (
            f" {format_money(ln.liability_amount)}" if ln.liability_amount else "")),
        (_("Carried in"), lambda ln: _("Carried in") if ln.carried else ""),
    ]  # fmt: skip


class RegisterModel(RowsTableModel[RegisterLine]):
    """Carried-in lines shaded, overdue ones in red."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(CARRIED_FILL) if self.row_at(index.row()).carried else None
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#b3261e") if self.row_at(index.row()).overdue else None
        return super().data(index, role)


def _month_combo(parent: QWidget, blank: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(blank, None)
    for month in FISCAL_MONTHS:
        combo.addItem(THAI_MONTHS[month - 1], month)
    return combo


class LoanRegisterPage(QWidget):
    loaded = Signal()  # the rows of the latest load are on screen
    document_done = Signal(object)  # the preview dialog, or the path of the saved XLSX

    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        self.register: LoanRegister | None = None
        self.loader = BackgroundRunner(self)  # the register's lines (a newer load supersedes)
        self.documents = BackgroundRunner(self)  # the PDF or XLSX being made
        self.year = QComboBox(self)
        for year in common.fiscal_years(services.loans.today()):
            self.year.addItem(_("Fiscal year {year}").format(year=year), year)
        self.year.setCurrentIndex(1)  # this fiscal year (the first is next year's)
        self.from_month = _month_combo(self, _("From October"))
        self.to_month = _month_combo(self, _("to September"))
        self.kind = common.enum_combo(list(RegisterFilter), self)
        self.borrower = QLineEdit(self)
        self.borrower.setPlaceholderText(_("Borrower"))
        self.asset = QLineEdit(self)
        self.asset.setPlaceholderText(_("Asset number or name"))
        self.model = RegisterModel(_columns(), self)
        self.table = make_table_view(self)
        # thousands of register lines, each costly to format: fit the columns to those on screen
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.table.setModel(self.model)
        self.totals = QLabel(self)
        self.totals.setWordWrap(True)
        self.reviews = QLabel(self)
        self.reviews.setWordWrap(True)
        self.sign_button = QPushButton(_("Sign off period…"), self)
        self.print_button = QPushButton(_("Print…"), self)
        self.export_button = QPushButton(_("Export XLSX…"), self)
        self.may_sign = is_allowed(user, LoanOperation.REVIEW)
        self.sign_button.setEnabled(self.may_sign)
        for button in (self.print_button, self.export_button):
            button.setEnabled(is_allowed(user, LoanOperation.PRINT))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy, no percentage
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self._build_layout()
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.refresh)
        for combo in (self.year, self.from_month, self.to_month, self.kind):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for edit in (self.borrower, self.asset):
            edit.textChanged.connect(lambda _t: self._debounce.start())
        self.sign_button.clicked.connect(self.sign_off)
        self.print_button.clicked.connect(self.print_register)
        self.export_button.clicked.connect(self.export_xlsx)
        self.loader.busy.connect(self._busy)
        self.documents.busy.connect(self._documents_busy)

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.year, self.from_month, self.to_month, self.kind):
            filters.addWidget(widget)
        filters.addWidget(self.borrower, 1)
        filters.addWidget(self.asset, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.progress)
        actions.addWidget(self.totals, 1)
        for button in (self.sign_button, self.print_button, self.export_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.reviews)

    def query(self) -> RegisterQuery:
        return RegisterQuery(self.year.currentData(), self.from_month.currentData(),
                             self.to_month.currentData(),
                             common.chosen(self.kind, RegisterFilter) or RegisterFilter.ALL,
                             self.borrower.text(), self.asset.text())  # fmt: skip

    def period_text(self) -> str:
        if self.register is None:
            return ""
        p = self.register.period
        return _("{start} to {end}").format(start=common.short_date(p.start),
                                            end=common.short_date(p.end))  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.register is None and not self.loader.is_running():  # the tab's first showing
            self.refresh()

    def refresh(self) -> None:
        """Load the chosen part of the register off the GUI thread; a newer load supersedes
        any still running (its answer is dropped when it comes)."""
        loans, user, query = self.services.loans, self.user, self.query()
        self.loader.run(lambda: loans.register(user, query), self._loaded)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy or self.documents.is_running())
        self.totals.setText(_("Loading…") if busy else "")  # the totals follow the rows
        self.sign_button.setEnabled(self.may_sign and not busy)  # its period must be on screen

    def _loaded(self, register: LoanRegister) -> None:
        self.show_register(register)
        self.loaded.emit()

    def show_register(self, register: LoanRegister) -> None:
        self.register = register
        self.model.set_rows(register.lines)
        t = register.totals
        self.totals.setText(_(
            "{period}: lent {lent} · returned {returned} · outstanding {outstanding} · "
            "overdue {overdue} · liabilities {liabilities} ({amount} baht, unsettled {unsettled})"
        ).format(period=self.period_text(), lent=t.lent, returned=t.returned,
                 outstanding=t.outstanding, overdue=t.overdue, liabilities=t.liabilities,
                 amount=format_money(t.liability_amount),
                 unsettled=format_money(t.unsettled_amount)))  # fmt: skip
        self.reviews.setText("\n".join(
            _("Signed off {start} – {end} by {name} on {when}{note}").format(
                start=common.short_date(r.period_start), end=common.short_date(r.period_end),
                name=r.reviewer, when=common.short_date(office_date(r.reviewed_at)),
                note=f": {r.note}" if r.note else "")
            for r in register.reviews) or _("Not yet signed off."))  # fmt: skip

    def sign_off(self) -> SignOffDialog:
        dialog = SignOffDialog(self.services, self.user, self.query(), self.period_text(), self)
        if common.exec_dialog(dialog) and dialog.review is not None:
            self.refresh()
        return dialog

    def _stem(self) -> str:
        q = self.query()
        months = f"-{q.from_month or 10}-{q.to_month or 9}" if q.from_month or q.to_month else ""
        return f"loan-register-{q.fiscal_year}{months}"

    def print_register(self) -> None:
        """Made off the GUI thread (5,000 loans take seconds), then previewed."""
        loans, user, query = self.services.loans, self.user, self.query()
        self.documents.run(lambda: loans.register_pdf(user, query), self._show_pdf)

    def _show_pdf(self, pdf: bytes) -> None:
        preview = common.show_pdf(self, _("Loan register"), pdf, self._stem() + ".pdf")
        self.document_done.emit(preview)

    def export_xlsx(self) -> None:
        """Ask where, make the workbook off the GUI thread, then save it there."""
        chosen = common.choose_xlsx_path(self, self._stem() + ".xlsx")
        if not chosen:
            return
        path = with_suffix(chosen, ".xlsx")
        loans, user, query = self.services.loans, self.user, self.query()
        self.documents.run(lambda: loans.register_xlsx(user, query),
                           lambda data: self._save_xlsx(path, data))  # fmt: skip

    def _save_xlsx(self, path: Path, data: bytes) -> None:
        if write_or_warn(self, path, data):
            messages.inform(self, _("The loan register was saved to {path}.").format(path=path))
            self.document_done.emit(path)

    def _documents_busy(self, busy: bool) -> None:
        may_print = is_allowed(self.user, LoanOperation.PRINT)
        for button in (self.print_button, self.export_button):
            button.setEnabled(may_print and not busy)
        self.progress.setVisible(busy or self.loader.is_running())
