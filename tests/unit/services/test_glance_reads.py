"""A glance (one screen's reads: a list, a search, an opened loan) runs outside any transaction
on PostgreSQL, as SQLite's reads always do: no BEGIN and ROLLBACK round trips (issue 12)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from nongbon_ita.db.models import LoanRow
from nongbon_ita.services.registry import Services


def _in_transaction(session: Any) -> bool:
    session.scalar(select(func.count()).select_from(LoanRow))
    dbapi = session.connection().connection.dbapi_connection
    if session.get_bind().dialect.name == "postgresql":
        from psycopg.pq import TransactionStatus

        return bool(dbapi.info.transaction_status != TransactionStatus.IDLE)
    return bool(dbapi.in_transaction)


def test_a_glance_reads_outside_any_transaction(services: Services) -> None:
    on_server = services.ctx.database.engine.dialect.name == "postgresql"
    with services.ctx.reading(glance=True) as session:
        assert _in_transaction(session) is False
    with services.ctx.reading() as session:  # a plain reading: one snapshot on the server
        assert _in_transaction(session) is on_server


def test_after_a_glance_the_connection_writes_in_a_transaction_again(services: Services) -> None:
    with services.ctx.reading(glance=True):
        pass
    with services.ctx.transaction() as session:
        assert _in_transaction(session) is True
