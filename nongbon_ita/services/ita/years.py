"""The rows every ITA service shares: a fiscal year's row and its indicators by number."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models_ita import IndicatorRow, ItaYearRow


def year_row(session: Session, fiscal_year: int) -> ItaYearRow:
    """The year's row, created when missing."""
    row = session.get(ItaYearRow, fiscal_year)
    if row is None:
        row = ItaYearRow(fiscal_year=fiscal_year, intro="")
        session.add(row)
        session.flush()
    return row


def indicators_of(session: Session, fiscal_year: int) -> dict[int, IndicatorRow]:
    query = select(IndicatorRow).where(IndicatorRow.fiscal_year == fiscal_year)
    return {row.number: row for row in session.scalars(query)}
