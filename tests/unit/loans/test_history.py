"""A loan's history from the service: every step once, oldest first, with the people who took
it (full names) and the details only the audit trail keeps (cancellation and extension reasons,
old and new due dates, settlements); the same visibility as the loan itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from nongbon_ita.domain.errors import PermissionDenied
from nongbon_ita.domain.loans import FollowUpMethod, LoanStatus, Remedy, ReturnCondition
from nongbon_ita.domain.loans.history import LoanEvent
from nongbon_ita.domain.loans.history import LoanEventKind as K
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.loans.handling import ItemReturn

from .conftest import TODAY

PASSWORD = "password-1234"


@dataclass
class People:
    requester: CurrentUser
    supply: CurrentUser
    approver: CurrentUser
    finance: CurrentUser
    other: CurrentUser


@pytest.fixture
def people(services, admin) -> People:  # type: ignore[no-untyped-def]
    def user(login: str, full_name: str, role: Role) -> CurrentUser:
        services.users.create_user(admin, login, full_name, frozenset({role}), PASSWORD)
        return services.auth.login(login, PASSWORD)

    return People(user("malee", "นางสาวมาลี ขอยืม", Role.STAFF),
                  user("wira", "นายวีระ พัสดุดี", Role.SUPPLY_OFFICER),
                  user("prayut", "นายประยุทธ์ อนุมัติดี", Role.APPROVER),
                  user("kanda", "นางกานดา การคลัง", Role.FINANCE_REVIEWER),
                  user("somchai", "นายสมชาย ข้างเคียง", Role.STAFF))  # fmt: skip


def _steps(events: tuple[LoanEvent, ...]) -> list[tuple[K, str]]:
    return [(e.kind, e.who) for e in events]


def test_a_loan_from_draft_to_settled_liability(office, people, clock) -> None:  # type: ignore[no-untyped-def]
    loans, p = office.services.loans, people
    start = clock.moment

    def at(days: int = 0, minutes: int = 0) -> None:
        clock.moment = start + timedelta(days=days, minutes=minutes)

    request = office.request((office.tent, 1), (office.paper, 5), days=3)
    loan = loans.create_request(p.requester, request)
    at(minutes=10)
    later = type(request)(**{**request.__dict__, "due_date": request.due_date + timedelta(days=1)})
    loan = loans.update_draft(p.requester, loan.id, later, loan.version)
    at(minutes=20)
    loans.submit(p.requester, loan.id)
    at(minutes=60)
    loans.approve(p.approver, loan.id)
    at(minutes=90)
    loan = loans.hand_out(p.supply, loan.id, [i.id for i in loan.items])
    tent, paper = loan.items
    at(days=1)
    loans.return_items(p.supply, loan.id, [ItemReturn(paper.id, 2)], "นายสมหมาย ใจงาม")
    at(days=1, minutes=30)
    loans.extend_due_date(p.approver, loan.id, date(2024, 1, 20), "งานบุญเลื่อนไปสองวัน")
    at(days=7)
    loans.record_follow_up(p.supply, loan.id, TODAY + timedelta(days=7), FollowUpMethod.PHONE,
                           "โทรแจ้งผู้ใหญ่บ้านแล้ว")  # fmt: skip
    at(days=8)
    loan = loans.return_items(p.supply, loan.id, [
        ItemReturn(tent.id, 1, ReturnCondition.DAMAGED, "ผ้าใบขาด"), ItemReturn(paper.id, 3),
    ], "นางสมใจ ใจงาม", returned_on=TODAY + timedelta(days=7))  # entered the day after  # fmt: skip
    assert loan.status is LoanStatus.CLOSED
    at(days=10)
    liability = loan.liabilities[0]
    loans.update_liability(p.supply, liability.id, Remedy.PAY, Decimal("1500.00"),
                           TODAY + timedelta(days=10), "ชดใช้เป็นเงินแล้ว", liability.version)  # fmt: skip

    events = loans.history(p.finance, loan.id)  # the finance division reviews it
    malee, wira, prayut = "นางสาวมาลี ขอยืม", "นายวีระ พัสดุดี", "นายประยุทธ์ อนุมัติดี"
    assert _steps(events) == [
        (K.CREATED, malee), (K.UPDATED, malee), (K.SUBMITTED, malee), (K.APPROVED, prayut),
        (K.HANDED_OUT, wira), (K.HANDED_OUT, wira), (K.RETURNED, wira), (K.EXTENDED, prayut),
        (K.FOLLOWED_UP, wira), (K.RETURNED, wira), (K.LIABILITY_OPENED, wira),
        (K.RETURNED, wira), (K.CLOSED, wira), (K.LIABILITY_UPDATED, wira),
    ]  # fmt: skip
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert all(e.timed and e.at.tzinfo is not None for e in events)
    by_kind = {e.kind: e for e in events}
    assert by_kind[K.UPDATED].old_due == TODAY + timedelta(days=2)
    assert by_kind[K.UPDATED].new_due == TODAY + timedelta(days=3)
    assert by_kind[K.UPDATED].old_start is None  # the start did not change
    assert [e.asset_number for e in events if e.kind is K.HANDED_OUT] == [
        "7080-001-0001", "7530-001-0009"]  # fmt: skip
    extended = by_kind[K.EXTENDED]
    assert (extended.old_due, extended.new_due) == (date(2024, 1, 18), date(2024, 1, 20))
    assert extended.reason == "งานบุญเลื่อนไปสองวัน"
    follow = by_kind[K.FOLLOWED_UP]
    assert follow.method is FollowUpMethod.PHONE and follow.note == "โทรแจ้งผู้ใหญ่บ้านแล้ว"
    returns = [e for e in events if e.kind is K.RETURNED]
    assert [(r.asset_number, r.quantity, r.condition) for r in returns] == [
        ("7530-001-0009", 2, ReturnCondition.GOOD), ("7080-001-0001", 1, ReturnCondition.DAMAGED),
        ("7530-001-0009", 3, ReturnCondition.GOOD)]  # fmt: skip
    assert returns[0].returned_by == "นายสมหมาย ใจงาม" and not returns[0].dated_apart
    damaged = returns[1]
    assert damaged.returned_by == "นางสมใจ ใจงาม" and damaged.note == "ผ้าใบขาด"
    assert damaged.on == TODAY + timedelta(days=7) and damaged.dated_apart
    opened = by_kind[K.LIABILITY_OPENED]
    assert (opened.asset_number, opened.remedy, opened.amount) == ("7080-001-0001",
                                                                   Remedy.REPAIR, None)  # fmt: skip
    settled = by_kind[K.LIABILITY_UPDATED]
    assert (settled.remedy, settled.amount, settled.settled_on) == (
        Remedy.PAY, Decimal("1500.00"), TODAY + timedelta(days=10))  # fmt: skip
    assert settled.note == "ชดใช้เป็นเงินแล้ว"


def test_steps_of_one_instant_keep_the_order_they_were_written(office, people) -> None:  # type: ignore[no-untyped-def]
    loans, p = office.services.loans, people  # the clock never moves
    loan = loans.create_request(p.supply, office.request((office.tent, 1)), submit=True)
    loans.approve(p.approver, loan.id)
    loans.extend_due_date(p.approver, loan.id, loan.due_date + timedelta(days=1), "")
    loan = loans.hand_out(p.supply, loan.id, [loan.items[0].id])
    loans.return_items(p.supply, loan.id, [ItemReturn(loan.items[0].id)], "ผู้ใหญ่บ้าน")
    kinds = [e.kind for e in loans.history(p.supply, loan.id)]
    assert kinds == [K.SUBMITTED, K.APPROVED, K.EXTENDED, K.HANDED_OUT, K.RETURNED, K.CLOSED]


def test_a_clock_that_moves_within_a_step_does_not_reorder_it(office, people) -> None:  # type: ignore[no-untyped-def]
    """A real clock reads a moment later for the audit event than for the row written just
    before it: the loan's closing must still come after its last return."""
    loans, p, ctx = office.services.loans, people, office.services.ctx
    start, ticks = ctx.now(), iter(range(1, 10_000))
    ctx.clock = lambda: start + timedelta(milliseconds=next(ticks))
    loan = loans.create_request(p.supply, office.request((office.tent, 1)), submit=True)
    loans.approve(p.approver, loan.id)
    loan = loans.hand_out(p.supply, loan.id, [loan.items[0].id])
    loans.return_items(p.supply, loan.id, [ItemReturn(loan.items[0].id)], "ผู้ใหญ่บ้าน")
    events = loans.history(p.supply, loan.id)
    assert [e.kind for e in events] == [K.SUBMITTED, K.APPROVED, K.HANDED_OUT, K.RETURNED,
                                        K.CLOSED]  # fmt: skip
    assert [e.at for e in events] == sorted(e.at for e in events)


