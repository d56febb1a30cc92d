"""Carry a year's measures and OIT evidence into a new year, its items mapped by role, then by
name — never by code alone (2569's O26 is 2566's O43) — after the coordinator reviewed the mapping.

`preview` proposes the mapping and says what hangs on each old item; `apply` takes the coordinator's
changes (old code → new code, "" = carry nothing), computes the same mapping again inside its
transaction and copies: measures without their results, dates one year on, the OIT codes they name
translated; evidence (addresses, kept files, person, due date one year on) into items that may
already have some, never as "published" — last year's page must be checked for the new year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_ita import MeasureRowDb, OitEvidenceRow, OitItemRow
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue import oit_sort_key, parse_oit_codes
from nongbon_ita.domain.ita.catalogue_data import ItemRole
from nongbon_ita.domain.ita.item_mapping import (
    ItemKey,
    ItemMapping,
    change_mapping,
    code_map,
    map_items,
)
from nongbon_ita.domain.ita.measure import MeasureStatus
from nongbon_ita.domain.ita.measure_import import indicator_label, validate_fiscal_year
from nongbon_ita.domain.ita.oit import OitStatus
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.ita.years import indicators_of, year_row


@dataclass(frozen=True)
class ItemLoad:
    """What hangs on a year's items: kept evidence, and the measures naming each code."""

    with_evidence: frozenset[str] = frozenset()
    named_by: Mapping[str, int] = field(default_factory=dict)

    def carries(self, code: str) -> bool:
        return code in self.with_evidence or bool(self.named_by.get(code))

    def notes(self, codes: Iterable[str]) -> dict[str, str]:
        """What each item carries, in words: "evidence, 2 measures" ("" = nothing)."""
        notes = {}
        for code in codes:
            parts = [_("evidence")] if code in self.with_evidence else []
            if count := self.named_by.get(code, 0):
                parts.append(_("{n} measures").format(n=count))
            notes[code] = ", ".join(parts)
        return notes


@dataclass(frozen=True)
class CarryPreview:
    from_year: int
    to_year: int
    mapping: list[ItemMapping]  # every item of `from_year`, in code order
    targets: tuple[ItemKey, ...]  # the items of `to_year`: what an old item may map to
    measures: int  # measures of `from_year`
    target_measures: int  # measures `to_year` has already (then none are copied)
    load: ItemLoad

    @property
    def left_behind(self) -> tuple[str, ...]:
        """Old items with something to carry that map nowhere."""
        return tuple(m.old_code for m in self.mapping
                     if not m.new_code and self.load.carries(m.old_code))  # fmt: skip

    def notes(self) -> dict[str, str]:
        return self.load.notes(m.old_code for m in self.mapping)


@dataclass(frozen=True)
class CarryResult:
    measures: int
    evidence: int
    left_behind: tuple[str, ...]


def _items(session: Session, fiscal_year: int) -> list[OitItemRow]:
    rows = session.scalars(select(OitItemRow).where(OitItemRow.fiscal_year == fiscal_year)).all()
    return sorted(rows, key=lambda r: (oit_sort_key(r.code), r.position))


def _key(row: OitItemRow) -> ItemKey:
    return ItemKey(row.code, row.name, ItemRole(row.role) if row.role else None)


def _evidence(session: Session, fiscal_year: int) -> dict[str, OitEvidenceRow]:
    query = (
        select(OitItemRow.code, OitEvidenceRow)
        .join(OitEvidenceRow, OitEvidenceRow.item_id == OitItemRow.id)
        .where(OitItemRow.fiscal_year == fiscal_year)
    )
    return {code: row for code, row in session.execute(query)}


def _measures(session: Session, fiscal_year: int) -> list[MeasureRowDb]:
    query = select(MeasureRowDb).where(MeasureRowDb.fiscal_year == fiscal_year)
    return list(session.scalars(query.order_by(MeasureRowDb.position, MeasureRowDb.id)))


def _preview(
    session: Session, from_year: int, to_year: int, changes: Mapping[str, str] | None
) -> CarryPreview:
    targets = tuple(_key(row) for row in _items(session, to_year))
    if not targets:
        raise ValidationError(
            N_("Fiscal year {year} has no catalogue yet: start it from the latest list first."),
            field="to_year", year=to_year,
        )  # fmt: skip
    mapping = map_items((_key(row) for row in _items(session, from_year)), targets)
    if changes:
        mapping = change_mapping(mapping, changes, (t.code for t in targets))
    count = select(func.count()).select_from(MeasureRowDb)
    target_measures = session.scalar(count.where(MeasureRowDb.fiscal_year == to_year)) or 0
    return CarryPreview(from_year, to_year, mapping, targets,
                        len(_measures(session, from_year)), target_measures,
                        item_load(session, from_year))  # fmt: skip


def item_load(session: Session, fiscal_year: int) -> ItemLoad:
    named: dict[str, int] = {}
    for measure in _measures(session, fiscal_year):
        for code in parse_oit_codes(measure.oit_items):
            named[code] = named.get(code, 0) + 1
    kept = {code for code, row in _evidence(session, fiscal_year).items() if row.urls or row.files}
    return ItemLoad(frozenset(kept), named)


