"""The year's catalogue status on screen: confirmed by whom, or "ยังไม่ยืนยัน — ตรวจกับคู่มือของ
ป.ป.ช." with where the list came from, and the coordinator's Confirm button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from nongbon_ita.domain.ita.catalogue import Provenance
from nongbon_ita.i18n.thaiformat import format_datetime_short
from nongbon_ita.i18n.translate import _


class CatalogueStatus(QWidget):
    def __init__(self, confirm: Callable[[], None], editable: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.confirm_button = QPushButton(_("Confirm this year's list"), self)
        self.confirm_button.clicked.connect(confirm)
        self.editable = editable
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.confirm_button)

    def show_status(self, provenance: Provenance) -> None:
        if provenance.confirmed:
            when = format_datetime_short(provenance.confirmed_at, thai=True) if (
                provenance.confirmed_at) else ""  # fmt: skip
            text = _("Confirmed by {name} {when}").format(name=provenance.confirmed_by, when=when)
            self.label.setStyleSheet("color: #1b5e20;")
        else:
            text = _("Not confirmed — check it against the NACC's manual")
            self.label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        if provenance.source:
            text += "\n" + _("Source: {source}").format(source=provenance.source)
        if provenance.checked_on:
            text += " " + _("(checked {date})").format(date=provenance.checked_on)
        self.label.setText(text)
        self.confirm_button.setEnabled(self.editable and not provenance.confirmed)
