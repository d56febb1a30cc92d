"""A loan's number is taken as the request's last step, under the audit chain's head (issue 12:
requests queued on their year's number from numbering to commit, so their work ran one at a
time). Numbers stay gapless and unique (tests/integration/concurrency/test_numbering.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, select

from nongbon_ita.db.locks import AUDIT, _key_number, numbering
from nongbon_ita.db.models import AuditEventRow, LoanRow
from nongbon_ita.domain.loans import LoanStatus
from tests.unit.loans.conftest import Office

WORK = ("SELECT asset_category.max_loan_days", "INSERT INTO loan_item", "SELECT loan_return")


@contextmanager
def statements(office: Office) -> Iterator[list[tuple[str, Any]]]:
    engine = office.services.ctx.database.engine
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((" ".join(statement.split()), parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _index(seen: list[tuple[str, Any]], found: Any) -> int:
    return next(i for i, (sql, params) in enumerate(seen) if found(sql, params))


def _locks(seen: list[tuple[str, Any]]) -> list[int]:
    return [params["key"] for sql, params in seen if "advisory_xact_lock" in sql]


def _numbered_last(office: Office, seen: list[tuple[str, Any]]) -> None:
    numbered = _index(seen, lambda sql, _: sql.startswith("SELECT max(loan.number)"))
    # the request's checks, its rows and the loan read back for the screen all came first
    work = [i for i, (sql, _) in enumerate(seen) if sql.startswith(WORK)]
    assert len(work) >= 2 and max(work) < numbered
    chained = _index(seen, lambda sql, _: sql.startswith("INSERT INTO audit_event"))
    assert numbered < chained  # … and the event that records the number after it
    if office.services.ctx.database.engine.dialect.name == "postgresql":
        head = _index(seen, lambda sql, p: "advisory_xact_lock" in sql and p["key"] == _key(AUDIT))
        assert head < numbered  # under the chain's head, held to the commit
        assert _key(numbering("loan", 2567)) not in _locks(seen)  # no key of its own to wait on


def _key(name: str) -> int:
    return _key_number(name)


def _stored(office: Office, loan_id: int) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """(version, submitted_at) of the stored loan, and its last audit event's payload."""
    with office.services.ctx.reading() as session:
        row = session.get(LoanRow, loan_id)
        stored = (row.version, row.submitted_at) if row else ()
        payload = session.scalars(
            select(AuditEventRow.payload)
            .where(AuditEventRow.entity == "loan", AuditEventRow.entity_id == str(loan_id))
            .order_by(AuditEventRow.seq.desc())
        ).first()
    assert stored and payload is not None
    return stored, json.loads(payload)


def test_a_submitted_request_is_numbered_after_all_its_work(office: Office) -> None:
    loans = office.services.loans
    first = loans.create_request(office.supply, office.request(), submit=True)
    with statements(office) as seen:
        loan = loans.create_request(office.supply, office.request(start=first.due_date.replace(
            day=first.due_date.day + 1)), submit=True)  # fmt: skip
    _numbered_last(office, seen)
    stored, payload = _stored(office, loan.id)
    assert (first.number, loan.number) == (1, 2)
    assert (loan.status, (loan.version, loan.submitted_at)) == (LoanStatus.SUBMITTED, stored)
    assert payload["after"]["number"] == 2 and payload["after"]["status"] == "submitted"


def test_a_draft_submitted_later_is_numbered_after_all_its_work(office: Office) -> None:
    loans = office.services.loans
    draft = loans.create_request(office.supply, office.request())
    assert (draft.number, draft.status) == (None, LoanStatus.DRAFT)
    with statements(office) as seen:
        loan = loans.submit(office.supply, draft.id, draft.version)
    _numbered_last(office, seen)
    stored, payload = _stored(office, loan.id)
    assert (loan.number, loan.status, loan.version) == (1, LoanStatus.SUBMITTED, stored[0])
    assert loan.version == draft.version + 1  # one save, as before
    assert payload["after"]["number"] == 1