def test_a_cancelled_request_shows_who_cancelled_it_and_why(office, people, clock) -> None:  # type: ignore[no-untyped-def]
    loans, p = office.services.loans, people
    loan = loans.create_request(p.requester, office.request((office.projector, 1)), submit=True)
    clock.moment += timedelta(hours=2)
    loans.cancel(p.supply, loan.id, reason="ผู้ขอยืมแจ้งยกเลิกงาน")
    events = loans.history(p.requester, loan.id)
    assert _steps(events) == [(K.SUBMITTED, "นางสาวมาลี ขอยืม"),
                              (K.CANCELLED, "นายวีระ พัสดุดี")]  # fmt: skip
    assert events[-1].reason == "ผู้ขอยืมแจ้งยกเลิกงาน"
    assert events[-1].at == clock.moment


def test_a_refusal_keeps_its_reason(office, people) -> None:  # type: ignore[no-untyped-def]
    loans, p = office.services.loans, people
    loan = loans.create_request(p.requester, office.request((office.projector, 1)), submit=True)
    loans.refuse(p.approver, loan.id, "เครื่องฉายต้องใช้ในการประชุมสภา")
    refused = loans.history(p.requester, loan.id)[-1]
    assert (refused.kind, refused.who) == (K.REFUSED, "นายประยุทธ์ อนุมัติดี")
    assert refused.reason == "เครื่องฉายต้องใช้ในการประชุมสภา"


def test_only_those_who_may_see_the_loan_see_its_history(office, people) -> None:  # type: ignore[no-untyped-def]
    loans, p = office.services.loans, people
    loan = loans.create_request(p.requester, office.request((office.projector, 1)), submit=True)
    with pytest.raises(PermissionDenied):
        loans.history(p.other, loan.id)  # another staff member: not theirs
    for reader in (p.requester, p.supply, p.approver, p.finance):
        assert loans.history(reader, loan.id)[0].kind is K.SUBMITTED
