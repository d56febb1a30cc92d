"""The year's measures (coordinator) or the measures assigned to me (staff): a table and the
measure dialog; the coordinator also adds, deletes, reorders (the order the measures plan and the
report print) and carries last year's measures over (by a reviewed item mapping)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nongbon_ita.domain.ita.measure import Measure
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.ita.carry_dialog import CarryDialog
from nongbon_ita.gui.ita.measure_dialog import MeasureDialog
from nongbon_ita.gui.ita.measure_files import MeasureFiles
from nongbon_ita.gui.widgets.record_table import make_table_view, selected_row
from nongbon_ita.gui.widgets.rows_model import RowsTableModel
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services

DialogOpener = Callable[[MeasureDialog], None]


def exec_dialog(dialog: MeasureDialog) -> None:
    dialog.exec()


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _mark(measure: Measure, months: int) -> str:
    mark = measure.progress_at(months)
    return f"{mark.percent}%" if mark else "—"


def columns(
    number: Callable[[Measure], str] | None = None,
) -> list[tuple[str, Callable[[Measure], str]]]:
    """Headers translated when the table is made (the language is chosen at start-up); with
    `number`, a first column shows each measure's place in its year."""
    first = [(_("No."), number)] if number is not None else []
    return [
        *first,
        (_("Year"), lambda m: str(m.fiscal_year)),
        (_("Form"), lambda m: m.form.value),
        (_("Indicator"), lambda m: _short(m.indicator, 40)),
        (_("Issue to improve"), lambda m: _short(m.issue, 40)),
        (_("Responsible"), lambda m: m.responsible_user or m.responsible_division or "—"),
        (_("Status"), lambda m: _(m.status.label_id)),
        (_("Results"), lambda m: str(len(m.results))),
        (_("6 months"), lambda m: _mark(m, 6)),
        (_("12 months"), lambda m: _mark(m, 12)),
    ]


