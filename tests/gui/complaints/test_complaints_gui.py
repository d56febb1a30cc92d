"""The complaints GUI: a corruption complaint from intake to closure with its letters, the
identity hidden from a staff member, and deadlines on the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome, Status
from nongbon_ita.domain.complaints.records import HIDDEN, ComplaintIdentity, NewComplaint
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints.complaints_page import ComplaintsPage
from nongbon_ita.gui.complaints.detail_dialog import ComplaintDetailDialog
from nongbon_ita.gui.complaints.intake_dialog import IntakeDialog
from nongbon_ita.gui.complaints.step_dialog import StepDialog
from nongbon_ita.gui.run import build_main_window
from nongbon_ita.services.registry import Services
from tests.gui.complaints.conftest import AnswerDialogs

NAME = "นายผู้ร้อง ปกปิดไว้"


@pytest.fixture
def dialogs(answer_dialogs: AnswerDialogs) -> list[QDialog]:
    return answer_dialogs()


def _file(services: Services, user: CurrentUser, category: Category,
          days_ago: int = 0) -> int:  # fmt: skip
    return services.complaints.intake.receive(user, NewComplaint(
        datetime.now(UTC) - timedelta(days=days_ago), Channel.LETTER, category,
        "ร้องเรียนการเบิกจ่ายค่าตอบแทนล่วงเวลา",
        identity=ComplaintIdentity(name=NAME, accused="นายถูกร้อง"))).id  # fmt: skip


def test_corruption_complaint_from_intake_to_closure(
    qtbot, services: Services, officer: CurrentUser, admin: CurrentUser,
    dialogs: list[QDialog], message_log, shot: Callable[[QWidget, str], Path],
) -> None:  # fmt: skip
    services.office.add_division(admin, "สำนักปลัด")
    page = ComplaintsPage(services, officer)
    qtbot.addWidget(page)

    def fill_intake(dialog: IntakeDialog) -> None:
        assert dialog.category.count() == 1  # the corruption form files on that track only
        dialog.subject.setText("เจ้าหน้าที่เรียกรับเงินในการออกใบอนุญาต")
        dialog.details.setPlainText("ผู้ร้องถูกเรียกเงินเพิ่มห้าพันบาท")
        dialog.name.setText(NAME)
        dialog.id_number.setText("1101700230708")
        dialog.accused.setPlainText("นายถูกร้อง")
        shot(dialog, "complaints-intake-corruption")

    IntakeDialog.fill = staticmethod(fill_intake)  # type: ignore[attr-defined]
    try:
        page.new_complaint(corruption=True)
    finally:
        del IntakeDialog.fill  # type: ignore[attr-defined]
    assert page.model.total == 1
    detail = page.detail
    assert isinstance(detail, ComplaintDetailDialog)
    assert detail.detail.summary.category is Category.CORRUPTION
    assert detail.identity_labels["name"].text() == HIDDEN
    detail.reveal_button.click()
    assert detail.identity_labels["name"].text() == NAME
    detail.buttons["accept"].click()

    def fill_assign(dialog: StepDialog) -> None:
        assert dialog.officer is not None
        dialog.officer.setCurrentIndex(dialog.officer.findText("นางสาวอรุณี ยุติธรรม"))

    def fill_conclude(dialog: StepDialog) -> None:
        assert dialog.outcome is not None
        dialog.outcome.setCurrentIndex(list(Outcome).index(Outcome.SUBSTANTIATED))
        dialog.note.setPlainText("ตั้งกรรมการสอบข้อเท็จจริงแล้ว")

    StepDialog.fill = staticmethod(fill_assign)  # type: ignore[attr-defined]
    detail.buttons["assign"].click()
    detail.buttons["investigate"].click()
    StepDialog.fill = staticmethod(fill_conclude)  # type: ignore[attr-defined]
    detail.buttons["conclude"].click()
    del StepDialog.fill  # type: ignore[attr-defined]
    detail.buttons["receipt"].click()
    detail.buttons["outcome"].click()
    detail.buttons["inform"].click()
    shot(detail, "complaints-detail-concluded")
    detail.buttons["close"].click()
    assert message_log.boxes == []
    assert detail.detail.summary.status is Status.CLOSED
    assert detail.detail.division_name == "สำนักปลัด"
    previews = [d for d in dialogs if d.__class__.__name__ == "DocumentPreviewDialog"]
    assert len(previews) == 2 and all(p.pdf_bytes.startswith(b"%PDF") for p in previews)
    assert not any(b.isEnabled() for k, b in detail.buttons.items()
                   if k not in ("note", "attach", "receipt", "outcome"))  # fmt: skip
    page.refresh()
    shot(page, "complaints-page")


def test_a_staff_member_sees_hidden_identity_on_the_corruption_track(
    qtbot, services: Services, staff: CurrentUser, dialogs: list[QDialog],
    shot: Callable[[QWidget, str], Path],
) -> None:  # fmt: skip
    corruption = _file(services, staff, Category.CORRUPTION)
    general = _file(services, staff, Category.GENERAL)
    page = ComplaintsPage(services, staff)
    qtbot.addWidget(page)
    detail = page.open_complaint(corruption)
    assert detail is not None
    assert detail.identity_labels["name"].text() == HIDDEN
    assert detail.identity_labels["accused"].text() == HIDDEN
    assert detail.reveal_button.isHidden()
    assert not any(b.isEnabled() for b in detail.buttons.values())  # staff do not handle
    shot(detail, "complaints-detail-staff-hidden")
    general_detail = page.open_complaint(general)
    assert general_detail is not None and not general_detail.reveal_button.isHidden()
    general_detail.reveal_button.click()
    assert general_detail.identity_labels["name"].text() == NAME


def test_deadlines_on_the_dashboard(
    qtbot, services: Services, staff: CurrentUser, shot: Callable[[QWidget, str], Path]
) -> None:
    overdue = _file(services, staff, Category.GENERAL, days_ago=40)
    fresh = _file(services, staff, Category.GENERAL)  # outcome due in 15 working days
    window = build_main_window(services, staff, render_report=lambda year: b"")
    qtbot.addWidget(window)
    section = window.page("dashboard").sections["complaints"]
    rows = section.model.rows()
    assert {(i.summary.id, i.what) for i in rows} == {
        (overdue, "outcome"),
        (overdue, "receipt"),
        (fresh, "receipt"),
    }  # receipt: the same day
    assert section.model.index(0, 2).data() == "Overdue"
    shot(window, "complaints-dashboard")
