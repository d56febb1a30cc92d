"""The holidays deadlines count with, one year (B.E.) at a time: the `holidays` package's days
and the office's own, each saying where it came from; the office adds days and removes (or
restores) any."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.complaints.common import run_inline
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.record_table import make_table_view, selected_row
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.i18n.digits import on_screen, screen_thai
from nongbon_ita.i18n.thaiformat import format_date_long
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.complaints.holiday_source import Holiday
from nongbon_ita.services.complaints.settings import ComplaintSettingsService

BE_OFFSET = 543


class HolidaysTab(QWidget):
    """`changed` is emitted after a holiday was added or removed (open deadlines moved)."""

    changed = Signal()

    def __init__(self, settings: ComplaintSettingsService, user: CurrentUser, year_ad: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.settings, self.user = settings, user
        self.year_spin = DigitSpinBox(self)
        self.year_spin.setRange(2550, 2700)
        self.year_spin.setValue(year_ad + BE_OFFSET)
        self.year_spin.setFixedWidth(110)
        self.year_spin.setToolTip(_("Calendar year in the Buddhist Era"))
        self.model: RowsTableModel[Holiday] = RowsTableModel(
            [(_("Date"), lambda h: format_date_long(h.day, thai=screen_thai())),
             (_("Holiday"), lambda h: h.name),
             (_("From"), lambda h: _(h.source.label_id)
              + (" — " + _("removed: the office works") if h.removed else ""))],
            self,
        )  # fmt: skip
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.count_label = QLabel(self)
        self.day_edit = BeDateEdit(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(_("Name of the holiday, e.g. วันหยุดชดเชย"))
        self.add_button = QPushButton(_("Add holiday"), self)
        self.remove_button = QPushButton(_("Remove or restore…"), self)
        self.error = ErrorLabel(self)
        self.year_spin.valueChanged.connect(lambda _y: self.refresh())
        self.add_button.clicked.connect(self.add)
        self.name_edit.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Year (B.E.)"), self))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        top.addWidget(self.count_label)
        adding = QHBoxLayout()
        adding.addWidget(self.day_edit)
        adding.addWidget(self.name_edit, 1)
        adding.addWidget(self.add_button)
        below = QHBoxLayout()
        below.addWidget(self.remove_button)
        below.addStretch(1)
        hint = QLabel(_("The public and government holidays come from the holidays package; "
                        "add the office's own days and remove the ones it works on. Weekends "
                        "are never working days. Adding or removing a holiday moves the "
                        "deadlines of complaints still open."), self)  # fmt: skip
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(below)
        layout.addWidget(QLabel(_("Add a holiday:"), self))
        layout.addLayout(adding)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        self.refresh()

    def year_ad(self) -> int:
        return self.year_spin.value() - BE_OFFSET

    def refresh(self) -> None:
        try:
            shown = self.settings.holidays(self.year_ad())
        except Exception as err:
            report_error(err, self)
            return
        self.model.set_rows(shown)
        days_off = sum(1 for h in shown if not h.removed)
        self.count_label.setText(_("{n} holidays").format(n=on_screen(days_off)))

    def add(self) -> None:
        self.error.clear_message()
        day = self.day_edit.date()
        if day is None:
            self.error.show_message(_("Type or choose the day of the holiday."))
            return
        name = self.name_edit.text()
        if not run_inline(
            self, self.error, lambda: self.settings.add_holiday(self.user, day, name)
        ):
            return
        self.day_edit.setDate(None)
        self.name_edit.clear()
        if day.year != self.year_ad():
            self.year_spin.setValue(day.year + BE_OFFSET)  # refreshes
        else:
            self.refresh()
        self.changed.emit()

    def remove_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            self.error.show_message(_("Select a holiday in the list first."))
            return
        holiday = self.model.row_at(row)
        if holiday.removed:  # a package day the office had removed: a day off again
            self._restore(holiday)
            return
        question = _("Remove “{name}” ({day}) from the holiday list? The deadlines of open "
                     "complaints will be counted again.")  # fmt: skip
        when = format_date_long(holiday.day, thai=screen_thai())
        if not messages.confirm(self, question.format(name=holiday.name, day=when),
                                yes_text=_("Remove")):  # fmt: skip
            return
        try:
            self.settings.remove_holiday(self.user, holiday.day)
        except Exception as err:
            report_error(err, self)
            return
        self.error.clear_message()
        self.refresh()
        self.changed.emit()

    def _restore(self, holiday: Holiday) -> None:
        if run_inline(self, self.error,
                      lambda: self.settings.add_holiday(self.user, holiday.day, holiday.name)):  # fmt: skip
            self.refresh()
            self.changed.emit()
