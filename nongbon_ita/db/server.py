"""What is particular to a PostgreSQL server: how to connect, and what to say when it can't."""

from __future__ import annotations

import socket
from typing import Any

from nongbon_ita.db.location import BUSY_TIMEOUT_MS, DatabaseLocation
from nongbon_ita.domain.errors import N_, DatabaseRefused

CONNECT_TIMEOUT_S = 5  # a switched-off server answers nothing: say so in seconds, not minutes


def server_connect_args() -> dict[str, Any]:
    # the workstation's name shows in pg_stat_activity: who has the database open (restore);
    # a lock (db/locks.py) is waited for as long as SQLite's busy timeout, then "busy, try again"
    return {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": f"nongbon-ita@{socket.gethostname()}"[:63],
        "options": f"-c lock_timeout={BUSY_TIMEOUT_MS}",
    }


def unreachable(location: DatabaseLocation, error: BaseException) -> DatabaseRefused:
    """The refusal for a server that cannot be reached or refuses the login. The driver's own
    reason (one line, no SQL) is kept for whoever sets the server up."""
    reason = str(getattr(error, "orig", error)).strip().splitlines()
    return DatabaseRefused(
        N_("Cannot reach the database server {server}. Check that the server computer is on and "
           "connected to the office network, then try again; nothing was changed. ({reason})"),
        server=location.shown,
        reason=reason[0] if reason else "",
    )  # fmt: skip


def check_server(location: DatabaseLocation) -> None:
    """Connect once and disconnect ("ทดสอบการเชื่อมต่อ"); raises the refusal `unreachable` gives."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError

    engine = create_engine(location.url, connect_args=server_connect_args())
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        raise unreachable(location, error) from None
    finally:
        engine.dispose()
