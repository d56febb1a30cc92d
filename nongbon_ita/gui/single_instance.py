"""One running copy per Windows user and database: a second double-click brings the first
window to the front instead of opening a second copy (two copies would each log in, take the
daily backup and show different states of the same data).

The first copy listens on a local socket (a named pipe on Windows) named after the user and the
database file; a later copy that reaches it asks it to come forward and exits."""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_MS = 500


def instance_key(database: str) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: one copy per database then
        user = ""
    digest = hashlib.sha256(f"{user}\0{database}".encode()).hexdigest()[:16]
    return f"nongbon-ita-{digest}"


def ask_first_copy(key: str) -> bool:
    """True when another copy runs under `key` and was asked to come to the front."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return True


class FirstCopy(QObject):
    """Listens for later copies; `activate` is called each time one starts."""

    def __init__(self, key: str, activate: Callable[[], None],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.activate = activate
        self.server = QLocalServer(self)
        if not self.server.listen(key):  # a copy that crashed left its socket file (Unix)
            QLocalServer.removeServer(key)
            self.server.listen(key)
        self.server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            self.activate()

    def close(self) -> None:
        self.server.close()
