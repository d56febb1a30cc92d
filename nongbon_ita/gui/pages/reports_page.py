"""Reports: pick a document and a fiscal year (B.E.), preview it, then print or save it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.calendar import fiscal_year, fiscal_year_range
from nongbon_ita.gui import messages
from nongbon_ita.gui.widgets.dialog_hooks import open_preview_dialog
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog
from nongbon_ita.gui.widgets.previewer import Previewer, PreviewOpener
from nongbon_ita.i18n.digits import on_screen, screen_thai
from nongbon_ita.i18n.thaiformat import format_date_short
from nongbon_ita.i18n.translate import _

Render = Callable[[int], bytes]  # fiscal year (B.E.) → PDF bytes


@dataclass
class ReportDocument:
    title: str
    render: Render | None
    file_stem: str  # the saved file is "<stem>-<year>.pdf"


class ReportsPage(QWidget):
    """`render(fiscal_year_be) -> pdf bytes` makes the measures report; more documents via add_document."""

    preview_opened = Signal(object)  # the DocumentPreviewDialog

    def __init__(
        self, render: Render | None = None, parent: QWidget | None = None, *,
        today: Callable[[], date] = date.today, open_preview: PreviewOpener = open_preview_dialog,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.documents: list[ReportDocument] = []
        self.previewer = Previewer(self, open_preview)
        self.previewer.busy.connect(self._busy)
        self.previewer.opened.connect(self._opened)
        self.preview: DocumentPreviewDialog | None = None
        heading = QLabel(_("Reports"), self)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setMaximumWidth(760)  # the longest title whole at 1366×768 (420 cut it)
        self.list.setWordWrap(True)  # and wrapped rather than cut on a narrower window
        self.year_spin = DigitSpinBox(self)
        self.year_spin.setRange(2550, 2700)
        self.year_spin.setValue(fiscal_year(today()))
        self.year_spin.setToolTip(_("Fiscal year in the Buddhist Era (1 October – 30 September)"))
        self.year_spin.setFixedWidth(120)
        self.range_label = QLabel(self)
        self.range_label.setStyleSheet("color: #555;")
        self.year_spin.valueChanged.connect(self._show_range)
        self._show_range(self.year_spin.value())
        self.preview_button = QPushButton(_("Preview…"), self)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview_selected)
        self.list.itemDoubleClicked.connect(lambda _item: self.preview_selected())
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        form = QFormLayout()
        year_row = QHBoxLayout()
        year_row.addWidget(self.year_spin)
        year_row.addWidget(self.range_label)
        year_row.addStretch(1)
        form.addRow(_("Fiscal year (B.E.)"), year_row)
        actions = QHBoxLayout()
        actions.addWidget(self.preview_button)
        actions.addWidget(self.progress)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(heading)
        layout.addWidget(QLabel(_("Document"), self))
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.add_document(
            _("Measures report: results of the integrity measures"), render, "measures-report"
        )
        self.list.setCurrentRow(0)

    def add_document(self, title: str, render: Render | None, file_stem: str) -> None:
        self.documents.append(ReportDocument(title, render, file_stem))
        shown = on_screen(title)  # titles are composed by the program: the office's digits
        self.list.addItem(shown)
        self.list.item(self.list.count() - 1).setToolTip(shown)

    def _show_range(self, year: int) -> None:
        span = fiscal_year_range(year)
        thai = screen_thai()
        self.range_label.setText(
            f"({format_date_short(span.start, thai)} – {format_date_short(span.end, thai)})"
        )

    def fiscal_year(self) -> int:
        return self.year_spin.value()

    def preview_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            messages.inform(self, _("Choose a document first."))
            return
        document, year = self.documents[row], self.fiscal_year()
        render = document.render
        if render is None:
            messages.inform(self, _("This document is not available yet."))
            return
        title = _("{document} — fiscal year {year}").format(document=document.title, year=year)
        self.previewer.show(title, lambda: render(year), f"{document.file_stem}-{year}.pdf")

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.preview_button.setEnabled(not busy)

    def _opened(self, preview: DocumentPreviewDialog) -> None:
        self.preview = preview
        self.preview_opened.emit(preview)
