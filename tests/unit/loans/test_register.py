"""The finance register: period lines, carried loans, filters, totals, the signed review."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nongbon_ita.domain.errors import AuthenticationError, PermissionDenied
from nongbon_ita.domain.loans import Borrower, BorrowerKind, ReturnCondition
from nongbon_ita.domain.loans.register import RegisterFilter
from nongbon_ita.services.loans.handling import ItemReturn
from nongbon_ita.services.loans.register import RegisterQuery

from .conftest import Office

PASSWORD = "nongbon-demo"


def test_register_lines_totals_and_carried_loans(office: Office, clock) -> None:  # type: ignore[no-untyped-def]
    loans = office.services.loans
    clock.moment = datetime(2023, 9, 20, 3, tzinfo=UTC)  # fiscal year 2566
    office.lent((office.projector, 1), start=date(2023, 9, 20), days=5)
    clock.moment = datetime(2024, 1, 15, 3, tzinfo=UTC)  # 2567: the projector is still out
    school = Borrower(BorrowerKind.AGENCY, "โรงเรียนบ้านหนองบอน", phone="043-000000")
    new = office.lent((office.tent, 1), (office.paper, 2), days=2, borrower=school)
    loans.return_items(office.supply, new.id, [ItemReturn(new.items[0].id, 1,
                       ReturnCondition.DAMAGED)], "ผู้คืน")  # fmt: skip
    register = loans.register(office.finance, RegisterQuery(2567))
    assert [(ln.number_text, ln.carried) for ln in register.lines] == [
        ("1/2566", True), ("1/2567", False), ("1/2567", False)]  # fmt: skip
    totals = register.totals
    assert (totals.lent, totals.returned, totals.outstanding, totals.overdue) == (3, 1, 2, 1)
    assert totals.liabilities == 1
    overdue = loans.register(office.finance, RegisterQuery(2567, kind=RegisterFilter.OVERDUE))
    assert [ln.number_text for ln in overdue.lines] == ["1/2566"]
    by_asset = loans.register(office.finance, RegisterQuery(2567, asset="กระดาษ"))
    assert [ln.item.name for ln in by_asset.lines] == ["กระดาษ A4"]
    december = loans.register(office.finance, RegisterQuery(2567, from_month=10, to_month=12))
    assert [ln.number_text for ln in december.lines] == ["1/2566"]  # carried; January not in it


def test_sign_off_needs_the_password_and_shows_on_the_register(office: Office) -> None:
    loans = office.services.loans
    office.lent()
    query = RegisterQuery(2567, from_month=10, to_month=12)
    with pytest.raises(AuthenticationError):
        loans.sign_off(office.finance, query, "wrong-password", "ตรวจแล้ว")
    with pytest.raises(PermissionDenied):
        loans.sign_off(office.supply, query, PASSWORD)
    review = loans.sign_off(office.finance, query, PASSWORD, "ตรวจสอบแล้วถูกต้อง")
    assert (review.period_start, review.period_end) == (date(2023, 10, 1), date(2023, 12, 31))
    shown = loans.register(office.finance, RegisterQuery(2567)).reviews
    assert [r.note for r in shown] == ["ตรวจสอบแล้วถูกต้อง"]
    with pytest.raises(PermissionDenied):
        loans.register(office.staff, RegisterQuery(2567))
