"""The finance reviewer signs off a period of the loan register: the password again, a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import AuthenticationError, DomainError
from nongbon_ita.domain.loans import FinanceReview
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.password_form import password_edit
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.loans.register import RegisterQuery
from nongbon_ita.services.registry import Services


class SignOffDialog(QDialog):
    """`review` is the recorded sign-off once accepted; a wrong password keeps the dialog open."""

    def __init__(self, services: Services, user: CurrentUser, query: RegisterQuery,
                 period_text: str, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.query = services, user, query
        self.review: FinanceReview | None = None
        self.setWindowTitle(_("Sign off the loan register"))
        intro = QLabel(_("You confirm that you have reviewed the loan register for {period}. "
                         "Enter your password again to sign.").format(period=period_text), self)  # fmt: skip
        intro.setWordWrap(True)
        self.password: QLineEdit = password_edit(self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow(_("Reviewer"), QLabel(user.full_name, self))
        form.addRow(_("Password *"), self.password)
        form.addRow(_("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Sign off"))
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 340)
        self.password.setFocus()

    def sign(self) -> FinanceReview | None:
        if not self.password.text():
            self.error.show_message(_("Enter your password."))
            return None
        try:
            self.review = self.services.loans.sign_off(
                self.user, self.query, self.password.text(), self.note.toPlainText()
            )
        except AuthenticationError as err:
            self.error.show_message(domain_message(err))
            self.password.selectAll()
            self.password.setFocus()
            return None
        except DomainError as err:
            self.error.show_message(domain_message(err))
            return None
        self.accept()
        return self.review
