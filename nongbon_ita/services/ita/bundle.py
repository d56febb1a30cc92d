"""The ITA area's services, bundled as one field of services.registry.Services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.ita.carry import CarryService
from nongbon_ita.services.ita.catalogue import CatalogueService
from nongbon_ita.services.ita.catalogue_import import CatalogueImportService
from nongbon_ita.services.ita.catalogue_years import CatalogueYearService
from nongbon_ita.services.ita.documents import ItaDocumentService
from nongbon_ita.services.ita.oit import OitChecklistService
from nongbon_ita.services.ita.ordering import MeasureOrderService
from nongbon_ita.services.ita.plan import MeasurePlanService
from nongbon_ita.services.ita.results import ResultService
from nongbon_ita.services.ita.scores import ScoreService
from nongbon_ita.services.office import OfficeService


@dataclass
class ItaServices:
    catalogue: CatalogueService
    scores: ScoreService
    plan: MeasurePlanService
    results: ResultService
    documents: ItaDocumentService
    order: MeasureOrderService
    years: CatalogueYearService
    oit: OitChecklistService
    catalogue_import: CatalogueImportService
    carry: CarryService

    @classmethod
    def over(cls, ctx: ServiceContext, office: OfficeService) -> ItaServices:
        scores, plan, catalogue = ScoreService(ctx), MeasurePlanService(ctx), CatalogueService(ctx)
        years = CatalogueYearService(ctx, catalogue)
        return cls(catalogue, scores, plan, ResultService(ctx),
                   ItaDocumentService(ctx, office, plan, scores, years),
                   MeasureOrderService(ctx), years, OitChecklistService(ctx),
                   CatalogueImportService(ctx), CarryService(ctx))  # fmt: skip

    def export_measures(self, fiscal_year: int, out: Path) -> Path:
        """A year's measures and evidence list as an XLSX workbook (no permission needed)."""
        from nongbon_ita.services.ita.export import export_measures

        return export_measures(self.plan, fiscal_year, out)

    def export_oit_links(self, fiscal_year: int, out: Path) -> Path:
        """The year's OIT items with their addresses, in ITAS's order (no permission needed)."""
        from nongbon_ita.services.ita.oit_export import write_oit_links
        from nongbon_ita.services.oit_site.links import with_site_addresses

        entries = self.oit.entries(fiscal_year)  # the published site's pages, when there is one
        return write_oit_links(with_site_addresses(self.oit.ctx, fiscal_year, entries), out)
