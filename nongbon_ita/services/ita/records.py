"""ORM rows of the ITA area → domain records (measures are loaded in a few bulk queries)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_core import DivisionRow, UserRow
from nongbon_ita.db.models_ita import (
    EvidenceRow,
    IndicatorRow,
    ItaYearRow,
    MeasureProgressRow,
    MeasureResultRow,
    MeasureRowDb,
    OitItemRow,
    SubIndicatorRow,
)
from nongbon_ita.domain.errors import N_, NotFoundError
from nongbon_ita.domain.ita.catalogue import (
    Indicator,
    OitItem,
    Provenance,
    SubIndicator,
    parse_oit_codes,
)
from nongbon_ita.domain.ita.catalogue_data import CatalogueStatus, ItemRole
from nongbon_ita.domain.ita.measure import (
    Evidence,
    EvidenceKind,
    Measure,
    MeasureResult,
    MeasureStatus,
    ProgressMark,
)
from nongbon_ita.domain.ita.report import AssessmentForm

R = TypeVar("R")


def indicator_of(row: IndicatorRow) -> Indicator:
    return Indicator(row.id, row.fiscal_year, AssessmentForm(row.form), row.number, row.name,
                     row.score, row.version)  # fmt: skip


def sub_indicator_of(row: SubIndicatorRow) -> SubIndicator:
    return SubIndicator(row.id, row.indicator_id, row.name, row.position, row.version)


def item_of(row: OitItemRow) -> OitItem:
    return OitItem(row.id, row.fiscal_year, row.code, row.name, row.group_name,
                   row.sub_indicator_id, row.position, row.version, row.indicator_number,
                   ItemRole(row.role) if row.role else None, row.document_title)  # fmt: skip


def provenance_of(row: ItaYearRow | None) -> Provenance:
    if row is None:
        return Provenance()
    return Provenance(CatalogueStatus(row.catalogue_status), row.catalogue_source,
                      row.catalogue_checked_on, row.confirmed_by, row.confirmed_at,
                      row.version)  # fmt: skip


def role_item(session: Session, fiscal_year: int, role: ItemRole) -> OitItem | None:
    """The year's item holding `role` (its code and title are what the role's document prints);
    None when the year has no catalogue or no item with that role: nothing is guessed."""
    query = select(OitItemRow).where(OitItemRow.fiscal_year == fiscal_year,
                                     OitItemRow.role == role.value)  # fmt: skip
    row = session.scalars(query).first()
    return None if row is None else item_of(row)


def take_role(session: Session, fiscal_year: int, role: ItemRole) -> None:
    """The year's item holding `role` gives it up (a role belongs to one item of a year)."""
    query = select(OitItemRow).where(OitItemRow.fiscal_year == fiscal_year,
                                     OitItemRow.role == role.value)  # fmt: skip
    for holder in session.scalars(query):
        holder.role = ""
    session.flush()


def evidence_of(row: EvidenceRow) -> Evidence:
    return Evidence(row.id, EvidenceKind(row.kind), row.label, row.url, row.file_name, row.size,
                    row.sha256, row.stored_path)  # fmt: skip


def _names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    query = select(UserRow.id, UserRow.full_name).where(UserRow.id.in_(wanted))
    return {row.id: row.full_name for row in session.execute(query)}


def _results(session: Session, measure_ids: Sequence[int]) -> dict[int, list[MeasureResult]]:
    rows = session.scalars(
        select(MeasureResultRow).where(MeasureResultRow.measure_id.in_(measure_ids))
        .order_by(MeasureResultRow.position, MeasureResultRow.id)
    ).all()  # fmt: skip
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    if rows:
        query = (
            select(EvidenceRow).where(EvidenceRow.result_id.in_([r.id for r in rows]))
            .order_by(EvidenceRow.id)
        )  # fmt: skip
        for ev in session.scalars(query):
            evidence[ev.result_id].append(evidence_of(ev))
    names = _names(session, (r.recorded_by_user_id for r in rows))
    found: dict[int, list[MeasureResult]] = defaultdict(list)
    for r in rows:
        found[r.measure_id].append(MeasureResult(
            r.id, r.measure_id, r.position, r.done_on, r.text,
            names.get(r.recorded_by_user_id or 0, ""), r.recorded_at,
            tuple(evidence[r.id]), r.version,
        ))  # fmt: skip
    return found


def _progress(session: Session, measure_ids: Sequence[int]) -> dict[int, list[ProgressMark]]:
    rows = session.scalars(
        select(MeasureProgressRow).where(MeasureProgressRow.measure_id.in_(measure_ids))
        .order_by(MeasureProgressRow.months)
    ).all()  # fmt: skip
    names = _names(session, (r.marked_by_user_id for r in rows))
    found: dict[int, list[ProgressMark]] = defaultdict(list)
    for r in rows:
        found[r.measure_id].append(ProgressMark(
            r.months, r.percent, r.note, r.marked_on, names.get(r.marked_by_user_id or 0, ""),
            r.version,
        ))  # fmt: skip
    return found


def load_measures(session: Session, *conditions: Any) -> list[Measure]:
    """Measures matching `conditions` (on MeasureRowDb), by year and position, fully loaded."""
    query = (
        select(MeasureRowDb, IndicatorRow, DivisionRow.name)
        .join(IndicatorRow, MeasureRowDb.indicator_id == IndicatorRow.id)
        .outerjoin(DivisionRow, MeasureRowDb.responsible_division_id == DivisionRow.id)
        .where(*conditions)
        .order_by(MeasureRowDb.fiscal_year, MeasureRowDb.position, MeasureRowDb.id)
    )
    rows = session.execute(query).all()
    ids = [m.id for m, _i, _d in rows]
    results = _results(session, ids) if ids else {}
    progress = _progress(session, ids) if ids else {}
    users = _names(session, (m.responsible_user_id for m, _i, _d in rows))
    found: list[Measure] = []
    for m, ind, division in rows:
        found.append(Measure(
            id=m.id, fiscal_year=m.fiscal_year, position=m.position,
            form=AssessmentForm(ind.form), indicator_number=ind.number,
            indicator=m.indicator_text, sub_indicator=m.sub_indicator,
            oit_items=parse_oit_codes(m.oit_items), issue=m.issue, plan=m.plan,
            result_text=m.result_text, responsible_division_id=m.responsible_division_id,
            responsible_division=division or "", responsible_user_id=m.responsible_user_id,
            responsible_user=users.get(m.responsible_user_id or 0, ""),
            time_frame=m.time_frame, start_on=m.start_on, due_on=m.due_on,
            status=MeasureStatus(m.status), results=tuple(results.get(m.id, ())),
            progress=tuple(progress.get(m.id, ())), version=m.version,
        ))  # fmt: skip
    return found


def load_measure(session: Session, measure_id: int) -> Measure:
    found = load_measures(session, MeasureRowDb.id == measure_id)
    if not found:
        raise NotFoundError(N_("This measure no longer exists."))
    return found[0]


def measure_row(session: Session, measure_id: int) -> MeasureRowDb:
    row = session.get(MeasureRowDb, measure_id)
    if row is None:
        raise NotFoundError(N_("This measure no longer exists."))
    return row


def get_or_gone(session: Session, model: type[R], row_id: int) -> R:
    """The row, or a refusal saying it was deleted meanwhile (by someone else)."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(N_("This entry no longer exists: someone deleted it. Reload."))
    return row
