"""Run slow work (rendering a PDF) off the GUI thread and get the result back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class _Worker(QObject):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as err:  # handed to the GUI thread's error handling
            self.failed.emit(err)
        else:
            self.succeeded.emit(result)


class BackgroundTask(QObject):
    """Starts `work` in a QThread; `finished(result)` or `failed(exception)` arrive on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.succeeded.connect(self._on_success)
        self._worker.failed.connect(self._on_failure)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _on_success(self, result: object) -> None:
        self._stop()
        self.finished.emit(result)

    def _on_failure(self, err: object) -> None:
        self._stop()
        self.failed.emit(err)
