"""A year's ITA catalogue as data: what a shipped file (resources/ita/catalogue-YYYY.json) or an
imported NACC table holds, with where it came from and whether the coordinator confirmed it.

Item codes change every year (the measures report is O43 in 2566 and O26 in 2569), so what the
program does with an item is a *role* the catalogue assigns, never a code in the program.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.report import AssessmentForm
from nongbon_ita.domain.ita.report import ItemRole as ItemRole  # defined there: light to import

_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SUB_NUMBER = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})(?:[\s.:)]+(.*))?$", re.DOTALL)
DEFAULT_WEIGHTS = {AssessmentForm.IIT: 30, AssessmentForm.EIT: 30, AssessmentForm.OIT: 40}
MISSING_NAME = "ต้องกรอก"  # shown for an item whose code is known but not its name


class CatalogueStatus(StrEnum):
    CONFIRMED = "confirmed"
    UNCONFIRMED = "unconfirmed"


ROLE_NAMES = {
    ItemRole.MEASURES_PLAN: N_("measures plan"),
    ItemRole.MEASURES_REPORT: N_("measures report"),
    ItemRole.COMPLAINT_STATS: N_("complaint statistics"),
}


def parse_role(text: str, row: int | None = None) -> ItemRole | None:
    """ "measures-report" (any case, "_" or " " for "-") → the role; "" → None."""
    cleaned = text.strip().casefold().replace("_", "-").replace(" ", "-")
    if not cleaned:
        return None
    try:
        return ItemRole(cleaned)
    except ValueError:
        raise ValidationError(
            N_("The role must be one of {roles}, not “{value}”."), field="role", row=row,
            roles=", ".join(r.value for r in ItemRole), value=text,
        ) from None  # fmt: skip


def parse_sub_number(text: str) -> tuple[int, int, str] | None:
    """ "9.1", "๙.๑ ข้อมูลพื้นฐาน" → (9, 1, name); anything else → None."""
    match = _SUB_NUMBER.match(text.translate(_TO_ARABIC))
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), (match.group(3) or "").strip()


@dataclass(frozen=True)
class IndicatorData:
    form: AssessmentForm
    number: int
    name: str


@dataclass(frozen=True)
class SubIndicatorData:
    indicator: int  # 9 for "9.1"
    number: int  # 1 for "9.1"
    name: str

    @property
    def label(self) -> str:
        return f"{self.indicator}.{self.number}"


@dataclass(frozen=True)
class ItemData:
    code: str
    name: str  # "" = not known yet ("ต้องกรอก")
    group: str = ""
    sub_indicator: str = ""  # "9.1", or ""
    indicator: int | None = None
    role: ItemRole | None = None
    document_title: str = ""  # the title a role's document prints; "" = the item's name


@dataclass(frozen=True)
class CatalogueData:
    fiscal_year: int
    status: CatalogueStatus
    source: str
    checked_on: str  # ISO date the source was last checked
    indicators: tuple[IndicatorData, ...]
    sub_indicators: tuple[SubIndicatorData, ...]
    items: tuple[ItemData, ...]
    weights: dict[AssessmentForm, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    pass_mark: int = 85

    def role_item(self, role: ItemRole) -> ItemData | None:
        return next((item for item in self.items if item.role is role), None)


def check_roles(items: tuple[ItemData, ...]) -> None:
    """Each role belongs to at most one item of a year."""
    seen: dict[ItemRole, str] = {}
    for item in items:
        if item.role is None:
            continue
        if item.role in seen:
            raise ValidationError(
                N_("The role {role} is given to both {first} and {second}."), field="role",
                role=item.role.value, first=seen[item.role], second=item.code,
            )  # fmt: skip
        seen[item.role] = item.code


def item_title(item: ItemData) -> str:
    return item.document_title or item.name
