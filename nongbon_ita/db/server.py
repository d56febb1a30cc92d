"""What is particular to a PostgreSQL server: how to connect, and what to say when it can't."""

from __future__ import annotations

import socket
import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

from nongbon_ita.db.location import BUSY_TIMEOUT_MS, DatabaseLocation
from nongbon_ita.domain.errors import N_, DatabaseRefused

CONNECT_TIMEOUT_S = 5  # a switched-off server answers nothing: say so in seconds, not minutes
# a connection unused this long is tried before use (the server may have restarted meanwhile);
# one in steady use is not: a ping per session was a round trip for every read of a screen
IDLE_PING_S = 30.0


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


def ping_when_idle(engine: Engine) -> None:
    """Try a pooled connection before use when it has been idle IDLE_PING_S or more; a dead one
    is replaced (DisconnectionError makes the pool connect afresh), as pool_pre_ping does for
    every checkout."""

    def checked_in(_dbapi: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    def checked_out(dbapi: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("idle_since", None)
        if since is None or time.monotonic() - since < IDLE_PING_S:
            return
        try:
            with dbapi.cursor() as cursor:
                cursor.execute("SELECT 1")
            dbapi.rollback()  # the ping opened a transaction: leave the connection idle
        except Exception as error:
            raise DisconnectionError(str(error)) from error

    event.listen(engine, "checkin", checked_in)
    event.listen(engine, "checkout", checked_out)
