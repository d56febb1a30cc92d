"""Damage and loss open liabilities; overdue loans are listed and followed up."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from nongbon_ita.domain.assets.records import AssetStatus
from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.domain.loans import FollowUpMethod, LoanStatus, Remedy, ReturnCondition
from nongbon_ita.services.loans.handling import ItemReturn

from .conftest import Office


def test_damaged_and_lost_returns_open_liabilities(office: Office) -> None:
    loans, assets = office.services.loans, office.services.assets
    loan = office.lent((office.tent, 1), (office.projector, 1))
    tent, projector = loan.items
    back = loans.return_items(office.supply, loan.id, [
        ItemReturn(tent.id, 1, ReturnCondition.DAMAGED, "ผ้าใบขาด"),
        ItemReturn(projector.id, 1, ReturnCondition.LOST)], "นายสมหมาย ใจงาม")  # fmt: skip
    assert back.status is LoanStatus.CLOSED
    damaged, lost = back.liabilities
    assert (damaged.remedy, damaged.amount) == (Remedy.REPAIR, None)
    assert (lost.remedy, lost.amount) == (Remedy.PAY, Decimal("18900.00"))  # value when lent
    assert assets.get(office.tent).status is AssetStatus.IN_REPAIR
    assert assets.get(office.projector).status is AssetStatus.LOST
    settled = loans.update_liability(office.supply, damaged.id, Remedy.REPAIR, Decimal("850"),
                                     date(2024, 1, 15), "ซ่อมผ้าใบ", damaged.version)  # fmt: skip
    assert settled.settled and settled.amount == Decimal("850")
    with pytest.raises(ValidationError):
        loans.update_liability(office.supply, lost.id, Remedy.PAY, Decimal("-1"), None)


def test_a_return_cannot_exceed_what_is_out(office: Office) -> None:
    loan = office.lent((office.paper, 4))
    with pytest.raises(ValidationError) as refused:
        office.services.loans.return_items(office.supply, loan.id,
                                           [ItemReturn(loan.items[0].id, 5)], "ผู้คืน")  # fmt: skip
    assert refused.value.params == {"n": 4}


def test_overdue_loans_and_follow_ups(office: Office, clock) -> None:  # type: ignore[no-untyped-def]
    loans = office.services.loans
    loan = office.lent(days=2)  # due 16 Jan 2024
    assert loans.overdue(office.supply) == []
    clock.moment = datetime(2024, 1, 20, 3, tzinfo=UTC)
    (late,) = loans.overdue(office.supply)
    assert (late.days_overdue, late.follow_up_deadline) == (4, date(2024, 1, 23))
    assert loans.list_loans(office.supply, _overdue_filter())[0].id == loan.id
    followed = loans.record_follow_up(office.supply, loan.id, date(2024, 1, 20),
                                      FollowUpMethod.MEMO, "ส่งบันทึกทวง", "มค 81101/1")  # fmt: skip
    assert followed.last_follow_up is not None
    assert followed.last_follow_up.memo_number == "มค 81101/1"
    assert loans.overdue(office.supply)[0].last_follow_up == date(2024, 1, 20)


def _overdue_filter():  # type: ignore[no-untyped-def]
    from nongbon_ita.services.loans.queries import LoanFilter

    return LoanFilter(overdue_only=True)


def test_search_by_borrower_purpose_and_number(office: Office) -> None:
    from nongbon_ita.services.loans.queries import LoanFilter

    loans = office.services.loans
    loan = office.approved()
    for text in ("สมหมาย", "ประชาคม", "1/2567", "๑/๒๕๖๗", "ใจ"):
        assert [e.id for e in loans.list_loans(office.supply, LoanFilter(text))] == [loan.id], text
    assert loans.list_loans(office.supply, LoanFilter("ไม่มีใครชื่อนี้")) == []
