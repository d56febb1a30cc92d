"""The small forms behind loan steps: a cancellation and its reason, a later due date, a
follow-up, a liability's settlement."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.loans import FollowUpMethod, Liability, Loan, Remedy
from nongbon_ita.gui.loans.common import chosen, enum_combo, short_date
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.thaiformat import format_money
from nongbon_ita.i18n.translate import _


class _FormDialog(QDialog):
    """A form, an inline error and OK/Cancel; subclasses say what `problem()` is."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 220)

    def problem(self) -> str:
        return ""

    def _ok(self) -> None:
        text = self.problem()
        if text:
            self.error.show_message(text)
            return
        self.accept()


class CancelDialog(_FormDialog):
    """Cancel a loan before hand-out; the reason stays in the loan's history. The buttons say
    what they do: a plain "Cancel" would be ambiguous here."""

    def __init__(self, loan: Loan, parent: QWidget | None = None) -> None:
        number = loan.number_text or _("(draft)")
        super().__init__(parent, _("Cancel loan {number}").format(number=number))
        self.question = QLabel(
            _("Cancel loan {number}? Its items are freed for others.").format(number=number), self
        )
        self.question.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.form.addRow(self.question)
        self.form.addRow(_("Reason *"), self.reason)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Cancel the loan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Keep the loan"))

    def problem(self) -> str:
        return "" if self.reason.text().strip() else _("Give the reason for cancelling.")


class ExtendDialog(_FormDialog):
    def __init__(self, loan: Loan, parent: QWidget | None = None) -> None:
        super().__init__(parent, _("Extend the due date of loan {number}").format(
            number=loan.number_text))  # fmt: skip
        self.loan = loan
        self.due = BeDateEdit(self)
        self.reason = QLineEdit(self)
        self.form.addRow(_("Due now"), QLineEdit(short_date(loan.due_date), self, readOnly=True))
        self.form.addRow(_("New due date *"), self.due)
        self.form.addRow(_("Reason"), self.reason)

    def problem(self) -> str:
        day = self.due.date()
        if day is None:
            return _("Enter the new due date.")
        if day <= self.loan.due_date:
            return _("The new due date must be after the current one.")
        return ""


class FollowUpDialog(_FormDialog):
    def __init__(self, loan: Loan, today_: object, memo_number: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent, _("Follow up loan {number}").format(number=loan.number_text))
        self.on = BeDateEdit(self, today_)  # type: ignore[arg-type]
        self.method = enum_combo(list(FollowUpMethod), self)
        self.note = QLineEdit(self)
        self.memo_number = QLineEdit(memo_number, self)
        self.form.addRow(_("Date *"), self.on)
        self.form.addRow(_("Method"), self.method)
        self.form.addRow(_("Note"), self.note)
        self.form.addRow(_("Memo number"), self.memo_number)
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()

    def _method_changed(self) -> None:
        self.form.setRowVisible(self.memo_number, self.chosen_method() is FollowUpMethod.MEMO)

    def chosen_method(self) -> FollowUpMethod:
        return chosen(self.method, FollowUpMethod) or FollowUpMethod.MEMO

    def memo(self) -> str:
        return (
            self.memo_number.text().strip() if self.chosen_method() is FollowUpMethod.MEMO else ""
        )

    def problem(self) -> str:
        return "" if self.on.date() is not None else _("Enter the date of the follow-up.")


class LiabilityDialog(_FormDialog):
    """Choose one of the loan's liabilities (damaged or lost returns) and settle it."""

    def __init__(self, loan: Loan, parent: QWidget | None = None) -> None:
        super().__init__(parent, _("Liability for loan {number}").format(number=loan.number_text))
        self.choices: list[Liability] = []
        self.which = QComboBox(self)
        for item in loan.items:
            for ret in item.returns:
                if ret.liability is not None:
                    self.choices.append(ret.liability)
                    self.which.addItem(f"{item.asset_number} {item.name} — "
                                       f"{_(ret.condition.label_id)} ({short_date(ret.returned_on)})")  # fmt: skip
        self.remedy = enum_combo(list(Remedy), self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(_("baht, e.g. 1,250.00"))
        self.settled = BeDateEdit(self)
        self.note = QLineEdit(self)
        self.form.addRow(_("Item"), self.which)
        self.form.addRow(_("Remedy"), self.remedy)
        self.form.addRow(_("Amount (baht)"), self.amount)
        self.form.addRow(_("Settled on"), self.settled)
        self.form.addRow(_("Note"), self.note)
        self.which.currentIndexChanged.connect(self._show)
        self._show()

    def current(self) -> Liability | None:
        row = self.which.currentIndex()
        return self.choices[row] if 0 <= row < len(self.choices) else None

    def _show(self) -> None:
        lia = self.current()
        if lia is None:
            return
        self.remedy.setCurrentIndex(self.remedy.findData(lia.remedy.value))
        self.amount.setText(format_money(lia.amount) if lia.amount is not None else "")
        self.settled.setDate(lia.settled_on)
        self.note.setText(lia.note)

    def amount_value(self) -> Decimal | None:
        text = self.amount.text().replace(",", "").strip()
        return Decimal(text) if text else None

    def problem(self) -> str:
        if self.current() is None:
            return _("This loan has no liability.")
        try:
            self.amount_value()
        except InvalidOperation:
            return _("The amount is not a number.")
        if not self.settled.is_valid():
            return _("The settlement date is not a real date.")
        return ""

    def chosen_remedy(self) -> Remedy:
        return chosen(self.remedy, Remedy) or Remedy.REPAIR
