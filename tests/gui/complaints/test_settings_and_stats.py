"""Complaint settings (holidays, deadlines) and the O29 statistics from the complaints page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QWidget

from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints import common
from nongbon_ita.gui.complaints.complaints_page import ComplaintsPage
from nongbon_ita.i18n.translate import set_language, translate_message
from nongbon_ita.services.registry import Services

NAME = "นางสาวผู้ร้อง ลับเฉพาะ"
SHOTS = Path("/tmp/complaints-shots")


@pytest.fixture
def no_blocking(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[QDialog]:
    """Dialogs are shown without blocking; previews are recorded; exports go to tmp_path."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        dialog.show()
        return 0

    monkeypatch.setattr(common, "exec_dialog", run)
    monkeypatch.setattr(common, "open_preview", lambda preview: seen.append(preview))
    monkeypatch.setattr(common, "choose_xlsx_path", lambda _p, _s: str(tmp_path / "o29"))
    return seen


@pytest.fixture
def snap(shot: Callable[[QWidget, str], Path]) -> Callable[[QWidget, str], None]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return lambda widget, name: shot(widget, name).replace(SHOTS / f"{name}.png")


def _receive(services: Services, user: CurrentUser, when: datetime) -> int:
    return services.complaints.intake.receive(user, NewComplaint(
        when, Channel.WEBSITE, Category.GENERAL, "ถนนในหมู่บ้านชำรุด",
        identity=ComplaintIdentity(name=NAME, phone="0812345678"))).id  # fmt: skip


def _next_working_day(services: Services, after: date) -> date:
    settings = services.complaints.settings
    holidays = {h.day for year in (after.year, after.year + 1) for h in settings.holidays(year)
                if not h.removed}  # fmt: skip
    day = after + timedelta(days=1)
    while day.weekday() >= 5 or day in holidays:
        day += timedelta(days=1)
    return day


def test_a_new_holiday_moves_an_open_deadline_and_removing_it_moves_it_back(
    qtbot, services: Services, officer: CurrentUser, no_blocking: list[QDialog], message_log,
    snap: Callable[[QWidget, str], None],
) -> None:  # fmt: skip
    today = services.complaints.queries.today()
    _receive(services, officer, datetime.now(UTC))
    page = ComplaintsPage(services, officer)
    qtbot.addWidget(page)
    before = page.model.row_at(0).due_on
    assert page.settings_button.isVisibleTo(page)
    dialog = page.open_settings()
    tab = dialog.holidays
    holiday = _next_working_day(services, today)
    tab.day_edit.setDate(holiday)
    tab.name_edit.setText("วันหยุดพิเศษของสำนักงาน")
    tab.add_button.click()
    assert tab.error.isHidden()
    assert tab.year_spin.value() == holiday.year + 543
    assert "วันหยุดพิเศษของสำนักงาน" in [h.name for h in tab.model.rows()]
    after = page.model.row_at(0).due_on  # the page refreshed on `changed`
    assert after == _next_working_day(services, before)  # one more working day to count
    tab.table.selectRow([h.day for h in tab.model.rows()].index(holiday))
    snap(dialog, "settings-holidays")
    tab.remove_button.click()  # message_log answers Yes to the confirmation
    assert "from the holiday list?" in message_log.last()
    assert holiday not in [h.day for h in tab.model.rows()]
    assert page.model.row_at(0).due_on == before


def test_bad_values_are_refused_with_the_reason_in_thai(
    qtbot, services: Services, admin: CurrentUser, no_blocking: list[QDialog], message_log,
    snap: Callable[[QWidget, str], None],
) -> None:  # fmt: skip
    set_language("th")
    page = ComplaintsPage(services, admin)  # admins configure too
    qtbot.addWidget(page)
    dialog = page.open_settings()
    deadlines = dialog.deadlines
    dialog.tabs.setCurrentWidget(deadlines)
    deadlines.outcome.setValue(0)
    deadlines.save_button.click()
    refused = translate_message("The outcome deadline must be 1 to 365 days.", {})
    assert refused != "The outcome deadline must be 1 to 365 days."  # Thai, not the id
    assert deadlines.error.text() == refused and deadlines.error.isVisibleTo(dialog)
    snap(dialog, "settings-deadlines-refused")
    assert services.complaints.settings.policy().outcome_working_days == 15  # nothing saved
    deadlines.outcome.setValue(20)
    deadlines.save_button.click()
    assert services.complaints.settings.policy().outcome_working_days == 20
    tab = dialog.holidays
    first = tab.model.row_at(0)
    tab.day_edit.setDate(first.day)
    tab.name_edit.setText("ซ้ำ")
    tab.add_button.click()
    assert tab.error.text() == translate_message("That day is already a holiday.", {})
    assert len(message_log.boxes) == 1  # only the "saved" notice: refusals stay inline
    dialog.tabs.setCurrentWidget(tab)
    snap(dialog, "settings-holidays-th")
    snap(page, "complaints-page-th")


