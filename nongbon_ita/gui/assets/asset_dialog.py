"""Add or edit one asset; read-only for users who may not change the register."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.assets.records import STATUS_LABELS, Asset, AssetDraft, AssetStatus
from nongbon_ita.domain.errors import N_, DomainError, ValidationError
from nongbon_ita.domain.office import Division
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.scroll_body import ScrollBody
from nongbon_ita.i18n.thaiformat import format_money
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.assets.register import AssetService

EDITABLE_STATUSES = (AssetStatus.AVAILABLE, AssetStatus.IN_REPAIR)


class AssetDialog(QDialog):
    """`asset` None: a new asset. `saved` holds the record after a successful save."""

    def __init__(
        self, assets: AssetService, user: CurrentUser, divisions: list[Division],
        asset: Asset | None = None, can_edit: bool = True, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.assets, self.user, self.asset = assets, user, asset
        self.saved: Asset | None = None
        self.setWindowTitle(_("New asset") if asset is None else _("Asset {number}").format(
            number=asset.asset_number))  # fmt: skip
        self.setMinimumWidth(560)
        self._build(divisions)
        if asset is not None:
            self._fill(asset)
        self._set_editable(can_edit)

    def _build(self, divisions: list[Division]) -> None:
        self.number_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.category_combo = QComboBox(self)
        self.category_combo.addItem(_("(none)"), None)
        for category in self.assets.categories.list():
            self.category_combo.addItem(category.name, category.id)
        self.brand_edit = QLineEdit(self)
        self.serial_edit = QLineEdit(self)
        self.unit_edit = QLineEdit(self)
        self.acquired_edit = BeDateEdit(self)
        self.value_edit = QLineEdit(self)
        self.value_edit.setPlaceholderText(_("e.g. 12,500.00"))
        self.budget_edit = QLineEdit(self)
        self.location_edit = QLineEdit(self)
        self.division_combo = QComboBox(self)
        self.division_combo.addItem(_("(none)"), None)
        for division in divisions:
            self.division_combo.addItem(division.name, division.id)
        self.status_combo = QComboBox(self)
        for status in AssetStatus:
            self.status_combo.addItem(_(STATUS_LABELS[status]), status)
        self.status_combo.setCurrentIndex(0)
        self.lendable_box = QCheckBox(_("May be lent"), self)
        self.lendable_box.setChecked(True)
        self.consumable_box = QCheckBox(_("Consumable (kept as stock)"), self)
        self.stock_spin = DigitSpinBox(self)
        self.stock_spin.setRange(0, 10_000_000)
        self.stock_spin.setEnabled(False)
        self.consumable_box.toggled.connect(self.stock_spin.setEnabled)
        self.error_label = ErrorLabel(self)
        form = QFormLayout()
        form.addRow(_("Asset number") + " *", self.number_edit)
        form.addRow(_("Name") + " *", self.name_edit)
        form.addRow(_("Category"), self.category_combo)
        form.addRow(_("Brand/model"), self.brand_edit)
        form.addRow(_("Serial number"), self.serial_edit)
        form.addRow(_("Unit"), self.unit_edit)
        form.addRow(_("Acquisition date"), self.acquired_edit)
        form.addRow(_("Value (baht)"), self.value_edit)
        form.addRow(_("Budget source"), self.budget_edit)
        form.addRow(_("Location"), self.location_edit)
        form.addRow(_("Custodian division"), self.division_combo)
        form.addRow(_("Status"), self.status_combo)
        flags = QHBoxLayout()
        flags.addWidget(self.lendable_box)
        flags.addWidget(self.consumable_box)
        flags.addWidget(self.stock_spin)
        flags.addStretch(1)
        form.addRow("", flags)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = ScrollBody(self)  # the form scrolls on a small screen; Save stays visible
        body.box.addLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _fill(self, asset: Asset) -> None:
        self.number_edit.setText(asset.asset_number)
        self.name_edit.setText(asset.name)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(asset.category_id)))
        self.brand_edit.setText(asset.brand_model)
        self.serial_edit.setText(asset.serial)
        self.unit_edit.setText(asset.unit)
        self.acquired_edit.setDate(asset.acquired_on)
        self.value_edit.setText(format_money(asset.value) if asset.value is not None else "")
        self.budget_edit.setText(asset.budget_source)
        self.location_edit.setText(asset.location)
        self.division_combo.setCurrentIndex(max(0, self.division_combo.findData(asset.division_id)))
        self.status_combo.setCurrentIndex(self.status_combo.findData(asset.status))
        self.lendable_box.setChecked(asset.lendable)
        self.consumable_box.setChecked(asset.consumable)
        self.stock_spin.setValue(asset.stock_quantity or 0)

    def _set_editable(self, can_edit: bool) -> None:
        for edit in (
            self.number_edit,
            self.name_edit,
            self.brand_edit,
            self.serial_edit,
            self.unit_edit,
            self.value_edit,
            self.budget_edit,
            self.location_edit,
        ):
            edit.setReadOnly(not can_edit)  # fmt: skip
        for widget in (
            self.category_combo,
            self.division_combo,
            self.acquired_edit,
            self.lendable_box,
            self.consumable_box,
        ):
            widget.setEnabled(can_edit)  # fmt: skip
        self.stock_spin.setEnabled(can_edit and self.consumable_box.isChecked())
        # loans and "Retire" change the other statuses, so the trail says why
        current = self.asset.status if self.asset else AssetStatus.AVAILABLE
        self.status_combo.setEnabled(can_edit and current in EDITABLE_STATUSES)
        for status in AssetStatus:
            item = self.status_combo.model().item(self.status_combo.findData(status))  # type: ignore[attr-defined]
            item.setEnabled(status in EDITABLE_STATUSES or status is current)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setVisible(can_edit)
        if not can_edit:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Close"))

    # saving -----------------------------------------------------------------------------------
    def _value(self) -> Decimal | None:
        text = self.value_edit.text().replace(",", "").strip()
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                N_("The value must be an amount in baht, e.g. 12,500.00."), field="value"
            ) from None

    def draft(self) -> AssetDraft:
        return AssetDraft(
            asset_number=self.number_edit.text(), name=self.name_edit.text(),
            category_id=self.category_combo.currentData(), brand_model=self.brand_edit.text(),
            serial=self.serial_edit.text(), unit=self.unit_edit.text(),
            acquired_on=self.acquired_edit.date(), value=self._value(),
            budget_source=self.budget_edit.text(), location=self.location_edit.text(),
            division_id=self.division_combo.currentData(),
            status=AssetStatus(self.status_combo.currentData()),
            lendable=self.lendable_box.isChecked(),
            consumable=self.consumable_box.isChecked(),
            stock_quantity=self.stock_spin.value() if self.consumable_box.isChecked() else None,
        )  # fmt: skip

    def save(self) -> None:
        if self.acquired_edit.text().strip() and self.acquired_edit.date() is None:
            self.error_label.show_message(_("The acquisition date is not a valid date."))
            self.acquired_edit.setFocus()
            return
        try:
            draft = self.draft()
            if self.asset is None:
                self.saved = self.assets.create(self.user, draft)
            else:
                self.saved = self.assets.update(self.user, self.asset.id, draft, self.asset.version)
        except DomainError as refused:
            self.error_label.show_message(domain_message(refused))
            return
        self.accept()
