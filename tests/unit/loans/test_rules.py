"""Each loan rule is refused in the service with its own message, and nothing is changed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nongbon_ita.domain.assets.records import AssetStatus
from nongbon_ita.domain.errors import PermissionDenied, ValidationError
from nongbon_ita.domain.loans import Borrower, BorrowerKind, LoanPolicy, LoanStatus, PurposeType

from .conftest import TODAY, Office


def test_nobody_approves_their_own_request(office: Office, user_with) -> None:  # type: ignore[no-untyped-def]
    from nongbon_ita.domain.roles import Role

    both = user_with(Role.APPROVER, Role.STAFF, Role.SUPPLY_OFFICER)
    loans = office.services.loans
    mine = Borrower(BorrowerKind.STAFF, "", user_id=both.id)
    loan = loans.create_request(both, office.request(borrower=mine), submit=True)
    with pytest.raises(PermissionDenied) as refused:
        loans.approve(both, loan.id)
    assert refused.value.message_id == "Nobody may approve their own loan request."
    assert loans.get(both, loan.id).status is LoanStatus.SUBMITTED


def test_a_durable_item_is_never_in_two_overlapping_loans(office: Office) -> None:
    loans = office.services.loans
    office.approved(start=TODAY, days=3)  # approved, not yet handed out: it counts
    with pytest.raises(ValidationError) as refused:
        loans.create_request(office.supply, office.request(start=TODAY + timedelta(days=2)))
    assert refused.value.message_id.startswith("{name} ({number}) is already booked or lent")
    assert refused.value.params["loan"] == "1/2567"
    later = loans.create_request(office.supply, office.request(start=TODAY + timedelta(days=3)))
    assert later.status is LoanStatus.DRAFT  # the day after the due date is free


def test_two_submitted_requests_cannot_both_be_approved(office: Office) -> None:
    loans = office.services.loans
    a = loans.create_request(office.supply, office.request(), submit=True)
    b = loans.create_request(office.supply, office.request(), submit=True)
    loans.approve(office.approver, a.id)
    with pytest.raises(ValidationError, match="already booked"):
        loans.approve(office.approver, b.id)


def test_an_item_not_back_holds_past_its_due_date(office: Office, clock) -> None:  # type: ignore[no-untyped-def]
    office.lent(days=2)
    clock.moment = datetime(2024, 1, 25, 3, tzinfo=UTC)  # overdue: the tent holds until it is back
    with pytest.raises(ValidationError) as refused:
        office.services.loans.create_request(office.supply, office.request(
            start=date(2024, 2, 20), borrower=Borrower(BorrowerKind.AGENCY, "โรงเรียนบ้านหนองบอน",
                                                       phone="043-000000")))  # fmt: skip
    # the message names the real problem (not back yet), not the old booking's past dates
    assert refused.value.message_id.startswith("{name} ({number}) has not been returned from")
    assert refused.value.params["loan"] == "1/2567" and "start" not in refused.value.params


def test_only_lendable_available_items_and_stock(office: Office) -> None:
    loans, assets = office.services.loans, office.services.assets
    tent = assets.get(office.tent)
    assets.update(office.supply, tent.id, tent.draft().__class__(**{**tent.draft().__dict__,
                  "status": AssetStatus.IN_REPAIR}), tent.version)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        loans.create_request(office.supply, office.request())
    assert refused.value.message_id == "{name} ({number}) is not available: {status}."
    with pytest.raises(ValidationError) as stock:
        loans.create_request(office.supply, office.request((office.paper, 51)))
    assert stock.value.params["count"] == 50


def test_dates_and_the_category_limit(office: Office) -> None:
    loans = office.services.loans
    with pytest.raises(ValidationError) as before:
        loans.create_request(office.supply, office.request(days=0))
    assert before.value.message_id == "The due date cannot be before the start date."
    with pytest.raises(ValidationError) as too_long:
        loans.create_request(office.supply, office.request(days=8))  # tents: 7 days at most
    assert too_long.value.params == {"category": "เต็นท์", "days": 7}
    assert loans.create_request(office.supply, office.request(days=7)).days == 7


def test_the_default_limit_is_configurable(office: Office, admin) -> None:  # type: ignore[no-untyped-def]
    loans = office.services.loans
    loans.set_policy(admin, LoanPolicy(default_max_days=5))
    with pytest.raises(ValidationError, match="at most"):
        loans.create_request(office.supply, office.request((office.projector, 1), days=6))


def test_a_borrower_with_an_overdue_loan_waits(office: Office, clock, admin) -> None:  # type: ignore[no-untyped-def]
    loans = office.services.loans
    office.lent(days=2)
    clock.moment = datetime(2024, 1, 20, 3, tzinfo=UTC)
    with pytest.raises(ValidationError) as refused:
        loans.create_request(office.supply, office.request((office.projector, 1),
                                                           start=date(2024, 1, 20)))  # fmt: skip
    assert refused.value.params["loan"] == "1/2567"
    loans.set_policy(admin, LoanPolicy(block_overdue_borrowers=False))
    allowed = loans.create_request(office.supply, office.request((office.projector, 1),
                                                                 start=date(2024, 1, 20)))  # fmt: skip
    assert allowed.status is LoanStatus.DRAFT


def test_a_personal_purpose_is_refused(office: Office) -> None:
    loans = office.services.loans
    with pytest.raises(ValidationError) as refused:
        loans.create_request(office.supply, office.request(purpose_type=PurposeType.PERSONAL))
    assert refused.value.message_id == "Government supplies cannot be lent for personal use."
    with pytest.raises(ValidationError):
        loans.create_request(office.supply, office.request(purpose="ใช้งานส่วนตัวที่บ้าน"))


def test_staff_may_only_borrow_for_themselves(office: Office) -> None:
    loans = office.services.loans
    other = Borrower(BorrowerKind.STAFF, "", user_id=office.supply.id)
    with pytest.raises(PermissionDenied):
        loans.create_request(office.staff, office.request(borrower=other))
    own = loans.create_request(office.staff, office.request(
        borrower=Borrower(BorrowerKind.STAFF, "", user_id=office.staff.id)))  # fmt: skip
    assert own.borrower.name == "ผู้ใช้ทดสอบ"
    with pytest.raises(PermissionDenied):
        loans.get(office.staff, office.approved((office.projector, 1)).id)  # not theirs


def test_refusal_needs_a_reason_and_hand_out_needs_approval(office: Office) -> None:
    loans = office.services.loans
    loan = loans.create_request(office.supply, office.request(), submit=True)
    with pytest.raises(ValidationError):
        loans.refuse(office.approver, loan.id, " ")
    with pytest.raises(ValidationError, match="not possible now"):
        loans.hand_out(office.supply, loan.id, [loan.items[0].id])
    refused = loans.refuse(office.approver, loan.id, "ติดภารกิจของ อบต.")
    assert refused.status is LoanStatus.REFUSED and refused.refusal_reason == "ติดภารกิจของ อบต."
    with pytest.raises(PermissionDenied):
        loans.approve(office.supply, loan.id)


def test_a_stale_edit_is_refused(office: Office) -> None:
    from nongbon_ita.domain.errors import StaleEditError

    loans = office.services.loans
    loan = loans.create_request(office.supply, office.request(), submit=True)
    loans.approve(office.approver, loan.id, loan.version)
    with pytest.raises(StaleEditError):
        loans.cancel(office.supply, loan.id, loan.version)
