"""Documents: gather domain records and the office profile, hand them to reports/ for a PDF."""

from __future__ import annotations

from datetime import datetime

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.office import Official, SignatureBlock, SignatureRole
from nongbon_ita.i18n.thaiformat import format_datetime_short, thai_digits
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.measures import MeasureService
from nongbon_ita.services.office import OfficeService

_BLANK_NAME = "…………………………………………"


def signature_block(caption: str, official: Official | None) -> SignatureBlock:
    """A block for `official`, or a blank one to fill in by hand when none is set up."""
    if official is None:
        return SignatureBlock(caption, _BLANK_NAME, _BLANK_NAME)
    return SignatureBlock(caption, official.full_name, official.position)


def printed_at(ctx: ServiceContext) -> str:
    moment: datetime = ctx.office_now()
    return "พิมพ์เมื่อ " + format_datetime_short(moment, thai=True)


def check_fiscal_year(year: int) -> None:
    if not 2500 <= year <= 2700:
        raise ValidationError(
            N_("{year} is not a Buddhist Era fiscal year (e.g. 2567)."), field="year", year=year
        )


class DocumentService:
    def __init__(
        self, ctx: ServiceContext, office: OfficeService, measures: MeasureService
    ) -> None:
        self.ctx = ctx
        self.office = office
        self.measures = measures

    def o43_pdf(self, fiscal_year: int) -> bytes:
        """The O43 report of a fiscal year (no personal data: printable by anyone)."""
        check_fiscal_year(fiscal_year)
        from nongbon_ita.reports.documents.o43 import default_o43_intro, render_o43

        report = self.measures.o43_report(fiscal_year)
        if not report.rows:
            raise ValidationError(
                N_("No measures are recorded for fiscal year {year}."), field="year",
                year=thai_digits(fiscal_year),
            )  # fmt: skip
        office = self.office.profile()
        if not report.intro.strip():
            from dataclasses import replace

            report = replace(report, intro=default_o43_intro(office, fiscal_year))
        reporter = signature_block("ผู้รายงาน", self.office.signer(SignatureRole.ITA_COORDINATOR))
        certifier = signature_block("ผู้รับรอง", self.office.signer(SignatureRole.EXECUTIVE))
        footer = f"รายงาน O43 ปีงบประมาณ {thai_digits(fiscal_year)} · {printed_at(self.ctx)}"
        return render_o43(report, office, reporter, certifier, footer_text=footer)
