"""How the complaints area enters the main window (called from gui/run.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.pages.dashboard_page import DashboardPage
from nongbon_ita.gui.pages.placeholder_page import PlaceholderPage
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services

if TYPE_CHECKING:  # the reports page is built when first shown, not at start-up
    from nongbon_ita.gui.pages.reports_page import ReportsPage


def complaints_page(services: Services, user: CurrentUser) -> QWidget:
    if not is_allowed(user, ComplaintOperation.VIEW):
        return PlaceholderPage(_("Complaints"), _("Complaints are handled by staff and "
                                                  "complaint officers."))  # fmt: skip
    from nongbon_ita.gui.complaints.complaints_page import ComplaintsPage

    return ComplaintsPage(services, user)


def add_complaint_sections(dashboard: DashboardPage, services: Services,
                           user: CurrentUser) -> None:  # fmt: skip
    """The dashboard's deadlines, for those who see complaints."""
    if is_allowed(user, ComplaintOperation.VIEW):
        from nongbon_ita.gui.complaints.due_widget import DueComplaintsWidget

        dashboard.add_section("complaints", _("Complaints near their deadline"),
                              DueComplaintsWidget(services, user))  # fmt: skip


def add_complaint_reports(reports: ReportsPage, services: Services, user: CurrentUser) -> None:
    """The complaint statistics on the reports page (named by the year's code when saved), and
    the register of outgoing letters (the complaint letters and the loans' follow-up memos) for
    whoever may read it."""
    from nongbon_ita.domain.letters import LetterOperation

    stats = services.complaints.stats
    reports.add_document(_("Complaint statistics: fiscal year"),
                         lambda year: stats.pdf(user, year), "complaint-stats")  # fmt: skip
    reports.add_document(_("Complaint statistics: first half (October–March)"),
                         lambda year: stats.pdf(user, year, 1), "complaint-stats-half1")  # fmt: skip
    reports.add_document(_("Complaint statistics: second half (April–September)"),
                         lambda year: stats.pdf(user, year, 2), "complaint-stats-half2")  # fmt: skip
    if is_allowed(user, LetterOperation.VIEW_REGISTER):
        reports.add_document(_("Register of outgoing letters"),
                             lambda year: services.letters.register_pdf(user, year),
                             "letters-register")  # fmt: skip
