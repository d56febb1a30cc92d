"""Last year's ITA results: the overall score, one score per indicator, the threshold.

Indicators under the threshold are highlighted; "Create measures for flagged indicators" drafts
this year's measures for them (the measures plan starts from there).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.ita.catalogue import Indicator, YearScores, needs_measures, parse_score
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.ita.shipped import nearest_shipped, shipped_catalogue
from nongbon_ita.services.registry import Services

FLAGGED = QColor("#f8d7da")
SCORE_COLUMN = 3


class ScoresTab(QWidget):
    measures_created = Signal(int)  # how many

    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.user = services, user
        self.fiscal_year = 0
        self.scores: YearScores | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)
        self.overall = QLineEdit(self)
        self.threshold = QLineEdit(self)
        self.forms = {form: QLineEdit(self) for form in AssessmentForm}
        self.level = QLabel(self)
        self.level.setStyleSheet("font-weight: bold;")
        for edit in (self.overall, self.threshold, *self.forms.values()):
            edit.setMaximumWidth(120)
        form = QFormLayout()
        forms_row = QHBoxLayout()  # one row: the tab fits a 1280×720 screen at 125 %
        for assessment, edit in self.forms.items():
            forms_row.addWidget(QLabel(assessment.value, self))
            forms_row.addWidget(edit)
        forms_row.addStretch(1)
        form.addRow(_("Form scores"), forms_row)
        total_row = QHBoxLayout()
        total_row.addWidget(self.overall)
        total_row.addWidget(self.level)
        total_row.addStretch(1)
        form.addRow(_("Overall ITA score"), total_row)
        form.addRow(_("Threshold (needs measures below)"), self.threshold)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [_("Form"), _("No."), _("Indicator"), _("Score"), _("Needs measures")]
        )
        self.table.verticalHeader().setVisible(False)
        # every column as wide as its header and cells ("ต้องจัดทำมาตรการ" was cut), the name stretches
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._score_edited)
        self.save_button = QPushButton(_("Save scores"), self)
        self.save_button.clicked.connect(self.save)
        self.create_button = QPushButton(_("Create measures for flagged indicators"), self)
        self.create_button.clicked.connect(self.create_measures)
        editable = is_allowed(user, ItaOperation.EDIT_SCORES)
        self.save_button.setEnabled(editable)
        self.create_button.setEnabled(is_allowed(user, ItaOperation.EDIT_MEASURES))
        self.overall.setReadOnly(not editable)
        for edit in self.forms.values():
            edit.setReadOnly(not editable)
        self.threshold.setReadOnly(not editable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    @property
    def assessment_year(self) -> int:
        """The scores shown are those of the year before the plan year."""
        return self.fiscal_year - 1

    def load(self, fiscal_year: int) -> None:
        self.fiscal_year = fiscal_year
        self.heading.setText(on_screen(
            _("Results of the ITA assessment of fiscal year {year}: the measures of {plan} "
              "answer them.").format(year=self.assessment_year, plan=fiscal_year)
        ))  # fmt: skip
        scores = self.services.ita.scores.scores(self.assessment_year)
        if not scores.indicators:  # no catalogue yet: saving the scores makes one
            scores = YearScores(self.assessment_year, None, scores.threshold,
                                self._placeholder_indicators(fiscal_year), 0)  # fmt: skip
        self.scores = scores
        self.overall.setText("" if scores.overall_score is None else str(scores.overall_score))
        for assessment, edit in self.forms.items():
            value = scores.forms.get(assessment)
            edit.setText("" if value is None else str(value))
        weights = " / ".join(f"{f.value} {w}" for f, w in scores.weights.items())
        self.overall.setToolTip(_("The forms' total with the weights {weights}").format(
            weights=weights))  # fmt: skip
        self.level.setText(scores.level.value if scores.level else "-")
        self.threshold.setText(str(scores.threshold))
        self.table.blockSignals(True)
        self.table.setRowCount(len(scores.indicators))
        for row, indicator in enumerate(scores.indicators):
            cells = [indicator.form.value, str(indicator.number), indicator.name,
                     "" if indicator.score is None else str(indicator.score), ""]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != SCORE_COLUMN or not self.save_button.isEnabled():
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(Qt.ItemDataRole.UserRole, indicator.number)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._highlight()

    def _placeholder_indicators(self, fiscal_year: int) -> tuple[Indicator, ...]:
        """This year's indicators, else the shipped list: what saving will put in place."""
        found = self.services.ita.catalogue.catalogue(fiscal_year).indicators
        if found:
            return found
        shipped = shipped_catalogue(nearest_shipped(fiscal_year))
        return tuple(Indicator(0, self.assessment_year, i.form, i.number, i.name)
                     for i in shipped.indicators)  # fmt: skip

    def _threshold(self) -> float:
        try:
            return float(parse_score(self.threshold.text(), "threshold") or 85)
        except Exception:  # while typing: keep the default
            return 85.0

    def _score_edited(self, _item: QTableWidgetItem) -> None:
        self._highlight()

    def _highlight(self) -> None:
        """Rows under the threshold in red, with "yes" in the last column."""
        from decimal import Decimal

        threshold = Decimal(str(self._threshold()))
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            try:
                score = parse_score(self.table.item(row, SCORE_COLUMN).text())
            except Exception:
                score = None
            flagged = needs_measures(score, threshold)
            self.table.item(row, 4).setText(_("yes") if flagged else "")
            for column in range(self.table.columnCount()):
                self.table.item(row, column).setBackground(QBrush(FLAGGED) if flagged else QBrush())
        self.table.blockSignals(False)

    def flagged_numbers(self) -> list[int]:
        return [int(self.table.item(r, 1).text()) for r in range(self.table.rowCount())
                if self.table.item(r, 4).text()]  # fmt: skip

    def save(self) -> bool:
        by_number = {
            int(self.table.item(r, 1).text()): self.table.item(r, SCORE_COLUMN).text()
            for r in range(self.table.rowCount())
        }
        try:
            self.services.ita.scores.set_scores(
                self.user, self.assessment_year, self.overall.text(), by_number,
                self.threshold.text(), self.scores.version if self.scores else None,
                {f: edit.text() for f, edit in self.forms.items()},
            )  # fmt: skip
        except Exception as err:
            report_error(err, self)
            return False
        self.load(self.fiscal_year)
        return True

    def create_measures(self) -> None:
        if self.save_button.isEnabled() and not self.save():
            return
        try:
            made = self.services.ita.plan.create_for_flagged(self.user, self.fiscal_year)
        except Exception as err:
            report_error(err, self)
            return
        messages.inform(self, _("{n} draft measures created for fiscal year {year}.").format(
            n=len(made), year=self.fiscal_year))  # fmt: skip
        self.measures_created.emit(len(made))
