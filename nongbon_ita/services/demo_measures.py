"""Put the demo office's ITA year 2566 into the database: its ten indicators and 8 measures."""

from __future__ import annotations

from sqlalchemy import func, select

from nongbon_ita.db.models_ita import IndicatorRow, MeasureRowDb
from nongbon_ita.domain.ita.measure_import import ImportedMeasures
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.demo_data_o43_2566 import FISCAL_YEAR, INDICATORS, INTRO, MEASURES
from nongbon_ita.services.ita.measures import write_measures
from nongbon_ita.services.ita.years import indicators_of, year_row


def add_demo_measures(ctx: ServiceContext, actor_username: str) -> None:
    """Add the demo year in its own transaction; does nothing if the year already has measures."""
    with ctx.transaction() as session:
        count = session.scalar(
            select(func.count()).select_from(MeasureRowDb)
            .where(MeasureRowDb.fiscal_year == FISCAL_YEAR)
        )  # fmt: skip
        if count:
            return
        year_row(session, FISCAL_YEAR)
        known = indicators_of(session, FISCAL_YEAR)
        for form, number, name in INDICATORS:
            if number not in known:
                session.add(IndicatorRow(fiscal_year=FISCAL_YEAR, form=form.value,
                                         number=number, name=name))  # fmt: skip
        session.flush()
        counts = write_measures(session, FISCAL_YEAR, ImportedMeasures(INTRO, MEASURES), False)
        record_event(ctx, session, actor_username, "measures.imported", "ita_year", FISCAL_YEAR,
                     after={"file": "demo", "replace": False, **counts})  # fmt: skip
