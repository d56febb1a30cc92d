"""Stop the GUI when its database file is replaced under it (a restore on another PC or by a
command), instead of saving into the old file, which nobody will ever read again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from nongbon_ita.gui.errors import stop_for_replaced_database
from nongbon_ita.services.presence import DatabaseReplaced

POLL_MS = 5000  # a stat() of the file every five seconds costs nothing


class DatabaseWatch(QObject):
    """Calls `check` (ServiceContext.identity.check) on a timer; stops the GUI once it fails."""

    def __init__(self, check: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.stopped = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def start(self) -> DatabaseWatch:
        self.timer.start()
        return self

    def poll(self) -> None:
        if self.stopped:
            return
        try:
            self._check()
        except DatabaseReplaced as err:
            self.stopped = True
            self.timer.stop()
            stop_for_replaced_database(err)
