"""A year's catalogue as a whole: start it, confirm it, list it, find the item holding a role."""

from __future__ import annotations

from dataclasses import dataclass

from nongbon_ita.db.models_ita import ItaYearRow
from nongbon_ita.domain.ita.catalogue import Catalogue, OitItem, Provenance
from nongbon_ita.domain.ita.catalogue_data import CatalogueStatus, ItemRole
from nongbon_ita.domain.ita.measure_import import validate_fiscal_year
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.ita.catalogue import CatalogueService
from nongbon_ita.services.ita.catalogue_store import ensure_catalogue
from nongbon_ita.services.ita.records import provenance_of
from nongbon_ita.services.ita.years import year_row

COLUMNS = ("code", "name", "group", "sub_indicator", "indicator", "role")


@dataclass(frozen=True)
class RoleItem:
    """The year's item holding a role, as its documents print it."""

    code: str
    title: str


class CatalogueYearService:
    def __init__(self, ctx: ServiceContext, catalogue: CatalogueService) -> None:
        self.ctx = ctx
        self.catalogue = catalogue

    def start_year(self, actor: CurrentUser, fiscal_year: int) -> Provenance:
        """A year without a catalogue starts from the latest one (the office's or a shipped
        one), unconfirmed; a year that has one is left as it is."""
        require(actor, ItaOperation.EDIT_CATALOGUE)
        validate_fiscal_year(fiscal_year)
        with self.ctx.transaction() as session:
            ensure_catalogue(session, fiscal_year)
            year = year_row(session, fiscal_year)
            record_event(self.ctx, session, actor.username, "ita.year_started", "ita_year",
                         fiscal_year, after={"source": year.catalogue_source})  # fmt: skip
            return provenance_of(year)

    def confirm(
        self, actor: CurrentUser, fiscal_year: int, version: int | None = None
    ) -> Provenance:
        """The coordinator checked the year's catalogue against the NACC's manual."""
        require(actor, ItaOperation.EDIT_CATALOGUE)
        validate_fiscal_year(fiscal_year)
        with self.ctx.transaction() as session:
            existing = session.get(ItaYearRow, fiscal_year)
            if existing is not None:
                check_version(existing.version, version or None)
            ensure_catalogue(session, fiscal_year)
            year = year_row(session, fiscal_year)
            before = year.catalogue_status
            year.catalogue_status = CatalogueStatus.CONFIRMED.value
            year.confirmed_by, year.confirmed_at = actor.full_name, self.ctx.now()
            session.flush()
            record_event(self.ctx, session, actor.username, "ita.catalogue_confirmed",
                         "ita_year", fiscal_year, before={"status": before},
                         after={"status": year.catalogue_status})  # fmt: skip
            return provenance_of(year)

    def rows(self, fiscal_year: int) -> list[tuple[str, str, str, str, str, str]]:
        """The year's items in order as `catalogue show` lists them (COLUMNS)."""
        catalogue = self.catalogue.catalogue(fiscal_year)
        return [item_row(catalogue, item) for item in catalogue.items]

    def role_item(self, fiscal_year: int, role: ItemRole) -> RoleItem | None:
        item = self.catalogue.catalogue(fiscal_year).role_item(role)
        return None if item is None else RoleItem(item.code, item.title)


def item_row(catalogue: Catalogue, item: OitItem) -> tuple[str, str, str, str, str, str]:
    indicator = catalogue.indicator_of_item(item)
    return (item.code, item.name, item.group_name, catalogue.sub_label(item.sub_indicator_id),
            "" if indicator is None else str(indicator),
            item.role.value if item.role else "")  # fmt: skip
