"""A benchmarking hook, inert unless NONGBON_ITA_BENCH_AUTOLOGIN is set (benchmarks/bench_bundle.py).

With NONGBON_ITA_BENCH_AUTOLOGIN="user:password" the GUI logs that user in without the login
dialog, shows the main window, prints one line ("nongbon-ita: main window shown") once it is on
screen and quits: a cold start measured from outside, frozen or not. Never set it for real use.
A user who must change a temporary password gets the change-password dialog first, as at a
normal login; if it is cancelled, the login dialog is shown.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ENV = "NONGBON_ITA_BENCH_AUTOLOGIN"
SHOWN = "nongbon-ita: main window shown"


def bench_autologin(session: object) -> bool:
    """Log in and show the main window if the variable is set; True when it took over."""
    credentials = os.environ.get(ENV, "")
    if ":" not in credentials:
        return False
    from nongbon_ita.gui.run import show_backup_note

    username, password = credentials.split(":", 1)
    services = session.services  # type: ignore[attr-defined]
    # as at the login dialog: the window is built while the password is checked, shown after
    user = services.auth.login(username, password, meanwhile=session.prepare_window)  # type: ignore[attr-defined]
    from nongbon_ita.gui.run import ensure_own_password

    if not ensure_own_password(services, user):  # a temporary password is changed first, always
        return False
    window = session.main_window_for(user)  # type: ignore[attr-defined]
    show_backup_note(window, getattr(session, "backup_note", ""))
    session.window = window  # type: ignore[attr-defined]
    window.show()

    def shown() -> None:
        print(SHOWN, flush=True)
        QApplication.quit()

    QTimer.singleShot(0, shown)  # runs once the event loop has painted the window
    return True
