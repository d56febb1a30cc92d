"""Ask how an asset leaves use (lost or disposed) and why; the page then confirms."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.assets.records import STATUS_LABELS, Asset, AssetStatus
from nongbon_ita.i18n.translate import _


class RetireDialog(QDialog):
    def __init__(self, asset: Asset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Retire asset {number}").format(number=asset.asset_number))
        text = QLabel(_("{name} stays in the register with its history, marked as out of use.")
                      .format(name=asset.name), self)  # fmt: skip
        text.setWordWrap(True)
        self.status_combo = QComboBox(self)
        for status in (AssetStatus.DISPOSED, AssetStatus.LOST):
            self.status_combo.addItem(_(STATUS_LABELS[status]), status)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(_("e.g. damaged beyond repair, sold by auction"))
        form = QFormLayout()
        form.addRow(_("New status"), self.status_combo)
        form.addRow(_("Reason"), self.reason_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Retire…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choice(self) -> tuple[AssetStatus, str]:
        return AssetStatus(self.status_combo.currentData()), self.reason_edit.text()
