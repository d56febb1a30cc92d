"""The order of a fiscal year's measures: the order of the rows of the measures plan, the measures report
and the measures table. The coordinator moves one measure at a time; every move renumbers the
year 1..n, which also mends the gaps and ties that deletes, copies and imports leave behind."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified, set_committed_value

from nongbon_ita.db.models_ita import MeasureRowDb
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.measure import Measure
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.ita.records import load_measure, measure_row

# (the measure, its place now, the year's count) -> the place wanted, counted from 1; a move
# that cannot apply raises
Target = Callable[[MeasureRowDb, int, int], int]


def _year_in_order(session: Session, fiscal_year: int) -> list[MeasureRowDb]:
    """The year's measures as the documents print them (position, then id for ties)."""
    query = (
        select(MeasureRowDb)
        .where(MeasureRowDb.fiscal_year == fiscal_year)
        .order_by(MeasureRowDb.position, MeasureRowDb.id)
    )
    return list(session.scalars(query))


def _one_up(row: MeasureRowDb, place: int, _count: int) -> int:
    if place == 1:
        raise ValidationError(N_("This measure is already the first of fiscal year {year}."),
                              field="position", year=row.fiscal_year)  # fmt: skip
    return place - 1


def _one_down(row: MeasureRowDb, place: int, count: int) -> int:
    if place == count:
        raise ValidationError(N_("This measure is already the last of fiscal year {year}."),
                              field="position", year=row.fiscal_year)  # fmt: skip
    return place + 1


def _to(position: int) -> Target:
    def target(row: MeasureRowDb, place: int, count: int) -> int:
        if not 1 <= position <= count:
            raise ValidationError(N_("Choose a place from 1 to {count}."), field="position",
                                  count=count)  # fmt: skip
        if position == place:
            raise ValidationError(
                N_("This measure is already number {position} of fiscal year {year}."),
                field="position", position=position, year=row.fiscal_year,
            )  # fmt: skip
        return position

    return target


def _renumber_others(session: Session, order: list[MeasureRowDb], moved: MeasureRowDb) -> None:
    """Number the year 1..n by `order`, leaving the versions of the measures not moved alone: the
    order is the year's, not a measure's text, and the first move of a year numbered from 0
    renumbers all of it — that must not make every open edit of the year's measures stale."""
    changed = [(m, n) for n, m in enumerate(order, start=1) if m is not moved and m.position != n]
    if not changed:
        return
    # a plain UPDATE on the connection: the ORM's flush would bump each row's version
    statement = (
        update(MeasureRowDb)
        .where(MeasureRowDb.id == bindparam("row_id"))
        .values(position=bindparam("place"))
    )
    session.connection().execute(statement, [{"row_id": m.id, "place": n} for m, n in changed])
    for measure, number in changed:
        set_committed_value(measure, "position", number)  # the session's copies, as now stored


class MeasureOrderService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def move_up(self, actor: CurrentUser, measure_id: int, version: int) -> Measure:
        """One place earlier in its year; the first measure is refused."""
        return self._move(actor, measure_id, version, _one_up)

    def move_down(self, actor: CurrentUser, measure_id: int, version: int) -> Measure:
        """One place later in its year; the last measure is refused."""
        return self._move(actor, measure_id, version, _one_down)

    def move_to(self, actor: CurrentUser, measure_id: int, position: int, version: int) -> Measure:
        """To place `position` of its year (1 = first); the others keep their order."""
        return self._move(actor, measure_id, version, _to(position))

    def _move(self, actor: CurrentUser, measure_id: int, version: int, target: Target) -> Measure:
        require(actor, ItaOperation.EDIT_MEASURES)
        with self.ctx.transaction() as session:
            row = measure_row(session, measure_id)
            check_version(row.version, version)
            order = _year_in_order(session, row.fiscal_year)
            place = order.index(row) + 1  # the identity map hands back the same object
            wanted = target(row, place, len(order))  # refusals come before any change
            order.insert(wanted - 1, order.pop(place - 1))
            _renumber_others(session, order, row)
            row.position = wanted
            # the stored number may already equal the new place (a year numbered from 0): write
            # it anyway so the version moves and a second move from the same stale view is refused
            flag_modified(row, "position")
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.measure_moved", "ita_measure",
                         row.id, before={"fiscal_year": row.fiscal_year, "position": place},
                         after={"position": wanted})  # fmt: skip
            return load_measure(session, row.id)
