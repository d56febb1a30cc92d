"""Printing a PDF off the GUI thread: each page rendered at the printer's resolution (300 dpi at
most) and painted on the printer in a worker thread — Qt allows painting on a QPrinter outside
the GUI thread — with a progress dialog and Cancel. A 20-page register used to freeze the
window for a minute ("Not Responding" on Windows); now the window stays live (bench_stalls.py).
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from nongbon_ita.gui.widgets.background import BackgroundTask
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.translate import _

PRINT_DPI_CAP = 300
BAND_ROWS = 64  # rows of a page rendered or painted per call (about 5 mm at 300 dpi)
Progress = Callable[[int, int], None]  # (pages done, pages to print)


class PrintCancelled(Exception):
    """The user pressed Cancel: the pages sent so far are withdrawn where the printer can."""


def page_span(count: int, printer: QPrinter) -> tuple[int, int]:
    """The first and last page (1-based) the print dialog asked for."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return printer.fromPage(), min(count, printer.toPage() or count)
    return 1, count


def render_band(document: QPdfDocument, page: int, size: QSize, top: int, rows: int) -> QImage:
    """Rows top … top+rows of the page rendered at `size`."""
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(size)
    options.setScaledClipRect(QRect(0, top, size.width(), rows))
    return document.render(page, QSize(size.width(), rows), options)


def render_page(document: QPdfDocument, page: int, size: QSize) -> QImage:
    """The page at `size`, rendered band by band into one image. Painted on the printer as
    separately rendered bands, the page would show hairlines where they meet (the renderer
    smooths the edge of each band), so the bands are joined first. Bands come with a clear
    background: each is laid on white, a band at a time (clearing 35 MB at once is itself a
    long call)."""
    image = QImage(size, QImage.Format.Format_RGB32)
    joiner = QPainter(image)
    try:
        for top in range(0, size.height(), BAND_ROWS):
            rows = min(BAND_ROWS, size.height() - top)
            joiner.fillRect(0, top, size.width(), rows, Qt.GlobalColor.white)
            joiner.drawImage(0, top, render_band(document, page, size, top, rows))
    finally:
        joiner.end()
    return image


def paint_page(painter: QPainter, target: QRect, image: QImage) -> None:
    """`image` scaled into `target`, a band of rows at a time. Why bands at all: one whole
    300-dpi page painted on a printer is one call of about a second (the PDF engine compresses
    it), and such a call holds Python's lock as long, starving the GUI thread. Bands start on
    whole printer pixels, so they meet exactly."""
    scale = target.height() / image.height()
    for top in range(0, image.height(), BAND_ROWS):
        rows = min(BAND_ROWS, image.height() - top)
        y0, y1 = round(top * scale), round((top + rows) * scale)
        painter.drawImage(QRect(target.left(), target.top() + y0, target.width(), y1 - y0),
                          image, QRect(0, top, image.width(), rows))  # fmt: skip


def print_document(document: QPdfDocument, printer: QPrinter, progress: Progress | None = None,
                   cancel: threading.Event | None = None) -> int:  # fmt: skip
    """Render each page to an image at the printer's resolution and paint it; returns pages
    printed. Runs on any thread that owns `document` (PrintJob runs it on a worker)."""
    first, last = page_span(document.pageCount(), printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    printed = 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        for page in range(first - 1, last):
            if cancel is not None and cancel.is_set():
                printer.abort()
                raise PrintCancelled
            if printed:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            target.moveTo(0, 0)
            scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            paint_page(painter, QRect(target.topLeft(), scaled), render_page(document, page, size))
            printed += 1
            if progress is not None:
                progress(printed, last - first + 1)
    finally:
        painter.end()
    return printed


def print_pdf(pdf_bytes: bytes, printer: QPrinter, progress: Progress | None = None,
              cancel: threading.Event | None = None) -> int:  # fmt: skip
    """`print_document` on a document of the worker's own (a QPdfDocument is not shared across
    threads); read from a temporary file because loading a file is synchronous."""
    with tempfile.TemporaryDirectory(prefix="nongbon-print-") as work:
        path = Path(work) / "document.pdf"
        path.write_bytes(pdf_bytes)
        document = QPdfDocument()
        try:
            if document.load(str(path)) != QPdfDocument.Error.None_:
                raise OSError("the document could not be read for printing")
            return print_document(document, printer, progress, cancel)
        finally:
            document.close()


class PrintJob(QObject):
    """One print run in the background. `progress(done, total)`, then `done(pages)` (0 when
    cancelled) or `failed(error)`, all on the GUI thread."""

    progress = Signal(int, int)
    done = Signal(int)
    failed = Signal(object)
    _from_worker = Signal(int, int)  # emitted on the worker; relayed on the GUI thread

    def __init__(self, pdf_bytes: bytes, printer: QPrinter) -> None:
        # the application owns the job: closing the window mid-print never destroys a running
        # thread; the job deletes itself when done
        super().__init__(QCoreApplication.instance())
        self.printer = printer  # kept alive until the worker is done with it
        self.cancel_event = threading.Event()
        self.pages = 0
        self.finished_running = False
        self._from_worker.connect(self._relay, Qt.ConnectionType.QueuedConnection)
        self.task = BackgroundTask(
            lambda: print_pdf(pdf_bytes, printer, self._from_worker.emit, self.cancel_event), self
        )
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.done.connect(self.deleteLater)
        self.failed.connect(self.deleteLater)

    def start(self) -> None:
        self.task.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    @Slot(int, int)
    def _relay(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    def _finished(self, pages: object) -> None:
        self.pages = int(pages) if isinstance(pages, int) else 0
        self.finished_running = True
        self.done.emit(self.pages)

    def _failed(self, err: object) -> None:
        self.finished_running = True
        if isinstance(err, PrintCancelled):
            self.done.emit(0)
        else:
            self.failed.emit(err)


class PrintProgressDialog(QProgressDialog):
    """“Printing page 3 of 20…” with Cancel; closes itself when the job ends. Its slots are
    methods, so a job outliving the window finds nothing to call."""

    def __init__(self, job: PrintJob, total: int, parent: QWidget) -> None:
        super().__init__(_("Sending to the printer…"), _("Cancel"), 0, total, parent)
        self.setWindowTitle(_("Printing"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # a one-page letter prints without a flash of a dialog
        self.setAutoClose(False)
        self.setAutoReset(False)
        job.progress.connect(self.step)
        job.done.connect(self.finish)
        job.failed.connect(self.finish)
        self.canceled.connect(job.cancel)

    def step(self, done: int, of: int) -> None:
        self.setMaximum(of)
        self.setValue(done)
        self.setLabelText(_("Printing page {page} of {count}…").format(
            page=on_screen(done), count=on_screen(of)))  # fmt: skip

    def finish(self, *_outcome: object) -> None:
        # reset() stops the timer that shows the dialog after its minimum duration: a closed
        # dialog must never pop up later, over whatever the user is doing then
        self.reset()
        self.close()
        self.deleteLater()
