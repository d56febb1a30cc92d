"""The body of a tall dialog in a scroll area, so that the dialog fits a 1366×768 screen (or
1280×720 at 125 %) and its buttons, kept below the body, stay on screen. On a big screen the
dialog still opens tall enough to show the whole body without a scroll bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QVBoxLayout, QWidget

MIN_BODY_HEIGHT = 180  # a few rows of the form stay visible however small the screen
OPEN_HEIGHT = 550  # the body at most this tall when the dialog opens: with its buttons the
# dialog fits 768 − taskbar − title bar


class ScrollBody(QScrollArea):
    """Put the form's widgets and layouts in `box`; add the error label and buttons below."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget(self)
        self.box = QVBoxLayout(self.content)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self.content)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 2

    def minimumSizeHint(self) -> QSize:
        # as wide as the form needs (no horizontal scrolling), but only a little of its height
        inner = self.content.minimumSizeHint()
        return QSize(inner.width() + self._bar(), min(inner.height(), MIN_BODY_HEIGHT))

    def sizeHint(self) -> QSize:
        inner = self.content.sizeHint()
        return QSize(inner.width() + self._bar(), min(inner.height() + 2, OPEN_HEIGHT))


def scrolled(widget: QWidget, parent: QWidget) -> ScrollBody:
    """`widget` (a tab's page, say) in a ScrollBody."""
    body = ScrollBody(parent)
    body.box.addWidget(widget)
    return body
