"""The ITA catalogue of a fiscal year (forms, indicators, sub-indicators, OIT items) and scores.

Names and numbers change between years, so the catalogue is data per year; scores are the
results of that year's assessment, which the next year's measures answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue_data import DEFAULT_WEIGHTS, CatalogueStatus, ItemRole
from nongbon_ita.domain.ita.levels import Level, level_of
from nongbon_ita.domain.ita.measure_import import indicator_label
from nongbon_ita.domain.ita.report import AssessmentForm

DEFAULT_THRESHOLD = Decimal("85")
MAX_NAME = 300
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_OIT_CODE = re.compile(r"^[Oo]\s*(\d{1,3})$")


@dataclass(frozen=True)
class Indicator:
    id: int
    fiscal_year: int
    form: AssessmentForm
    number: int
    name: str
    score: Decimal | None = None  # the year's assessment result, 0–100
    version: int = 0

    @property
    def label(self) -> str:
        """ "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"."""
        return indicator_label(self.number, self.name)


@dataclass(frozen=True)
class SubIndicator:
    id: int
    indicator_id: int
    name: str
    position: int = 0
    version: int = 0


@dataclass(frozen=True)
class OitItem:
    id: int
    fiscal_year: int
    code: str  # "O12"
    name: str
    group_name: str = ""
    sub_indicator_id: int | None = None
    position: int = 0
    version: int = 0
    indicator_number: int | None = None  # when the item has no sub-indicator
    role: ItemRole | None = None
    document_title: str = ""

    @property
    def title(self) -> str:
        """What a document with this item's role prints as its title."""
        return self.document_title or self.name


@dataclass(frozen=True)
class Provenance:
    """Where a year's catalogue came from and whether the ITA coordinator confirmed it."""

    status: CatalogueStatus = CatalogueStatus.UNCONFIRMED
    source: str = ""
    checked_on: str = ""
    confirmed_by: str = ""
    confirmed_at: datetime | None = None
    version: int = 0

    @property
    def confirmed(self) -> bool:
        return self.status is CatalogueStatus.CONFIRMED


@dataclass(frozen=True)
class Catalogue:
    fiscal_year: int
    indicators: tuple[Indicator, ...]
    sub_indicators: tuple[SubIndicator, ...]
    items: tuple[OitItem, ...]
    provenance: Provenance = Provenance()

    def role_item(self, role: ItemRole) -> OitItem | None:
        return next((item for item in self.items if item.role is role), None)

    def sub_label(self, sub_id: int | None) -> str:
        """ "9.1": the indicator's number and the sub-indicator's place under it."""
        sub = next((s for s in self.sub_indicators if s.id == sub_id), None)
        indicator = next((i for i in self.indicators if sub and i.id == sub.indicator_id), None)
        if sub is None or indicator is None:
            return ""
        return f"{indicator.number}.{self.subs_of(indicator.id).index(sub) + 1}"

    def indicator_of_item(self, item: OitItem) -> int | None:
        sub = next((s for s in self.sub_indicators if s.id == item.sub_indicator_id), None)
        found = next((i for i in self.indicators if sub and i.id == sub.indicator_id), None)
        return found.number if found else item.indicator_number

    def indicator(self, number: int) -> Indicator | None:
        return next((i for i in self.indicators if i.number == number), None)

    def subs_of(self, indicator_id: int) -> tuple[SubIndicator, ...]:
        return tuple(s for s in self.sub_indicators if s.indicator_id == indicator_id)

    def item_codes(self) -> frozenset[str]:
        return frozenset(item.code for item in self.items)


@dataclass(frozen=True)
class YearScores:
    """The overall ITA score of a year's assessment, its indicators' scores and the threshold."""

    fiscal_year: int
    overall_score: Decimal | None  # the total: the forms' weighted sum when they are entered
    threshold: Decimal
    indicators: tuple[Indicator, ...]
    version: int = 0
    forms: Mapping[AssessmentForm, Decimal | None] = field(default_factory=dict)
    weights: Mapping[AssessmentForm, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    @property
    def level(self) -> Level | None:
        """The level in words (ผ่านดีเยี่ยม … ต้องปรับปรุงโดยด่วน) for the total and the forms."""
        forms = {f: s for f, s in self.forms.items() if s is not None}
        return level_of(self.overall_score, forms)

    @property
    def flagged(self) -> tuple[Indicator, ...]:
        """Indicators scored under the threshold: they need measures next year."""
        return tuple(i for i in self.indicators if needs_measures(i.score, self.threshold))


def needs_measures(score: Decimal | None, threshold: Decimal) -> bool:
    return score is not None and score < threshold


def parse_score(value: Decimal | str | int | float | None, field: str = "score") -> Decimal | None:
    """A score 0–100 with at most two decimals; None or "" = not entered."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        text = str(value).strip().translate(_TO_ARABIC) if isinstance(value, str) else value
        score = Decimal(str(text))
    except InvalidOperation:
        raise ValidationError(
            N_("A score is a number from 0 to 100, not “{value}”."), field=field, value=value
        ) from None
    if not score.is_finite() or not Decimal(0) <= score <= Decimal(100):
        raise ValidationError(
            N_("A score is a number from 0 to 100, not “{value}”."), field=field, value=value
        )
    return score.quantize(Decimal("0.01"))


def normalise_oit_code(text: str) -> str:
    """ "o 12", "O12", "O๑๒" → "O12"; anything else is refused."""
    match = _OIT_CODE.match(text.strip().translate(_TO_ARABIC))
    if match is None or int(match.group(1)) < 1:
        raise ValidationError(
            N_("An OIT item code is written O1, O2 … (the letter O and a number), not “{value}”."),
            field="code", value=text,
        )  # fmt: skip
    return f"O{int(match.group(1))}"


def parse_oit_codes(text: str) -> tuple[str, ...]:
    """ "O36, o37 O38" → ("O36", "O37", "O38") without repeats, in the order written."""
    codes: list[str] = []
    for part in re.split(r"[\s,;/]+", text.strip()):
        if part and (code := normalise_oit_code(part)) not in codes:
            codes.append(code)
    return tuple(codes)


def oit_sort_key(code: str) -> int:
    return int(code[1:]) if code[1:].isdigit() else 0


def check_name(name: str, field: str = "name", limit: int = MAX_NAME) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(N_("Enter a name."), field=field)
    if len(name) > limit:
        raise ValidationError(N_("At most {limit} characters."), field=field, limit=limit)
    return name
