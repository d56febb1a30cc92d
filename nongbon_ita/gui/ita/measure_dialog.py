"""One measure: its plan (coordinator), its results with evidence and its 6/12-month progress
(the coordinator or the responsible person). Results and marks are saved as they are added."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.calendar import fiscal_year_range
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.ita.catalogue import parse_oit_codes
from nongbon_ita.domain.ita.measure import (
    Measure,
    MeasureDraft,
    MeasureStatus,
)
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.ita.results_panel import (
    ResultDialogOpener,
    ResultsPanel,
    exec_result_dialog,
)
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.scroll_body import scrolled
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.ita.access import may_record
from nongbon_ita.services.registry import Services


class MeasureDialog(QDialog):
    def __init__(
        self, services: Services, user: CurrentUser, fiscal_year: int,
        measure: Measure | None = None, parent: QWidget | None = None,
        open_result: ResultDialogOpener = exec_result_dialog,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.fiscal_year = services, user, fiscal_year
        self.measure = measure
        self._open_result = open_result
        self.changed = False
        self.setWindowTitle(_("ITA measure of fiscal year {year}").format(year=fiscal_year))
        self.resize(820, 680)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scrolled(self._plan_tab(), self), _("Plan"))  # fits 1366×768
        self.tabs.addTab(self._results_tab(), _("Results and evidence"))
        self.tabs.addTab(self._progress_tab(), _("Progress"))
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill()

    # building -----------------------------------------------------------------------------
    def _plan_tab(self) -> QWidget:
        tab = QWidget(self)
        catalogue = self.services.ita.catalogue.catalogue(self.fiscal_year)
        self.catalogue = catalogue
        self.indicator = QComboBox(tab)
        for ind in catalogue.indicators:
            self.indicator.addItem(f"{ind.form.value} {ind.number}. {ind.name}", ind.number)
        self.indicator.currentIndexChanged.connect(self._indicator_changed)
        self.sub_indicator = QComboBox(tab)
        self.sub_indicator.setEditable(True)
        self.oit_items = QLineEdit(tab)
        self.oit_items.setPlaceholderText("O36, O37")
        self.issue = QPlainTextEdit(tab)
        self.plan = QPlainTextEdit(tab)
        self.plan.setPlaceholderText(_("One measure per line: “๑.…”, “๒.…” or “-…”"))
        self.responsible = QComboBox(tab)
        self.responsible.addItem(_("(nobody yet)"), None)
        for user_id, name in self.services.ita.plan.assignable_users():
            self.responsible.addItem(name, user_id)
        self.division = QComboBox(tab)
        self.division.addItem(_("(none)"), None)
        for division in self.services.office.divisions():
            self.division.addItem(division.name, division.id)
        span = fiscal_year_range(self.fiscal_year)
        self.start_on = BeDateEdit(tab, span.start)
        self.due_on = BeDateEdit(tab, span.end)
        self.time_frame = QLineEdit(tab)
        self.time_frame.setPlaceholderText(_("Leave empty to print the dates"))
        self.status = QComboBox(tab)
        for status in MeasureStatus:
            self.status.addItem(_(status.label_id), status.value)
        dates = QHBoxLayout()
        dates.addWidget(self.start_on)
        dates.addWidget(self.due_on)
        dates.addStretch(1)
        form = QFormLayout(tab)
        form.addRow(_("Indicator") + " *", self.indicator)
        form.addRow(_("Sub-indicator"), self.sub_indicator)
        form.addRow(_("OIT items"), self.oit_items)
        form.addRow(_("Issue to improve") + " *", self.issue)
        form.addRow(_("Measures / guidelines"), self.plan)
        form.addRow(_("Responsible person"), self.responsible)
        form.addRow(_("Responsible division"), self.division)
        form.addRow(_("From – to"), dates)
        form.addRow(_("Time frame as printed"), self.time_frame)
        form.addRow(_("Status"), self.status)
        self.plan_fields: list[QWidget] = [
            self.indicator, self.sub_indicator, self.oit_items, self.issue, self.plan,
            self.responsible, self.division, self.start_on, self.due_on, self.time_frame,
            self.status,
        ]  # fmt: skip
        return tab

    def _results_tab(self) -> QWidget:
        self.results_panel = ResultsPanel(self.services, self.user, self, self._open_result)
        self.results_panel.updated.connect(self._replace)
        # the panel's add button and action under the dialog's own names (the page flow uses them)
        self.add_result_button = self.results_panel.add_button
        self.add_result = self.results_panel.add_result
        return self.results_panel

    def _progress_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.percent: dict[int, QSpinBox] = {}
        self.note: dict[int, QLineEdit] = {}
        self.mark_buttons: dict[int, QPushButton] = {}
        for months in (6, 12):
            percent, note = DigitSpinBox(tab), QLineEdit(tab)
            percent.setRange(0, 100)
            percent.setSuffix(" %")
            # named after its round: beside the dialog's own Save, three "บันทึก" said nothing
            button = QPushButton(_("Record the {months}-month progress").format(months=months),
                                 tab)  # fmt: skip
            button.clicked.connect(lambda _c=False, m=months: self.mark(m))
            row = QHBoxLayout()
            row.addWidget(percent)
            row.addWidget(note, 1)
            row.addWidget(button)
            form.addRow(_("At {months} months").format(months=months), row)
            self.percent[months], self.note[months], self.mark_buttons[months] = (
                percent,
                note,
                button,
            )
        return tab

    # showing ------------------------------------------------------------------------------
    def _indicator_changed(self) -> None:
        number = self.indicator.currentData()
        current = self.sub_indicator.currentText()
        self.sub_indicator.clear()
        self.sub_indicator.addItem("")
        indicator = self.catalogue.indicator(number) if number is not None else None
        if indicator is not None:
            for sub in self.catalogue.subs_of(indicator.id):
                self.sub_indicator.addItem(sub.name)
        self.sub_indicator.setCurrentText(current)

    def _fill(self) -> None:
        m = self.measure
        coordinator = is_allowed(self.user, ItaOperation.EDIT_MEASURES)
        recorder = m is not None and may_record(self.user, m.responsible_user_id)
        for widget in self.plan_fields:
            widget.setEnabled(coordinator)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(coordinator)
        for button in self.mark_buttons.values():
            button.setEnabled(recorder)
        self.results_panel.show_measure(m, recorder)
        self._indicator_changed()
        if m is None:
            return
        self.indicator.setCurrentIndex(max(0, self.indicator.findData(m.indicator_number)))
        self.sub_indicator.setCurrentText(m.sub_indicator)
        self.oit_items.setText(", ".join(m.oit_items))
        self.issue.setPlainText(m.issue)
        self.plan.setPlainText(m.plan)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(m.responsible_user_id)))
        self.division.setCurrentIndex(max(0, self.division.findData(m.responsible_division_id)))
        self.start_on.setDate(m.start_on)
        self.due_on.setDate(m.due_on)
        self.time_frame.setText(m.time_frame)
        self.status.setCurrentIndex(self.status.findData(m.status.value))
        for months in (6, 12):
            mark = m.progress_at(months)
            self.percent[months].setValue(mark.percent if mark else 0)
            self.note[months].setText(mark.note if mark else "")

    # actions ------------------------------------------------------------------------------
    def draft(self) -> MeasureDraft:
        return MeasureDraft(
            indicator_number=self.indicator.currentData(),
            issue=self.issue.toPlainText(), plan=self.plan.toPlainText(),
            sub_indicator=self.sub_indicator.currentText(),
            oit_items=parse_oit_codes(self.oit_items.text()),
            responsible_division_id=self.division.currentData(),
            responsible_user_id=self.responsible.currentData(),
            time_frame=self.time_frame.text(), start_on=self.start_on.date(),
            due_on=self.due_on.date(), status=MeasureStatus(self.status.currentData()),
        )  # fmt: skip

    def save(self) -> None:
        plan = self.services.ita.plan
        try:
            draft = self.draft()
            if self.measure is None:
                self.measure = plan.create(self.user, self.fiscal_year, draft)
            else:
                self.measure = plan.update(self.user, self.measure.id, draft, self.measure.version)
        except DomainError as err:
            self.error.show_message(domain_message(err))
            return
        except Exception as err:
            report_error(err, self)
            return
        self.changed = True
        self.accept()

    def _replace(self, measure: Measure) -> None:
        self.measure, self.changed = measure, True
        self._fill()

    def mark(self, months: int) -> None:
        if self.measure is None:
            return
        try:
            updated = self.services.ita.plan.mark_progress(
                self.user, self.measure.id, months, self.percent[months].value(),
                self.note[months].text(),
            )  # fmt: skip
        except Exception as err:
            report_error(err, self)
            return
        self._replace(updated)