class MeasuresTab(QWidget):
    changed = Signal()

    def __init__(
        self, services: Services, user: CurrentUser, mine: bool = False,
        parent: QWidget | None = None, open_dialog: DialogOpener = exec_dialog,
        **file_choosers: Any,  # tests: choose_file / choose_xlsx for MeasureFiles
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.mine = services, user, mine
        self.fiscal_year = 0
        self._open_dialog = open_dialog
        self.open_carry: Callable[[CarryDialog], object] = CarryDialog.exec  # tests replace it
        self.carry_dialog: CarryDialog | None = None
        self.dialog: MeasureDialog | None = None
        self._places: dict[int, int] = {}  # measure id -> its place in the year's order
        # "my measures" mixes years and skips others' measures: a number there would mislead
        number = None if mine else (lambda m: str(self._places.get(m.id, "")))
        self.model: RowsTableModel[Measure] = RowsTableModel(columns(number), self)
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._enable_moves())
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #555;")
        self.open_button = QPushButton(_("Open…"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button = QPushButton(_("New measure…"), self)
        self.new_button.clicked.connect(self.new_measure)
        self.delete_button = QPushButton(_("Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.copy_button = QPushButton(_("Carry from last year…"), self)
        self.copy_button.clicked.connect(self.copy_last_year)
        self.up_button = QPushButton(_("Move up"), self)
        self.up_button.clicked.connect(self.move_up)
        self.down_button = QPushButton(_("Move down"), self)
        self.down_button.clicked.connect(self.move_down)
        planner = is_allowed(user, ItaOperation.EDIT_MEASURES) and not mine
        self._shortcuts: dict[QPushButton, QShortcut] = {}
        for button, keys in ((self.up_button, "Ctrl+Up"), (self.down_button, "Ctrl+Down")):
            button.setToolTip(keys)
            if planner:  # on the table only, so the arrows keep their meaning elsewhere
                shortcut = QShortcut(QKeySequence(keys), self.view, button.click)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                self._shortcuts[button] = shortcut
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        for button in (self.new_button, self.delete_button, self.up_button, self.down_button,
                       self.copy_button):  # fmt: skip
            button.setVisible(planner)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.files: MeasureFiles | None = None
        if not mine:
            self.files = MeasureFiles(services, user, self, lambda: self.fiscal_year,
                                      self.model.rowCount, **file_choosers)  # fmt: skip
            self.files.imported.connect(
                lambda _n: (self.load(self.fiscal_year), self.changed.emit())
            )
            # a second row: one row of eight buttons is wider than a 1366×768 screen at 125 %
            files_row = QHBoxLayout()
            files_row.addWidget(self.files.import_button)
            files_row.addWidget(self.files.export_button)
            files_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        if self.files is not None:
            layout.addLayout(files_row)

    def load(self, fiscal_year: int) -> None:
        """Read the rows again; the chosen measure stays chosen if it is still listed."""
        kept = self._selected()
        self.fiscal_year = fiscal_year
        plan = self.services.ita.plan
        if self.mine:
            rows = plan.assigned_to(self.user.id)
            self.hint.setText(_("Measures you are responsible for, in every year. Open one to "
                                "add results, evidence and progress."))  # fmt: skip
        else:
            rows = plan.measures(fiscal_year)
            self.hint.setText(on_screen(_("{n} measures in fiscal year {year}.").format(
                n=len(rows), year=fiscal_year)))  # fmt: skip
        self._places = {m.id: place for place, m in enumerate(rows, start=1)}
        self.model.set_rows(rows)
        if kept is not None:
            self.select_measure(kept.id)
        self._enable_moves()

    def select_measure(self, measure_id: int) -> None:
        for row, measure in enumerate(self.model.rows()):
            if measure.id == measure_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return

    def _enable_moves(self) -> None:
        """Up and down only where a move can apply: a chosen measure that is not first/last."""
        row = selected_row(self.view)
        self.up_button.setEnabled(row is not None and row > 0)
        self.down_button.setEnabled(row is not None and row < self.model.rowCount() - 1)
        for button, shortcut in self._shortcuts.items():
            shortcut.setEnabled(button.isEnabled())

    def _selected(self) -> Measure | None:
        row = selected_row(self.view)
        return None if row is None else self.model.row_at(row)

    def _run(self, measure: Measure | None) -> None:
        year = measure.fiscal_year if measure else self.fiscal_year
        self.dialog = MeasureDialog(self.services, self.user, year, measure, self)
        self._open_dialog(self.dialog)
        if self.dialog.changed:
            self.load(self.fiscal_year)
            self.changed.emit()

    def open_selected(self) -> None:
        measure = self._selected()
        if measure is None:
            messages.inform(self, _("Choose a measure first."))
            return
        self._run(measure)

    def new_measure(self) -> None:
        self._run(None)

    def delete_selected(self) -> None:
        measure = self._selected()
        if measure is None:
            messages.inform(self, _("Choose a measure first."))
            return
        if not messages.confirm(self, _("Delete this measure with its results?")):
            return
        try:
            self.services.ita.plan.delete(self.user, measure.id, measure.version)
        except Exception as err:
            report_error(err, self)
        self.load(self.fiscal_year)
        self.changed.emit()

    def move_up(self) -> None:
        self._move(down=False)

    def move_down(self) -> None:
        self._move(down=True)

    def _move(self, down: bool) -> None:
        measure = self._selected()
        if measure is None:
            return
        order = self.services.ita.order
        move = order.move_down if down else order.move_up
        try:
            move(self.user, measure.id, measure.version)
        except Exception as err:
            report_error(err, self)  # e.g. someone else moved or edited it: show the order now
        self.load(self.fiscal_year)  # keeps the moved measure chosen, at its new place
        self.changed.emit()

    def copy_last_year(self) -> None:
        """Last year's measures (and OIT evidence) into this year, after the mapping review."""
        if not self.services.ita.catalogue.catalogue(self.fiscal_year).items:
            question = _("Fiscal year {year} has no catalogue yet. Start it from the latest list "
                         "(unconfirmed) first?").format(year=self.fiscal_year)  # fmt: skip
            if not messages.confirm(self, question):
                return
            try:
                self.services.ita.years.start_year(self.user, self.fiscal_year)
            except Exception as err:
                report_error(err, self)
                return
        self.carry_dialog = CarryDialog(self.services, self.user, self.fiscal_year, self)
        self.open_carry(self.carry_dialog)
        if self.carry_dialog.result is not None:
            self.load(self.fiscal_year)
            self.changed.emit()
