"""Forced password change right after a login with a temporary password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.widgets.password_form import ChangePassword, ChangePasswordForm
from nongbon_ita.i18n.translate import _


class ChangePasswordDialog(QDialog):
    def __init__(
        self, user: CurrentUser, change: ChangePassword, parent: QWidget | None = None,
        forced: bool = True,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(_("Change your password"))
        self.setMinimumWidth(460)
        intro = QLabel(
            _("You signed in with a temporary password. Choose your own password before you go on.")
            if forced else _("Choose a new password."),
            self,
        )  # fmt: skip
        intro.setWordWrap(True)
        self.form = ChangePasswordForm(user, change, self, with_button=False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Change password"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            _("Log out") if forced else _("Cancel")
        )
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        if self.form.submit():
            self.accept()
