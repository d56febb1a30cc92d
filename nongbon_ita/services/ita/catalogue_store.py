"""Writing a year's catalogue: the shipped defaults, a copy of another year, the fallback."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_ita import IndicatorRow, OitItemRow, SubIndicatorRow
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita import defaults_2566
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


def install_defaults(session: Session, fiscal_year: int) -> dict[str, int]:
    """The shipped 2566 catalogue written into `fiscal_year` (which must have no details)."""
    _refuse_details(session, fiscal_year)
    year_row(session, fiscal_year)
    indicators = {
        number: _indicator(session, fiscal_year, form.value, number, name)
        for form, number, name in defaults_2566.INDICATORS
    }
    subs = items = 0
    for number, sub_name, groups in defaults_2566.OIT:
        sub = SubIndicatorRow(indicator_id=indicators[number].id, name=sub_name, position=subs)
        session.add(sub)
        session.flush()
        subs += 1
        for group, entries in groups:
            for code, name in entries:
                session.add(OitItemRow(fiscal_year=fiscal_year, code=code, name=name,
                                       group_name=group, sub_indicator_id=sub.id,
                                       position=items))  # fmt: skip
                items += 1
    session.flush()
    return {"indicators": len(indicators), "sub_indicators": subs, "items": items}


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
        ))  # fmt: skip
    session.flush()
    return {"indicators": len(sources), "sub_indicators": len(new_subs), "items": len(items)}


def ensure_catalogue(session: Session, fiscal_year: int) -> None:
    """A year without indicators starts from the nearest earlier year's catalogue (or later,
    or the shipped 2566 one); a year with indicators (an import's) is left alone."""
    if has_catalogue(session, fiscal_year):
        return
    years = sorted(set(session.scalars(select(IndicatorRow.fiscal_year).distinct())))
    earlier = [y for y in years if y < fiscal_year]
    source = earlier[-1] if earlier else (years[0] if years else None)
    if source is None:
        install_defaults(session, fiscal_year)
    else:
        copy_catalogue(session, source, fiscal_year)
