"""The ITA area's services, bundled as one field of services.registry.Services."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import OfficeService

if TYPE_CHECKING:
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


class ItaServices:
    """Each service is built, and its module imported, on first use: the dashboard needs only
    the scores and the plan at start-up (issue 14)."""

    def __init__(self, ctx: ServiceContext, office: OfficeService) -> None:
        self._ctx, self._office = ctx, office

    @classmethod
    def over(cls, ctx: ServiceContext, office: OfficeService) -> ItaServices:
        return cls(ctx, office)

    @cached_property
    def catalogue(self) -> CatalogueService:
        from nongbon_ita.services.ita.catalogue import CatalogueService

        return CatalogueService(self._ctx)

    @cached_property
    def scores(self) -> ScoreService:
        from nongbon_ita.services.ita.scores import ScoreService

        return ScoreService(self._ctx)

    @cached_property
    def plan(self) -> MeasurePlanService:
        from nongbon_ita.services.ita.plan import MeasurePlanService

        return MeasurePlanService(self._ctx)

    @cached_property
    def results(self) -> ResultService:
        from nongbon_ita.services.ita.results import ResultService

        return ResultService(self._ctx)

    @cached_property
    def documents(self) -> ItaDocumentService:
        from nongbon_ita.services.ita.documents import ItaDocumentService

        return ItaDocumentService(self._ctx, self._office, self.plan, self.scores, self.years)

    @cached_property
    def order(self) -> MeasureOrderService:
        from nongbon_ita.services.ita.ordering import MeasureOrderService

        return MeasureOrderService(self._ctx)

    @cached_property
    def years(self) -> CatalogueYearService:
        from nongbon_ita.services.ita.catalogue_years import CatalogueYearService

        return CatalogueYearService(self._ctx, self.catalogue)

    @cached_property
    def oit(self) -> OitChecklistService:
        from nongbon_ita.services.ita.oit import OitChecklistService

        return OitChecklistService(self._ctx)

    @cached_property
    def catalogue_import(self) -> CatalogueImportService:
        from nongbon_ita.services.ita.catalogue_import import CatalogueImportService

        return CatalogueImportService(self._ctx)

    @cached_property
    def carry(self) -> CarryService:
        from nongbon_ita.services.ita.carry import CarryService

        return CarryService(self._ctx)

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
