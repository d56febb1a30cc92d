"""Assets and their categories as the services hand them out (and take them in)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from nongbon_ita.domain.errors import N_


class AssetStatus(StrEnum):
    AVAILABLE = "available"
    ON_LOAN = "on_loan"
    IN_REPAIR = "in_repair"
    LOST = "lost"
    DISPOSED = "disposed"

    @property
    def label_id(self) -> str:
        return STATUS_LABELS[self]

    @property
    def retired(self) -> bool:
        """Lost and disposed assets stay in the register (never deleted) but are out of use."""
        return self in (AssetStatus.LOST, AssetStatus.DISPOSED)


STATUS_LABELS: dict[AssetStatus, str] = {
    AssetStatus.AVAILABLE: N_("Available"),
    AssetStatus.ON_LOAN: N_("On loan"),
    AssetStatus.IN_REPAIR: N_("In repair"),
    AssetStatus.LOST: N_("Lost"),
    AssetStatus.DISPOSED: N_("Disposed"),
}


@dataclass(frozen=True)
class AssetCategory:
    id: int
    name: str
    max_loan_days: int | None = None  # the longest loan allowed for its assets; None: no limit
    version: int = 0


@dataclass(frozen=True)
class AssetDraft:
    """What a user types for an asset (create or edit); the service validates it."""

    asset_number: str
    name: str
    category_id: int | None = None
    brand_model: str = ""
    serial: str = ""
    unit: str = ""
    acquired_on: date | None = None
    value: Decimal | None = None
    budget_source: str = ""
    location: str = ""
    division_id: int | None = None
    status: AssetStatus = AssetStatus.AVAILABLE
    lendable: bool = True
    consumable: bool = False
    stock_quantity: int | None = None  # consumables only


@dataclass(frozen=True)
class Asset:
    id: int
    asset_number: str
    name: str
    category_id: int | None
    category_name: str
    brand_model: str
    serial: str
    unit: str
    acquired_on: date | None
    value: Decimal | None
    budget_source: str
    location: str
    division_id: int | None
    division_name: str
    status: AssetStatus
    lendable: bool
    consumable: bool
    stock_quantity: int | None
    version: int

    @property
    def description(self) -> str:
        """Name with brand/model and serial, the way loan forms list an item."""
        parts = [self.name]
        if self.brand_model:
            parts.append(self.brand_model)
        if self.serial:
            parts.append(self.serial)
        return " ".join(parts)

    def draft(self) -> AssetDraft:
        """The editable fields, to change a few and save back."""
        return AssetDraft(
            asset_number=self.asset_number, name=self.name, category_id=self.category_id,
            brand_model=self.brand_model, serial=self.serial, unit=self.unit,
            acquired_on=self.acquired_on, value=self.value, budget_source=self.budget_source,
            location=self.location, division_id=self.division_id, status=self.status,
            lendable=self.lendable, consumable=self.consumable,
            stock_quantity=self.stock_quantity,
        )  # fmt: skip


class AssetSort(StrEnum):
    """Columns the register list can be sorted by."""

    ASSET_NUMBER = "asset_number"
    NAME = "name"
    CATEGORY = "category"
    STATUS = "status"
    VALUE = "value"
    ACQUIRED_ON = "acquired_on"
    LOCATION = "location"


@dataclass(frozen=True)
class AssetFilters:
    """Narrow a register list; None means "any"."""

    category_id: int | None = None
    status: AssetStatus | None = None
    lendable: bool | None = None
    consumable: bool | None = None
    statuses: frozenset[AssetStatus] = field(default_factory=frozenset)  # any of these, if given
