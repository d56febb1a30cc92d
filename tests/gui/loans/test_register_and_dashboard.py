"""The finance reviewer's loan register: totals, carried-in lines, sign-off (a wrong password
refused, the right one recorded and shown), print and export; the dashboard's overdue loans."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from nongbon_ita.gui.loans import common
from nongbon_ita.gui.loans.overdue_widget import OverdueLoansWidget
from nongbon_ita.gui.loans.register_page import LoanRegisterPage
from nongbon_ita.gui.run import build_main_window
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog

from .conftest import PASSWORD, SHOTS


def test_finance_review_sign_off(qtbot, office, dialogs, snap, monkeypatch, tmp_path) -> None:
    office.lent((office.tent, 1), days=3)
    office.lent((office.paper, 4), days=2, name="นางบุญเรือน ศรีสุข")
    page = LoanRegisterPage(office.services, office.finance)
    qtbot.addWidget(page)
    page.resize(1400, 640)
    assert page.model.rowCount() == 2
    assert "lent 2" in page.totals.text() and "outstanding 2" in page.totals.text()
    assert page.reviews.text() == "Not yet signed off."
    page.borrower.setText("บุญเรือน")
    page.refresh()
    assert page.model.rowCount() == 1
    page.borrower.clear()
    page.refresh()
    attempts: list[str] = []

    def sign(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.password.setText("not-my-password")
        assert dialog.sign() is None  # refused: the dialog stays open
        attempts.append(dialog.error.text())
        snap(dialog, "register-sign-off-wrong-password")
        dialog.password.setText(PASSWORD)
        dialog.note.setPlainText("ตรวจสอบแล้ว ถูกต้อง")
        assert dialog.sign() is not None

    dialogs.hooks["SignOffDialog"] = sign
    page.sign_off()
    assert attempts and attempts[0]  # the refusal was shown under the form
    reviews = office.services.loans.reviews(office.finance, page.query().fiscal_year)
    assert len(reviews) == 1 and reviews[0].note == "ตรวจสอบแล้ว ถูกต้อง"
    assert "Signed off" in page.reviews.text() and "นางกานดา การคลัง" in page.reviews.text()
    snap(page, "register-page")

    page.print_register()
    preview = dialogs.seen[-1]
    assert isinstance(preview, DocumentPreviewDialog) and preview.page_count() >= 1
    (SHOTS / "register.pdf").write_bytes(preview.pdf_bytes)  # to look at
    target = tmp_path / "register"
    monkeypatch.setattr(common, "choose_xlsx_path", lambda _parent, _name: str(target))
    monkeypatch.setattr("nongbon_ita.gui.messages.present", lambda box: 0)
    saved = page.export_xlsx()
    assert saved == Path(str(target) + ".xlsx") and saved.read_bytes()[:2] == b"PK"


def test_register_read_only_for_supply_officer(qtbot, office) -> None:
    page = LoanRegisterPage(office.services, office.supply)
    qtbot.addWidget(page)
    assert not page.sign_button.isEnabled() and page.print_button.isEnabled()


def test_dashboard_lists_overdue_loans(qtbot, office, snap) -> None:
    today = office.today()
    office.lent((office.tent, 1), start=today - timedelta(days=12), days=2)  # deadline passed
    office.lent(
        (office.projector, 1), start=today - timedelta(days=4), days=2, name="นางบุญเรือน ศรีสุข"
    )  # not yet: the deadline is in four days
    widget = OverdueLoansWidget(office.services, office.supply)
    qtbot.addWidget(widget)
    model = widget.model
    assert model.rowCount() == 2
    days = {model.row_at(r).days_overdue: model.late(r) for r in range(2)}
    assert days == {11: True, 3: False}
    window = build_main_window(office.services, office.supply)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    assert "loans" in window.page("dashboard").sections
    snap(window, "dashboard-overdue")
    window.show_page("assets")
    area = window.page("assets")
    area.setCurrentIndex(1)
    snap(window, "main-loans-tab")
    area.setCurrentIndex(2)
    snap(window, "main-register-tab")
