"""The reports page lists the register of outgoing letters for those who may read it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints.area import add_complaint_reports
from nongbon_ita.gui.pages.reports_page import ReportsPage
from nongbon_ita.services.registry import Services


def test_the_register_of_outgoing_letters_is_on_the_reports_page(
    qtbot, shot, services: Services, user_with: Callable[..., CurrentUser]
) -> None:  # type: ignore[no-untyped-def]
    officer, staff = user_with(Role.COMPLAINT_OFFICER), user_with(Role.STAFF)
    page = ReportsPage(None, today=lambda: date(2024, 1, 15))
    qtbot.addWidget(page)
    add_complaint_reports(page, services, officer)
    titles = [d.title for d in page.documents]
    assert "Register of outgoing letters" in titles
    entry = page.documents[titles.index("Register of outgoing letters")]
    assert entry.render is not None and entry.render(2567)[:5] == b"%PDF-"
    page.resize(900, 600)
    shot(page, "reports-page-letters-register")
    other = ReportsPage(None, today=lambda: date(2024, 1, 15))
    qtbot.addWidget(other)
    add_complaint_reports(other, services, staff)
    assert "Register of outgoing letters" not in [d.title for d in other.documents]
