"""The GUI of referred complaints: the intake's referral fields, the detail with the reference
and the deadline's unit, the channel list and the unit in the settings, the holiday list's
sources, and the dashboard's due today / overdue / soon with a referring body's deadline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from nongbon_ita.domain.complaints.deadlines import DeadlineUnit
from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint, Referral
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints import common
from nongbon_ita.gui.complaints.complaints_page import ComplaintsPage
from nongbon_ita.gui.complaints.detail_dialog import ComplaintDetailDialog
from nongbon_ita.gui.complaints.intake_dialog import IntakeDialog
from nongbon_ita.gui.run import build_main_window
from nongbon_ita.i18n.translate import set_language
from nongbon_ita.services.registry import Services
from tests.gui.complaints.conftest import AnswerDialogs

Shot = Callable[[QWidget, str], Path]


@pytest.fixture
def dialogs(answer_dialogs: AnswerDialogs) -> list[QDialog]:
    return answer_dialogs(keep_open=True)


def test_intake_of_a_referred_complaint_and_its_detail(
    qtbot, services: Services, officer: CurrentUser, dialogs: list[QDialog], shot: Shot
) -> None:
    set_language("th")
    page = ComplaintsPage(services, officer)
    qtbot.addWidget(page)
    today = services.complaints.queries.today()

    def fill(dialog: IntakeDialog) -> None:
        assert dialog.referral.isHidden()  # walk-in: no referral fields
        dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.DAMRONGDHAMMA.value))
        assert not dialog.referral.isHidden()
        dialog.subject.setText("ไฟฟ้าส่องสว่างดับทั้งซอย")
        dialog.reference.setText("มค 0017.3/1234")
        dialog.referral_dated.setDate(today - timedelta(days=2))
        dialog.referral_due_on.setDate(today + timedelta(days=28))
        dialog.report_to.setText("ผู้อำนวยการศูนย์ดำรงธรรมจังหวัดมหาสารคาม")
        shot(dialog, "complaints-intake-referred")

    IntakeDialog.fill = staticmethod(fill)  # type: ignore[attr-defined]
    try:
        page.new_complaint(corruption=False)
    finally:
        del IntakeDialog.fill  # type: ignore[attr-defined]
    assert page.model.total == 1  # saved without a complainant's name: the body is answered
    detail = page.detail
    assert isinstance(detail, ComplaintDetailDialog)
    shown = {detail.facts.itemAt(i).widget().text() for i in range(detail.facts.count())
             if detail.facts.itemAt(i).widget() is not None}  # fmt: skip
    assert "มค 0017.3/1234" in " ".join(shown)
    assert "ผู้อำนวยการศูนย์ดำรงธรรมจังหวัดมหาสารคาม" in shown
    assert any("15 วันทำการ" in text for text in shown)  # its unit; the office's digits (Arabic)
    shot(detail, "complaints-detail-referred")


def test_settings_unit_channels_and_holiday_sources(
    qtbot, services: Services, officer: CurrentUser, dialogs: list[QDialog], message_log,
    shot: Shot,
) -> None:  # fmt: skip
    set_language("th")
    page = ComplaintsPage(services, officer)
    qtbot.addWidget(page)
    dialog = page.open_settings()
    deadlines = dialog.deadlines
    dialog.tabs.setCurrentWidget(deadlines)
    deadlines.unit.setCurrentIndex(deadlines.unit.findData(DeadlineUnit.CALENDAR.value))
    deadlines.save_button.click()
    assert services.complaints.settings.policy().outcome_unit is DeadlineUnit.CALENDAR
    shot(dialog, "complaints-settings-unit")
    channels = dialog.channels
    dialog.tabs.setCurrentWidget(channels)
    names = [c.name for c in channels.model.rows()]
    assert "Traffy Fondue" in names and "สำนักงาน ป.ป.ท." in names
    channels.name_edit.setText("ไลน์ OA ของ อบต.")
    channels.add_button.click()
    assert channels.error.isHidden()
    channels.table.selectRow(names.index("อื่น ๆ"))
    channels.active_box.setChecked(False)
    channels.save_button.click()
    offered = [c.name for c in services.complaints.channels.channels(active_only=True)]
    assert "ไลน์ OA ของ อบต." in offered and "อื่น ๆ" not in offered
    channels.name_edit.setText("Traffy Fondue")  # a name already in the list
    channels.add_button.click()
    assert not channels.error.isHidden()
    shot(dialog, "complaints-settings-channels")
    holidays = dialog.holidays
    dialog.tabs.setCurrentWidget(holidays)
    holidays.year_spin.setValue(2569)
    rows = {h.day: h for h in holidays.model.rows()}
    assert date(2026, 1, 2) in rows and date(2026, 5, 13) in rows
    column = holidays.model.index(0, 2).data()
    assert column == "ชุดข้อมูล holidays"
    holidays.table.selectRow(list(rows).index(date(2026, 12, 31)))
    holidays.remove_button.click()  # message_log answers Yes
    assert rows[date(2026, 12, 31)].source.value == "holidays"
    assert any(h.removed for h in holidays.model.rows())
    shot(dialog, "complaints-settings-holidays-sources")


def test_dashboard_due_today_overdue_soon_and_the_referring_bodys_deadline(
    qtbot, services: Services, officer: CurrentUser, shot: Shot
) -> None:
    set_language("th")
    now = datetime(2026, 12, 3, 2, tzinfo=UTC)  # a Thursday, a working day: a receipt due today
    services.ctx.clock = lambda: now
    intake = services.complaints.intake
    today = services.complaints.queries.today()
    referred = intake.receive(officer, NewComplaint(
        now - timedelta(days=30), Channel.TRAFFY, Category.GENERAL, "ถนนเป็นหลุมลึกหน้าโรงเรียน",
        anonymous=True,
        referral=Referral("2026-KX7P2Q", None, today + timedelta(days=2))))  # fmt: skip
    fresh = intake.receive(officer, NewComplaint(
        now, Channel.WALK_IN, Category.GENERAL, "ขอให้ตัดกิ่งไม้",
        identity=ComplaintIdentity(name="นายมาวันนี้ ใจดี")))  # fmt: skip
    window = build_main_window(services, officer, render_report=lambda year: b"")
    qtbot.addWidget(window)
    section = window.page("dashboard").sections["complaints"]
    rows = section.model.rows()
    outcome = next(i for i in rows if i.summary.id == referred.id and i.what == "outcome")
    assert outcome.urgency(today) == "overdue"
    row = rows.index(outcome)
    texts = [section.model.index(row, col).data() for col in range(section.model.columnCount())]
    assert "2026-KX7P2Q" in texts and "เกินกำหนด" in texts
    assert texts[4] == common.short_date(today + timedelta(days=2))  # the body's own deadline
    assert "แจ้งผลถึงหน่วยงานที่ส่งเรื่อง" in texts
    receipt = next(i for i in rows if i.summary.id == fresh.id and i.what == "receipt")
    assert section.model.index(rows.index(receipt), 2).data() == "ครบกำหนดวันนี้"
    shot(window, "complaints-dashboard-referred")