def test_staff_have_statistics_but_no_settings(
    qtbot, services: Services, staff: CurrentUser
) -> None:
    page = ComplaintsPage(services, staff)
    qtbot.addWidget(page)
    assert not page.settings_button.isVisibleTo(page)
    assert page.stats_button.isEnabled()


def test_second_half_statistics_preview_and_xlsx_hold_no_name(
    qtbot, services: Services, officer: CurrentUser, no_blocking: list[QDialog], message_log,
    tmp_path: Path, snap: Callable[[QWidget, str], None],
) -> None:  # fmt: skip
    for when in (datetime(2025, 5, 12, 3, tzinfo=UTC), datetime(2025, 8, 4, 4, tzinfo=UTC)):
        _receive(services, officer, when)  # fiscal year 2568, second half
    _receive(services, officer, datetime(2024, 11, 5, 3, tzinfo=UTC))  # first half: not counted
    set_language("th")
    page = ComplaintsPage(services, officer)
    qtbot.addWidget(page)
    dialog = page.open_statistics()
    dialog.year_spin.setValue(2568)
    dialog.period.setCurrentIndex(2)
    assert dialog.file_stem() == "complaint-stats-2568-half2"
    assert dialog.range_label.text() == "1 เมษายน 2568 ถึง 30 กันยายน 2568"
    snap(dialog, "statistics-dialog")
    with qtbot.waitSignal(dialog.preview_opened, timeout=20000) as opened:
        dialog.preview_button.click()
    preview = opened.args[0]
    assert preview in no_blocking and preview.pdf_bytes.startswith(b"%PDF")
    assert preview.suggested_file_name == "complaint-stats-2568-half2.pdf"
    (SHOTS / "complaint-stats-2568-half2.pdf").write_bytes(preview.pdf_bytes)
    with qtbot.waitSignal(dialog.exported, timeout=20000) as exported:
        dialog.export_button.click()
    path = exported.args[0]
    assert path == tmp_path / "o29.xlsx" and "o29.xlsx" in message_log.last()
    book = load_workbook(path)
    cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c is not None]  # fmt: skip
    assert not any(NAME in c or "0812345678" in c for c in cells)
    total = next(row for row in book["สรุป"].iter_rows(values_only=True) if row[0] == "รวม")
    assert total[1] == 2  # received in April–September only


def test_old_identities_are_erased_from_the_settings_after_a_yes(
    qtbot, services: Services, officer: CurrentUser, staff: CurrentUser,
    no_blocking: list[QDialog], message_log, snap: Callable[[QWidget, str], None],
) -> None:  # fmt: skip
    from PySide6.QtWidgets import QMessageBox

    complaint_id = _receive(services, officer, datetime.now(UTC))
    later = datetime.now(UTC) + timedelta(days=11 * 366)  # past the 10-year retention
    services.ctx.clock = lambda: later
    page = ComplaintsPage(services, officer)
    qtbot.addWidget(page)
    dialog = page.open_settings()
    dialog.tabs.setCurrentWidget(dialog.deadlines)
    group = dialog.deadlines.purge
    assert group is not None
    snap(dialog, "settings-retention-erase")
    message_log.answer = QMessageBox.StandardButton.No
    group.button.click()
    assert "Erase the identities of 1 complaints received before" in message_log.last()
    assert services.complaints.queries.reveal_identity(officer, complaint_id).shown("name") == NAME
    message_log.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(group.purged, timeout=15000) as done:
        group.button.click()
    assert done.args[0].identities == 1
    assert "Erased the identities of 1 complaints" in message_log.last()
    detail = services.complaints.queries.reveal_identity(officer, complaint_id)
    assert detail.identity == ComplaintIdentity() and detail.identity_purged
    group.button.click()  # again: nothing left, nothing asked
    assert "Nothing to erase" in message_log.last()
    staff_page = ComplaintsPage(services, staff)
    qtbot.addWidget(staff_page)
    assert not staff_page.settings_button.isVisibleTo(staff_page)  # no way in for staff
