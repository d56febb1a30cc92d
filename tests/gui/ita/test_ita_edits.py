"""Edits after the first save, in the GUI: a result's text and date, more evidence for a result,
the O42/O43 opening paragraphs; refusals (stale edit) shown as a message."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from nongbon_ita.domain.ita.measure import EvidenceKind, Measure, ResultEntry
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.ita.intro_dialog import IntroDialog
from nongbon_ita.gui.ita.measure_dialog import MeasureDialog
from nongbon_ita.gui.ita.page import ItaPage
from nongbon_ita.gui.ita.result_dialog import EvidenceDialog, ResultDialog
from nongbon_ita.services.registry import Services

SCORES = {1: "90", 2: "88", 3: "91", 4: "70.25", 5: "86", 6: "86", 7: "79", 8: "95", 9: "95",
          10: "60"}  # fmt: skip
TODAY = date(2024, 1, 15)  # fiscal year 2567
SHOTS = Path("/tmp/ita-shots")
Shot = Callable[[QWidget, str], Path]


@pytest.fixture
def ita_shot(shot: Shot) -> Shot:
    """The GUI tests' screenshot, kept under /tmp/ita-shots as well."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(widget: QWidget, name: str) -> Path:
        path = shot(widget, name)
        shutil.copy(path, SHOTS / path.name)
        return path

    return take


def make_user(services: Services, admin: CurrentUser, name: str, role: Role) -> CurrentUser:
    services.users.create_user(admin, name, f"นาย{name} ทดสอบ", frozenset({role}), "password-1")
    return services.auth.login(name, "password-1")


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "preview.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return "".join(out.split())


def preview_text(qtbot, page: ItaPage, key: str, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.previewer.opened, timeout=15000) as blocker:
        page.preview_buttons[key].click()
    qtbot.addWidget(blocker.args[0])
    return pdf_text(blocker.args[0].pdf_bytes, tmp_path)


@pytest.fixture
def coordinator(services: Services, admin: CurrentUser) -> CurrentUser:
    return make_user(services, admin, "coord", Role.ITA_COORDINATOR)


@pytest.fixture
def measure(services: Services, coordinator: CurrentUser) -> Measure:
    """A measure of 2567 with one result (from the flagged indicators of 2566)."""
    services.ita.scores.set_scores(coordinator, 2566, "82.50", SCORES)
    first = services.ita.plan.create_for_flagged(coordinator, 2567)[0]
    entry = ResultEntry("๑.จัดทำคู่มือการยืมทรัพย์สิน", date(2023, 12, 1))
    return services.ita.results.add_result(coordinator, first.id, entry)


def open_measure(  # type: ignore[no-untyped-def]
    qtbot, services: Services, user: CurrentUser, measure: Measure,
    answer: Callable[[QDialog], bool],
) -> MeasureDialog:  # fmt: skip
    dialog = MeasureDialog(services, user, 2567, services.ita.plan.measure(measure.id),
                           open_result=answer)  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.results_panel.select_result(measure.results[0].id)
    return dialog


def test_editing_a_result_changes_the_o43_text(
    qtbot, services: Services, coordinator: CurrentUser, measure: Measure, message_log,
    ita_shot: Shot, tmp_path: Path,
) -> None:  # fmt: skip
    def edit(dialog: QDialog) -> bool:
        assert isinstance(dialog, ResultDialog)
        assert dialog.text.toPlainText() == "๑.จัดทำคู่มือการยืมทรัพย์สิน"
        assert not dialog.input.isVisibleTo(dialog)  # evidence is added on its own
        dialog.text.setPlainText("๑.จัดทำและเผยแพร่คู่มือการยืมทรัพย์สินของทางราชการ")
        dialog.done_on.setDate(date(2023, 12, 20))
        ita_shot(dialog, "ita-result-edit")
        dialog.accept()
        return dialog.entry is not None

    dialog = open_measure(qtbot, services, coordinator, measure, edit)
    assert dialog.results_panel.edit_button.isEnabled()
    dialog.results_panel.edit_result()
    saved = services.ita.plan.measure(measure.id).results[0]
    assert saved.text == "๑.จัดทำและเผยแพร่คู่มือการยืมทรัพย์สินของทางราชการ"
    assert saved.done_on == date(2023, 12, 20)
    assert "เผยแพร่คู่มือ" in dialog.results_panel.list.item(0).text()
    assert dialog.changed and message_log.boxes == []
    ita_shot(dialog, "ita-results-after-edit")

    page = ItaPage(services, coordinator, today=lambda: TODAY, open_preview=lambda _d: None)
    qtbot.addWidget(page)
    text = preview_text(qtbot, page, "report", tmp_path)
    assert "๑.จัดทำและเผยแพร่คู่มือการยืมทรัพย์สินของทางราชการ" in text


