"""Reordering a year's measures: who may, stale and impossible moves refused with nothing changed,
a clean 1..n numbering after every move, the O43 report's rows in the new order, the audit."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import select, update

from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.db.models_ita import MeasureRowDb
from nongbon_ita.domain.errors import PermissionDenied, StaleEditError, ValidationError
from nongbon_ita.domain.ita.measure import Measure, MeasureDraft
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services
from tests.integration.ita.conftest import Office

ISSUES = ("ประเด็นที่หนึ่ง", "ประเด็นที่สอง", "ประเด็นที่สาม", "ประเด็นที่สี่")


@pytest.fixture
def four(office: Office) -> list[Measure]:
    """Four measures of 2567 in the order of ISSUES, and one of 2568 that must never move."""
    plan = office.services.ita.plan
    made = [plan.create(office.coordinator, 2567, MeasureDraft(4 + i, issue))
            for i, issue in enumerate(ISSUES)]  # fmt: skip
    plan.create(office.coordinator, 2568, MeasureDraft(1, "ปีถัดไป"))
    return made


def issues(services: Services, year: int = 2567) -> list[str]:
    return [m.issue for m in services.ita.plan.measures(year)]


def stored(services: Services, year: int = 2567) -> list[tuple[str, int, int]]:
    """(issue, position, version) of the year's rows as stored, in the printed order."""
    with services.ctx.reading() as session:
        query = (
            select(MeasureRowDb.issue, MeasureRowDb.position, MeasureRowDb.version)
            .where(MeasureRowDb.fiscal_year == year)
            .order_by(MeasureRowDb.position, MeasureRowDb.id)
        )
        return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]


def moves(services: Services) -> list[tuple[str, dict[str, object]]]:
    with services.ctx.reading() as session:
        query = select(AuditEventRow.entity_id, AuditEventRow.payload).where(
            AuditEventRow.action == "ita.measure_moved"
        )
        return [(entity_id, json.loads(payload)) for entity_id, payload in session.execute(query)]


def test_staff_may_not_move_a_measure_and_nothing_changes(
    office: Office, four: list[Measure]
) -> None:
    before = stored(office.services)
    with pytest.raises(PermissionDenied):
        office.services.ita.order.move_down(office.staff, four[0].id, four[0].version)
    with pytest.raises(PermissionDenied):
        office.services.ita.order.move_to(office.staff, four[0].id, 3, four[0].version)
    assert stored(office.services) == before and moves(office.services) == []


@pytest.mark.parametrize("role", list(Role))
def test_moving_is_allowed_exactly_for_the_roles_that_plan_measures(
    office: Office, four: list[Measure], user_with: Callable[..., CurrentUser], role: Role
) -> None:
    user = user_with(role)
    if role in ItaOperation.EDIT_MEASURES.roles:
        assert office.services.ita.order.move_up(user, four[1].id, four[1].version).position == 1
    else:
        with pytest.raises(PermissionDenied):
            office.services.ita.order.move_up(user, four[1].id, four[1].version)


def test_moving_down_then_up_renumbers_the_year_and_bumps_the_versions(
    office: Office, four: list[Measure]
) -> None:
    order = office.services.ita.order
    moved = order.move_down(office.coordinator, four[0].id, four[0].version)
    assert issues(office.services) == [ISSUES[1], ISSUES[0], ISSUES[2], ISSUES[3]]
    assert [p for _i, p, _v in stored(office.services)] == [1, 2, 3, 4]
    assert moved.position == 2 and moved.version == four[0].version + 1
    moved = order.move_up(office.coordinator, four[3].id, four[3].version)
    assert issues(office.services) == [ISSUES[1], ISSUES[0], ISSUES[3], ISSUES[2]]
    assert [p for _i, p, _v in stored(office.services)] == [1, 2, 3, 4]
    assert moved.position == 3
    assert issues(office.services, 2568) == ["ปีถัดไป"]  # another year's order is its own


def test_a_stale_move_is_refused_and_nothing_changes(office: Office, four: list[Measure]) -> None:
    order = office.services.ita.order
    order.move_down(office.coordinator, four[1].id, four[1].version)
    after_first = stored(office.services)
    with pytest.raises(StaleEditError):  # the same view, clicked again
        order.move_down(office.coordinator, four[1].id, four[1].version)
    assert stored(office.services) == after_first and len(moves(office.services)) == 1


