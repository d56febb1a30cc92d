"""ITA measures of a fiscal year: import them from a file, read them for the measures report."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_ita import IndicatorRow, ItaYearRow, MeasureRowDb
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue_data import ItemRole
from nongbon_ita.domain.ita.measure import MeasureStatus, result_cell
from nongbon_ita.domain.ita.measure_import import (
    ImportedMeasures,
    indicator_label,
    split_indicator,
    validate_fiscal_year,
)
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.ita.report import MeasureRow, MeasuresReport
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.ita.catalogue_store import ensure_catalogue
from nongbon_ita.services.ita.measure_files import read_measures_file
from nongbon_ita.services.ita.records import load_measures, role_item
from nongbon_ita.services.ita.years import indicators_of, year_row


def _indicator_for(
    session: Session,
    known: dict[int, IndicatorRow],
    fiscal_year: int,
    measure: MeasureRow,
    row: int,
) -> tuple[IndicatorRow, bool]:
    """Find the year's indicator by number (its form must agree) or create it; True if created."""
    found = known.get(measure.indicator_number)
    _number, name = split_indicator(measure.indicator) or (measure.indicator_number, "")
    if found is not None:
        if found.form != measure.form.value:
            raise ValidationError(
                N_("Row {row}: indicator {number} of fiscal year {year} belongs to {expected}, "
                   "not {form}."),
                field="form", row=row, number=found.number, year=fiscal_year,
                expected=found.form, form=measure.form.value,
            )  # fmt: skip
        if not found.name and name:
            found.name = name
        return found, False
    created = IndicatorRow(fiscal_year=fiscal_year, form=measure.form.value,
                           number=measure.indicator_number, name=name)  # fmt: skip
    session.add(created)
    session.flush()
    known[created.number] = created
    return created, True


def _indicator_text(measure: MeasureRow, indicator: IndicatorRow) -> str:
    """As written; a bare number ("4") becomes "ตัวชี้วัดที่ ๔ <the catalogue's name>"."""
    split = split_indicator(measure.indicator)
    if split is not None and not split[1] and measure.indicator.strip().isdigit():
        return indicator_label(indicator.number, indicator.name)
    return measure.indicator


def write_measures(
    session: Session, fiscal_year: int, imported: ImportedMeasures, replace: bool
) -> dict[str, int | bool]:
    """Add (or, with `replace`, put in place of the year's) measures; returns the counts."""
    year = year_row(session, fiscal_year)
    ensure_catalogue(session, fiscal_year)  # a new year starts from the latest catalogue
    removed = 0
    if replace:
        removed = len(session.scalars(
            select(MeasureRowDb.id).where(MeasureRowDb.fiscal_year == fiscal_year)).all())  # fmt: skip
        session.execute(delete(MeasureRowDb).where(MeasureRowDb.fiscal_year == fiscal_year))
    last = session.scalar(
        select(func.max(MeasureRowDb.position)).where(MeasureRowDb.fiscal_year == fiscal_year)
    )
    position = 0 if last is None else last + 1
    known = indicators_of(session, fiscal_year)
    created = 0
    for index, measure in enumerate(imported.rows, start=1):
        indicator, new = _indicator_for(session, known, fiscal_year, measure, index)
        created += new
        session.add(MeasureRowDb(
            fiscal_year=fiscal_year, position=position + index - 1, indicator_id=indicator.id,
            indicator_text=_indicator_text(measure, indicator),
            sub_indicator=measure.sub_indicator, issue=measure.issue,
            result_text=measure.result,
            # an imported result means the work was reported: the measure is done
            status=(MeasureStatus.DONE if measure.result else MeasureStatus.PLANNED).value,
        ))  # fmt: skip
    if imported.intro is not None:
        year.intro = imported.intro
    session.flush()
    return {"rows": len(imported.rows), "removed": removed, "indicators_created": created,
            "intro_replaced": imported.intro is not None}  # fmt: skip


class MeasureService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def import_file(
        self, actor: CurrentUser, path: Path | str, fiscal_year: int, replace: bool = False
    ) -> int:
        """Import a JSON/CSV/XLSX file into a fiscal year; returns the number of rows imported.

        All or nothing: a bad row refuses the whole file and writes nothing.
        """
        require(actor, ItaOperation.EDIT_MEASURES)
        validate_fiscal_year(fiscal_year)
        path = Path(path)
        imported = read_measures_file(path)
        return self.import_measures(actor, imported, fiscal_year, replace, source=path.name)

    def import_measures(
        self, actor: CurrentUser, imported: ImportedMeasures, fiscal_year: int,
        replace: bool = False, source: str = "",
    ) -> int:  # fmt: skip
        require(actor, ItaOperation.EDIT_MEASURES)
        validate_fiscal_year(fiscal_year)
        with self.ctx.transaction() as session:
            counts = write_measures(session, fiscal_year, imported, replace)
            record_event(self.ctx, session, actor.username, "measures.imported", "ita_year",
                         fiscal_year, after={"file": source, "replace": replace, **counts})  # fmt: skip
        return len(imported.rows)

    def measures_report(self, fiscal_year: int) -> MeasuresReport:
        """The year's measures in order; intro "" means "print the default intro".

        A measure's result cell is its result entries as typed, one per line; a measure without
        entries prints its imported cell verbatim.
        """
        validate_fiscal_year(fiscal_year)
        with self.ctx.reading() as session:
            year = session.get(ItaYearRow, fiscal_year)
            rows = tuple(
                MeasureRow(
                    form=measure.form,
                    indicator_number=measure.indicator_number,
                    indicator=measure.indicator,
                    sub_indicator=measure.sub_indicator,
                    issue=measure.issue,
                    result=result_cell(measure.results, measure.result_text),
                )
                for measure in load_measures(session, MeasureRowDb.fiscal_year == fiscal_year)
            )
            item = role_item(session, fiscal_year, ItemRole.MEASURES_REPORT)
            return MeasuresReport(fiscal_year=fiscal_year, intro=year.intro if year else "",
                                  rows=rows, code=item.code if item else "",
                                  title=item.title if item else "")  # fmt: skip

    def fiscal_years(self) -> list[int]:
        """Fiscal years that have measures, oldest first."""
        with self.ctx.reading() as session:
            query = select(MeasureRowDb.fiscal_year).distinct().order_by(MeasureRowDb.fiscal_year)
            return list(session.scalars(query))

    def set_intro(self, actor: CurrentUser, fiscal_year: int, intro: str) -> None:
        """The measures report's intro of a year; "" goes back to the default text."""
        require(actor, ItaOperation.EDIT_MEASURES)
        validate_fiscal_year(fiscal_year)
        intro = intro.strip()
        with self.ctx.transaction() as session:
            year = year_row(session, fiscal_year)
            before = year.intro
            if before == intro:
                return
            year.intro = intro
            session.flush()
            record_event(self.ctx, session, actor.username, "measures.intro_changed", "ita_year",
                         fiscal_year, before={"intro": before}, after={"intro": intro})  # fmt: skip