def shift_year(day: date | None) -> date | None:
    """The same day a year later (29 February → 28 February)."""
    if day is None:
        return None
    return day.replace(year=day.year + 1, day=28) if (day.month, day.day) == (2, 29) else \
        day.replace(year=day.year + 1)  # fmt: skip


def _lines(*texts: str) -> str:
    return "\n".join(dict.fromkeys(line for t in texts for line in t.splitlines() if line.strip()))


class CarryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def preview(
        self, from_year: int, to_year: int, changes: Mapping[str, str] | None = None
    ) -> CarryPreview:
        _check_years(from_year, to_year)
        with self.ctx.reading() as session:
            return _preview(session, from_year, to_year, changes)

    def apply(
        self, actor: CurrentUser, from_year: int, to_year: int,
        changes: Mapping[str, str] | None = None, *, measures: bool = True, evidence: bool = True,
    ) -> CarryResult:  # fmt: skip
        """Copy what the reviewed mapping says; all or nothing."""
        if not (measures or evidence):
            raise ValidationError(N_("Choose what to carry: the measures, the evidence or both."),
                                  field="carry")  # fmt: skip
        if measures:
            require(actor, ItaOperation.EDIT_MEASURES)
        if evidence:
            require(actor, ItaOperation.KEEP_OIT)
        _check_years(from_year, to_year)
        with self.ctx.transaction() as session:
            preview = _preview(session, from_year, to_year, changes)
            copied = _copy_measures(session, preview) if measures else 0
            moved = _copy_evidence(session, preview) if evidence else 0
            record_event(self.ctx, session, actor.username, "ita.carried", "ita_year", to_year,
                         after={"from": from_year, "measures": copied, "evidence": moved,
                                "mapping": code_map(preview.mapping)})  # fmt: skip
            return CarryResult(copied, moved, preview.left_behind)


def _check_years(from_year: int, to_year: int) -> None:
    validate_fiscal_year(from_year)
    validate_fiscal_year(to_year)
    if from_year == to_year:
        raise ValidationError(N_("Choose two different fiscal years."), field="to_year")


def _copy_measures(session: Session, preview: CarryPreview) -> int:
    """The old year's measures as planned ones of the new year (no results)."""
    if not preview.measures:
        raise ValidationError(N_("No measures are recorded for fiscal year {year}."),
                              field="from_year", year=preview.from_year)  # fmt: skip
    if preview.target_measures:
        raise ValidationError(
            N_("Fiscal year {year} already has measures: copying would repeat them."),
            field="to_year", year=preview.to_year,
        )  # fmt: skip
    year_row(session, preview.to_year)
    targets = indicators_of(session, preview.to_year)
    numbers = {r.id: r.number for r in indicators_of(session, preview.from_year).values()}
    codes = code_map(preview.mapping)
    sources = _measures(session, preview.from_year)
    for position, src in enumerate(sources):
        target = targets.get(numbers[src.indicator_id])
        if target is None:
            raise ValidationError(
                N_("Fiscal year {year} has no indicator {number}."), field="indicator",
                year=preview.to_year, number=numbers[src.indicator_id],
            )  # fmt: skip
        items = dict.fromkeys(codes[c] for c in parse_oit_codes(src.oit_items) if c in codes)
        session.add(MeasureRowDb(
            fiscal_year=preview.to_year, position=position, indicator_id=target.id,
            indicator_text=indicator_label(target.number, target.name),
            sub_indicator=src.sub_indicator, oit_items=", ".join(items), issue=src.issue,
            plan=src.plan, responsible_division_id=src.responsible_division_id,
            responsible_user_id=src.responsible_user_id,
            start_on=shift_year(src.start_on), due_on=shift_year(src.due_on),
            status=MeasureStatus.PLANNED.value,
        ))  # fmt: skip
    session.flush()
    return len(sources)


def _copy_evidence(session: Session, preview: CarryPreview) -> int:
    """Each mapped item's evidence added to its new item's (which may hold some already)."""
    old = _evidence(session, preview.from_year)
    new = _evidence(session, preview.to_year)
    ids = {row.code: row.id for row in _items(session, preview.to_year)}
    carried = 0
    for mapping in preview.mapping:
        source = old.get(mapping.old_code)
        if source is None or not mapping.new_code or not (source.urls or source.files):
            continue
        target = new.get(mapping.new_code)
        if target is None:
            target = OitEvidenceRow(item_id=ids[mapping.new_code], urls="", files="",
                                    status=OitStatus.NOT_STARTED.value)  # fmt: skip
            session.add(target)
            new[mapping.new_code] = target
        target.urls, target.files = _lines(target.urls, source.urls), _lines(target.files,
                                                                             source.files)  # fmt: skip
        target.responsible_user_id = target.responsible_user_id or source.responsible_user_id
        target.due_on = target.due_on or shift_year(source.due_on)
        if target.status == OitStatus.NOT_STARTED.value:
            target.status = OitStatus.IN_PROGRESS.value  # to check for the new year
        carried += 1
    session.flush()
    return carried