def test_a_stale_result_edit_is_refused_with_a_message(
    qtbot, services: Services, coordinator: CurrentUser, measure: Measure, message_log,
) -> None:  # fmt: skip
    def edit(dialog: QDialog) -> bool:
        assert isinstance(dialog, ResultDialog)
        dialog.text.setPlainText("๑.ข้อความของฉัน")
        dialog.accept()
        return True

    dialog = open_measure(qtbot, services, coordinator, measure, edit)
    first = measure.results[0]  # someone else edits the entry meanwhile
    services.ita.results.update_result(coordinator, first.id, "๑.ข้อความของคนอื่น", None,
                                       first.version)  # fmt: skip
    dialog.results_panel.edit_result()
    assert len(message_log.boxes) == 1
    assert services.ita.plan.measure(measure.id).results[0].text == "๑.ข้อความของคนอื่น"


def test_adding_a_link_to_an_existing_result(
    qtbot, services: Services, coordinator: CurrentUser, measure: Measure, message_log,
    ita_shot: Shot,
) -> None:  # fmt: skip
    def add(dialog: QDialog) -> bool:
        assert isinstance(dialog, EvidenceDialog)
        dialog.accept()  # nothing added yet: refused, stays open
        assert not dialog.result()
        dialog.input.url.setText("https://www.nongbon.go.th/manual")
        dialog.input.url_label.setText("คู่มือบนเว็บไซต์")
        ita_shot(dialog, "ita-add-evidence")
        dialog.accept()  # the typed link is taken on OK
        return dialog.result() == QDialog.DialogCode.Accepted

    dialog = open_measure(qtbot, services, coordinator, measure, add)
    dialog.results_panel.add_evidence()
    evidence = services.ita.plan.measure(measure.id).results[0].evidence
    assert [(e.kind, e.url, e.label) for e in evidence] == [
        (EvidenceKind.LINK, "https://www.nongbon.go.th/manual", "คู่มือบนเว็บไซต์")
    ]
    texts = [
        dialog.results_panel.list.item(i).text() for i in range(dialog.results_panel.list.count())
    ]
    assert any("Link: คู่มือบนเว็บไซต์" in t for t in texts)
    assert message_log.boxes == []


def test_a_new_result_defaults_to_the_offices_today(
    qtbot, services: Services, coordinator: CurrentUser, measure: Measure,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    evening = datetime(2024, 1, 15, 20, 0, tzinfo=UTC)  # already the 16th in Thailand
    monkeypatch.setattr(services.ctx, "clock", lambda: evening)
    seen: list[date | None] = []

    def look(dialog: QDialog) -> bool:
        assert isinstance(dialog, ResultDialog)
        seen.append(dialog.done_on.date())
        return False

    dialog = open_measure(qtbot, services, coordinator, measure, look)
    dialog.add_result()
    assert seen == [date(2024, 1, 16)]


def test_editing_the_opening_paragraphs_prints_them(
    qtbot, services: Services, coordinator: CurrentUser, measure: Measure, message_log,
    ita_shot: Shot, tmp_path: Path,
) -> None:  # fmt: skip
    def edit(dialog: IntroDialog) -> None:
        assert "ได้คะแนน ๘๒.๕๐ คะแนน" in dialog.plan.placeholderText()  # the standard text
        ita_shot(dialog, "ita-intro-standard")
        dialog.plan.setPlainText("องค์การบริหารส่วนตำบลหนองบอนได้ทบทวนผลการประเมินร่วมกับประชาคม")
        dialog.report.setPlainText("รายงานผลการขับเคลื่อนมาตรการตามแผนที่ประกาศไว้")
        ita_shot(dialog, "ita-intro-dialog")
        dialog.accept()

    page = ItaPage(services, coordinator, today=lambda: TODAY, open_preview=lambda _d: None,
                   open_intro=edit)  # fmt: skip
    qtbot.addWidget(page)
    page.resize(1200, 760)
    assert page.intro_button.isVisibleTo(page)
    ita_shot(page, "ita-page-intro-button")
    page.edit_intros()
    assert page.intro_dialog is not None and page.intro_dialog.changed
    assert message_log.boxes == []
    assert "ทบทวนผลการประเมินร่วมกับประชาคม" in preview_text(qtbot, page, "plan", tmp_path)
    assert "ตามแผนที่ประกาศไว้" in preview_text(qtbot, page, "report", tmp_path)
