"""A pooled server connection is tried before use only when it has been idle a while
(db/server.py, IDLE_PING_S): a dead one is replaced then, and a busy workstation sends no ping
per read (issue 12)."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from nongbon_ita.db import server
from nongbon_ita.db.engine import make_engine
from tests.backends import PgTestDatabase


def _backend_pid(engine: Any) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _kill(pg_database: PgTestDatabase, pid: int) -> None:
    """What a server restart does to the workstation's open connection."""
    with psycopg.connect(pg_database.url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def test_an_idle_connection_that_died_is_replaced(
    pg_database: PgTestDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = make_engine(pg_database.location)
    try:
        dead = _backend_pid(engine)
        _kill(pg_database, dead)
        monkeypatch.setattr(server, "IDLE_PING_S", 0.0)  # as if it had been idle a while
        assert _backend_pid(engine) != dead  # pinged, found dead, a new connection: no error
    finally:
        engine.dispose()


def test_a_connection_in_steady_use_is_not_pinged(pg_database: PgTestDatabase) -> None:
    engine = make_engine(pg_database.location)
    sent: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    try:
        dead = _backend_pid(engine)
        for _ in range(3):
            assert _backend_pid(engine) == dead
        _kill(pg_database, dead)
        with pytest.raises(OperationalError):  # the price of no ping: this one read fails …
            _backend_pid(engine)
        assert _backend_pid(engine) != dead  # … and the pool connects afresh for the next
    finally:
        engine.dispose()
    assert all("SELECT 1" not in statement for statement in sent)
