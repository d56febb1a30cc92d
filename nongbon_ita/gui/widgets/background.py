"""Run slow work (rendering a PDF) off the GUI thread and get the result back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QWidget

from nongbon_ita.gui.errors import report_error


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
        finally:
            # the thread ends with its work, not when the GUI thread gets round to it: after the
            # event loop has ended (the program closing) nobody would, and wait() would hang
            self.thread().quit()


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

    def wait(self, milliseconds: int | None = None) -> bool:
        """Block until the work is over (at exit: a running QThread must not be destroyed);
        False when `milliseconds` passed first."""
        if milliseconds is None:
            return self._thread.wait()
        return self._thread.wait(milliseconds)

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _on_success(self, result: object) -> None:
        self._stop()
        self.finished.emit(result)

    def _on_failure(self, err: object) -> None:
        self._stop()
        self.failed.emit(err)


class BackgroundRunner(QObject):
    """A page's slow work (a PDF, a workbook, an import) off the GUI thread, then `done(result)`
    on it, or the error shown through report_error. `busy(bool)` drives the page's progress bar
    and buttons. The task belongs to the application, not the page: closing the page while the
    work runs drops the answer instead of destroying a running thread. Starting new work while
    older work runs supersedes it: the older answer is dropped when it comes."""

    busy = Signal(bool)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self._done: Callable[[Any], None] | None = None
        self.task: BackgroundTask | None = None

    def is_running(self) -> bool:
        return self.task is not None

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        task = BackgroundTask(work, QCoreApplication.instance())
        task.finished.connect(self._finished)  # slots of the runner: gone with its page
        task.failed.connect(self._failed)
        task.finished.connect(task.deleteLater)
        task.failed.connect(task.deleteLater)
        superseding = self.task is not None
        self.task, self._done = task, done
        if not superseding:
            self.busy.emit(True)
        task.start()

    def _current(self) -> bool:
        return self.task is not None and self.sender() is self.task

    def _finished(self, result: object) -> None:
        if not self._current():
            return
        done, self.task, self._done = self._done, None, None
        self.busy.emit(False)
        if done is not None:
            done(result)

    def _failed(self, err: BaseException) -> None:
        if not self._current():
            return
        self.task, self._done = None, None
        self.busy.emit(False)
        report_error(err, self._owner)
