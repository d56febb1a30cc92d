"""Carry out a loan step: ask what the step needs (a dialog), call the service, and hand back
the loan as it is now (None when the user gave up or the service refused; refusals shown)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from nongbon_ita.domain.loans import Loan
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints.step_dialog import StepDialog
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.letters import issued_text
from nongbon_ita.gui.loans import common
from nongbon_ita.gui.loans.actions import Step
from nongbon_ita.gui.loans.handout_dialog import HandOutDialog
from nongbon_ita.gui.loans.request_dialog import RequestDialog
from nongbon_ita.gui.loans.return_dialog import ReturnDialog
from nongbon_ita.gui.loans.step_dialogs import (
    CancelDialog,
    ExtendDialog,
    FollowUpDialog,
    LiabilityDialog,
)
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


class LoanSteps:
    def __init__(self, services: Services, user: CurrentUser, parent: QWidget) -> None:
        self.services, self.user, self.parent = services, user, parent
        self.last_dialog: QDialog | None = None  # for tests and screenshots

    def run(self, step: Step, loan: Loan) -> Loan | None:
        try:
            return getattr(self, f"_{step.value}")(loan)  # type: ignore[no-any-return]
        except Exception as err:
            report_error(err, self.parent)
            return None

    def _open(self, dialog: QDialog) -> bool:
        self.last_dialog = dialog
        return bool(common.exec_dialog(dialog))  # exec(): 1 when accepted

    # the steps -------------------------------------------------------------------------------
    def _edit(self, loan: Loan) -> Loan | None:
        dialog = RequestDialog(self.services, self.user, loan, self.parent)
        return dialog.saved if self._open(dialog) else None

    def _submit(self, loan: Loan) -> Loan | None:
        return self.services.loans.submit(self.user, loan.id, loan.version)

    def _approve(self, loan: Loan) -> Loan | None:
        return self.services.loans.approve(self.user, loan.id, loan.version)

    def _refuse(self, loan: Loan) -> Loan | None:
        dialog = StepDialog(self.parent, _("Refuse loan {number}").format(number=loan.number_text),
                            _("Reason"), required=True)  # fmt: skip
        if not self._open(dialog):
            return None
        return self.services.loans.refuse(self.user, loan.id, dialog.text(), loan.version)

    def _cancel(self, loan: Loan) -> Loan | None:
        dialog = CancelDialog(loan, self.parent)
        if not self._open(dialog):
            return None
        return self.services.loans.cancel(self.user, loan.id, loan.version,
                                          dialog.reason.text())  # fmt: skip

    def _extend(self, loan: Loan) -> Loan | None:
        dialog = ExtendDialog(loan, self.parent)
        if not self._open(dialog) or dialog.due.date() is None:
            return None
        return self.services.loans.extend_due_date(self.user, loan.id, dialog.due.date(),  # type: ignore[arg-type]
                                                   dialog.reason.text(), loan.version)  # fmt: skip

    def _hand_out(self, loan: Loan) -> Loan | None:
        dialog = HandOutDialog(loan, self.parent)
        if not self._open(dialog):
            return None
        return self.services.loans.hand_out(self.user, loan.id, dialog.chosen_ids(), loan.version)

    def _return(self, loan: Loan) -> Loan | None:
        dialog = ReturnDialog(loan, self.parent)
        if not self._open(dialog):
            return None
        return self.services.loans.return_items(
            self.user, loan.id, dialog.lines(), dialog.returned_by.text(),
            dialog.returned_on.date(), loan.version)  # fmt: skip

    def _liability(self, loan: Loan) -> Loan | None:
        dialog = LiabilityDialog(loan, self.parent)
        if not self._open(dialog) or (current := dialog.current()) is None:
            return None
        self.services.loans.update_liability(
            self.user, current.id, dialog.chosen_remedy(), dialog.amount_value(),
            dialog.settled.date(), dialog.note.text(), current.version)  # fmt: skip
        return self.services.loans.get(self.user, loan.id)

    def _follow_up(self, loan: Loan) -> Loan | None:
        loans = self.services.loans
        dialog = FollowUpDialog(
            loan, loans.today(), loans.suggest_memo_number(loan.id), self.parent
        )
        if not self._open(dialog) or dialog.on.date() is None:
            return None
        return loans.record_follow_up(self.user, loan.id, dialog.on.date(),  # type: ignore[arg-type]
                                      dialog.chosen_method(), dialog.note.text(), dialog.memo())  # fmt: skip

    def _print_form(self, loan: Loan) -> Loan | None:
        pdf = self.services.loans.loan_form_pdf(self.user, loan.id)
        name = f"loan-form-{loan.number_text.replace('/', '-') or loan.id}.pdf"
        common.show_pdf(self.parent, _("Loan form {number}").format(number=loan.number_text),
                        pdf, name)  # fmt: skip
        return None

    def _print_memo(self, loan: Loan) -> Loan | None:
        printed = self.services.loans.overdue_memo(self.user, loan.id)
        name = f"overdue-memo-{loan.number_text.replace('/', '-')}.pdf"
        title = _("Overdue memo for loan {number}").format(number=loan.number_text)
        common.show_pdf(self.parent, f"{title} — {issued_text(printed)}", printed.pdf, name)
        return None
