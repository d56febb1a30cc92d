"""The dashboard: the approver sees the requests waiting for approval; sections are read again
whenever the dashboard is shown (a change made on another page is there when the user comes
back); a short table is as tall as its rows, not half a page."""

from __future__ import annotations

from datetime import timedelta

from nongbon_ita.gui.run import build_main_window
from nongbon_ita.gui.widgets.table_section import MAX_ROWS


def test_approver_dashboard_lists_requests_and_refreshes_when_shown(qtbot, office) -> None:
    loans = office.services.loans
    waiting = loans.create_request(office.supply, office_request(office), submit=True)
    window = build_main_window(office.services, office.approver)
    qtbot.addWidget(window)
    window.show()
    section = window.page("dashboard").sections["approvals"]
    assert [e.id for e in section.model.rows()] == [waiting.id]
    window.show_page("assets")
    loans.approve(office.approver, waiting.id)  # done elsewhere (the Loans page, another PC)
    window.show_page("dashboard")
    assert section.model.rows() == [] and section.empty.isVisibleTo(section)


def test_a_short_table_is_as_tall_as_its_rows(qtbot, office) -> None:
    office.lent((office.tent, 1), start=office.today() - timedelta(days=20))
    office.lent(
        (office.projector, 1), start=office.today() - timedelta(days=15), name="นางสาวสมใจ รักดี"
    )
    window = build_main_window(office.services, office.supply)
    qtbot.addWidget(window)
    window.resize(1366, 697)
    window.show()
    view = window.page("dashboard").sections["loans"].view
    rows = sum(view.rowHeight(r) for r in range(2))
    assert view.model().rowCount() == 2
    assert rows <= view.height() <= rows + 120  # header, frame, scroll bar: no empty half page
    assert MAX_ROWS >= 10


def office_request(office):  # type: ignore[no-untyped-def]
    from nongbon_ita.domain.loans import (
        Borrower,
        BorrowerKind,
        ItemRequest,
        LoanRequest,
        PurposeType,
        UseScope,
    )

    today = office.today()
    return LoanRequest(
        Borrower(BorrowerKind.VILLAGER, "นายสมหมาย ใจงาม", phone="081-234-5678"),
        PurposeType.COMMUNITY, "งานบุญประจำปี", "ศาลากลางบ้าน", UseScope.OFF_SITE, today,
        today + timedelta(days=2), (ItemRequest(office.tent, 1),),
    )  # fmt: skip
