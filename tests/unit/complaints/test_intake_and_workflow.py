"""Intake, the workflow to closure, deadlines, search and the dashboard's due list."""

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from nongbon_ita.domain.complaints.deadlines import DeadlinePolicy, DeadlineState
from nongbon_ita.domain.complaints.kinds import Category, Outcome, Status
from nongbon_ita.domain.complaints.records import ComplaintIdentity, ComplaintSummary
from nongbon_ita.domain.complaints.workflow import ActionKind
from nongbon_ita.domain.errors import PermissionDenied, StaleEditError, ValidationError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import check_chain, recent_events
from nongbon_ita.services.complaints.queries import ComplaintFilter
from nongbon_ita.services.registry import Services

Filer = Callable[..., ComplaintSummary]


def test_register_numbers_run_per_fiscal_year(file_complaint: Filer) -> None:
    first = file_complaint()
    second = file_complaint(Category.GENERAL)
    older = file_complaint(received_at=datetime(2023, 9, 29, 3, tzinfo=UTC))
    assert (first.number, first.fiscal_year) == (1, 2567)
    assert (second.number, second.fiscal_year) == (2, 2567)
    assert (older.number, older.fiscal_year) == (1, 2566)
    assert first.public_code != second.public_code
    # received 15 Jan 2024: the outcome is due 15 working days later
    assert first.due_on == date(2024, 2, 5) and first.deadline is DeadlineState.ON_TIME


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"subject": "  "}, "subject"),
     ({"received_at": datetime(2024, 1, 16, 9, tzinfo=UTC)}, "received_at"),
     ({"identity": ComplaintIdentity(name="นายก", id_number="1101700230707")}, "id_number"),
     ({"identity": ComplaintIdentity(name="นายก", email="not-an-address")}, "email"),
     ({"identity": ComplaintIdentity()}, "name")],
)  # fmt: skip
def test_bad_intake_is_refused_and_nothing_written(
    services: Services, staff: CurrentUser, file_complaint: Filer, changes: dict, field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        file_complaint(**changes)
    assert refused.value.field == field
    assert services.complaints.queries.page(staff).total == 0


def test_anonymous_complaints_keep_no_complainant_data(
    services: Services, officer: CurrentUser, file_complaint: Filer
) -> None:
    summary = file_complaint(anonymous=True)
    detail = services.complaints.queries.reveal_identity(officer, summary.id)
    assert detail.identity == ComplaintIdentity(accused="นายถูกร้อง ลับเฉพาะ")


def _under_investigation(
    services: Services, officer: CurrentUser, admin: CurrentUser, c: ComplaintSummary
) -> ComplaintSummary:
    """Accepted, assigned to สำนักปลัด and under investigation."""
    division = services.office.add_division(admin, "สำนักปลัด")
    flow = services.complaints.workflow
    c = flow.accept(officer, c.id, c.version)
    c = flow.assign(officer, c.id, c.version, division.id, officer.id)
    return flow.start_investigation(officer, c.id, c.version)


def test_a_corruption_complaint_from_intake_to_closure(
    services: Services, officer: CurrentUser, admin: CurrentUser, file_complaint: Filer
) -> None:
    flow = services.complaints.workflow
    c = _under_investigation(services, officer, admin, file_complaint())
    flow.add_note(officer, c.id, "นัดสอบปากคำพยาน")
    c = services.complaints.queries.detail(officer, c.id).summary
    c = flow.conclude(officer, c.id, c.version, Outcome.SUBSTANTIATED, summary="ตักเตือนแล้ว")
    c = flow.inform(officer, c.id, c.version)
    c = flow.close(officer, c.id, c.version)
    detail = services.complaints.queries.detail(officer, c.id)
    assert detail.summary.status is Status.CLOSED and detail.summary.deadline is DeadlineState.DONE
    assert detail.division_name == "สำนักปลัด" and detail.closed_on is not None
    kinds = [entry.kind for entry in detail.timeline]
    assert kinds == [ActionKind.RECEIVED, ActionKind.ACCEPTED, ActionKind.ASSIGNED,
                     ActionKind.INVESTIGATING, ActionKind.NOTE, ActionKind.CONCLUDED,
                     ActionKind.INFORMED, ActionKind.CLOSED]  # fmt: skip
    actions = [e.action for e in recent_events_of(services)]
    for action in ("complaint.received", "complaint.accepted", "complaint.assigned",
                   "complaint.investigating", "complaint.note", "complaint.concluded",
                   "complaint.informed", "complaint.closed"):  # fmt: skip
        assert action in actions
    with services.ctx.reading() as session:
        assert check_chain(session).ok


def recent_events_of(services: Services) -> list:  # type: ignore[type-arg]
    with services.ctx.reading() as session:
        return recent_events(session)


def test_steps_out_of_order_stale_edits_and_non_officers_are_refused(
    services: Services, officer: CurrentUser, staff: CurrentUser, file_complaint: Filer
) -> None:
    flow = services.complaints.workflow
    c = file_complaint()
    with pytest.raises(ValidationError):
        flow.conclude(officer, c.id, c.version, Outcome.SUBSTANTIATED)
    with pytest.raises(PermissionDenied):
        flow.accept(staff, c.id, c.version)
    flow.accept(officer, c.id, c.version)
    with pytest.raises(StaleEditError):
        flow.reject(officer, c.id, c.version, "ซ้ำ")
    with pytest.raises(ValidationError):
        flow.reject(officer, c.id, None, " ")


def test_referral_needs_the_agency(
    services: Services, officer: CurrentUser, admin: CurrentUser, file_complaint: Filer
) -> None:
    division = services.office.add_division(admin, "กองช่าง")
    flow = services.complaints.workflow
    c = file_complaint()
    for step in (flow.accept, flow.assign, flow.start_investigation):
        args = (division.id, None) if step == flow.assign else ()
        c = step(officer, c.id, c.version, *args)
    with pytest.raises(ValidationError):
        flow.conclude(officer, c.id, c.version, Outcome.REFERRED)
    c = flow.conclude(officer, c.id, c.version, Outcome.REFERRED, "สำนักงาน ป.ป.ช.")
    assert c.outcome is Outcome.REFERRED


def test_the_clock_pauses_while_waiting_for_the_complainant(
    services: Services, officer: CurrentUser, file_complaint: Filer, clock
) -> None:
    flow = services.complaints.workflow
    c = file_complaint()
    c = flow.accept(officer, c.id, c.version)
    c = flow.pause(officer, c.id, c.version, "รอเอกสารจากผู้ร้อง")
    assert c.deadline is DeadlineState.PAUSED
    clock.moment += timedelta(days=7)  # Monday 22 January: 5 working days later
    c = flow.resume(officer, c.id, c.version)
    assert c.due_on == date(2024, 2, 12)


def test_the_policy_moves_open_deadlines(
    services: Services, officer: CurrentUser, file_complaint: Filer
) -> None:
    c = file_complaint()
    services.complaints.settings.set_policy(officer, DeadlinePolicy(0, 10, 5))
    detail = services.complaints.queries.detail(officer, c.id)
    assert detail.summary.due_on == date(2024, 1, 29)
    with pytest.raises(ValidationError):
        services.complaints.settings.set_policy(officer, DeadlinePolicy(0, 0, 5))


def test_holidays_are_editable_and_count(
    services: Services, officer: CurrentUser, file_complaint: Filer
) -> None:
    services.complaints.settings.add_holiday(officer, date(2024, 1, 16), "วันครู")
    c = file_complaint()
    assert c.due_on == date(2024, 2, 6)
    assert date(2024, 1, 16) in {h.day for h in services.complaints.settings.holidays(2024)}
    services.complaints.settings.remove_holiday(officer, date(2024, 1, 16))
    assert services.complaints.queries.detail(officer, c.id).summary.due_on == date(2024, 2, 5)


def test_search_by_text_and_register_number(
    services: Services, staff: CurrentUser, file_complaint: Filer
) -> None:
    for i in range(12):
        file_complaint(Category.GENERAL, subject=f"ไฟฟ้าส่องสว่างดับ จุดที่ {i}")
    target = file_complaint(subject="ถนนชำรุดเป็นหลุมบ่อ")
    queries = services.complaints.queries
    assert [r.id for r in queries.page(staff, ComplaintFilter(text="หลุมบ่อ")).rows] == [target.id]
    assert queries.page(staff, ComplaintFilter(text="ส่องสว่าง")).total == 12
    by_number = queries.page(staff, ComplaintFilter(text="13/2567")).rows
    assert [r.number for r in by_number] == [13]
    assert queries.page(staff, ComplaintFilter(text="ใบเสร็จ")).total == 13  # in the details
    assert queries.page(staff, ComplaintFilter(text="ลับสุดยอด")).total == 0  # never identities
    assert queries.page(staff, offset=10, limit=5).rows[0].number == 3


def test_due_list_and_deadline_filter(
    services: Services, staff: CurrentUser, officer: CurrentUser, file_complaint: Filer, clock
) -> None:
    c = file_complaint()
    clock.moment = datetime(2024, 2, 1, 3, tzinfo=UTC)
    due = services.complaints.queries.due(staff)
    assert {(i.what, i.summary.id) for i in due} == {("outcome", c.id), ("receipt", c.id)}
    services.complaints.workflow.acknowledge(officer, c.id, None)
    assert [i.what for i in services.complaints.queries.due(staff)] == ["outcome"]
    clock.moment = datetime(2024, 2, 6, 3, tzinfo=UTC)
    wanted = ComplaintFilter(deadline=DeadlineState.OVERDUE)
    assert services.complaints.queries.page(staff, wanted).total == 1


def test_attachments_are_copied_with_their_hash(
    services: Services, officer: CurrentUser, file_complaint: Filer, tmp_path: Path
) -> None:
    source = tmp_path / "หลักฐาน.txt"
    source.write_text("ภาพถ่ายใบเสร็จ", encoding="utf-8")
    c = file_complaint()
    added = services.complaints.attachments.add(officer, c.id, [source])
    import hashlib

    assert added[0].sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    stored = services.complaints.attachments.path_of(officer, added[0].id)
    assert stored.read_bytes() == source.read_bytes() and stored != source
    stored.write_text("changed")
    with pytest.raises(ValidationError):
        services.complaints.attachments.path_of(officer, added[0].id)


def test_statistics_count_the_days_of_complaints_concluded_but_not_closed(
    services: Services, officer: CurrentUser, admin: CurrentUser, file_complaint: Filer
) -> None:
    """O29: a concluded or informed complaint is finished; its days to close are counted."""
    flow = services.complaints.workflow
    c = _under_investigation(services, officer, admin, file_complaint())
    c = flow.conclude(officer, c.id, c.version, Outcome.UNSUBSTANTIATED, summary="ไม่มีมูล")
    informed = flow.inform(officer, c.id, c.version)
    assert informed.status is Status.INFORMED
    stats = services.complaints.stats.stats(officer, 2567)
    figures = stats.total
    assert figures.finished == 1
    assert figures.average_days_to_close is not None
    assert figures.longest_days_to_close is not None
