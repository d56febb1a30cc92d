"""How the loans area enters the main window (called from gui/run.py): the Loans and Loan
register tabs of "Assets and loans", and the dashboard's overdue loans."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from nongbon_ita.domain.loans import LoanOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.pages.dashboard_page import DashboardPage
from nongbon_ita.gui.pages.placeholder_page import PlaceholderPage
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


def add_loan_tabs(tabs: QTabWidget, services: Services, user: CurrentUser) -> None:
    from nongbon_ita.gui.loans.loans_page import LoansPage

    tabs.addTab(LoansPage(services, user), _("Loans"))
    if is_allowed(user, LoanOperation.VIEW_ALL):
        from nongbon_ita.gui.loans.register_page import LoanRegisterPage

        tabs.addTab(LoanRegisterPage(services, user), _("Loan register"))
    else:
        tabs.addTab(PlaceholderPage(_("Loan register"), _("The loan register is read by the "
                                                          "finance division, the supply officer "
                                                          "and the approver.")),
                    _("Loan register"))  # fmt: skip


def add_loan_sections(dashboard: DashboardPage, services: Services, user: CurrentUser) -> None:
    """The dashboard's overdue loans (those who see every loan) and requests to approve."""
    if is_allowed(user, LoanOperation.VIEW_ALL):
        from nongbon_ita.gui.loans.overdue_widget import OverdueLoansWidget

        dashboard.add_section("loans", _("Overdue loans"), OverdueLoansWidget(services, user))
    if is_allowed(user, LoanOperation.APPROVE):
        from nongbon_ita.gui.loans.awaiting_widget import AwaitingApprovalWidget

        dashboard.add_section("approvals", _("Requests waiting for approval"),
                              AwaitingApprovalWidget(services, user))  # fmt: skip
