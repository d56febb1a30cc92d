"""Take items back: per item how many come back now (partial returns) and in what condition;
who brought them and on which day. A damaged or lost item opens a liability."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.loans import Loan, ReturnCondition
from nongbon_ita.domain.loans.scanner import scanned_code
from nongbon_ita.gui.loans.common import chosen, enum_combo
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.scan_field import ScanField
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.loans.handling import ItemReturn


class ReturnDialog(QDialog):
    def __init__(self, loan: Loan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loan = loan
        self.setWindowTitle(_("Return items of loan {number}").format(number=loan.number_text))
        self.out = [item for item in loan.items if item.outstanding]
        self.scan = ScanField(self)
        self.scan.setPlaceholderText(_("Scan a label to mark its item as coming back"))
        self.table = QTableWidget(len(self.out), 4, self)
        self.table.setHorizontalHeaderLabels([_("Item"), _("Still out"), _("Returned now"),
                                              _("Condition")])  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.quantities: list[QSpinBox] = []
        self.conditions: list[QComboBox] = []
        for row, item in enumerate(self.out):
            self.table.setItem(row, 0, QTableWidgetItem(f"{item.asset_number}  {item.description}"))
            self.table.setItem(row, 1, QTableWidgetItem(f"{item.outstanding} {item.unit}"))
            spin = DigitSpinBox(self.table)
            spin.setRange(0, item.outstanding)
            spin.setValue(0)
            combo = enum_combo(list(ReturnCondition), self.table)
            self.table.setCellWidget(row, 2, spin)
            self.table.setCellWidget(row, 3, combo)
            self.quantities.append(spin)
            self.conditions.append(combo)
        self.returned_by = QLineEdit(loan.borrower.name, self)
        self.returned_on = BeDateEdit(self)
        self.note = QLineEdit(self)
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow(_("Returned by *"), self.returned_by)
        form.addRow(_("Returned on (empty: today)"), self.returned_on)
        form.addRow(_("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Take back"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAutoDefault(False)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        self.scan.returnPressed.connect(self.take_scan)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scan)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def take_scan(self) -> bool:
        """A scanned label counts one more of its item as coming back."""
        code = scanned_code(self.scan.text()).casefold()
        self.scan.clear()
        for row, item in enumerate(self.out):
            if item.asset_number.casefold() == code:
                spin = self.quantities[row]
                spin.setValue(min(spin.maximum(), spin.value() + 1))
                self.error.clear_message()
                return True
        self.error.show_message(_("That label is not an item out on this loan."))
        return False

    def set_line(self, row: int, quantity: int, condition: ReturnCondition) -> None:
        self.quantities[row].setValue(quantity)
        self.conditions[row].setCurrentIndex(self.conditions[row].findData(condition.value))

    def lines(self) -> list[ItemReturn]:
        note = self.note.text().strip()
        return [ItemReturn(item.id, spin.value(),
                           chosen(combo, ReturnCondition) or ReturnCondition.GOOD, note)
                for item, spin, combo in zip(self.out, self.quantities, self.conditions,
                                             strict=True) if spin.value()]  # fmt: skip

    def _ok(self) -> None:
        if not self.lines():
            self.error.show_message(_("Enter how many of an item come back."))
            return
        if not self.returned_by.text().strip():
            self.error.show_message(_("Enter who brought the items back."))
            return
        if not self.returned_on.is_valid():
            self.error.show_message(_("The return date is not a real date."))
            return
        self.accept()
