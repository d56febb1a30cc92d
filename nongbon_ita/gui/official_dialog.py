"""Add or edit an official: name, position, default signature block, division."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.office import SIGNATURE_ROLE_LABELS, Division, Official, SignatureRole
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.office import OfficeService


class OfficialDialog(QDialog):
    """Saves through OfficeService.save_official (id 0 = new); the result is in `self.saved`."""

    def __init__(
        self, office: OfficeService, user: CurrentUser, divisions: list[Division],
        official: Official | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.office, self.user = office, user
        self.official = official or Official(id=0, full_name="", position="")
        self.saved: Official | None = None
        self.setWindowTitle(_("Edit official") if self.official.id else _("Add official"))
        self.setMinimumWidth(520)
        self.full_name_edit = QLineEdit(self.official.full_name, self)
        self.full_name_edit.setPlaceholderText("นายสมชาย ใจดี")
        self.position_edit = QLineEdit(self.official.position, self)
        self.position_edit.setPlaceholderText("นายกองค์การบริหารส่วนตำบลหนองบอน")
        self.role_combo = QComboBox(self)
        for role in SignatureRole:
            self.role_combo.addItem(_(SIGNATURE_ROLE_LABELS[role]), role.value)
        self.role_combo.setCurrentIndex(
            self.role_combo.findData(self.official.signature_role.value)
        )
        self.division_combo = QComboBox(self)
        self.division_combo.addItem(_("(none)"), None)
        for division in divisions:
            self.division_combo.addItem(division.name, division.id)
        self.division_combo.setCurrentIndex(
            max(0, self.division_combo.findData(self.official.division_id))
        )
        self.active_box = QCheckBox(_("Active (offered in signature blocks)"), self)
        self.active_box.setChecked(self.official.active)
        form = QFormLayout()
        form.addRow(_("Full name with title") + " *", self.full_name_edit)
        form.addRow(_("Position as printed") + " *", self.position_edit)
        form.addRow(_("Signs as"), self.role_combo)
        form.addRow(_("Division"), self.division_combo)
        form.addRow("", self.active_box)
        self.error_label = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def save(self) -> None:
        edited = replace(
            self.official,
            full_name=self.full_name_edit.text().strip(),
            position=self.position_edit.text().strip(),
            signature_role=SignatureRole(self.role_combo.currentData()),
            division_id=self.division_combo.currentData(),
            active=self.active_box.isChecked(),
        )
        try:
            self.saved = self.office.save_official(self.user, edited)
        except DomainError as err:
            self.error_label.show_message(domain_message(err))
            return
        self.accept()
