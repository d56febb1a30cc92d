"""Hand out the items of an approved loan: tick them, or scan their labels. A USB scanner types
like a keyboard; under the Thai layout `7080-001-0001` arrives as Thai characters, which the
scan field maps back (`scanned_code`) before it looks for the item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.loans import Loan
from nongbon_ita.domain.loans.scanner import scanned_code
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.scan_field import ScanField
from nongbon_ita.i18n.translate import _


class HandOutDialog(QDialog):
    """`chosen_ids()` are the loan item ids ticked when the dialog is accepted."""

    def __init__(self, loan: Loan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loan = loan
        self.setWindowTitle(_("Hand out loan {number}").format(number=loan.number_text))
        self.scan = ScanField(self)
        self.scan.setPlaceholderText(_("Scan a label or type an asset number, then Enter"))
        self.items = QListWidget(self)
        for item in loan.items:
            if item.handed_out:
                continue
            entry = QListWidgetItem(f"{item.asset_number}  {item.description}  ×{item.quantity}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(entry)
        self.error = ErrorLabel(self)
        self.scanned = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Hand out"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAutoDefault(False)  # Enter in the scan field scans, it does not accept
        self.scan.returnPressed.connect(self.take_scan)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Tick what the borrower takes now, or scan each label:"), self))
        layout.addWidget(self.scan)
        layout.addWidget(self.scanned)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.scan.setFocus()

    def take_scan(self) -> bool:
        """Tick the item whose asset number was scanned; say so if it is not on this loan."""
        code = scanned_code(self.scan.text())
        self.scan.clear()
        if not code:
            return False
        for row in range(self.items.count()):
            entry = self.items.item(row)
            if entry.text().split()[0].casefold() == code.casefold():
                entry.setCheckState(Qt.CheckState.Checked)
                self.items.setCurrentItem(entry)
                self.scanned.setText(_("Scanned {code}: ticked.").format(code=code))
                self.error.clear_message()
                return True
        self.error.show_message(_("{code} is not an item still to hand out on this loan.")
                                .format(code=code))  # fmt: skip
        return False

    def chosen_ids(self) -> list[int]:
        return [self.items.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.items.count())
                if self.items.item(r).checkState() == Qt.CheckState.Checked]  # fmt: skip

    def _ok(self) -> None:
        if not self.chosen_ids():
            self.error.show_message(_("Tick or scan at least one item."))
            return
        self.accept()
