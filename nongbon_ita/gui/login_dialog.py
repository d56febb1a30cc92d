"""Sign in: user name and password; refusals (wrong password, lock-out) are shown inline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.password_form import password_edit
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.auth import AuthService


class LoginDialog(QDialog):
    """Accepted once `auth.login` succeeds; the signed-in user is then in `self.user`.

    `prepare(candidate)`, if given, runs while the password is checked (the session builds the
    main window, hidden); `failed` is emitted when the login is refused, so that work is dropped."""

    failed = Signal()

    def __init__(
        self, auth: AuthService, office_name: str = "", parent: QWidget | None = None,
        username: str = "", prepare: Callable[[CurrentUser], None] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.auth, self.prepare = auth, prepare
        self.user: CurrentUser | None = None
        self.setWindowTitle(_("Sign in") + " — nongbon-ita")
        self.setMinimumWidth(420)
        self.title_label = title = QLabel(office_name or "nongbon-ita", self)
        title_font = QFont(self.font())
        title_font.setPointSize(title_font.pointSize() + 4)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        subtitle = QLabel(_("Integrity and transparency work (ITA)"), self)
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username_edit = QLineEdit(username, self)
        self.password_edit = password_edit(self)
        form = QFormLayout()
        form.addRow(_("User name"), self.username_edit)
        form.addRow(_("Password"), self.password_edit)
        self.error_label = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Quit"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.password_edit if username else self.username_edit).setFocus()

    def try_login(self) -> bool:
        username = self.username_edit.text().strip()
        if not username:
            self.error_label.show_message(_("Enter your user name."))
            self.username_edit.setFocus()
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.user = self.auth.login(username, self.password_edit.text(), channel="gui",
                                        meanwhile=self.prepare)  # fmt: skip
        except DomainError as err:
            self.failed.emit()
            self.error_label.show_message(domain_message(err))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.error_label.clear_message()
        self.accept()
        return True
