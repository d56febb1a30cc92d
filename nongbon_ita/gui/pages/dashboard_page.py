"""The home page: a welcome with the office name and today's date (B.E.), then each area's
summary (overdue loans, requests to approve, complaints and measures due). It scrolls on a small
screen, and reads its sections again whenever it is shown, so a change made on another page is
there when the user comes back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.digits import screen_thai
from nongbon_ita.i18n.thaiformat import format_date_long
from nongbon_ita.i18n.translate import _


class DashboardPage(QWidget):
    def __init__(
        self, user: CurrentUser, office_name: str, parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._today = today
        self.office_label = QLabel(office_name, self)
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + 8)
        big.setBold(True)
        self.office_label.setFont(big)
        self.office_label.setWordWrap(True)
        self.welcome_label = QLabel(_("Welcome, {name}").format(name=user.full_name), self)
        medium = QFont(self.font())
        medium.setPointSize(medium.pointSize() + 3)
        self.welcome_label.setFont(medium)
        self.date_label = QLabel(self)
        self.date_label.setFont(medium)
        self.refresh_date()
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        self.coming_label = coming = QLabel(
            _("Overdue loans, complaints near their deadline and measures due will be listed "
              "here in a later version."),
            self,
        )  # fmt: skip
        coming.setWordWrap(True)
        coming.setStyleSheet("color: #555;")
        content = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._layout = layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        for widget in (self.office_label, self.welcome_label, self.date_label, line, coming):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.sections: dict[str, QWidget] = {}
        self._shown = False

    def add_section(self, key: str, title: str, widget: QWidget) -> None:
        """An area's summary (overdue loans, complaints due, measures due) under a heading."""
        heading = QLabel(title, self)
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        heading.setFont(font)
        at = self._layout.count() - 1  # before the stretch
        self._layout.insertWidget(at, heading)
        self._layout.insertWidget(at + 1, widget)  # as tall as its rows (TableSection)
        self.sections[key] = widget
        self.coming_label.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown:  # the first time, the sections were read as they were built
            self.refresh()
        self._shown = True

    def refresh(self) -> None:
        """Today's date and every section read again (after any change elsewhere)."""
        self.refresh_date()
        for section in self.sections.values():
            refresh = getattr(section, "refresh", None)
            if callable(refresh):
                refresh()

    def refresh_date(self) -> None:
        day = format_date_long(self._today(), thai=screen_thai())
        self.date_label.setText(_("Today is {date}").format(date=day))
