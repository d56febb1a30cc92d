"""The ITA documents: gather a year's records, hand them to reports/documents for a PDF."""

from __future__ import annotations

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue_data import ItemRole
from nongbon_ita.domain.ita.documents import EvidenceAppendix, MeasuresPlan, ProgressReport
from nongbon_ita.domain.ita.measure import Measure
from nongbon_ita.domain.ita.measure_import import validate_fiscal_year
from nongbon_ita.domain.office import SignatureRole
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.document_parts import printed_at, signature_block
from nongbon_ita.services.ita.catalogue_years import CatalogueYearService
from nongbon_ita.services.ita.plan import MeasurePlanService
from nongbon_ita.services.ita.scores import ScoreService
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.office_words import office_words_kept


class ItaDocumentService:
    """The measures plan, the 6/12-month progress report and the evidence appendix (no personal
    data); the plan prints the code and title of the year's measures-plan item."""

    def __init__(
        self, ctx: ServiceContext, office: OfficeService, plan: MeasurePlanService,
        scores: ScoreService, years: CatalogueYearService,
    ) -> None:  # fmt: skip
        self.ctx, self.office, self.plan, self.scores = ctx, office, plan, scores
        self.years = years

    def _measures(self, fiscal_year: int) -> tuple[Measure, ...]:
        validate_fiscal_year(fiscal_year)
        measures = tuple(self.plan.measures(fiscal_year))
        if not measures:
            raise ValidationError(
                N_("No measures are recorded for fiscal year {year}."), field="year",
                year=thai_digits(fiscal_year),
            )  # fmt: skip
        return measures

    def _footer(self, name: str, fiscal_year: int) -> str:
        return f"{name} ปีงบประมาณ {thai_digits(fiscal_year)} · {printed_at(self.ctx)}"

    def measures_plan(self, fiscal_year: int) -> MeasuresPlan:
        measures = self._measures(fiscal_year)
        scores = self.scores.scores(fiscal_year - 1)
        entered = scores.overall_score is not None or any(
            i.score is not None for i in scores.indicators
        )
        item = self.years.role_item(fiscal_year, ItemRole.MEASURES_PLAN)
        return MeasuresPlan(fiscal_year, self.plan.plan_intro(fiscal_year),
                       scores if entered else None, measures,
                       item.code if item else "", item.title if item else "")  # fmt: skip

    def measures_plan_pdf(self, fiscal_year: int) -> bytes:
        from nongbon_ita.reports.documents.measures_plan import render_measures_plan

        plan = self.measures_plan(fiscal_year)
        reporter = signature_block("ผู้รายงาน", self.office.signer(SignatureRole.ITA_COORDINATOR))
        approver = signature_block("ผู้อนุมัติ", self.office.signer(SignatureRole.EXECUTIVE))
        with office_words_kept(self.ctx, records=False):
            return render_measures_plan(plan, self.office.profile(), reporter, approver,
                              footer_text=self._footer(f"มาตรการ {plan.code}".strip(),
                                                       fiscal_year))  # fmt: skip

    def progress_pdf(self, fiscal_year: int, half: int) -> bytes:
        """Half 1: the 6-month report (October–March); half 2: the 12-month report."""
        from nongbon_ita.reports.documents.measures_progress import render_measures_progress

        if half not in (1, 2):
            raise ValidationError(N_("The half year is 1 or 2."), field="half")
        months = 6 * half
        report = ProgressReport(fiscal_year, months, self._measures(fiscal_year))
        reporter = signature_block("ผู้รายงาน", self.office.signer(SignatureRole.ITA_COORDINATOR))
        approver = signature_block("ผู้รับทราบ", self.office.signer(SignatureRole.EXECUTIVE))
        footer = self._footer(f"รายงานความก้าวหน้ารอบ {thai_digits(months)} เดือน", fiscal_year)
        from nongbon_ita.domain.calendar import office_date
        from nongbon_ita.reports.documents.measures_progress import period
        from nongbon_ita.reports.thai import draft_while

        running = office_date(self.ctx.now()) <= period(report)[1].end
        with office_words_kept(self.ctx, records=False), draft_while(running):
            return render_measures_progress(report, self.office.profile(), reporter, approver,
                                            footer_text=footer)  # fmt: skip

    def evidence_pdf(self, fiscal_year: int) -> bytes:
        from nongbon_ita.reports.documents.evidence_appendix import render_evidence_appendix

        appendix = EvidenceAppendix(fiscal_year, self._measures(fiscal_year))
        with office_words_kept(self.ctx, records=False):
            return render_evidence_appendix(
                appendix, self.office.profile(),
                footer_text=self._footer("ภาคผนวกหลักฐาน", fiscal_year))  # fmt: skip
