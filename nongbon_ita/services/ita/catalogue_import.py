"""Import the NACC's table of a year's OIT items (CSV UTF-8/cp874 or XLSX), all or nothing.

A year that does not exist yet is created (from the latest catalogue, for its indicators). A year
that already has items is re-imported in place: its indicators and measures stay, its items are
replaced, and what hung on an old item (the OIT evidence, the codes a measure names) moves to the
item it maps to — by role, then by name. When the year has measures the mapping is shown first
(`preview`) and the import needs the coordinator's approval.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_ita import (
    MeasureRowDb,
    OitEvidenceRow,
    OitItemRow,
    SubIndicatorRow,
)
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.ita.catalogue import parse_oit_codes
from nongbon_ita.domain.ita.catalogue_data import CatalogueStatus, ItemRole
from nongbon_ita.domain.ita.catalogue_import import ImportedCatalogue, parse_catalogue_table
from nongbon_ita.domain.ita.item_mapping import ItemKey, ItemMapping, change_mapping, map_items
from nongbon_ita.domain.ita.measure_import import validate_fiscal_year
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.ita.carry import ItemLoad, item_load
from nongbon_ita.services.ita.catalogue_store import ensure_catalogue
from nongbon_ita.services.ita.years import indicators_of, year_row
from nongbon_ita.services.tables import read_csv_rows, read_xlsx_rows


@dataclass(frozen=True)
class CataloguePreview:
    imported: ImportedCatalogue
    mapping: list[ItemMapping]
    measures: int  # the year's measures: they (or kept evidence) need approval
    load: ItemLoad = field(default_factory=ItemLoad)  # what hangs on the present items

    @property
    def targets(self) -> tuple[ItemKey, ...]:
        return tuple(ItemKey(i.code, i.name, i.role) for i in self.imported.items)

    @property
    def needs_approval(self) -> bool:
        return bool(self.mapping) and (self.measures > 0 or bool(self.load.with_evidence))


def read_catalogue_file(path: Path) -> ImportedCatalogue:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(
            N_("A catalogue is imported from a .csv or .xlsx file, not “{name}”."), field="file",
            name=path.name,
        )  # fmt: skip
    if not path.is_file():
        raise NotFoundError(N_("The file {path} does not exist."), path=str(path))
    rows = (
        read_xlsx_rows(path) if suffix == ".xlsx" else read_csv_rows(path.read_bytes(), path.name)
    )
    return parse_catalogue_table(rows)


def _present(session: Session, fiscal_year: int) -> list[OitItemRow]:
    query = select(OitItemRow).where(OitItemRow.fiscal_year == fiscal_year)
    return list(session.scalars(query.order_by(OitItemRow.position)))


def _measures(session: Session, fiscal_year: int) -> int:
    query = select(func.count()).select_from(MeasureRowDb)
    return session.scalar(query.where(MeasureRowDb.fiscal_year == fiscal_year)) or 0


class CatalogueImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def preview(
        self, path: Path | str, fiscal_year: int, changes: Mapping[str, str] | None = None
    ) -> CataloguePreview:
        """The file read and the year's present items mapped onto it (by role, then by name),
        with the coordinator's `changes` (old code → new code, "" = keep nothing) applied."""
        validate_fiscal_year(fiscal_year)
        imported = read_catalogue_file(Path(path))
        targets = [ItemKey(i.code, i.name, i.role) for i in imported.items]
        with self.ctx.reading() as session:
            present = [ItemKey(r.code, r.name, ItemRole(r.role) if r.role else None)
                       for r in _present(session, fiscal_year)]  # fmt: skip
            mapping = map_items(present, targets)
            if changes:
                mapping = change_mapping(mapping, changes, (t.code for t in targets))
            return CataloguePreview(imported, mapping, _measures(session, fiscal_year),
                                    item_load(session, fiscal_year))  # fmt: skip

    def import_file(
        self, actor: CurrentUser, path: Path | str, fiscal_year: int, approve: bool = False,
        changes: Mapping[str, str] | None = None,
    ) -> CataloguePreview:  # fmt: skip
        """Import the table; a year with measures needs `approve` (the mapping was reviewed)."""
        require(actor, ItaOperation.EDIT_CATALOGUE)
        preview = self.preview(path, fiscal_year, changes)
        if preview.needs_approval and not approve:
            raise ValidationError(
                N_("Fiscal year {year} has measures or OIT evidence on its items: review how the "
                   "items map, then import again approving the mapping."), field="approve",
                year=fiscal_year,
            )  # fmt: skip
        with self.ctx.transaction() as session:
            moved = _write(session, fiscal_year, preview)
            year = year_row(session, fiscal_year)
            year.catalogue_status = CatalogueStatus.UNCONFIRMED.value
            year.catalogue_source = f"นำเข้าจากไฟล์ {Path(path).name}"
            year.catalogue_checked_on = self.ctx.office_now().date().isoformat()
            year.confirmed_by, year.confirmed_at = "", None
            record_event(self.ctx, session, actor.username, "ita.catalogue_imported", "ita_year",
                         fiscal_year, after={"file": Path(path).name, "moved": moved,
                                             "items": len(preview.imported.items)})  # fmt: skip
        return preview


