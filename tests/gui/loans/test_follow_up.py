"""An overdue loan: a follow-up recorded with a memo number, the memo printed; a due date
extended by the approver, shown in the loan's history; a cancellation with its reason."""

from __future__ import annotations

from datetime import timedelta

from nongbon_ita.domain.loans import FollowUpMethod, LoanStatus
from nongbon_ita.gui.loans.actions import Step
from nongbon_ita.gui.loans.common import short_date
from nongbon_ita.gui.loans.loans_page import LoansPage
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog
from nongbon_ita.i18n.thaiformat import format_date_long, format_date_numeric


def _page(qtbot, office, user):  # type: ignore[no-untyped-def]
    page = LoansPage(office.services, user)
    qtbot.addWidget(page)
    page.resize(1400, 760)
    return page


def test_follow_up_and_memo_of_an_overdue_loan(qtbot, office, dialogs, snap, message_log) -> None:
    loan = office.lent((office.projector, 1), start=office.today() - timedelta(days=12), days=2)
    page = _page(qtbot, office, office.supply)
    page.overdue_only.setChecked(True)
    assert page.model.total == 1 and page.select_loan(loan.id)
    assert page.step_buttons[Step.PRINT_MEMO].isEnabled()
    page.run_step(Step.PRINT_MEMO)  # issued: the register's number 1, today
    memo = dialogs.seen[-1]
    assert isinstance(memo, DocumentPreviewDialog) and memo.page_count() == 1
    assert memo.windowTitle().endswith(f"Letter ๑ dated {format_date_long(office.today())}")

    def record(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.method.setCurrentIndex(dialog.method.findData(FollowUpMethod.MEMO.value))
        assert dialog.memo_number.text() == "1"  # the memo's number as issued
        dialog.memo_number.setText("มค 81101/1")
        dialog.note.setText("โทรแจ้งแล้ว ส่งบันทึกทวง")
        snap(dialog, "follow-up-dialog")
        dialog._ok()

    dialogs.hooks["FollowUpDialog"] = record
    followed = page.run_step(Step.FOLLOW_UP)
    assert followed.follow_ups[-1].memo_number == "มค 81101/1"
    assert "follow up by" in page.detail.toHtml()
    snap(page, "loans-page-overdue")

    approver_page = _page(qtbot, office, office.approver)
    approver_page.select_loan(loan.id)

    def extend(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.due.setText(format_date_numeric(loan.due_date))
        dialog._ok()
        assert dialog.error.text() == "The new due date must be after the current one."
        dialog.due.setText(format_date_numeric(office.today() + timedelta(days=1)))
        dialog.reason.setText("งานเลื่อน")
        snap(dialog, "extend-dialog")
        dialog._ok()

    dialogs.hooks["ExtendDialog"] = extend
    extended = approver_page.run_step(Step.EXTEND)
    assert extended.due_date == office.today() + timedelta(days=1)
    assert not extended.is_overdue(office.today())
    history = approver_page.detail.toPlainText()  # the extension is in the loan's history
    old, new = short_date(loan.due_date), short_date(extended.due_date)
    assert f"Due date extended — due {old} → {new} · reason: งานเลื่อน" in history
    lines = history.splitlines()  # each table cell is a line of its own
    step = next(n for n, line in enumerate(lines) if line.startswith("Due date extended"))
    assert lines[step + 1] == "นายประยุทธ์ อนุมัติดี"  # who approved it
    assert "Followed up — Memo · memo มค 81101/1 · โทรแจ้งแล้ว ส่งบันทึกทวง" in history
    snap(approver_page, "loans-page-extended")


def test_cancel_asks_why_and_the_history_shows_it(qtbot, office, dialogs, snap,
                                                  message_log) -> None:  # fmt: skip
    loans = office.services.loans
    page = _page(qtbot, office, office.supply)
    approved = loans.create_request(office.supply, _request_for(office), submit=True)
    page.refresh(keep=approved.id)
    dialogs.hooks["CancelDialog"] = lambda dialog: dialog.reject()  # "Keep the loan"
    assert page.run_step(Step.CANCEL) is None
    assert loans.get(office.supply, approved.id).status is LoanStatus.SUBMITTED

    def why(dialog) -> None:  # type: ignore[no-untyped-def]
        assert "Its items are freed for others" in dialog.question.text()
        dialog._ok()
        assert dialog.error.text() == "Give the reason for cancelling."
        dialog.reason.setText("โรงเรียนเลื่อนการสอบ")
        snap(dialog, "cancel-dialog")
        dialog._ok()

    dialogs.hooks["CancelDialog"] = why
    assert page.run_step(Step.CANCEL).status is LoanStatus.CANCELLED
    shown = page.detail.toPlainText()
    assert "Cancelled by นายวีระ พัสดุดี: โรงเรียนเลื่อนการสอบ" in shown  # under the heading
    assert "Cancelled — reason: โรงเรียนเลื่อนการสอบ" in shown  # and in the history
    assert message_log.texts() == []
    snap(page, "loans-page-cancelled")


def _request_for(office):  # type: ignore[no-untyped-def]
    from nongbon_ita.domain.loans import (
        Borrower,
        BorrowerKind,
        ItemRequest,
        LoanRequest,
        PurposeType,
        UseScope,
    )

    start = office.today() + timedelta(days=10)
    return LoanRequest(Borrower(BorrowerKind.AGENCY, "โรงเรียนบ้านหนองบอน", "ครู", "สพฐ.",
                                "043-000-000"), PurposeType.OFFICIAL, "สอบปลายภาค", "โรงเรียน",
                       UseScope.OTHER_AGENCY, start, start + timedelta(days=1),
                       (ItemRequest(office.projector, 1),))  # fmt: skip
