"""Request → submit (numbered) → approve → hand out → partial return → closed, with who/when."""

from __future__ import annotations

from sqlalchemy import select

from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.assets.records import AssetStatus
from nongbon_ita.domain.loans import LoanStatus, ReturnCondition
from nongbon_ita.services.loans.handling import ItemReturn

from .conftest import Office


def test_a_loan_from_draft_to_closed(office: Office) -> None:
    loans, assets = office.services.loans, office.services.assets
    draft = loans.create_request(office.supply, office.request((office.tent, 1), (office.paper, 5)))
    assert draft.status is LoanStatus.DRAFT and draft.number is None
    submitted = loans.submit(office.supply, draft.id, draft.version)
    assert (submitted.number_text, submitted.status) == ("1/2567", LoanStatus.SUBMITTED)
    assert submitted.submitted_at is not None
    approved = loans.approve(office.approver, submitted.id, submitted.version)
    assert approved.status is LoanStatus.APPROVED and approved.approver == "ผู้ใช้ทดสอบ"
    tent_item, paper_item = approved.items
    out = loans.hand_out(office.supply, approved.id, [tent_item.id])
    assert out.status is LoanStatus.HANDED_OUT
    assert assets.get(office.tent).status is AssetStatus.ON_LOAN
    assert out.items[0].value_at_loan == 12500 and out.items[0].handed_out_by
    out = loans.hand_out(office.supply, out.id, [paper_item.id])
    assert assets.get(office.paper).stock_quantity == 45
    partial = loans.return_items(office.supply, out.id,
                                 [ItemReturn(paper_item.id, 3)], "นายสมหมาย ใจงาม")  # fmt: skip
    assert partial.status is LoanStatus.HANDED_OUT and partial.outstanding == 3
    assert assets.get(office.paper).stock_quantity == 48
    closed = loans.return_items(office.supply, out.id, [
        ItemReturn(paper_item.id, 2), ItemReturn(tent_item.id, 1, ReturnCondition.GOOD)],
        "นายสมหมาย ใจงาม")  # fmt: skip
    assert closed.status is LoanStatus.CLOSED and closed.closed_at is not None
    assert assets.get(office.tent).status is AssetStatus.AVAILABLE
    assert closed.items[0].returns[0].received_by == "ผู้ใช้ทดสอบ"
    with office.services.ctx.reading() as session:
        actions = list(session.scalars(
            select(AuditEventRow.action).where(AuditEventRow.entity == "loan")))  # fmt: skip
    assert actions == ["loan.created", "loan.submitted", "loan.approved", "loan.handed_out",
                       "loan.handed_out", "loan.returned", "loan.returned"]  # fmt: skip


def test_numbers_run_per_fiscal_year_from_the_submission_date(office: Office, clock) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    loans = office.services.loans
    first = loans.create_request(office.supply, office.request(), submit=True)
    clock.moment = datetime(2024, 10, 1, 3, 0, tzinfo=UTC)  # 1 Oct 2567: fiscal year 2568
    later = loans.create_request(office.supply, office.request((office.projector, 1),
                                 start=clock.moment.date()), submit=True)  # fmt: skip
    assert (first.number_text, later.number_text) == ("1/2567", "1/2568")
    assert loans.by_number(office.approver, "๑/๒๕๖๘").id == later.id


def test_cancel_before_hand_out_frees_the_booking(office: Office) -> None:
    loans = office.services.loans
    first = office.approved()
    cancelled = loans.cancel(office.supply, first.id, first.version, "งานเลื่อน")
    assert cancelled.status is LoanStatus.CANCELLED
    again = office.approved()  # the tent is free again for the same days
    assert again.status is LoanStatus.APPROVED


def test_extension_moves_the_due_date(office: Office) -> None:
    loan = office.lent(days=3)
    longer = office.services.loans.extend_due_date(office.approver, loan.id,
                                                   loan.due_date.replace(day=19), "ฝนตก")  # fmt: skip
    assert longer.due_date.day == 19
