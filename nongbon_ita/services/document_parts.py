"""What every document shares — signature blocks, the "printed at" line, the fiscal-year check —
and the measures report put together from whatever reads its inputs.

Free of SQLAlchemy on purpose: the quick print path (services/quick_print.py) feeds the measures
report from db/plain.py through the same `measures_report_pdf_of` the services use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.report import MeasuresReport
from nongbon_ita.domain.office import OfficeProfile, Official, SignatureBlock, SignatureRole
from nongbon_ita.i18n.thaiformat import format_datetime_short, thai_digits

_BLANK_NAME = "…………………………………………"


class OfficeClock(Protocol):
    def office_now(self) -> datetime: ...


class MeasureReader(Protocol):
    def measures_report(self, fiscal_year: int) -> MeasuresReport: ...


class OfficeReader(Protocol):
    def profile(self) -> OfficeProfile: ...

    def signer(self, role: SignatureRole) -> Official | None: ...


def signature_block(caption: str, official: Official | None) -> SignatureBlock:
    """A block for `official`, or a blank one to fill in by hand when none is set up."""
    if official is None:
        return SignatureBlock(caption, _BLANK_NAME, _BLANK_NAME)
    return SignatureBlock(caption, official.full_name, official.position)


def printed_at_text(moment: datetime) -> str:
    """The footer's "printed at" line; `moment` in the office's time zone."""
    return "พิมพ์เมื่อ " + format_datetime_short(moment, thai=True)


def printed_at(clock: OfficeClock) -> str:
    return printed_at_text(clock.office_now())


def check_fiscal_year(year: int) -> None:
    if not 2500 <= year <= 2700:
        raise ValidationError(
            N_("{year} is not a Buddhist Era fiscal year (e.g. 2567)."), field="year", year=year
        )


def measures_report_pdf_of(
    measures: MeasureReader,
    office: OfficeReader,
    fiscal_year: int,
    office_now: datetime,
    words: Sequence[str] = (),
) -> bytes:
    """The measures report of a fiscal year (no personal data: printable by anyone)."""
    check_fiscal_year(fiscal_year)
    from nongbon_ita.reports.documents.measures_report import (
        default_report_intro,
        render_measures_report,
    )

    report = measures.measures_report(fiscal_year)
    if not report.rows:
        raise ValidationError(
            N_("No measures are recorded for fiscal year {year}."), field="year",
            year=thai_digits(fiscal_year),
        )  # fmt: skip
    profile = office.profile()
    if not report.intro.strip():
        report = replace(report, intro=default_report_intro(profile, fiscal_year))
    reporter = signature_block("ผู้รายงาน", office.signer(SignatureRole.ITA_COORDINATOR))
    certifier = signature_block("ผู้รับรอง", office.signer(SignatureRole.EXECUTIVE))
    name = f"รายงาน {report.code}" if report.code else "รายงานผลการดำเนินการตามมาตรการ"
    footer = f"{name} ปีงบประมาณ {thai_digits(fiscal_year)} · {printed_at_text(office_now)}"
    from nongbon_ita.domain.calendar import fiscal_year_range
    from nongbon_ita.reports.thai import draft_while
    from nongbon_ita.reports.thai.nobreak import keep_whole

    running = office_now.date() <= fiscal_year_range(fiscal_year).end  # the year goes on: draft
    with keep_whole(words), draft_while(running):  # the office's names stay whole on a line
        return render_measures_report(report, profile, reporter, certifier, footer_text=footer)
