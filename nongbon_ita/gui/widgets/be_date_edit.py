"""The B.E. date input: type 15/01/2567 (Thai digits too) or pick from a B.E. calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from nongbon_ita.domain.calendar import parse_be_date
from nongbon_ita.gui.widgets.be_calendar import BeCalendarPopup
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.thaiformat import format_date_numeric
from nongbon_ita.i18n.translate import _


def calendar_icon(size: int = 20) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#444"), 1.5))
    body = QRectF(2.5, 4.5, size - 5, size - 7)
    painter.drawRoundedRect(body, 2, 2)
    painter.fillRect(QRectF(2.5, 4.5, size - 5, 4), QColor("#c62828"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#444"))
    for row in range(2):
        for col in range(3):
            painter.drawRect(QRectF(5.5 + col * 3.6, 10.5 + row * 3.4, 2, 2))
    painter.end()
    return QIcon(pixmap)


class BeDateEdit(QWidget):
    """date() is a datetime.date or None (empty or impossible); dateChanged(date | None)."""

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, value: date | None = None) -> None:
        super().__init__(parent)
        self._date: date | None = None
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(_("dd/mm/yyyy B.E., e.g. 15/01/2567"))
        self.line_edit.setMinimumWidth(190)
        self.button = QToolButton(self)
        self.button.setIcon(calendar_icon())
        self.button.setToolTip(_("Choose from the calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.error_label = ErrorLabel(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line_edit, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self.popup: BeCalendarPopup | None = None
        self.line_edit.textEdited.connect(self._typed)
        self.line_edit.editingFinished.connect(self._finished)
        self.button.clicked.connect(self.show_calendar)
        self.setFocusProxy(self.line_edit)
        if value is not None:
            self.setDate(value)

    # public API -------------------------------------------------------------------------------
    def date(self) -> date | None:
        return self._date

    def setDate(self, value: date | None) -> None:
        self.line_edit.setText("" if value is None else format_date_numeric(value))
        self.error_label.clear_message()
        self._store(value)

    def text(self) -> str:
        return self.line_edit.text()

    def setText(self, text: str) -> None:
        """Set the typed text as if the user had typed it and left the field."""
        self.line_edit.setText(text)
        self._typed(text)
        self._finished()

    def is_valid(self) -> bool:
        """True when empty or a real date."""
        return not self.line_edit.text().strip() or self._date is not None

    # behaviour --------------------------------------------------------------------------------
    def _parse(self, text: str) -> date | None:
        try:
            return parse_be_date(text)
        except ValueError:
            return None

    def _typed(self, text: str) -> None:
        value = self._parse(text)
        if value is not None:
            self.error_label.clear_message()
        self._store(value)

    def _finished(self) -> None:
        text = self.line_edit.text().strip()
        if text and self._date is None:
            self.error_label.show_message(
                _("“{text}” is not a real date. Type day/month/year in B.E., e.g. 15/01/2567.").format(
                    text=text)
            )  # fmt: skip
        else:
            self.error_label.clear_message()

    def _store(self, value: date | None) -> None:
        if value != self._date:
            self._date = value
            self.dateChanged.emit(value)

    def show_calendar(self) -> BeCalendarPopup:
        if self.popup is None:
            self.popup = BeCalendarPopup(self)
            self.popup.be_calendar.picked.connect(self.setDate)
        self.popup.be_calendar.set_selected(self._date or date.today())
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.line_edit.height())))
        self.popup.show()
        return self.popup