def _write(session: Session, fiscal_year: int, preview: CataloguePreview) -> int:
    """Replace the year's items and sub-indicators; returns how many evidence rows moved."""
    ensure_catalogue(session, fiscal_year)  # a new year: its indicators from the latest list
    indicators = indicators_of(session, fiscal_year)
    imported = preview.imported
    for item in imported.items:
        if item.indicator is not None and item.indicator not in indicators:
            raise ValidationError(
                N_("Item {code} is under indicator {number}, which fiscal year {year} lacks: add "
                   "the indicator first."), field="indicator", code=item.code,
                number=item.indicator, year=fiscal_year,
            )  # fmt: skip
    old = {row.code: row.id for row in _present(session, fiscal_year)}
    evidence = {row.item_id: row for row in session.scalars(
        select(OitEvidenceRow).where(OitEvidenceRow.item_id.in_(list(old.values()))))}  # fmt: skip
    kept = {old[m.old_code]: evidence.pop(old[m.old_code]) for m in preview.mapping
            if m.new_code and old[m.old_code] in evidence}  # fmt: skip
    for kept_row in kept.values():
        session.expunge(kept_row)  # re-added under the new item below
    session.execute(delete(OitEvidenceRow).where(OitEvidenceRow.item_id.in_(list(old.values()))))
    session.execute(delete(OitItemRow).where(OitItemRow.fiscal_year == fiscal_year))
    ids = [row.id for row in indicators.values()]
    session.execute(delete(SubIndicatorRow).where(SubIndicatorRow.indicator_id.in_(ids)))
    subs: dict[str, int] = {}
    for position, sub in enumerate(imported.sub_indicators):
        sub_row = SubIndicatorRow(indicator_id=indicators[sub.indicator].id,
                                  name=sub.name or sub.label, position=position)  # fmt: skip
        session.add(sub_row)
        session.flush()
        subs[sub.label] = sub_row.id
    new_ids: dict[str, int] = {}
    for position, item in enumerate(imported.items):
        item_row = OitItemRow(fiscal_year=fiscal_year, code=item.code, name=item.name,
                         group_name=item.group, sub_indicator_id=subs.get(item.sub_indicator),
                         indicator_number=item.indicator, position=position,
                         role=item.role.value if item.role else "", document_title="")  # fmt: skip
        session.add(item_row)
        session.flush()
        new_ids[item.code] = item_row.id
    codes = {m.old_code: m.new_code for m in preview.mapping}
    for mapping in preview.mapping:
        moved = kept.get(old[mapping.old_code])
        if moved is not None:
            session.add(OitEvidenceRow(
                item_id=new_ids[mapping.new_code], urls=moved.urls, files=moved.files,
                status=moved.status, responsible_user_id=moved.responsible_user_id,
                due_on=moved.due_on))  # fmt: skip
    for measure in session.scalars(select(MeasureRowDb).where(
            MeasureRowDb.fiscal_year == fiscal_year, MeasureRowDb.oit_items != "")):  # fmt: skip
        mapped = [codes.get(c, "") for c in parse_oit_codes(measure.oit_items)]
        measure.oit_items = ", ".join(dict.fromkeys(c for c in mapped if c))
    session.flush()
    return len(kept)