def test_a_move_leaves_the_other_measures_open_edits_valid(
    office: Office, four: list[Measure]
) -> None:
    """Only the moved measure's version changes: the coordinator's colleague editing another
    measure of the year (numbered again by the move) can still save."""
    services = office.services
    services.ita.order.move_down(office.coordinator, four[0].id, four[0].version)
    assert [v for _i, _p, v in stored(services)] == [1, 2, 1, 1]
    other = four[2]
    edited = replace(other.draft(), plan="แผนที่แก้ไขระหว่างการจัดลำดับ")
    saved = services.ita.plan.update(office.coordinator, other.id, edited, other.version)
    assert saved.plan == "แผนที่แก้ไขระหว่างการจัดลำดับ" and saved.position == 3


def test_the_first_up_and_the_last_down_are_refused_with_nothing_changed(
    office: Office, four: list[Measure]
) -> None:
    order = office.services.ita.order
    before = stored(office.services)
    with pytest.raises(ValidationError) as first:
        order.move_up(office.coordinator, four[0].id, four[0].version)
    assert first.value.message_id == "This measure is already the first of fiscal year {year}."
    assert first.value.params == {"year": 2567}
    with pytest.raises(ValidationError) as last:
        order.move_down(office.coordinator, four[3].id, four[3].version)
    assert last.value.message_id == "This measure is already the last of fiscal year {year}."
    with pytest.raises(ValidationError) as outside:
        order.move_to(office.coordinator, four[0].id, 5, four[0].version)
    assert outside.value.params == {"count": 4}
    with pytest.raises(ValidationError):
        order.move_to(office.coordinator, four[2].id, 3, four[2].version)  # where it is
    assert stored(office.services) == before and moves(office.services) == []


def test_moving_to_a_place_keeps_the_others_in_their_order(
    office: Office, four: list[Measure]
) -> None:
    order = office.services.ita.order
    moved = order.move_to(office.coordinator, four[3].id, 1, four[3].version)
    assert issues(office.services) == [ISSUES[3], ISSUES[0], ISSUES[1], ISSUES[2]]
    order.move_to(office.coordinator, moved.id, 3, moved.version)
    assert issues(office.services) == [ISSUES[0], ISSUES[1], ISSUES[3], ISSUES[2]]
    assert [p for _i, p, _v in stored(office.services)] == [1, 2, 3, 4]


def test_gaps_and_ties_left_by_deletes_and_imports_are_mended_by_a_move(
    office: Office, four: list[Measure]
) -> None:
    services = office.services
    services.ita.plan.delete(office.coordinator, four[1].id, four[1].version)
    with services.ctx.transaction() as session:  # a tie, as an import starting at 0 leaves
        session.execute(update(MeasureRowDb).where(MeasureRowDb.id == four[3].id)
                        .values(position=0))  # fmt: skip
    assert [p for _i, p, _v in stored(services)] == [0, 0, 2]
    assert issues(services) == [ISSUES[0], ISSUES[3], ISSUES[2]]  # the tie goes by id
    third = services.ita.plan.measure(four[2].id)
    services.ita.order.move_up(office.coordinator, third.id, third.version)
    assert issues(services) == [ISSUES[0], ISSUES[2], ISSUES[3]]
    assert [p for _i, p, _v in stored(services)] == [1, 2, 3]
    created = services.ita.plan.create(office.coordinator, 2567, MeasureDraft(9, "ใหม่"))
    assert created.position == 4 and issues(services)[-1] == "ใหม่"


def test_the_measures_report_rows_follow_the_new_order(office: Office, four: list[Measure]) -> None:
    services = office.services
    services.ita.order.move_down(office.coordinator, four[0].id, four[0].version)
    services.ita.order.move_to(office.coordinator, four[3].id, 1, four[3].version)
    rows = services.measures.measures_report(2567).rows
    assert [r.issue for r in rows] == [ISSUES[3], ISSUES[1], ISSUES[0], ISSUES[2]]
    assert [r.indicator_number for r in rows] == [7, 5, 4, 6]


def test_each_move_writes_one_audit_event_with_the_places(
    office: Office, four: list[Measure]
) -> None:
    services = office.services
    services.ita.order.move_down(office.coordinator, four[1].id, four[1].version)
    assert moves(services) == [
        (str(four[1].id), {"before": {"fiscal_year": 2567, "position": 2},
                           "after": {"position": 3}}),
    ]  # fmt: skip
    with services.ctx.reading() as session:
        actor = session.scalar(select(AuditEventRow.actor)
                               .where(AuditEventRow.action == "ita.measure_moved"))  # fmt: skip
    assert actor == office.coordinator.username
