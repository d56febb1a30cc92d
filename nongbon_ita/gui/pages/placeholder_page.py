"""The page shown in place of an area the user's role may not open: it says so plainly (never
"coming soon", which sends users looking for an update) and who uses it instead."""

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
        soon = QLabel(_("This part of the program is not for your role."), self)
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
