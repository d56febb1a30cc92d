"""Writing a year's catalogue: a shipped or imported one, a copy of another year, the fallback."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_ita import IndicatorRow, OitItemRow, SubIndicatorRow
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue_data import CatalogueData, CatalogueStatus
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.services.ita.shipped import nearest_shipped, shipped_catalogue
from nongbon_ita.services.ita.years import indicators_of, year_row


def has_catalogue(session: Session, fiscal_year: int) -> bool:
    query = (
        select(func.count())
        .select_from(IndicatorRow)
        .where(IndicatorRow.fiscal_year == fiscal_year)
    )
    return bool(session.scalar(query))


def _has_details(session: Session, fiscal_year: int) -> bool:
    items = (
        select(func.count()).select_from(OitItemRow).where(OitItemRow.fiscal_year == fiscal_year)
    )
    subs = (
        select(func.count()).select_from(SubIndicatorRow)
        .join(IndicatorRow, SubIndicatorRow.indicator_id == IndicatorRow.id)
        .where(IndicatorRow.fiscal_year == fiscal_year)
    )  # fmt: skip
    return bool(session.scalar(items) or session.scalar(subs))


def _indicator(session: Session, year: int, form: str, number: int, name: str) -> IndicatorRow:
    """The year's indicator `number` with this form and name (an existing one keeps its score)."""
    row = indicators_of(session, year).get(number)
    if row is None:
        row = IndicatorRow(fiscal_year=year, form=form, number=number, name=name)
        session.add(row)
    elif row.form != form:
        raise ValidationError(
            N_("Indicator {number} of fiscal year {year} is under {expected}, not {form}."),
            field="form", number=number, year=year, expected=row.form, form=form,
        )  # fmt: skip
    else:
        row.name = name
    session.flush()
    return row


def install_data(session: Session, fiscal_year: int, data: CatalogueData) -> dict[str, int]:
    """Write a catalogue (shipped or imported) into `fiscal_year`, which must have no details.

    The year keeps the data's provenance; data of another year starts this one unconfirmed.
    """
    _refuse_details(session, fiscal_year)
    year = year_row(session, fiscal_year)
    indicators = {
        i.number: _indicator(session, fiscal_year, i.form.value, i.number, i.name)
        for i in data.indicators
    }
    subs: dict[str, int] = {}
    for position, sub in enumerate(data.sub_indicators):
        if sub.indicator not in indicators:
            raise ValidationError(
                N_("Sub-indicator {label} belongs to indicator {number}, which the year lacks."),
                field="sub_indicator", label=sub.label, number=sub.indicator,
            )  # fmt: skip
        row = SubIndicatorRow(indicator_id=indicators[sub.indicator].id, name=sub.name,
                              position=position)  # fmt: skip
        session.add(row)
        session.flush()
        subs[sub.label] = row.id
    for position, item in enumerate(data.items):
        session.add(OitItemRow(
            fiscal_year=fiscal_year, code=item.code, name=item.name, group_name=item.group,
            sub_indicator_id=subs.get(item.sub_indicator), indicator_number=item.indicator,
            role=item.role.value if item.role else "", document_title=item.document_title,
            position=position,
        ))  # fmt: skip
    own = data.fiscal_year == fiscal_year
    year.catalogue_status = data.status.value if own else CatalogueStatus.UNCONFIRMED.value
    year.catalogue_source = (
        data.source if own else f"เริ่มจากรายการปี {data.fiscal_year}: {data.source}"
    )
    year.catalogue_checked_on = data.checked_on
    year.confirmed_by, year.confirmed_at = "", None
    weights = data.weights
    year.weight_iit, year.weight_eit, year.weight_oit = (
        weights[AssessmentForm.IIT],
        weights[AssessmentForm.EIT],
        weights[AssessmentForm.OIT],
    )
    year.threshold = Decimal(data.pass_mark)
    session.flush()
    return {"indicators": len(indicators), "sub_indicators": len(subs), "items": len(data.items)}


