"""The coordinator's main flow in the GUI: last year's scores → flagged indicators → measures →
a staff member's result with evidence → the O43 preview; plus the dashboard section."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.ita.due_widget import MeasuresDueWidget
from nongbon_ita.gui.ita.measure_dialog import MeasureDialog
from nongbon_ita.gui.ita.page import ItaPage
from nongbon_ita.gui.ita.result_dialog import ResultDialog
from nongbon_ita.services.registry import Services

SCORES = {1: "90", 2: "88", 3: "91", 4: "70.25", 5: "86", 6: "86", 7: "79", 8: "95", 9: "95",
          10: "60"}  # fmt: skip
TODAY = date(2024, 1, 15)  # fiscal year 2567


def make_user(services: Services, admin: CurrentUser, name: str, role: Role) -> CurrentUser:
    services.users.create_user(admin, name, f"นาย{name} ทดสอบ", frozenset({role}), "password-1")
    return services.auth.login(name, "password-1")


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "preview.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return "".join(out.split())


def test_scores_to_measures_to_results_to_o43(
    qtbot, services: Services, admin: CurrentUser, message_log, shot, tmp_path: Path
) -> None:
    coordinator = make_user(services, admin, "coord", Role.ITA_COORDINATOR)
    staff = make_user(services, admin, "suda", Role.STAFF)
    opened: list[object] = []
    page = ItaPage(services, coordinator, today=lambda: TODAY, open_preview=opened.append)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    assert page.fiscal_year() == 2567

    # last year's scores: a fresh office shows the shipped indicators; saving flags three
    scores = page.scores
    page.tabs.setCurrentWidget(scores)
    assert scores.table.rowCount() == 10
    scores.overall.setText("82.50")
    for row in range(10):
        scores.table.item(row, 3).setText(SCORES[row + 1])
    assert scores.flagged_numbers() == [4, 7, 10]
    shot(page, "ita-scores")
    scores.create_button.click()
    assert "3" in message_log.last()
    assert page.tabs.currentWidget() is page.measures
    assert page.measures.model.rowCount() == 3
    shot(page, "ita-measures")

    # the coordinator completes the first measure and gives it to the staff member
    def complete(dialog: MeasureDialog) -> None:
        dialog.plan.setPlainText("๑.จัดทำคู่มือการยืม\n๒.ประชาสัมพันธ์แบบฟอร์ม")
        dialog.responsible.setCurrentIndex(dialog.responsible.findData(staff.id))
        shot(dialog, "ita-measure-dialog")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    page.measures._open_dialog = complete
    page.measures.view.selectRow(0)
    page.measures.open_selected()
    measure = services.ita.plan.measures(2567)[0]
    assert measure.responsible_user_id == staff.id and measure.plan.startswith("๑.จัดทำ")

    # the staff member sees it under "my measures" and records a result with evidence
    scan = tmp_path / "คำสั่ง.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")

    def fill(dialog: ResultDialog) -> bool:
        dialog.text.setPlainText("๑.จัดทำคู่มือการยืมทรัพย์สินแล้ว")
        dialog.files.append(str(scan))
        dialog.url.setText("https://www.nongbon.go.th/borrow")
        dialog.add_link()
        shot(dialog, "ita-result-dialog")
        dialog.accept()
        return dialog.entry is not None

    staff_page = ItaPage(services, staff, today=lambda: TODAY)
    qtbot.addWidget(staff_page)
    assert staff_page.mine.model.rowCount() == 1
    dialog = MeasureDialog(services, staff, 2567, staff_page.mine.model.row_at(0), open_result=fill)
    qtbot.addWidget(dialog)
    assert not dialog.issue.isEnabled() and dialog.add_result_button.isEnabled()
    dialog.add_result()
    dialog.percent[6].setValue(50)
    dialog.mark(6)
    dialog.tabs.setCurrentIndex(1)
    shot(dialog, "ita-measure-results")
    recorded = services.ita.plan.measure(measure.id)
    assert [r.text for r in recorded.results] == ["๑.จัดทำคู่มือการยืมทรัพย์สินแล้ว"]
    assert {e.kind.value for e in recorded.results[0].evidence} == {"file", "link"}
    assert recorded.progress_at(6) is not None

    # the O43 preview prints the result as typed
    with qtbot.waitSignal(page.previewer.opened, timeout=15000) as blocker:
        page.preview_buttons["report"].click()
    preview = blocker.args[0]
    qtbot.addWidget(preview)
    assert opened == [preview] and preview.suggested_file_name == "measures-report-2567.pdf"
    assert "๑.จัดทำคู่มือการยืมทรัพย์สินแล้ว" in pdf_text(preview.pdf_bytes, tmp_path)
    with qtbot.waitSignal(page.previewer.opened, timeout=15000) as blocker:
        page.preview_buttons["plan"].click()
    qtbot.addWidget(blocker.args[0])
    assert "ประชาสัมพันธ์แบบฟอร์ม" in pdf_text(blocker.args[0].pdf_bytes, tmp_path)


def test_catalogue_tab_fills_a_year_and_the_dashboard_lists_measures_due(
    qtbot, services: Services, admin: CurrentUser, message_log, shot
) -> None:
    coordinator = make_user(services, admin, "coord", Role.ITA_COORDINATOR)
    page = ItaPage(services, coordinator, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.catalogue.install_defaults()
    assert page.catalogue.items.rowCount() == 43
    page.tabs.setCurrentWidget(page.catalogue)
    shot(page, "ita-catalogue")
    services.ita.scores.set_scores(coordinator, 2566, "80", SCORES)
    services.ita.plan.create_for_flagged(coordinator, 2567)
    due = MeasuresDueWidget(services, coordinator, today=lambda: date(2024, 4, 10))
    qtbot.addWidget(due)
    assert due.list.count() == 3 and "6-month progress not marked" in due.list.item(0).text()
    shot(due, "ita-dashboard-due")
