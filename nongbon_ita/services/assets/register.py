"""The asset register: read and search for everyone; create, edit, retire for the supply officer.

`set_status` and `adjust_stock` work inside another service's transaction (the loans service
changes an asset's status on hand-out and return, and takes consumables out of stock).
"""

from __future__ import annotations

from dataclasses import asdict
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AssetRow, DivisionRow
from nongbon_ita.domain.assets.labels import LabelGrid
from nongbon_ita.domain.assets.permissions import MANAGE_ASSETS
from nongbon_ita.domain.assets.records import (
    Asset,
    AssetDraft,
    AssetFilters,
    AssetSort,
    AssetStatus,
)
from nongbon_ita.domain.assets.rules import (
    check_number_pattern,
    check_status_change,
    normalise_draft,
)
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.assets.categories import CategoryService, category_row
from nongbon_ita.services.assets.queries import asset_row, count_assets, load_asset, search_assets
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.settings_store import get_setting, put_setting

if TYPE_CHECKING:
    from nongbon_ita.services.assets.files import AssetFileService

NUMBER_PATTERN = "assets.number_pattern"
NO_FILTERS = AssetFilters()


def audit_view(draft: AssetDraft) -> dict[str, Any]:
    """Asset fields for the audit payload (no personal data in an asset)."""
    return {k: (str(v) if v is not None and not isinstance(v, bool | int) else v)
            for k, v in asdict(draft).items()}  # fmt: skip


def write_draft(session: Session, row: AssetRow, draft: AssetDraft) -> None:
    """Copy a checked draft into the row; the references must exist."""
    if draft.category_id is not None:
        category_row(session, draft.category_id)
    if draft.division_id is not None and session.get(DivisionRow, draft.division_id) is None:
        raise NotFoundError(N_("No such division."))
    clash = session.scalars(select(AssetRow.id).where(
        AssetRow.asset_number == draft.asset_number, AssetRow.id != row.id)).first()  # fmt: skip
    if clash is not None:
        raise ValidationError(N_("The asset number {number} is already in the register."),
                              field="asset_number", number=draft.asset_number)  # fmt: skip
    copy_draft(row, draft)


def copy_draft(row: AssetRow, draft: AssetDraft) -> None:
    for key, value in asdict(draft).items():
        setattr(row, key, value.value if isinstance(value, AssetStatus) else value)


