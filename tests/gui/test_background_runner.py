"""BackgroundRunner: slow work off the GUI thread, busy while it runs, the newest answer only,
errors shown, and a page closed mid-work drops the answer instead of crashing."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.gui.widgets.background import BackgroundRunner


def test_work_runs_off_the_gui_thread_and_the_answer_comes_back(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    runner = BackgroundRunner(page)
    busy: list[bool] = []
    runner.busy.connect(busy.append)
    answers: list[object] = []
    with qtbot.waitSignal(runner.busy, timeout=5000, check_params_cb=lambda b: b is False):
        runner.run(threading.get_ident, answers.append)
        assert runner.is_running()
    assert answers and answers[0] != threading.get_ident()
    assert busy == [True, False] and not runner.is_running()


def test_a_newer_run_supersedes_an_older_one(qtbot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    runner = BackgroundRunner(page)
    gate = threading.Event()
    busy: list[bool] = []
    runner.busy.connect(busy.append)
    answers: list[str] = []
    runner.run(lambda: (gate.wait(10), "older")[1], answers.append)
    older = runner.task
    assert older is not None
    with qtbot.waitSignal(runner.busy, timeout=5000):
        runner.run(lambda: "newer", answers.append)
    with qtbot.waitSignal(older.finished, timeout=5000):
        gate.set()
    assert answers == ["newer"] and busy == [True, False]


def test_a_failure_is_shown_and_ends_busy(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("nongbon_ita.gui.messages.present",
                        lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)  # fmt: skip
    page = QWidget()
    qtbot.addWidget(page)
    runner = BackgroundRunner(page)

    def refuse() -> None:
        raise ValidationError(N_("Enter the office's name."), field="name")

    answers: list[object] = []
    with qtbot.waitSignal(runner.busy, timeout=5000, check_params_cb=lambda b: b is False):
        runner.run(refuse, answers.append)
    assert answers == [] and shown and "office" in shown[0]


def test_closing_the_page_mid_work_drops_the_answer(qtbot) -> None:
    page = QWidget()
    runner = BackgroundRunner(page)
    gate = threading.Event()
    answers: list[str] = []
    runner.run(lambda: (gate.wait(10), "late")[1], answers.append)
    task = runner.task
    assert task is not None
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(runner), timeout=5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        gate.set()  # the thread ends after its page is gone: no crash, no answer
    assert answers == []


def _alive(obj: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_waiting_for_a_task_after_the_event_loop_never_hangs(qtbot) -> None:
    """The program closing right after start-up waits for the daily backup's task with no event
    loop left to deliver its answer: the thread must end by itself when the work is done (it
    used to wait for the GUI thread to stop it, and the process never exited)."""
    import time

    from nongbon_ita.gui.widgets.background import BackgroundTask

    task = BackgroundTask(lambda: time.sleep(0.2) or "done")
    task.start()
    assert task.wait(10_000)  # on this thread, without running the event loop
    assert not task.is_running()
