"""The channel list the intake offers: rename a channel, mark it referred (another body passes
complaints on with a reference), hide it, or add the office's own."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.complaints.channels import ChannelInfo
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints.common import run_inline
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.record_table import make_table_view, selected_row
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.channels import ChannelService


def _yes(flag: bool) -> str:
    return _("yes") if flag else ""


class ChannelsTab(QWidget):
    def __init__(self, channels: ChannelService, user: CurrentUser,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.service, self.user = channels, user
        self.model: RowsTableModel[ChannelInfo] = RowsTableModel([
            (_("Channel"), lambda c: c.name),
            (_("Referred"), lambda c: _yes(c.referred)),
            (_("In use"), lambda c: _yes(c.active)),
        ], self)  # fmt: skip
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(_("Name of the channel"))
        self.referred_box = QCheckBox(_("Referred (has a reference to quote)"), self)
        self.active_box = QCheckBox(_("Offered at intake"), self)
        self.active_box.setChecked(True)
        self.save_button = QPushButton(_("Save the selected channel"), self)
        self.add_button = QPushButton(_("Add as a new channel"), self)
        self.save_button.clicked.connect(self.save_selected)
        self.add_button.clicked.connect(self.add)
        self.error = ErrorLabel(self)
        edit = QHBoxLayout()
        edit.addWidget(self.name_edit, 1)
        edit.addWidget(self.referred_box)
        edit.addWidget(self.active_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        hint = QLabel(_("Complaints keep their channel: a renamed channel is renamed in every "
                        "list and statistic, and a channel no longer offered keeps its "
                        "complaints."), self)  # fmt: skip
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.set_rows(self.service.channels())
        except Exception as err:
            report_error(err, self)

    def _selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        channel = self.model.row_at(row)
        self.name_edit.setText(channel.name)
        self.referred_box.setChecked(channel.referred)
        self.active_box.setChecked(channel.active)

    def add(self) -> None:
        name, referred = self.name_edit.text(), self.referred_box.isChecked()
        if run_inline(self, self.error, lambda: self.service.add(self.user, name, referred)):
            self.refresh()

    def save_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            self.error.show_message(_("Select a channel in the list first."))
            return
        code, name = self.model.row_at(row).code, self.name_edit.text()
        referred, active = self.referred_box.isChecked(), self.active_box.isChecked()
        if run_inline(self, self.error,
                      lambda: self.service.update(self.user, code, name, referred, active)):  # fmt: skip
            self.refresh()
