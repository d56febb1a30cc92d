"""One measure: its plan (coordinator), its results with evidence and its 6/12-month progress
(the coordinator or the responsible person). Results and marks are saved as they are added."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
    Evidence,
    EvidenceKind,
    Measure,
    MeasureDraft,
    MeasureStatus,
)
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.ita.result_dialog import ResultDialog
from nongbon_ita.gui.widgets.be_date_edit import BeDateEdit
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.i18n.thaiformat import format_date_short
from nongbon_ita.i18n.translate import _, current_language
from nongbon_ita.services.ita.access import may_record
from nongbon_ita.services.registry import Services

ResultDialogOpener = Callable[[ResultDialog], bool]  # True when accepted


def exec_result_dialog(dialog: ResultDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


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
        self.tabs.addTab(self._plan_tab(), _("Plan"))
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
        tab = QWidget(self)
        self.results = QListWidget(tab)
        self.results.setWordWrap(True)
        self.results.itemDoubleClicked.connect(self._open_evidence)
        self.add_result_button = QPushButton(_("Add a result…"), tab)
        self.add_result_button.clicked.connect(self.add_result)
        self.delete_result_button = QPushButton(_("Delete the result"), tab)
        self.delete_result_button.clicked.connect(self.delete_result)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_result_button)
        buttons.addWidget(self.delete_result_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.results)
        layout.addLayout(buttons)
        return tab

    def _progress_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout(tab)
        self.percent: dict[int, QSpinBox] = {}
        self.note: dict[int, QLineEdit] = {}
        self.mark_buttons: dict[int, QPushButton] = {}
        for months in (6, 12):
            percent, note = QSpinBox(tab), QLineEdit(tab)
            percent.setRange(0, 100)
            percent.setSuffix(" %")
            button = QPushButton(_("Mark"), tab)
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
        for widget in (self.add_result_button, self.delete_result_button,
                       *self.mark_buttons.values()):  # fmt: skip
            widget.setEnabled(recorder)
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
        self._show_results(m)
        for months in (6, 12):
            mark = m.progress_at(months)
            self.percent[months].setValue(mark.percent if mark else 0)
            self.note[months].setText(mark.note if mark else "")

    def _show_results(self, m: Measure) -> None:
        thai = current_language() == "th"
        self.results.clear()
        if not m.results and m.result_text:
            self.results.addItem(_("Imported result (prints as is):") + "\n" + m.result_text)
        for result in m.results:
            when = format_date_short(result.done_on, thai) if result.done_on else "—"
            item = QListWidgetItem(f"{when}  {result.text}\n    "
                                   + _("recorded by {name}").format(name=result.recorded_by))  # fmt: skip
            item.setData(256, result.id)
            self.results.addItem(item)
            for ev in result.evidence:
                label = _("Link: {url}") if ev.kind is EvidenceKind.LINK else _("File: {name}")
                shown = QListWidgetItem("    " + label.format(url=ev.shown, name=ev.shown))
                shown.setData(257, ev)
                self.results.addItem(shown)

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

    def add_result(self) -> None:
        if self.measure is None:
            return
        dialog = ResultDialog(self, date.today())
        if not self._open_result(dialog) or dialog.entry is None:
            return
        try:
            updated = self.services.ita.results.add_result(self.user, self.measure.id, dialog.entry)
        except Exception as err:
            report_error(err, self)
            return
        self._replace(updated)

    def delete_result(self) -> None:
        item = self.results.currentItem()
        result_id = item.data(256) if item is not None else None
        if self.measure is None or result_id is None:
            messages.inform(self, _("Choose a result first."))
            return
        result = next(r for r in self.measure.results if r.id == result_id)
        if not messages.confirm(self, _("Delete this result and its evidence?")):
            return
        try:
            updated = self.services.ita.results.delete_result(self.user, result.id, result.version)
        except Exception as err:
            report_error(err, self)
            return
        self._replace(updated)

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

    def _open_evidence(self, item: QListWidgetItem) -> None:
        evidence = item.data(257)
        if not isinstance(evidence, Evidence):
            return
        if evidence.kind is EvidenceKind.LINK:
            QDesktopServices.openUrl(QUrl(evidence.url))
        else:
            path = self.services.ita.results.evidence_path(evidence)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
