"""Settings › users (admins only): add, edit details or roles, enable/disable, reset a password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.users import CurrentUser, User
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.main_window import roles_text
from nongbon_ita.gui.user_dialog import UserDialog, temporary_password
from nongbon_ita.gui.widgets.record_table import make_table_view, selected_row
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.users import UserService

DialogRunner = Callable[[UserDialog], int]


def _status(user: User) -> str:
    if not user.active:
        return _("disabled")
    if user.locked_until is not None:
        return _("locked")
    if user.must_change_password:
        return _("must change password")
    return _("active")


class UsersTab(QWidget):
    def __init__(
        self, users: UserService, actor: CurrentUser, parent: QWidget | None = None,
        run_dialog: DialogRunner = lambda dialog: dialog.exec(),
        office: OfficeService | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.users, self.actor, self._run_dialog = users, actor, run_dialog
        # only for the division choices of "Edit details"; stateless, so one over the same context
        self.office = office or OfficeService(users.ctx)
        self.model: RowsTableModel[User] = RowsTableModel([
            (_("User name"), lambda u: u.username),
            (_("Full name"), lambda u: u.full_name),
            (_("Position"), lambda u: u.position),
            (_("Roles"), lambda u: roles_text(u.roles)),
            (_("Status"), _status),
        ], self)  # fmt: skip
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _index: self.edit_roles())
        self.add_button = QPushButton(_("Add user…"), self)
        self.details_button = QPushButton(_("Edit details…"), self)
        self.roles_button = QPushButton(_("Edit roles…"), self)
        self.active_button = QPushButton(_("Disable"), self)
        self.reset_button = QPushButton(_("Reset password…"), self)
        self.add_button.clicked.connect(self.add_user)
        self.details_button.clicked.connect(self.edit_details)
        self.roles_button.clicked.connect(self.edit_roles)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.details_button, self.roles_button, self.active_button,
                       self.reset_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.users.list_users(self.actor))
        self._update_buttons()

    def selected_user(self) -> User | None:
        row = selected_row(self.table)
        return None if row is None else self.model.row_at(row)

    def select_username(self, username: str) -> None:
        for row, user in enumerate(self.model.rows()):
            if user.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (
            self.details_button,
            self.roles_button,
            self.active_button,
            self.reset_button,
        ):
            button.setEnabled(user is not None)
        self.active_button.setText(
            _("Enable") if user is not None and not user.active else _("Disable")
        )

    def _require_selection(self) -> User | None:
        user = self.selected_user()
        if user is None:
            messages.inform(self, _("Select a user in the table first."))
        return user

    def add_user(self) -> None:
        dialog = UserDialog(self.users, self.actor, None, self)
        if self._run_dialog(dialog) and dialog.saved is not None:
            self.reload()
            self.select_username(dialog.saved.username)
            messages.inform(self, _("User {username} was added. Temporary password: {password}").format(
                username=dialog.saved.username, password=dialog.password_edit.text()))  # fmt: skip

    def edit_roles(self) -> None:
        self._edit(details=False)

    def edit_details(self) -> None:
        self._edit(details=True)

    def _edit(self, details: bool) -> None:
        user = self._require_selection()
        if user is None:
            return
        divisions = self.office.divisions() if details else None
        dialog = UserDialog(self.users, self.actor, user, self, divisions=divisions)
        self._run_dialog(dialog)
        # reload either way: a stale edit closes the dialog and the fresh rows are wanted then too
        self.reload()
        self.select_username(user.username)

    def toggle_active(self) -> None:
        user = self._require_selection()
        if user is None:
            return
        if user.active and not messages.confirm(
            self, _("Disable the account of {name}? They will not be able to sign in.").format(
                name=user.full_name), yes_text=_("Disable"),
        ):  # fmt: skip
            return
        self._call(lambda: self.users.set_active(self.actor, user.id, not user.active), user)

    def reset_password(self) -> None:
        user = self._require_selection()
        if user is None:
            return
        if not messages.confirm(
            self, _("Give {name} a new temporary password? The old password stops working.").format(
                name=user.full_name), yes_text=_("Reset password"),
        ):  # fmt: skip
            return
        password = temporary_password()
        if self._call(lambda: self.users.reset_password(self.actor, user.id, password), user):
            messages.inform(self, _("New temporary password for {username}: {password}\n"
                                    "They must change it when they sign in.").format(
                username=user.username, password=password))  # fmt: skip

    def _call(self, action: Callable[[], object], user: User) -> bool:
        try:
            action()
        except DomainError as err:
            messages.warn(self, domain_message(err))
            return False
        self.reload()
        self.select_username(user.username)
        return True
