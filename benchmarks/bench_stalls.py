"""GUI-thread stalls (issue 14): the longest gap of a 10 ms heartbeat QTimer while the GUI
previews a document, prints it and takes a backup. Target: no gap over 100 ms.

usage: python benchmarks/bench_stalls.py [--db demo.sqlite3] [--pages 20]
Offscreen; printing goes to a PDF printer (the same rasterising path as a real printer), in the
worker thread the preview's Print button uses (gui/widgets/print_job.py). The idle line is the
floor: what the machine's load alone does to the heartbeat.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

TARGET_MS = 100.0


class Heartbeat:
    def __init__(self) -> None:
        self.timer = QTimer(interval=10)
        self.timer.timeout.connect(self.beat)
        self.last = time.perf_counter()
        self.longest = 0.0

    def beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def measure(
        self, start: Callable[[], object], done: Callable[[], bool], seconds: float
    ) -> float:
        app = QApplication.instance()
        assert app is not None
        self.longest, self.last = 0.0, time.perf_counter()
        self.timer.start()
        start()
        deadline = time.perf_counter() + seconds
        while not done() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.002)
        for _n in range(20):  # a few more beats after the work
            app.processEvents()
            time.sleep(0.01)
        self.timer.stop()
        return self.longest * 1000


def pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 12)
        for line in range(60):
            canvas.drawString(60, 800 - line * 12, f"page {number} line {line} " * 4)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def report(label: str, ms: float) -> None:
    verdict = "ok" if ms <= TARGET_MS else "OVER TARGET"
    print(f"{label:<40} longest GUI-thread gap {ms:7.0f} ms (target ≤ {TARGET_MS:.0f}) {verdict}",
          flush=True)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    app = QApplication([])
    from nongbon_ita.gui.widgets.background import BackgroundTask
    from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog
    from nongbon_ita.gui.widgets.print_job import PrintJob

    heart = Heartbeat()
    data = pdf(args.pages)
    holder: dict[str, object] = {}
    # the same heartbeat with nothing to do: on a shared, loaded machine the scheduler alone
    # leaves gaps, and the figures below cannot be read finer than this
    idle_until = time.perf_counter() + 5
    report("idle (nothing running, 5 s)",
           heart.measure(lambda: None, lambda: time.perf_counter() > idle_until, 10))  # fmt: skip

    def preview() -> None:
        dialog = DocumentPreviewDialog(None, "bench", data, "bench.pdf")
        dialog.show()
        holder["preview"] = dialog

    report(f"preview ({args.pages} pages)", heart.measure(preview, lambda: "preview" in holder, 10))
    with tempfile.TemporaryDirectory() as work:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(work) / "printed.pdf"))

        def do_print() -> None:
            job = PrintJob(data, printer)  # as the preview's Print button does
            job.done.connect(lambda pages: holder.setdefault("printed", pages))
            job.start()
            holder["job"] = job

        report(f"print ({args.pages} pages at 300 dpi, worker thread)",
               heart.measure(do_print, lambda: "printed" in holder, 300))  # fmt: skip
        print(f"{'':<40} pages printed: {holder.get('printed')}", flush=True)
        source = args.db
        if source is None:
            import sqlite3

            source = Path(work) / "big.sqlite3"
            with sqlite3.connect(source) as con:
                con.execute("CREATE TABLE t (x BLOB)")
                con.executemany("INSERT INTO t VALUES (?)", [(os.urandom(4096),)] * 12_000)

        def backup() -> None:
            import sqlite3

            def work_() -> None:
                with (
                    sqlite3.connect(source) as src,
                    sqlite3.connect(Path(work) / "b.sqlite3") as dst,
                ):
                    src.backup(dst)

            task = BackgroundTask(work_)
            task.finished.connect(lambda _r: holder.setdefault("backup", True))
            task.start()
            holder["task"] = task

        report("backup (background thread)", heart.measure(backup, lambda: "backup" in holder, 60))
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