class AssetService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.categories = CategoryService(ctx)

    @cached_property
    def files(self) -> AssetFileService:
        """Import from CSV/XLSX, export to XLSX (imports openpyxl only when used)."""
        from nongbon_ita.services.assets.files import AssetFileService

        return AssetFileService(self.ctx, self)

    # reading ----------------------------------------------------------------------------------
    def get(self, asset_id: int) -> Asset:
        with self.ctx.reading() as session:
            return load_asset(session, asset_id)

    def by_number(self, asset_number: str) -> Asset:
        with self.ctx.reading() as session:
            found = session.scalar(
                select(AssetRow.id).where(AssetRow.asset_number == asset_number.strip())
            )
            if found is None:
                raise NotFoundError(N_("No asset has the number {number}."), number=asset_number)
            return load_asset(session, found)

    def search(
        self, text: str = "", limit: int = 100, offset: int = 0,
        filters: AssetFilters = NO_FILTERS, sort: AssetSort = AssetSort.ASSET_NUMBER,
        descending: bool = False,
    ) -> list[Asset]:  # fmt: skip
        """A page of the register whose number, name, serial or brand contains `text`."""
        with self.ctx.reading(glance=True) as session:
            return search_assets(session, text, filters, sort, descending, limit, offset)

    def count(self, text: str = "", filters: AssetFilters = NO_FILTERS) -> int:
        with self.ctx.reading(glance=True) as session:
            return count_assets(session, text, filters)

    def number_pattern(self) -> str:
        with self.ctx.reading() as session:
            return get_setting(session, NUMBER_PATTERN) or ""

    # writing ----------------------------------------------------------------------------------
    def set_number_pattern(self, actor: CurrentUser, pattern: str) -> None:
        """A regular expression every asset number must match ("" accepts any number)."""
        require(actor, MANAGE_ASSETS)
        pattern = check_number_pattern(pattern)
        with self.ctx.transaction() as session:
            put_setting(session, NUMBER_PATTERN, pattern)
            record_event(self.ctx, session, actor.username, "assets.number_pattern_set",
                         "setting", NUMBER_PATTERN, after={"pattern": pattern})  # fmt: skip

    def create(self, actor: CurrentUser, draft: AssetDraft) -> Asset:
        require(actor, MANAGE_ASSETS)
        draft = normalise_draft(draft, self.number_pattern())
        if draft.status.retired or draft.status is AssetStatus.ON_LOAN:
            raise ValidationError(N_("A new asset is available or in repair."), field="status")
        with self.ctx.transaction() as session:
            row = AssetRow()
            write_draft(session, row, draft)
            session.add(row)
            session.flush()
            record_event(self.ctx, session, actor.username, "asset.created", "asset", row.id,
                         after=audit_view(draft))  # fmt: skip
            return load_asset(session, row.id)

    def update(
        self, actor: CurrentUser, asset_id: int, draft: AssetDraft, expected_version: int
    ) -> Asset:
        """Save an edit made on the copy read at `expected_version`; a stale one is refused."""
        require(actor, MANAGE_ASSETS)
        draft = normalise_draft(draft, self.number_pattern())
        with self.ctx.transaction() as session:
            row = asset_row(session, asset_id)
            check_version(row.version, expected_version)
            before = load_asset(session, asset_id).draft()
            check_status_change(before.status, draft.status)
            write_draft(session, row, draft)
            session.flush()
            record_event(self.ctx, session, actor.username, "asset.updated", "asset", asset_id,
                         before=audit_view(before), after=audit_view(draft))  # fmt: skip
            return load_asset(session, asset_id)

    def retire(
        self, actor: CurrentUser, asset_id: int, status: AssetStatus, expected_version: int,
        reason: str = "",
    ) -> Asset:  # fmt: skip
        """Record an asset as lost or disposed: it stays in the register, out of use."""
        require(actor, MANAGE_ASSETS)
        if not status.retired:
            raise ValidationError(N_("An asset is retired as lost or disposed."), field="status")
        with self.ctx.transaction() as session:
            row = asset_row(session, asset_id)
            check_version(row.version, expected_version)
            current = AssetStatus(row.status)
            if current is AssetStatus.ON_LOAN:
                raise ValidationError(
                    N_("This asset is on loan: record its return first."), field="status"
                )
            if current.retired:
                raise ValidationError(N_("This asset has been retired."), field="status")
            row.status = status.value
            session.flush()
            record_event(self.ctx, session, actor.username, "asset.retired", "asset", asset_id,
                         before={"status": current.value},
                         after={"status": status.value, "reason": reason.strip()})  # fmt: skip
            return load_asset(session, asset_id)

    # inside another service's transaction -----------------------------------------------------
    def asset_in(self, session: Session, asset_id: int) -> Asset:
        """The asset as the caller's transaction sees it."""
        return load_asset(session, asset_id)

    def set_status(self, session: Session, asset_id: int, status: AssetStatus) -> AssetStatus:
        """Change the status within the caller's transaction (the caller checks permission and
        audits its own step); returns the previous status. A retired asset stays retired."""
        row = asset_row(session, asset_id)
        previous = AssetStatus(row.status)
        if previous.retired and previous is not status:
            raise ValidationError(N_("This asset has been retired."), field="status")
        row.status = status.value
        session.flush()
        return previous

    def adjust_stock(self, session: Session, asset_id: int, delta: int) -> int:
        """Add (or, negative, take) consumable stock within the caller's transaction; returns
        the new quantity. Stock never goes below zero."""
        row = asset_row(session, asset_id)
        if not row.consumable:
            raise ValidationError(N_("{name} is not a consumable: it has no stock."), name=row.name)
        current = row.stock_quantity or 0
        if current + delta < 0:
            raise ValidationError(
                N_("Only {count} {unit} of {name} left in stock."),
                field="quantity", count=current, unit=row.unit, name=row.name,
            )  # fmt: skip
        row.stock_quantity = current + delta
        session.flush()
        return row.stock_quantity

    # documents ------------------------------------------------------------------------------
    def labels_pdf(
        self, category_id: int | None = None, grid: LabelGrid | None = None, text: str = ""
    ) -> bytes:
        """The A4 sheet(s) of asset labels with QR codes, optionally of one category."""
        from nongbon_ita.services.assets.labels import labels_pdf

        return labels_pdf(self.ctx, category_id, grid, text)
