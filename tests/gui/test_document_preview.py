"""Preview dialog: pages shown, printed through an injected dialog to a PDF file, saved."""

from __future__ import annotations

import itertools
import subprocess
import time

import pdfplumber
import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QPushButton

from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog


class FakePrintDialog:
    """Stands in for QPrintDialog: points the printer at a PDF file and 'clicks' Print."""

    def __init__(self, printer: QPrinter, out_path, accept: bool = True) -> None:
        self.printer, self.out_path, self.accept = printer, out_path, accept

    def exec(self) -> int:
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(self.out_path))
        return QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected


def page_count(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def make_dialog(qtbot, tmp_path, pdf_bytes):
    def build(accept_print: bool = True, save_to: str | None = None) -> DocumentPreviewDialog:
        dialog = DocumentPreviewDialog(
            None, "O43 report", pdf_bytes, "O43-2567.pdf",
            print_dialog_factory=lambda printer, _parent: FakePrintDialog(
                printer, tmp_path / "printed.pdf", accept_print),
            save_path_chooser=lambda _parent, suggested: save_to or str(tmp_path / suggested),
        )  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready, timeout=3000)
        return dialog

    return build


def test_shows_pages_and_navigates(qtbot, make_dialog, shot):
    dialog = make_dialog()
    assert dialog.page_count() == 3
    assert dialog.page_label.text() == "Page 1 of 3"
    assert not dialog.prev_button.isEnabled()
    qtbot.wait(300)  # QPdfView renders asynchronously
    shot(dialog, "preview-dialog")
    dialog.go_to_page(2)
    qtbot.waitUntil(lambda: dialog.current_page() == 2, timeout=2000)
    assert dialog.page_label.text() == "Page 3 of 3"
    assert not dialog.next_button.isEnabled()
    dialog.zoom_in_button.click()
    assert dialog.view.zoomMode().name == "Custom"
    dialog.fit_button.click()
    assert dialog.view.zoomMode().name == "FitToWidth"


def test_prints_every_page_to_pdf(qtbot, make_dialog, tmp_path):
    dialog = make_dialog()
    assert dialog.print_()
    job = dialog.print_job
    assert job is not None and not dialog.print_button.isEnabled()  # one print run at a time
    qtbot.waitUntil(lambda: job.finished_running, timeout=30000)
    assert job.pages == 3 and dialog.print_button.isEnabled()
    out = tmp_path / "printed.pdf"
    assert out.stat().st_size > 1000
    assert out.read_bytes().startswith(b"%PDF")
    assert page_count(out) == 3
    with pdfplumber.open(out) as pdf:
        first = pdf.pages[0]
        assert len(pdf.pages) == 3
        assert abs(first.width - 595) < 2 and abs(first.height - 842) < 2  # A4 kept


def test_cancelled_print_writes_nothing(make_dialog, tmp_path):
    dialog = make_dialog(accept_print=False)
    assert not dialog.print_()
    assert not (tmp_path / "printed.pdf").exists()


def test_save_as_pdf_writes_the_bytes(make_dialog, tmp_path, pdf_bytes):
    dialog = make_dialog(save_to=str(tmp_path / "out" / "report"))
    (tmp_path / "out").mkdir()
    saved = dialog.save_as()
    assert saved == tmp_path / "out" / "report.pdf"
    assert saved.read_bytes() == pdf_bytes


def test_save_cancelled(qtbot, pdf_bytes):
    dialog = DocumentPreviewDialog(
        None, "x", pdf_bytes, "x.pdf", save_path_chooser=lambda *_a: None
    )
    qtbot.addWidget(dialog)
    assert dialog.save_as() is None


@pytest.fixture
def long_document(qtbot, tmp_path, pdf_maker):
    """A preview of `pages` pages whose Print goes to tmp_path/<out>."""

    def build(pages: int, out: str) -> DocumentPreviewDialog:
        dialog = DocumentPreviewDialog(
            None, "register", pdf_maker(pages), "register.pdf",
            print_dialog_factory=lambda printer, _parent: FakePrintDialog(printer, tmp_path / out),
        )  # fmt: skip
        qtbot.addWidget(dialog)
        return dialog

    return build


def test_printing_runs_off_the_gui_thread_with_progress(qtbot, tmp_path, long_document):
    """The GUI thread keeps beating (10 ms timer) while 12 pages print at 300 dpi, and the
    progress dialog counts the pages."""
    from PySide6.QtCore import QTimer

    dialog = long_document(12, "long.pdf")
    beats: list[float] = []
    heart = QTimer(interval=10)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    seen: list[int] = []
    heart.start()
    assert dialog.print_()
    dialog.print_job.progress.connect(lambda done, _total: seen.append(done))
    job = dialog.print_job
    qtbot.waitUntil(lambda: job.finished_running, timeout=60000)
    heart.stop()
    assert job.pages == 12 and seen[-1] == 12 and page_count(tmp_path / "long.pdf") == 12
    longest = max(b - a for a, b in itertools.pairwise(beats))
    assert len(beats) > 20 and longest < 1.0  # rendering 300-dpi pages inline gaps for seconds


def test_cancel_stops_the_print_run(qtbot, long_document):
    dialog = long_document(30, "cancelled.pdf")
    assert dialog.print_()
    job = dialog.print_job
    cancel_button = dialog.progress.findChild(QPushButton)
    job.progress.connect(lambda done, _total: cancel_button.click() if done == 1 else None)
    qtbot.waitUntil(lambda: job.finished_running, timeout=60000)
    assert job.pages < 30 and dialog.print_button.isEnabled()
