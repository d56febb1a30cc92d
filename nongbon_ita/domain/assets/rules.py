"""What a valid asset is, checked before anything is written (pure: no database)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from nongbon_ita.domain.assets.records import AssetDraft, AssetStatus
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.text import check_text

# The DLA numbering is unconfirmed (DOMAIN.md): by default any non-empty number is accepted and
# the office may set a regular expression the whole number must match.
DEFAULT_NUMBER_PATTERN = ""


def check_number_pattern(pattern: str) -> str:
    """The pattern as it will be stored; refuses one that is not a valid regular expression."""
    pattern = pattern.strip()
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValidationError(
            N_("The asset number pattern is not a valid regular expression: {reason}"),
            field="pattern", reason=str(error),
        ) from None  # fmt: skip
    return pattern


# The draft's text fields as the form and the import name them.
TEXT_FIELDS = {
    "asset_number": N_("Asset number"), "name": N_("Name"), "brand_model": N_("Brand/model"),
    "serial": N_("Serial number"), "unit": N_("Unit"), "budget_source": N_("Budget source"),
    "location": N_("Location"),
}  # fmt: skip


def normalise_draft(draft: AssetDraft, number_pattern: str = DEFAULT_NUMBER_PATTERN) -> AssetDraft:
    """Trimmed and checked; raises ValidationError naming the first bad field."""
    for field, label in TEXT_FIELDS.items():  # before trimming: a tab is refused, not eaten
        check_text(getattr(draft, field).strip(" "), field, label)
    draft = replace(
        draft,
        asset_number=draft.asset_number.strip(), name=" ".join(draft.name.split()),
        brand_model=draft.brand_model.strip(), serial=draft.serial.strip(),
        unit=draft.unit.strip(), budget_source=draft.budget_source.strip(),
        location=draft.location.strip(),
    )  # fmt: skip
    if not draft.asset_number:
        raise ValidationError(N_("Enter the asset number."), field="asset_number")
    if number_pattern and not re.fullmatch(number_pattern, draft.asset_number):
        raise ValidationError(
            N_("The asset number {number} does not follow the office's pattern {pattern}."),
            field="asset_number", number=draft.asset_number, pattern=number_pattern,
        )  # fmt: skip
    if not draft.name:
        raise ValidationError(N_("Enter the asset's name."), field="name")
    if draft.value is not None and (not draft.value.is_finite() or draft.value < 0):
        raise ValidationError(N_("The value cannot be negative."), field="value")
    if draft.value is not None and draft.value >= Decimal("1e12"):
        raise ValidationError(N_("The value is too large."), field="value")
    if draft.consumable:
        if draft.stock_quantity is None or draft.stock_quantity < 0:
            raise ValidationError(
                N_("Enter the stock quantity of a consumable (0 or more)."),
                field="stock_quantity",
            )
    else:
        draft = replace(draft, stock_quantity=None)
    return draft


def check_status_change(current: AssetStatus, wanted: AssetStatus) -> None:
    """An edit may move an asset between available and in repair only; loans and retiring
    change the status through their own steps, so the trail tells why it changed."""
    if current == wanted:
        return
    if current is AssetStatus.ON_LOAN:
        raise ValidationError(
            N_("This asset is on loan: its status changes when it is returned."), field="status"
        )
    if current.retired:
        raise ValidationError(N_("This asset has been retired."), field="status")
    if wanted.retired:
        raise ValidationError(
            N_("Use “Retire” to record an asset as lost or disposed."), field="status"
        )
    if wanted is AssetStatus.ON_LOAN:
        raise ValidationError(
            N_("An asset goes on loan when the supply officer hands it out."), field="status"
        )
