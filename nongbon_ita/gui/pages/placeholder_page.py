"""A clear "coming soon" page for areas a later release fills in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nongbon_ita.i18n.translate import _


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        heading.setFont(font)
        soon = QLabel(_("Coming soon: this part of the program is not ready yet."), self)
        soon.setStyleSheet("color: #555; font-size: 12pt;")
        soon.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(heading)
        layout.addWidget(soon)
        if description:
            detail = QLabel(description, self)
            detail.setWordWrap(True)
            layout.addWidget(detail)
        layout.addStretch(1)
        for label in self.findChildren(QLabel):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
