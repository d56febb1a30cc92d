"""The finance reviewer's loan register: loaded off the GUI thread, totals, carried-in lines,
sign-off (a wrong password refused, the right one recorded and shown), print and export; the
dashboard's overdue loans."""

from __future__ import annotations

import threading
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
    with qtbot.waitSignal(page.loaded):
        page.show()  # the first load starts when the tab is seen
    assert page.model.rowCount() == 2
    assert "lent 2" in page.totals.text() and "outstanding 2" in page.totals.text()
    assert page.reviews.text() == "Not yet signed off."
    page._debounce.setInterval(0)  # typing reloads at once here
    with qtbot.waitSignal(page.loaded):
        page.borrower.setText("บุญเรือน")
    assert page.model.rowCount() == 1
    with qtbot.waitSignal(page.loaded):
        page.borrower.clear()
    assert page.model.rowCount() == 2
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
    with qtbot.waitSignal(page.loaded):  # reloaded with the sign-off
        page.sign_off()
    assert attempts and attempts[0]  # the refusal was shown under the form
    reviews = office.services.loans.reviews(office.finance, page.query().fiscal_year)
    assert len(reviews) == 1 and reviews[0].note == "ตรวจสอบแล้ว ถูกต้อง"
    assert "Signed off" in page.reviews.text() and "นางกานดา การคลัง" in page.reviews.text()
    snap(page, "register-page")

    with qtbot.waitSignal(page.document_done, timeout=30_000) as made:
        page.print_register()
        assert not page.print_button.isEnabled()  # made off the GUI thread meanwhile
    preview = made.args[0]
    assert preview is dialogs.seen[-1] and page.print_button.isEnabled()
    assert isinstance(preview, DocumentPreviewDialog) and preview.page_count() >= 1
    (SHOTS / "register.pdf").write_bytes(preview.pdf_bytes)  # to look at
    target = tmp_path / "register"
    monkeypatch.setattr(common, "choose_xlsx_path", lambda _parent, _name: str(target))
    monkeypatch.setattr("nongbon_ita.gui.messages.present", lambda box: 0)
    with qtbot.waitSignal(page.document_done, timeout=30_000) as made:
        page.export_xlsx()
    saved = made.args[0]
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
    register = area.widget(2)
    assert register.register is None  # not loaded until the tab is seen
    with qtbot.waitSignal(register.loaded):
        area.setCurrentIndex(2)
    snap(window, "main-register-tab")


def test_register_loads_off_the_gui_thread(qtbot, office, snap, monkeypatch) -> None:
    """The rows come when the background load ends; "Loading…" meanwhile; the answer of a load
    overtaken by a newer one (the year changed again) is dropped."""
    office.lent((office.tent, 1), days=3)
    office.lent((office.paper, 4), days=2, name="นางบุญเรือน ศรีสุข")
    loans, gate, threads = office.services.loans, threading.Event(), set()
    real = loans.register

    def slow_register(user, query):  # type: ignore[no-untyped-def]
        threads.add(threading.get_ident())
        if query.fiscal_year == this_year:
            assert gate.wait(10)  # held until the test lets it go
        return real(user, query)

    monkeypatch.setattr(loans, "register", slow_register)
    page = LoanRegisterPage(office.services, office.finance)
    qtbot.addWidget(page)
    page.resize(1400, 500)
    this_year = page.year.currentData()
    page.show()
    assert page.totals.text() == "Loading…" and page.progress.isVisible()
    assert page.model.rowCount() == 0 and not page.sign_button.isEnabled()
    snap(page, "register-loading")
    first = page.loader.task
    loaded: list[int] = []
    page.loaded.connect(lambda: loaded.append(page.register.fiscal_year))
    page.year.setCurrentIndex(2)  # last year, while this year's load still runs
    qtbot.waitUntil(lambda: loaded == [this_year - 1], timeout=5000)
    assert page.model.rowCount() == 0 and "lent 0" in page.totals.text()
    with qtbot.waitSignal(first.finished, timeout=5000):
        gate.set()  # the overtaken load ends now: its rows must not replace last year's
    assert loaded == [this_year - 1] and page.register.fiscal_year == this_year - 1
    assert page.model.rowCount() == 0 and not page.progress.isVisible()
    page.year.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    assert "lent 2" in page.totals.text() and page.sign_button.isEnabled()
    assert threading.get_ident() not in threads  # every load ran off the GUI thread
