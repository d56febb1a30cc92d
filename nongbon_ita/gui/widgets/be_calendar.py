"""A month calendar whose navigation shows Thai month names and Buddhist Era years."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.calendar import BE_OFFSET
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.i18n.thaiformat import THAI_MONTHS
from nongbon_ita.i18n.translate import _

MIN_YEAR_CE, MAX_YEAR_CE = 1900, 2200


class BeCalendar(QWidget):
    """QCalendarWidget with its own header: ‹ month [year B.E.] ›. Emits `picked(date)`."""

    picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = QCalendarWidget(self)
        self.calendar.setNavigationBarVisible(False)
        self.calendar.setLocale(QLocale(QLocale.Language.Thai, QLocale.Country.Thailand))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setGridVisible(True)
        self.prev_button = QToolButton(self)
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolTip(_("Previous month"))
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(_("Next month"))
        self.month_combo = QComboBox(self)
        self.month_combo.addItems(list(THAI_MONTHS))
        self.year_spin = DigitSpinBox(self)
        self.year_spin.setRange(MIN_YEAR_CE + BE_OFFSET, MAX_YEAR_CE + BE_OFFSET)
        self.year_spin.setPrefix(_("B.E.") + " ")
        self.year_spin.setToolTip(_("Year in the Buddhist Era (พ.ศ.)"))
        header = QHBoxLayout()
        header.setContentsMargins(4, 4, 4, 4)
        header.addWidget(self.prev_button)
        header.addWidget(self.month_combo, 1)
        header.addWidget(self.year_spin)
        header.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.calendar)
        self.prev_button.clicked.connect(self.calendar.showPreviousMonth)
        self.next_button.clicked.connect(self.calendar.showNextMonth)
        self.month_combo.activated.connect(self._navigate)
        self.year_spin.valueChanged.connect(self._navigate)
        self.calendar.currentPageChanged.connect(self._sync_header)
        self.calendar.clicked.connect(self._emit)
        self.calendar.activated.connect(self._emit)
        self._sync_header(self.calendar.yearShown(), self.calendar.monthShown())

    def _navigate(self) -> None:
        self.calendar.setCurrentPage(
            self.year_spin.value() - BE_OFFSET, self.month_combo.currentIndex() + 1
        )

    def _sync_header(self, year: int, month: int) -> None:
        for widget in (self.month_combo, self.year_spin):
            widget.blockSignals(True)
        self.month_combo.setCurrentIndex(month - 1)
        self.year_spin.setValue(year + BE_OFFSET)
        for widget in (self.month_combo, self.year_spin):
            widget.blockSignals(False)

    def _emit(self, qdate: QDate) -> None:
        self.picked.emit(date(qdate.year(), qdate.month(), qdate.day()))

    def set_selected(self, day: date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)

    def shown_year_be(self) -> int:
        return self.year_spin.value()


class BeCalendarPopup(QFrame):
    """The calendar in a pop-up frame that closes when a day is picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.be_calendar = BeCalendar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.be_calendar)
        self.be_calendar.picked.connect(lambda _day: self.close())
