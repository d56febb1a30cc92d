"""Put the demo office's ITA year 2566 into the database: its shipped catalogue and 8 measures."""

from __future__ import annotations

from sqlalchemy import func, select

from nongbon_ita.db.models_ita import MeasureRowDb
from nongbon_ita.demo.data_report_2566 import FISCAL_YEAR, INTRO, MEASURES
from nongbon_ita.domain.ita.measure_import import ImportedMeasures
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.ita.catalogue_store import ensure_catalogue
from nongbon_ita.services.ita.measures import write_measures
from nongbon_ita.services.ita.years import year_row


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
        ensure_catalogue(session, FISCAL_YEAR)  # the shipped 2566 catalogue
        counts = write_measures(session, FISCAL_YEAR, ImportedMeasures(INTRO, MEASURES), False)
        record_event(ctx, session, actor_username, "measures.imported", "ita_year", FISCAL_YEAR,
                     after={"file": "demo", "replace": False, **counts})  # fmt: skip
