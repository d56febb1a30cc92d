"""The daily backup runs after the window is on screen and off the GUI thread; its warning
reaches the main window's status bar when it is done."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel

from nongbon_ita.gui import daily_backup
from nongbon_ita.gui.run import GuiSession, build_main_window


def test_the_daily_backup_runs_off_the_gui_thread_and_warns_the_window(
    qtbot, services, admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []

    def backup(_ctx: object) -> str:
        threads.append(threading.get_ident())
        return "the backup folder is missing"

    monkeypatch.setattr(daily_backup, "take_daily_backup", backup)
    session = GuiSession(services)
    session.window = build_main_window(services, admin)
    qtbot.addWidget(session.window)
    session.window.show()
    session.start_daily_backup()
    qtbot.waitUntil(lambda: session.backup_note != "", timeout=10_000)
    session.wait_for_backup()
    assert threads and threads[0] != threading.get_ident()
    warning = session.window.findChild(QLabel, "backup-warning")
    assert warning is not None and "the backup folder is missing" in warning.text()


def test_an_ended_session_starts_no_backup_and_stops_watching(
    qtbot, services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_gui ends its session after the event loop: a backup timer still pending (the loop
    ended at once) must not start later, in another window's loop, on a closed database."""
    from nongbon_ita.gui.database_watch import DatabaseWatch

    started: list[object] = []
    monkeypatch.setattr(daily_backup, "take_daily_backup", started.append)
    session = GuiSession(services)
    session.watch = DatabaseWatch(lambda: None, session).start()
    session.end()
    session.start_daily_backup()  # the pending single-shot timer firing late
    qtbot.wait(50)
    assert started == []
    assert session.backup_task is None
    assert session.watch.stopped and not session.watch.timer.isActive()
