"""The daily backup runs after the window is on screen and off the GUI thread; its warning
reaches the main window's status bar when it is done."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel

from nongbon_ita.gui.pages import backups_tab
from nongbon_ita.gui.run import GuiSession, build_main_window


def test_the_daily_backup_runs_off_the_gui_thread_and_warns_the_window(
    qtbot, services, admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []

    def backup(_ctx: object) -> str:
        threads.append(threading.get_ident())
        return "the backup folder is missing"

    monkeypatch.setattr(backups_tab, "take_daily_backup", backup)
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
