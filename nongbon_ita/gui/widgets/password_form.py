"""Current password, new password twice: used by the settings tab and the forced-change dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from nongbon_ita.domain.errors import AuthenticationError, DomainError, ValidationError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _

ChangePassword = Callable[[CurrentUser, str, str], None]


def password_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePasswordForm(QWidget):
    """Calls `change(user, old, new)`; emits `changed` on success, shows refusals inline."""

    changed = Signal()

    def __init__(
        self, user: CurrentUser, change: ChangePassword, parent: QWidget | None = None,
        with_button: bool = True,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.user, self._change = user, change
        self.old_edit, self.new_edit, self.repeat_edit = (password_edit(self) for _i in range(3))
        form = QFormLayout()
        form.addRow(_("Current password") + " *", self.old_edit)
        form.addRow(_("New password") + " *", self.new_edit)
        form.addRow(_("New password again") + " *", self.repeat_edit)
        self.error_label = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        self.save_button: QPushButton | None = None
        if with_button:
            self.save_button = QPushButton(_("Change password"), self)
            self.save_button.clicked.connect(self.submit)
            layout.addWidget(self.save_button)
        layout.addStretch(1)
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.textChanged.connect(self._check_repeat)

    def _check_repeat(self) -> None:
        repeat = self.repeat_edit.text()
        if repeat and not self.new_edit.text().startswith(repeat):
            self.error_label.show_message(_("The two new passwords are not the same."))
        else:
            self.error_label.clear_message()

    def submit(self) -> bool:
        if self.new_edit.text() != self.repeat_edit.text():
            self.error_label.show_message(_("The two new passwords are not the same."))
            self.repeat_edit.setFocus()
            return False
        if self.new_edit.text() == self.old_edit.text():
            self.error_label.show_message(
                _("Choose a new password different from the current one.")
            )
            self.new_edit.setFocus()
            return False
        try:
            self._change(self.user, self.old_edit.text(), self.new_edit.text())
        except (AuthenticationError, ValidationError) as err:
            self.error_label.show_message(domain_message(err))
            target = self.old_edit if isinstance(err, AuthenticationError) else self.new_edit
            target.setFocus()
            target.selectAll()
            return False
        except DomainError as err:
            self.error_label.show_message(domain_message(err))
            return False
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.clear()
        self.error_label.clear_message()
        self.changed.emit()
        return True
