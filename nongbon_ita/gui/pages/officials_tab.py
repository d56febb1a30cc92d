"""Settings › divisions (add, rename, remove) and officials (the names in signature blocks)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.office import SIGNATURE_ROLE_LABELS, Division, Official
from nongbon_ita.domain.permissions import Operation, is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.official_dialog import OfficialDialog
from nongbon_ita.gui.widgets.record_table import make_table_view, selected_row
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.office import OfficeService

DialogRunner = Callable[[OfficialDialog], int]
# (parent, current name) → the new name, or None when the user cancels; tests replace it
NameAsker = Callable[[QWidget, str], str | None]


def ask_division_name(parent: QWidget, current: str) -> str | None:
    text, accepted = QInputDialog.getText(
        parent, _("Rename division"), _("New name of the division:"), text=current
    )
    return text if accepted else None


class OfficialsTab(QWidget):
    def __init__(
        self, office: OfficeService, user: CurrentUser, parent: QWidget | None = None,
        run_dialog: DialogRunner = lambda dialog: dialog.exec(),
        ask_name: NameAsker = ask_division_name,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.office, self.user, self._run_dialog = office, user, run_dialog
        self._ask_name = ask_name
        self.editable = is_allowed(user, Operation.EDIT_OFFICIALS)
        self._divisions: list[Division] = []
        # divisions
        self.division_list = QListWidget(self)
        self.division_edit = QLineEdit(self)
        self.division_edit.setPlaceholderText(_("New division, e.g. กองคลัง"))
        self.add_division_button = QPushButton(_("Add division"), self)
        self.add_division_button.clicked.connect(self.add_division)
        self.division_edit.returnPressed.connect(self.add_division)
        self.rename_division_button = QPushButton(_("Rename…"), self)
        self.remove_division_button = QPushButton(_("Remove"), self)
        self.rename_division_button.clicked.connect(self.rename_division)
        self.remove_division_button.clicked.connect(self.remove_division)
        self.division_list.currentRowChanged.connect(lambda _row: self._update_division_buttons())
        self.division_list.itemDoubleClicked.connect(lambda _item: self.rename_division())
        change_row = QHBoxLayout()
        change_row.addWidget(self.rename_division_button)
        change_row.addWidget(self.remove_division_button)
        change_row.addStretch(1)
        add_row = QVBoxLayout()
        add_row.addWidget(self.division_edit)
        add_row.addWidget(self.add_division_button)
        divisions_box = QGroupBox(_("Divisions"), self)
        divisions_layout = QVBoxLayout(divisions_box)
        divisions_layout.addWidget(self.division_list)
        divisions_layout.addLayout(change_row)
        divisions_layout.addLayout(add_row)
        # officials
        self.model: RowsTableModel[Official] = RowsTableModel([
            (_("Full name"), lambda o: o.full_name),
            (_("Position"), lambda o: o.position),
            (_("Signs as"), lambda o: _(SIGNATURE_ROLE_LABELS[o.signature_role])),
            (_("Division"), self._division_name),
            (_("Active"), lambda o: _("yes") if o.active else _("no")),
        ], self)  # fmt: skip
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _index: self.edit_official())
        self.add_button = QPushButton(_("Add official…"), self)
        self.edit_button = QPushButton(_("Edit…"), self)
        self.add_button.clicked.connect(self.add_official)
        self.edit_button.clicked.connect(self.edit_official)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        officials_box = QGroupBox(_("Officials who sign documents"), self)
        officials_layout = QVBoxLayout(officials_box)
        officials_layout.addWidget(self.table)
        officials_layout.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(divisions_box, 2)
        layout.addWidget(officials_box, 5)
        for widget in (
            self.division_edit,
            self.add_division_button,
            self.rename_division_button,
            self.remove_division_button,
            self.add_button,
            self.edit_button,
        ):
            widget.setVisible(self.editable)
        self.reload()

    def _division_name(self, official: Official) -> str:
        return next((d.name for d in self._divisions if d.id == official.division_id), "")

    def reload(self) -> None:
        self._divisions = self.office.divisions()
        self.division_list.clear()
        self.division_list.addItems([d.name for d in self._divisions])
        self._update_division_buttons()
        self.model.set_rows(self.office.officials(include_inactive=True))

    def add_division(self) -> None:
        try:
            self.office.add_division(self.user, self.division_edit.text())
        except DomainError as err:
            messages.warn(self, domain_message(err))
            return
        self.division_edit.clear()
        self.reload()

    def selected_division(self) -> Division | None:
        row = self.division_list.currentRow()
        return self._divisions[row] if 0 <= row < len(self._divisions) else None

    def select_division(self, name: str) -> None:
        for row, division in enumerate(self._divisions):
            if division.name == name:
                self.division_list.setCurrentRow(row)

    def _update_division_buttons(self) -> None:
        chosen = self.selected_division() is not None
        self.rename_division_button.setEnabled(chosen)
        self.remove_division_button.setEnabled(chosen)

    def rename_division(self) -> None:
        division = self.selected_division()
        if division is None or not self.editable:
            return
        name = self._ask_name(self, division.name)
        if name is None or name.strip() == division.name:
            return
        try:
            renamed = self.office.rename_division(self.user, division.id, name, division.version)
        except DomainError as err:
            report_error(err, self)
            self.reload()  # a stale list is refreshed so the next try works
            return
        self.reload()
        self.select_division(renamed.name)

    def remove_division(self) -> None:
        division = self.selected_division()
        if division is None or not self.editable:
            return
        if not messages.confirm(
            self, _("Remove the division {name}?").format(name=division.name),
            yes_text=_("Remove"),
        ):  # fmt: skip
            return
        try:
            self.office.delete_division(self.user, division.id)
        except DomainError as err:
            report_error(err, self)
            return
        self.reload()

    def add_official(self) -> None:
        self._open(None)

    def edit_official(self) -> None:
        if not self.editable:
            return
        row = selected_row(self.table)
        if row is None:
            messages.inform(self, _("Select an official in the table first."))
            return
        self._open(self.model.row_at(row))

    def _open(self, official: Official | None) -> None:
        dialog = OfficialDialog(self.office, self.user, self._divisions, official, self)
        if self._run_dialog(dialog) and dialog.saved is not None:
            self.reload()
