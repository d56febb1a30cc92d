"""Texts seen cut on a 1366×768 screen: the reports list, the loans' date columns."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

from nongbon_ita.gui.pages.reports_page import ReportsPage


def test_every_report_title_fits_the_list_at_1366(qtbot) -> None:
    page = ReportsPage(lambda _year: b"")
    page.add_document("รายงานผล: ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส", None, "x")
    qtbot.addWidget(page)
    page.resize(1366 - 230, 650)  # the main window less its side bar
    page.show()
    qtbot.waitExposed(page)
    room = page.list.viewport().width() - 2 * page.list.style().pixelMetric(
        QStyle.PixelMetric.PM_FocusFrameHMargin)  # fmt: skip
    for row in range(page.list.count()):
        text = page.list.item(row).text()
        assert page.list.fontMetrics().horizontalAdvance(text) <= room, text


def test_the_loan_dates_come_before_the_long_names() -> None:
    from nongbon_ita.gui.loans.table_model import COLUMNS

    titles = [column.header for column in COLUMNS]
    assert titles.index("From") < titles.index("Borrower") and titles.index("Due") < 4
