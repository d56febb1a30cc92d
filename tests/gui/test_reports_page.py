"""Reports page: fiscal-year chooser, preview through an injected renderer."""

from __future__ import annotations

from datetime import date

from nongbon_ita.gui.pages.reports_page import ReportsPage
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog


def test_default_year_is_current_fiscal_year(qtbot):
    page = ReportsPage(None, today=lambda: date(2024, 10, 2))
    qtbot.addWidget(page)
    assert page.fiscal_year() == 2568  # October starts the next fiscal year
    page = ReportsPage(None, today=lambda: date(2024, 9, 30))
    qtbot.addWidget(page)
    assert page.fiscal_year() == 2567


def test_preview_calls_render_and_opens_dialog(qtbot, pdf_maker, shot):
    asked = []

    def render(year: int) -> bytes:
        asked.append(year)
        return pdf_maker(2, f"O43 {year}")

    opened = []
    page = ReportsPage(render, today=lambda: date(2024, 1, 15), open_preview=opened.append)
    qtbot.addWidget(page)
    page.resize(900, 600)
    shot(page, "reports-page")
    page.year_spin.setValue(2566)
    with qtbot.waitSignal(page.preview_opened, timeout=5000) as blocker:
        page.preview_button.click()
    dialog = blocker.args[0]
    qtbot.addWidget(dialog)
    assert asked == [2566]
    assert opened == [dialog]
    assert isinstance(dialog, DocumentPreviewDialog)
    assert dialog.suggested_file_name == "measures-report-2566.pdf"
    assert "2566" in dialog.windowTitle()
    assert page.preview_button.isEnabled() and not page.progress.isVisible()


def test_render_failure_reaches_error_handler(qtbot, message_log, caplog):
    def render(_year: int) -> bytes:
        raise RuntimeError("renderer broke")

    page = ReportsPage(render, open_preview=lambda _d: None)
    qtbot.addWidget(page)
    page.preview_selected()
    qtbot.waitUntil(lambda: bool(message_log.boxes), timeout=5000)
    assert "Something went wrong" in message_log.last()
    assert "renderer broke" in caplog.text
    assert page.preview_button.isEnabled()


def test_missing_renderer_says_not_available(qtbot, message_log):
    page = ReportsPage(None)
    qtbot.addWidget(page)
    page.preview_selected()
    assert message_log.last() == "This document is not available yet."
