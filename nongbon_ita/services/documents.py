"""Documents: gather domain records and the office profile, hand them to reports/ for a PDF."""

from __future__ import annotations

from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.document_parts import measures_report_pdf_of
from nongbon_ita.services.ita.measures import MeasureService
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.office_words import office_words


class DocumentService:
    def __init__(
        self, ctx: ServiceContext, office: OfficeService, measures: MeasureService
    ) -> None:
        self.ctx = ctx
        self.office = office
        self.measures = measures

    def measures_report_pdf(self, fiscal_year: int) -> bytes:
        """The measures report of a fiscal year (no personal data: printable by anyone)."""
        from sqlalchemy import text

        with self.ctx.reading() as session:
            words = office_words(lambda sql: session.execute(text(sql)).all(), records=False)
        return measures_report_pdf_of(
            self.measures, self.office, fiscal_year, self.ctx.office_now(), words
        )
