"""A loan from request to liability in the GUI: request (items picked by number), approval by
another user, hand-out by scanning a label typed under the Thai layout, a partial return, a
damaged return and its liability; a double booking refused with the rule's message."""

from __future__ import annotations

from datetime import timedelta

from nongbon_ita.domain.loans import BorrowerKind, LoanStatus, Remedy, ReturnCondition
from nongbon_ita.domain.loans.scanner import to_kedmanee
from nongbon_ita.gui.loans.actions import Step
from nongbon_ita.gui.loans.loans_page import LoansPage
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog
from nongbon_ita.i18n.thaiformat import format_date_numeric


def _page(qtbot, office, user):  # type: ignore[no-untyped-def]
    page = LoansPage(office.services, user)
    qtbot.addWidget(page)
    page.resize(1400, 760)
    page.show()
    return page


def _pick(dialog, code: str, quantity: int = 1) -> None:  # type: ignore[no-untyped-def]
    dialog.picker.search.setText(code)
    dialog.picker.refresh_results()
    dialog.picker.add_current()
    if quantity > 1:
        dialog.picker.table.cellWidget(len(dialog.picker.chosen) - 1, 2).setValue(quantity)


def _fill_request(dialog, snap, shot_name: str = "") -> None:  # type: ignore[no-untyped-def]
    dialog.kind.setCurrentIndex(dialog.kind.findData(BorrowerKind.VILLAGER.value))
    dialog.name.setText("นายสมหมาย ใจงาม")
    dialog.position.setText("ผู้ใหญ่บ้าน")
    dialog.organization.setText("บ้านหนองบอน หมู่ ๑")
    assert dialog.error.text() == "Enter the borrower's phone number."  # checked as you type
    dialog.phone.setText("081-234-5678")
    dialog.purpose.setText("งานบุญประจำปีของหมู่บ้าน")
    dialog.place.setText("ศาลากลางบ้าน")
    assert dialog.error.text() == "Add at least one item to borrow."
    _pick(dialog, "7080-001")
    _pick(dialog, "กระดาษ", quantity=5)
    assert dialog.error.isHidden()
    if shot_name:
        snap(dialog, shot_name)


def test_request_approve_hand_out_return_and_liability(qtbot, office, dialogs, snap,
                                                       message_log) -> None:  # fmt: skip
    page = _page(qtbot, office, office.supply)
    dialogs.hooks["RequestDialog"] = lambda d: (_fill_request(d, snap, "request-dialog"),
                                                d.save(submit=True))  # fmt: skip
    page.new_request()
    loan = page.detail.loan
    assert loan is not None and loan.status is LoanStatus.SUBMITTED and loan.number_text
    assert [i.quantity for i in loan.items] == [1, 5]
    assert not page.step_buttons[Step.APPROVE].isEnabled()  # nobody approves their own request
    snap(page, "loans-page-submitted")

    approver_page = _page(qtbot, office, office.approver)
    assert approver_page.select_loan(loan.id)
    assert approver_page.step_buttons[Step.APPROVE].isEnabled()
    assert approver_page.run_step(Step.APPROVE).status is LoanStatus.APPROVED

    page.refresh(keep=loan.id)
    assert page.step_buttons[Step.HAND_OUT].isEnabled()

    def scan_and_hand_out(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.scan.setText(to_kedmanee("7080-001-0001"))  # a scanner under the Thai layout
        assert dialog.take_scan()
        dialog.scan.setText(to_kedmanee("7530-001-0009"))
        assert dialog.take_scan()
        dialog.scan.setText("9999-999-9999")
        assert not dialog.take_scan() and "9999-999-9999" in dialog.error.text()
        snap(dialog, "hand-out-dialog")
        dialog._ok()

    dialogs.hooks["HandOutDialog"] = scan_and_hand_out
    loan = page.run_step(Step.HAND_OUT)
    assert loan is not None and loan.status is LoanStatus.HANDED_OUT
    assert all(i.handed_out for i in loan.items)

    def partial(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.set_line(1, 2, ReturnCondition.GOOD)  # 2 of the 5 reams
        snap(dialog, "return-dialog")
        dialog._ok()

    dialogs.hooks["ReturnDialog"] = partial
    loan = page.run_step(Step.RETURN)
    assert loan.status is LoanStatus.HANDED_OUT and loan.outstanding == 4

    def the_rest(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.scan.setText(to_kedmanee("7080-001-0001"))
        assert dialog.take_scan()
        dialog.set_line(0, 1, ReturnCondition.DAMAGED)
        dialog.set_line(1, 3, ReturnCondition.GOOD)
        dialog.returned_by.setText("นางสมใจ ใจงาม")
        dialog._ok()

    dialogs.hooks["ReturnDialog"] = the_rest
    loan = page.run_step(Step.RETURN)
    assert loan.status is LoanStatus.CLOSED and len(loan.liabilities) == 1
    assert page.step_buttons[Step.LIABILITY].isEnabled()

    def settle(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.remedy.setCurrentIndex(dialog.remedy.findData(Remedy.PAY.value))
        dialog.amount.setText("1,500.00")
        dialog.settled.setText(format_date_numeric(office.today()))  # typed as 25/11/2569
        snap(dialog, "liability-dialog")
        dialog._ok()

    dialogs.hooks["LiabilityDialog"] = settle
    loan = page.run_step(Step.LIABILITY)
    liability = loan.liabilities[0]
    assert liability.remedy is Remedy.PAY and str(liability.amount) == "1500.00"
    assert liability.settled
    html = page.detail.toHtml()
    for text in ("1,500.00", "Damaged", "นางสมใจ ใจงาม", "Liabilities", "Timeline"):
        assert text in html, text
    snap(page, "loans-page-closed")
    assert message_log.texts() == []

    page.run_step(Step.PRINT_FORM)
    assert isinstance(dialogs.seen[-1], DocumentPreviewDialog)
    assert dialogs.seen[-1].page_count() == 1


def test_double_booking_refused_with_the_rule(qtbot, office, dialogs, snap) -> None:
    office.lent((office.tent, 1), days=3)
    page = _page(qtbot, office, office.supply)
    errors: list[str] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        _fill_request(dialog, snap)
        dialog.start.setDate(office.today() + timedelta(days=1))
        dialog.due.setDate(office.today() + timedelta(days=2))
        assert dialog.save(submit=True) is None
        errors.append(dialog.error.text())
        snap(dialog, "request-double-booking")

    dialogs.hooks["RequestDialog"] = fill
    page.new_request()
    assert "7080-001-0001" in errors[0] and "already booked or lent" in errors[0]
    assert page.model.total == 1  # nothing saved


def test_refusal_with_reason_and_keyboard(qtbot, office, dialogs, snap) -> None:
    from PySide6.QtCore import Qt

    page = _page(qtbot, office, office.supply)
    dialogs.hooks["RequestDialog"] = lambda d: (_fill_request(d, snap), d.save(submit=True))
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N
    loan = page.detail.loan
    approver_page = _page(qtbot, office, office.approver)
    approver_page.select_loan(loan.id)

    def reason(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.note.setPlainText("เต็นท์ต้องใช้ในงานของ อบต. วันเดียวกัน")
        snap(dialog, "refuse-dialog")
        dialog._ok()

    dialogs.hooks["StepDialog"] = reason
    refused = approver_page.run_step(Step.REFUSE)
    assert refused.status is LoanStatus.REFUSED and "วันเดียวกัน" in refused.refusal_reason
    assert not approver_page.step_buttons[Step.APPROVE].isEnabled()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F
    assert page.focusWidget() is page.search
