"""Complaint statistics from the GUI: a fiscal year or one of its halves, as the PDF the
office publishes (previewed) or as an Excel workbook. The figures hold no personal data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.calendar import fiscal_year
from nongbon_ita.domain.complaints.stats import stats_period
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.complaints import common
from nongbon_ita.gui.widgets.background import BackgroundRunner
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog
from nongbon_ita.gui.widgets.saving import with_suffix, write_or_warn
from nongbon_ita.i18n.digits import screen_thai
from nongbon_ita.i18n.thaiformat import format_date_long
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


class StatisticsDialog(QDialog):
    """`preview_opened(DocumentPreviewDialog)` and `exported(Path)` tell tests the work is done."""

    preview_opened = Signal(object)
    exported = Signal(object)

    def __init__(self, services: Services, user: CurrentUser, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Complaint statistics"))
        self.stats, self.user = services.complaints.stats, user
        self.runner = BackgroundRunner(self)  # the PDF or workbook being made
        self.preview: DocumentPreviewDialog | None = None
        self.year_spin = DigitSpinBox(self)
        self.year_spin.setRange(2550, 2700)
        self.year_spin.setValue(fiscal_year(services.complaints.queries.today()))
        self.year_spin.setToolTip(_("Fiscal year in the Buddhist Era (1 October – 30 September)"))
        self.year_spin.setFixedWidth(120)
        self.period = QComboBox(self)
        self.period.addItem(_("Whole fiscal year"), None)
        self.period.addItem(_("First half (October–March)"), 1)
        self.period.addItem(_("Second half (April–September)"), 2)
        self.range_label = QLabel(self)
        self.range_label.setStyleSheet("color: #555;")
        self.preview_button = QPushButton(_("Preview PDF…"), self)
        self.preview_button.setDefault(True)
        self.export_button = QPushButton(_("Export to Excel…"), self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy, no percentage
        self.progress.hide()
        self.year_spin.valueChanged.connect(lambda _v: self._show_range())
        self.period.currentIndexChanged.connect(lambda _i: self._show_range())
        self.preview_button.clicked.connect(self.preview_pdf)
        self.export_button.clicked.connect(self.export_xlsx)
        self.runner.busy.connect(self._busy)
        form = QFormLayout()
        form.addRow(_("Fiscal year (B.E.)"), self.year_spin)
        form.addRow(_("Period"), self.period)
        form.addRow("", self.range_label)
        note = QLabel(_("The statistics count complaints by the day they were received. They "
                        "hold no complainant's name or other personal data and may be "
                        "published as they are."), self)  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        actions = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        actions.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        actions.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        actions.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(actions)
        self.resize(560, 240)
        self._show_range()

    def choice(self) -> tuple[int, int | None]:
        return self.year_spin.value(), self.period.currentData()

    def file_stem(self) -> str:
        return self.stats.file_stem(*self.choice())  # the year's code: O29 in 2566, O18 in 2569

    def _show_range(self) -> None:
        year, half = self.choice()
        period = stats_period(year, half)
        self.range_label.setText(_("{start} to {end}").format(
            start=format_date_long(period.start, thai=screen_thai()),
            end=format_date_long(period.end, thai=screen_thai())))  # fmt: skip

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.preview_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)

    def preview_pdf(self) -> None:
        year, half = self.choice()
        stats, user = self.stats, self.user
        self.runner.run(lambda: stats.pdf(user, year, half), self._show_pdf)

    def _show_pdf(self, pdf: bytes) -> None:
        title = f"{self.windowTitle()} — {self.period.currentText()} {self.year_spin.value()}"
        self.preview = common.show_pdf(self, title, pdf, self.file_stem() + ".pdf")
        self.preview_opened.emit(self.preview)

    def export_xlsx(self) -> None:
        chosen = common.choose_xlsx_path(self, self.file_stem() + ".xlsx")
        if not chosen:
            return
        path = with_suffix(chosen, ".xlsx")
        year, half = self.choice()
        stats, user = self.stats, self.user
        self.runner.run(lambda: stats.xlsx(user, year, half), lambda data: self._write(path, data))

    def _write(self, path: Path, data: bytes) -> None:
        if write_or_warn(self, path, data):
            messages.inform(self, _("The statistics were saved to {path}.").format(path=path))
            self.exported.emit(path)
