"""Add a user (roles, temporary password), or change an existing user's roles or details."""

from __future__ import annotations

import secrets

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError, StaleEditError, ValidationError
from nongbon_ita.domain.office import Division
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser, User
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.users import UserService

_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def temporary_password(length: int = 10) -> str:
    """Easy to read aloud and type: no 0/o, 1/l/i."""
    return "".join(secrets.choice(_PASSWORD_ALPHABET) for _i in range(length))


class UserDialog(QDialog):
    """New user when `user` is None; otherwise edits `user`'s roles, or with `divisions` given
    (the choices of the division field) `user`'s details. The result is in `self.saved`."""

    def __init__(
        self, users: UserService, actor: CurrentUser, user: User | None = None,
        parent: QWidget | None = None, divisions: list[Division] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.users, self.actor, self.user = users, actor, user
        self.details = user is not None and divisions is not None
        self.saved: User | None = None
        if user is None:
            self.setWindowTitle(_("Add user"))
        elif self.details:
            self.setWindowTitle(_("Details of {name}").format(name=user.full_name))
        else:
            self.setWindowTitle(_("Roles of {name}").format(name=user.full_name))
        self.setMinimumWidth(540)
        names_locked = user is not None and not self.details
        form = QFormLayout()
        self.username_edit = QLineEdit(user.username if user else "", self)
        self.username_edit.setPlaceholderText("somchai.j")
        self.username_edit.setReadOnly(user is not None)
        self.full_name_edit = QLineEdit(user.full_name if user else "", self)
        self.full_name_edit.setReadOnly(names_locked)
        self.position_edit = QLineEdit(user.position if user else "", self)
        self.position_edit.setReadOnly(names_locked)
        form.addRow(_("User name") + " *", self.username_edit)
        form.addRow(_("Full name") + " *", self.full_name_edit)
        form.addRow(_("Position"), self.position_edit)
        self.division_combo = QComboBox(self)
        self.division_combo.addItem(_("(none)"), None)
        for division in divisions or []:
            self.division_combo.addItem(division.name, division.id)
        self.division_combo.setCurrentIndex(
            max(0, self.division_combo.findData(user.division_id if user else None))
        )
        self.phone_edit = QLineEdit(user.phone if user else "", self)
        self.phone_edit.setPlaceholderText("043-000000")
        if self.details:
            form.addRow(_("Division"), self.division_combo)
            form.addRow(_("Phone"), self.phone_edit)
        else:
            self.division_combo.hide()
            self.phone_edit.hide()
        self.password_edit = QLineEdit(temporary_password(), self)
        if user is None:
            form.addRow(_("Temporary password") + " *", self.password_edit)
            hint = QLabel(
                _("Give this password to the user; they must change it when they first sign in."),
                self,
            )
            hint.setWordWrap(True)
            form.addRow("", hint)
        else:
            self.password_edit.hide()
        roles_box = QGroupBox(_("Roles") + " *", self)
        grid = QGridLayout(roles_box)
        self.role_boxes: dict[Role, QCheckBox] = {}
        for number, role in enumerate(Role):
            box = QCheckBox(_(role.label_id), roles_box)
            box.setChecked(user.has(role) if user else role is Role.STAFF)
            grid.addWidget(box, number // 2, number % 2)
            self.role_boxes[role] = box
        roles_box.setVisible(not self.details)
        self.error_label = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            _("Add user")
            if user is None
            else _("Save details")
            if self.details
            else _("Save roles")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(roles_box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def selected_roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.role_boxes.items() if box.isChecked())

    def save(self) -> None:
        try:
            if self.user is None:
                self.saved = self.users.create_user(
                    self.actor, self.username_edit.text(), self.full_name_edit.text(),
                    self.selected_roles(), self.password_edit.text(), self.position_edit.text(),
                )  # fmt: skip
            elif self.details:
                self.saved = self.users.update_details(
                    self.actor, self.user.id, self.full_name_edit.text(),
                    self.position_edit.text(), self.division_combo.currentData(),
                    self.phone_edit.text(), self.user.version,
                )  # fmt: skip
            else:
                self.saved = self.users.set_roles(
                    self.actor,
                    self.user.id,
                    self.selected_roles(),
                    expected_version=self.user.version,
                )
        except ValidationError as err:
            self.error_label.show_message(domain_message(err))
            target = {"username": self.username_edit, "full_name": self.full_name_edit,
                      "password": self.password_edit, "position": self.position_edit,
                      "division_id": self.division_combo, "phone": self.phone_edit,
                      }.get(err.field or "")  # fmt: skip
            if target is not None:
                target.setFocus()
            return
        except StaleEditError as err:
            # the copy is out of date: say so plainly and close, so the list is read again
            report_error(err, self)
            self.reject()
            return
        except DomainError as err:
            self.error_label.show_message(domain_message(err))
            return
        self.accept()