def install_defaults(session: Session, fiscal_year: int) -> dict[str, int]:
    """The shipped catalogue of `fiscal_year`, or of the latest shipped year before it."""
    return install_data(session, fiscal_year, shipped_catalogue(nearest_shipped(fiscal_year)))


def _refuse_details(session: Session, fiscal_year: int) -> None:
    if _has_details(session, fiscal_year):
        raise ValidationError(
            N_("Fiscal year {year} already has a catalogue: edit it instead of replacing it."),
            field="to_year", year=fiscal_year,
        )  # fmt: skip


def copy_catalogue(session: Session, from_year: int, to_year: int) -> dict[str, int]:
    """Indicators, sub-indicators and OIT items of `from_year` written into `to_year`.

    Indicators the target already has (made by an import) are renamed, never duplicated; their
    scores stay. A target that already has sub-indicators or items is refused.
    """
    if from_year == to_year:
        raise ValidationError(N_("Choose two different fiscal years."), field="to_year")
    if not has_catalogue(session, from_year):
        raise ValidationError(
            N_("Fiscal year {year} has no catalogue to copy."), field="from_year", year=from_year
        )
    _refuse_details(session, to_year)
    year_row(session, to_year)
    sources = sorted(indicators_of(session, from_year).values(), key=lambda r: r.number)
    new_subs: dict[int, int] = {}
    for source in sources:
        target = _indicator(session, to_year, source.form, source.number, source.name)
        query = select(SubIndicatorRow).where(SubIndicatorRow.indicator_id == source.id)
        for sub in session.scalars(query.order_by(SubIndicatorRow.position, SubIndicatorRow.id)):
            copy = SubIndicatorRow(indicator_id=target.id, name=sub.name, position=sub.position)
            session.add(copy)
            session.flush()
            new_subs[sub.id] = copy.id
    items = session.scalars(
        select(OitItemRow).where(OitItemRow.fiscal_year == from_year).order_by(OitItemRow.position)
    ).all()  # fmt: skip
    for item in items:
        session.add(OitItemRow(
            fiscal_year=to_year, code=item.code, name=item.name, group_name=item.group_name,
            sub_indicator_id=new_subs.get(item.sub_indicator_id or 0), position=item.position,
            indicator_number=item.indicator_number, role=item.role,
            document_title=item.document_title,
        ))  # fmt: skip
    _start_unconfirmed(session, from_year, to_year)
    session.flush()
    return {"indicators": len(sources), "sub_indicators": len(new_subs), "items": len(items)}


def _start_unconfirmed(session: Session, from_year: int, to_year: int) -> None:
    """A copied year is unconfirmed until the coordinator checks it against the NACC's manual."""
    source, target = year_row(session, from_year), year_row(session, to_year)
    target.catalogue_status = CatalogueStatus.UNCONFIRMED.value
    target.catalogue_source = f"เริ่มจากรายการปี {from_year}"
    target.catalogue_checked_on, target.confirmed_by, target.confirmed_at = "", "", None
    target.weight_iit, target.weight_eit, target.weight_oit = (
        source.weight_iit,
        source.weight_eit,
        source.weight_oit,
    )


def ensure_catalogue(session: Session, fiscal_year: int) -> None:
    """A year without indicators starts from the latest catalogue not after it: the office's own
    (it has the coordinator's corrections) or a shipped one when that is newer; a year with
    indicators (an import's) is left alone."""
    if has_catalogue(session, fiscal_year):
        return
    years = sorted(set(session.scalars(select(IndicatorRow.fiscal_year).distinct())))
    earlier = [y for y in years if y < fiscal_year]
    shipped = nearest_shipped(fiscal_year)
    if earlier and (earlier[-1] >= shipped or shipped > fiscal_year):
        copy_catalogue(session, earlier[-1], fiscal_year)
    else:
        install_defaults(session, fiscal_year)
