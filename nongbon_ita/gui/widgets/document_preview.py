"""Preview a PDF, print it through the system printer dialog, save it as a file.

System dialogs are injectable so that tests never block: `print_dialog_factory(printer, parent)`
returns something with `exec() -> int` (QDialog.Accepted to print), and
`save_path_chooser(parent, suggested_file_name) -> str | None`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.gui import messages
from nongbon_ita.gui.widgets.buttons import command_button
from nongbon_ita.gui.widgets.print_job import PrintJob, PrintProgressDialog, page_span
from nongbon_ita.gui.widgets.saving import in_documents, save_bytes, with_suffix
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _

ZOOM_STEP = 1.25


class DialogLike(Protocol):
    def exec(self) -> int: ...


PrintDialogFactory = Callable[[QPrinter, QWidget], DialogLike]
SavePathChooser = Callable[[QWidget, str], str | None]


def system_print_dialog(printer: QPrinter, parent: QWidget) -> DialogLike:
    return QPrintDialog(printer, parent)


def choose_save_path(parent: QWidget, suggested_file_name: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Save as PDF"), in_documents(suggested_file_name), _("PDF documents") + " (*.pdf)"
    )
    return path or None


class DocumentPreviewDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, title: str, pdf_bytes: bytes, suggested_file_name: str,
        print_dialog_factory: PrintDialogFactory | None = None,
        save_path_chooser: SavePathChooser | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 690)  # fits 1366×768 (taskbar and title bar included)
        self.pdf_bytes = pdf_bytes
        self.suggested_file_name = suggested_file_name
        self._print_dialog_factory = print_dialog_factory or system_print_dialog
        self._save_path_chooser = save_path_chooser or choose_save_path
        self.print_job: PrintJob | None = None
        self._data = QByteArray(pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setStyleSheet("background: #7a7a7a;")
        self._build_toolbar()
        self.view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        self._update_page_label(0)

    def _button(self, text: str, slot: Callable[[], object], shortcut: str = "") -> QPushButton:
        return command_button(self, text, slot, shortcut)

    def _build_toolbar(self) -> None:
        self.prev_button = self._button(
            "‹ " + _("Previous"), lambda: self.go_to_page(self.current_page() - 1), "PgUp"
        )
        self.next_button = self._button(
            _("Next") + " ›", lambda: self.go_to_page(self.current_page() + 1), "PgDown"
        )
        self.page_label = QLabel(self)
        self.zoom_out_button = self._button("−", lambda: self.zoom(1 / ZOOM_STEP), "Ctrl+-")
        self.zoom_in_button = self._button("+", lambda: self.zoom(ZOOM_STEP), "Ctrl++")
        self.fit_button = self._button(_("Fit width"), self.fit_width)
        self.print_button = self._button(_("Print…"), self.print_, "Ctrl+P")
        self.save_button = self._button(_("Save as PDF…"), self.save_as, "Ctrl+S")
        self.close_button = self._button(_("Close"), self.reject)
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(40)
        bar = QHBoxLayout()
        for widget in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.print_button.setDefault(True)

    # navigation and zoom ---------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def _update_page_label(self, page: int) -> None:
        self.page_label.setText(
            on_screen(_("Page {page} of {count}").format(page=page + 1, count=self.page_count()))
        )
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._fit_width_factor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(current * factor, 5.0)))

    def _fit_width_factor(self) -> float:
        points = self.document.pagePointSize(0)
        dpi = self.logicalDpiX() or 96
        width = points.width() * dpi / 72
        return max(0.25, (self.view.viewport().width() - 20) / width) if width else 1.0

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # print and save ---------------------------------------------------------------------------
    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_file_name)
        if self.page_count():
            points = self.document.pagePointSize(0)
            size = QPageSize(
                points, QPageSize.Unit.Point, matchPolicy=QPageSize.SizeMatchPolicy.FuzzyMatch
            )
            printer.setPageSize(size)
            portrait = points.height() >= points.width()
            printer.setPageOrientation(
                QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
            )
        printer.setFullPage(True)  # the PDF carries its own margins
        printer.setFromTo(1, max(1, self.page_count()))
        return printer

    def print_(self) -> bool:
        """Ask the print dialog, then print in the background (`print_job`, with progress and
        Cancel): the window stays responsive however long the document. True once started."""
        if self.print_job is not None and not self.print_job.finished_running:
            return False  # one run at a time
        printer = self.make_printer()
        dialog = self._print_dialog_factory(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        first, last = page_span(self.page_count(), printer)
        job = PrintJob(self.pdf_bytes, printer)
        job.failed.connect(self._print_failed)
        job.done.connect(self._printed)
        self.progress = PrintProgressDialog(job, last - first + 1, self)
        self.print_job = job
        self.print_button.setEnabled(False)
        job.start()
        return True

    def _printed(self, _pages: int) -> None:
        self.print_button.setEnabled(True)

    def _print_failed(self, _err: object) -> None:
        self.print_button.setEnabled(True)
        messages.warn(self, _("The document could not be sent to the printer."))

    def save_as(self) -> Path | None:
        chosen = self._save_path_chooser(self, self.suggested_file_name)
        if not chosen:
            return None
        return save_bytes(self, with_suffix(chosen, ".pdf"), self.pdf_bytes,
                          lambda suggested: self._save_path_chooser(self, suggested))  # fmt: skip
