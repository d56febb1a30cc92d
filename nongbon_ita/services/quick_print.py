"""Print the measures report straight from an up-to-date SQLite file, without SQLAlchemy (db/plain.py
says why). Returns None when the full service path must do it instead."""

from __future__ import annotations

from datetime import UTC, datetime

from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.plain import PlainDocumentSource, open_current
from nongbon_ita.domain.calendar import office_time
from nongbon_ita.services.document_parts import measures_report_pdf_of
from nongbon_ita.services.office_words import office_words


def measures_report_pdf_quick(
    location: DatabaseLocation, fiscal_year: int, now: datetime | None = None
) -> bytes | None:
    """The same PDF as DocumentService.measures_report_pdf, or None if this database needs the full path."""
    connection = open_current(location)
    if connection is None:
        return None
    try:
        source = PlainDocumentSource(connection)
        moment = office_time(now or datetime.now(UTC))
        words = office_words(lambda sql: connection.execute(sql).fetchall(), records=False)
        return measures_report_pdf_of(source, source, fiscal_year, moment, words)
    finally:
        connection.close()
