"""Carry last year's measures and OIT evidence into this year: the mapping of the items (by role,
then by name) is shown first; the coordinator changes rows if needed and only then copies."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.ita.mapping_table import MappingTable
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.ita.carry import CarryPreview, CarryResult
from nongbon_ita.services.registry import Services


class CarryDialog(QDialog):
    """`result` holds what was carried once the dialog is accepted."""

    def __init__(
        self, services: Services, user: CurrentUser, to_year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services, self.user, self.to_year = services, user, to_year
        self.preview: CarryPreview | None = None
        self.result: CarryResult | None = None
        self.setWindowTitle(_("Carry into fiscal year {year}").format(year=to_year))
        self.resize(980, 620)
        self.from_spin = DigitSpinBox(self)
        self.from_spin.setRange(2550, 2700)
        self.from_spin.setValue(to_year - 1)
        self.from_spin.valueChanged.connect(lambda _y: self.reload())
        self.measures = QCheckBox(_("Measures (without their results, dates a year on)"), self)
        self.evidence = QCheckBox(_("OIT evidence (addresses, kept files, person, due date)"), self)
        for box in (self.measures, self.evidence):
            box.setChecked(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = MappingTable(self)
        self.only_loaded = QCheckBox(_("Only items with something to carry"), self)
        self.only_loaded.setChecked(True)
        self.only_loaded.toggled.connect(self.table.only_loaded)
        self.error = ErrorLabel(self)
        self.carry_button = QPushButton(_("Approve the mapping and carry"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.carry_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("From fiscal year"), self))
        top.addWidget(self.from_spin)
        top.addSpacing(16)
        top.addWidget(self.measures)
        top.addWidget(self.evidence)
        top.addStretch(1)
        hint = QLabel(_("Items are matched by their role, then by their name — never by the code "
                        "alone. Check each row; choose another item where the match is wrong. "
                        "Nothing is copied until you approve."), self)  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_loaded)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        try:
            self.preview = self.services.ita.carry.preview(self.from_spin.value(), self.to_year)
        except DomainError as err:  # e.g. this year has no catalogue yet: said in the dialog
            self.preview = None
            self.error.show_message(domain_message(err))
            self.table.show_mapping([], [])
            self.carry_button.setEnabled(False)
            return
        preview = self.preview
        self.error.clear_message()
        self.table.show_mapping(preview.mapping, preview.targets, preview.notes())
        self.table.only_loaded(self.only_loaded.isChecked())
        self.summary.setText(_("{measures} measures of {source}; evidence kept for {evidence} "
                               "items; {left} items with something to carry have no match "
                               "(red).").format(measures=preview.measures,
                                                source=preview.from_year,
                                                evidence=len(preview.load.with_evidence),
                                                left=len(preview.left_behind)))  # fmt: skip
        if preview.target_measures:
            self.measures.setChecked(False)  # the year has measures: copying would repeat them
        self.carry_button.setEnabled(True)

    def accept(self) -> None:
        if self.preview is None:
            return
        try:
            self.result = self.services.ita.carry.apply(
                self.user, self.preview.from_year, self.to_year, self.table.changes(),
                measures=self.measures.isChecked(), evidence=self.evidence.isChecked(),
            )  # fmt: skip
        except Exception as err:
            report_error(err, self)
            return
        text = _("Carried into {target}: {measures} measures, evidence of {evidence} items.")
        messages.inform(self, text.format(target=self.to_year, measures=self.result.measures,
                                          evidence=self.result.evidence))  # fmt: skip
        super().accept()
