"""The ITA catalogue per fiscal year: read it, edit it, start a year from another one."""

from __future__ import annotations

from sqlalchemy import func, select

from nongbon_ita.db.models_ita import (
    IndicatorRow,
    ItaYearRow,
    MeasureRowDb,
    OitItemRow,
    SubIndicatorRow,
)
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue import (
    Catalogue,
    Indicator,
    OitItem,
    SubIndicator,
    check_name,
    normalise_oit_code,
    oit_sort_key,
)
from nongbon_ita.domain.ita.catalogue_data import ItemRole
from nongbon_ita.domain.ita.measure_import import validate_fiscal_year
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.ita.catalogue_store import copy_catalogue, install_defaults
from nongbon_ita.services.ita.records import (
    get_or_gone,
    indicator_of,
    item_of,
    provenance_of,
    sub_indicator_of,
    take_role,
)
from nongbon_ita.services.ita.years import year_row


class CatalogueService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def years(self) -> list[int]:
        """Fiscal years with a catalogue, scores or measures, oldest first."""
        with self.ctx.reading() as session:
            years = set(session.scalars(select(ItaYearRow.fiscal_year)))
            years |= set(session.scalars(select(IndicatorRow.fiscal_year).distinct()))
            return sorted(years)

    def catalogue(self, fiscal_year: int) -> Catalogue:
        validate_fiscal_year(fiscal_year)
        with self.ctx.reading() as session:
            indicators = session.scalars(
                select(IndicatorRow).where(IndicatorRow.fiscal_year == fiscal_year)
                .order_by(IndicatorRow.number)
            ).all()  # fmt: skip
            ids = [i.id for i in indicators]
            subs = session.scalars(
                select(SubIndicatorRow).where(SubIndicatorRow.indicator_id.in_(ids))
                .order_by(SubIndicatorRow.position, SubIndicatorRow.id)
            ).all()  # fmt: skip
            items = session.scalars(
                select(OitItemRow).where(OitItemRow.fiscal_year == fiscal_year)
            ).all()
            ordered = sorted(items, key=lambda r: (oit_sort_key(r.code), r.position))
            return Catalogue(
                fiscal_year,
                tuple(indicator_of(r) for r in indicators),
                tuple(sub_indicator_of(r) for r in subs),
                tuple(item_of(r) for r in ordered),
                provenance_of(session.get(ItaYearRow, fiscal_year)),
            )

    # whole years --------------------------------------------------------------------------
    def copy(self, actor: CurrentUser, from_year: int, to_year: int) -> dict[str, int]:
        """Start `to_year` from `from_year`'s catalogue; returns what was copied."""
        require(actor, ItaOperation.EDIT_CATALOGUE)
        validate_fiscal_year(from_year)
        validate_fiscal_year(to_year)
        with self.ctx.transaction() as session:
            counts = copy_catalogue(session, from_year, to_year)
            record_event(self.ctx, session, actor.username, "ita.catalogue_copied", "ita_year",
                         to_year, after={"from": from_year, **counts})  # fmt: skip
        return counts

    def install_defaults(self, actor: CurrentUser, fiscal_year: int) -> dict[str, int]:
        """Fill an empty year with its shipped catalogue (or the latest shipped before it)."""
        require(actor, ItaOperation.EDIT_CATALOGUE)
        validate_fiscal_year(fiscal_year)
        with self.ctx.transaction() as session:
            counts = install_defaults(session, fiscal_year)
            record_event(self.ctx, session, actor.username, "ita.catalogue_defaults", "ita_year",
                         fiscal_year, after=counts)  # fmt: skip
        return counts

    # indicators ---------------------------------------------------------------------------
    def save_indicator(
        self, actor: CurrentUser, fiscal_year: int, form: AssessmentForm, number: int,
        name: str, indicator_id: int | None = None, version: int | None = None,
    ) -> Indicator:  # fmt: skip
        """Add an indicator (`indicator_id` None) or change one; numbers are unique per year."""
        require(actor, ItaOperation.EDIT_CATALOGUE)
        validate_fiscal_year(fiscal_year)
        name = check_name(name)
        if not 1 <= number <= 99:
            raise ValidationError(N_("An indicator number is 1 to 99."), field="number")
        with self.ctx.transaction() as session:
            clash = session.scalar(select(IndicatorRow).where(
                IndicatorRow.fiscal_year == fiscal_year, IndicatorRow.number == number))  # fmt: skip
            if indicator_id is None:
                if clash is not None:
                    raise ValidationError(
                        N_("Fiscal year {year} already has indicator {number}."),
                        field="number", year=fiscal_year, number=number,
                    )  # fmt: skip
                year_row(session, fiscal_year)
                row = IndicatorRow(fiscal_year=fiscal_year, form=form.value, number=number,
                                   name=name)  # fmt: skip
                session.add(row)
                before = None
            else:
                row = get_or_gone(session, IndicatorRow, indicator_id)
                check_version(row.version, version)
                if clash is not None and clash.id != row.id:
                    raise ValidationError(
                        N_("Fiscal year {year} already has indicator {number}."),
                        field="number", year=fiscal_year, number=number,
                    )  # fmt: skip
                before = {"form": row.form, "number": row.number, "name": row.name}
                row.form, row.number, row.name = form.value, number, name
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.indicator_saved", "ita_indicator",
                         row.id, before=before,
                         after={"form": row.form, "number": row.number, "name": row.name})  # fmt: skip
            return indicator_of(row)

    def delete_indicator(self, actor: CurrentUser, indicator_id: int, version: int) -> None:
        require(actor, ItaOperation.EDIT_CATALOGUE)
        with self.ctx.transaction() as session:
            row = get_or_gone(session, IndicatorRow, indicator_id)
            check_version(row.version, version)
            used = session.scalar(select(func.count()).select_from(MeasureRowDb)
                                  .where(MeasureRowDb.indicator_id == row.id))  # fmt: skip
            if used:
                raise ValidationError(
                    N_("Indicator {number} has {count} measures: move or delete them first."),
                    number=row.number, count=used,
                )  # fmt: skip
            session.delete(row)
            record_event(self.ctx, session, actor.username, "ita.indicator_deleted",
                         "ita_indicator", indicator_id, before={"number": row.number})  # fmt: skip

    # sub-indicators -----------------------------------------------------------------------
    def save_sub_indicator(
        self, actor: CurrentUser, indicator_id: int, name: str,
        sub_id: int | None = None, version: int | None = None,
    ) -> SubIndicator:  # fmt: skip
        require(actor, ItaOperation.EDIT_CATALOGUE)
        name = check_name(name)
        with self.ctx.transaction() as session:
            indicator = get_or_gone(session, IndicatorRow, indicator_id)
            if sub_id is None:
                last = session.scalar(select(func.max(SubIndicatorRow.position))
                                      .where(SubIndicatorRow.indicator_id == indicator.id))  # fmt: skip
                row = SubIndicatorRow(indicator_id=indicator.id, name=name,
                                      position=(last or 0) + 1)  # fmt: skip
                session.add(row)
            else:
                row = get_or_gone(session, SubIndicatorRow, sub_id)
                check_version(row.version, version)
                row.name, row.indicator_id = name, indicator.id
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.sub_indicator_saved",
                         "ita_sub_indicator", row.id, after={"name": name})  # fmt: skip
            return sub_indicator_of(row)

    def delete_sub_indicator(self, actor: CurrentUser, sub_id: int, version: int) -> None:
        require(actor, ItaOperation.EDIT_CATALOGUE)
        with self.ctx.transaction() as session:
            row = get_or_gone(session, SubIndicatorRow, sub_id)
            check_version(row.version, version)
            session.delete(row)  # its OIT items stay, without a sub-indicator
            record_event(self.ctx, session, actor.username, "ita.sub_indicator_deleted",
                         "ita_sub_indicator", sub_id, before={"name": row.name})  # fmt: skip

    # OIT items ----------------------------------------------------------------------------
    def save_item(
        self, actor: CurrentUser, fiscal_year: int, code: str, name: str, group_name: str = "",
        sub_indicator_id: int | None = None, item_id: int | None = None,
        version: int | None = None, role: ItemRole | None = None, document_title: str = "",
    ) -> OitItem:  # fmt: skip
        """Add or change an OIT item; a role given to it is taken from the year's other item."""
        require(actor, ItaOperation.EDIT_CATALOGUE)
        validate_fiscal_year(fiscal_year)
        code, name = normalise_oit_code(code), check_name(name, limit=400)
        group_name = " ".join(group_name.split())[:200]
        with self.ctx.transaction() as session:
            if sub_indicator_id is not None:
                get_or_gone(session, SubIndicatorRow, sub_indicator_id)
            clash = session.scalar(select(OitItemRow).where(
                OitItemRow.fiscal_year == fiscal_year, OitItemRow.code == code))  # fmt: skip
            if clash is not None and clash.id != item_id:
                raise ValidationError(
                    N_("Fiscal year {year} already has item {code}."), field="code",
                    year=fiscal_year, code=code,
                )  # fmt: skip
            if item_id is None:
                year_row(session, fiscal_year)
                row = OitItemRow(fiscal_year=fiscal_year, code=code, position=oit_sort_key(code))
                session.add(row)
            else:
                row = get_or_gone(session, OitItemRow, item_id)
                check_version(row.version, version)
            row.code, row.name, row.group_name = code, name, group_name
            row.sub_indicator_id = sub_indicator_id
            row.document_title = " ".join(document_title.split())[:400]
            if role is not None:
                take_role(session, fiscal_year, role)
            row.role = role.value if role else ""
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.oit_item_saved", "ita_oit_item",
                         row.id, after={"code": code, "name": name, "role": row.role})  # fmt: skip
            return item_of(row)

    def delete_item(self, actor: CurrentUser, item_id: int, version: int) -> None:
        require(actor, ItaOperation.EDIT_CATALOGUE)
        with self.ctx.transaction() as session:
            row = get_or_gone(session, OitItemRow, item_id)
            check_version(row.version, version)
            session.delete(row)
            record_event(self.ctx, session, actor.username, "ita.oit_item_deleted",
                         "ita_oit_item", item_id, before={"code": row.code})  # fmt: skip
