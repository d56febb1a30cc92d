"""Histories of loans written without the services' audit events (the demo database inserts its
rows in bulk, as an import of older records would): every step still appears once, in order;
a step known only by its day is placed on that day and never before the step it follows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.loans.history import LoanEventKind as K
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.registry import Services


@pytest.fixture
def demo(demo_db: Path) -> Iterator[Services]:
    database = open_database(DatabaseLocation.for_file(demo_db))
    yield Services.over(ServiceContext(database, hashing=HashingCost.cheap()))
    database.dispose()


def _one(demo_db: Path, sql: str) -> int:
    with sqlite3.connect(demo_db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_a_closed_loan_with_a_settled_liability(demo: Services, demo_db: Path) -> None:
    loan_id = _one(demo_db, """
        SELECT l.id FROM loan l JOIN loan_item i ON i.loan_id = l.id
        JOIN loan_return r ON r.loan_item_id = i.id JOIN loan_liability y ON y.loan_return_id = r.id
        WHERE l.status = 'closed' AND y.settled_on IS NOT NULL ORDER BY l.id LIMIT 1""")  # fmt: skip
    finance = demo.auth.login("finance_reviewer", "nongbon-demo")
    loan = demo.loans.get(finance, loan_id)
    events = demo.loans.history(finance, loan_id)
    kinds = [e.kind for e in events]
    out = len([i for i in loan.items if i.handed_out])
    back = sum(len(i.returns) for i in loan.items)
    assert kinds[:2] == [K.SUBMITTED, K.APPROVED]
    assert kinds.count(K.HANDED_OUT) == out and kinds.count(K.RETURNED) == back
    assert kinds.count(K.LIABILITY_OPENED) == len(loan.liabilities) == kinds.count(
        K.LIABILITY_UPDATED)  # fmt: skip
    assert kinds.index(K.CLOSED) > max(n for n, k in enumerate(kinds) if k is K.RETURNED)
    assert [e.at for e in events] == sorted(e.at for e in events)
    returns = [e for e in events if e.kind is K.RETURNED]
    assert all(not e.timed and e.day == e.on for e in returns)  # only the day is recorded
    for ret in returns:  # never before the hand-out of its item
        handed = next(e for e in events if e.kind is K.HANDED_OUT
                      and e.asset_number == ret.asset_number)  # fmt: skip
        assert ret.at >= handed.at
    settled = [e for e in events if e.kind is K.LIABILITY_UPDATED]
    assert all(e.settled_on is not None and e.day == e.settled_on for e in settled)
    assert events[1].who == loan.approver and events[2].who == loan.items[0].handed_out_by


def test_a_cancelled_loan_without_its_audit_event(demo: Services, demo_db: Path) -> None:
    loan_id = _one(demo_db, "SELECT id FROM loan WHERE status = 'cancelled' ORDER BY id LIMIT 1")
    supply = demo.auth.login("supply_officer", "nongbon-demo")
    events = demo.loans.history(supply, loan_id)
    assert events[-1].kind is K.CANCELLED and events[-1].who == "" and events[-1].reason == ""
