"""Importing the office's own register: which of its columns feed which field, and the rows.

Offices keep their register in Excel with their own headers. The usual Thai headers (and the
app's English field names) are recognised; what is left the user maps by hand, and the mapping is
remembered per set of headers (`header_key`). Rows are parsed here, purely; the service checks
what needs the database (numbers already in the register, divisions) and writes all or nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from nongbon_ita.domain.assets.import_headers import (
    JOINED_FIELDS,
    THAI_HEADERS,
    normalise_header,
    plain_header,
)
from nongbon_ita.domain.calendar import check_be_year, parse_be_date, thai_to_arabic_digits
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.text import check_text

# field → message id of its name, in the order the mapping step lists them
IMPORT_FIELDS: dict[str, str] = {
    "asset_number": N_("Asset number"),
    "name": N_("Name"),
    "category": N_("Category"),
    "brand_model": N_("Brand/model"),
    "serial": N_("Serial number"),
    "unit": N_("Unit"),
    "acquired_on": N_("Acquisition date"),
    "value": N_("Value (baht)"),
    "budget_source": N_("Budget source"),
    "location": N_("Location"),
    "division": N_("Custodian division"),
    "stock_quantity": N_("Stock quantity"),
}
REQUIRED_FIELDS = ("asset_number", "name")

_ALIASES = {**{name: name for name in IMPORT_FIELDS}, "division_name": "division",
            "category_name": "category", "acquisition_date": "acquired_on",
            **THAI_HEADERS}  # fmt: skip


def known_headers(aliases: dict[str, str]) -> dict[str, str]:
    """alias → field, keyed as `normalise_header` and `plain_header` write headers (for
    `auto_mapping`)."""
    known = {plain_header(alias): target for alias, target in aliases.items()}
    return known | {normalise_header(alias): target for alias, target in aliases.items()}


_KNOWN = known_headers(_ALIASES)


def auto_mapping(headers: list[str], known: dict[str, str] | None = None) -> dict[str, str]:
    """header → field for the headers recognised (`known`: another import's `known_headers`;
    the asset register's by default), as written or in their plain form ("ราคา (บาท)"); each
    field taken by its first header only, but for the fields several columns feed together."""
    known = _KNOWN if known is None else known
    mapping: dict[str, str] = {}
    for header in headers:
        target = known.get(normalise_header(header)) or known.get(plain_header(header))
        if target is not None and (target not in mapping.values() or target in JOINED_FIELDS):
            mapping[header] = target
    return mapping


def header_key(headers: list[str], prefix: str = "assets.import_mapping.") -> str:
    """A settings key for this set of headers (order and spacing do not matter)."""
    joined = "\n".join(sorted(normalise_header(h) for h in headers))
    return prefix + hashlib.sha1(joined.encode("utf-8")).hexdigest()


def check_mapping(
    mapping: dict[str, str], required: tuple[str, ...] = REQUIRED_FIELDS
) -> list[str]:
    """The required fields no column feeds."""
    fed = set(mapping.values())
    return [name for name in required if name not in fed]


@dataclass(frozen=True)
class RowError:
    row: int  # the line in the file (the header is line 1)
    column: str  # the file's header, "" when the row as a whole is wrong
    message_id: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportedAsset:
    row: int
    values: dict[str, str]  # field → text as found (trimmed)
    acquired_on: date | None = None
    value: Decimal | None = None
    stock_quantity: int | None = None


_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ][0-9:.]+)?")


def parse_import_date(text: str) -> date:
    """15/01/2567 (B.E., Thai digits too) or an Excel date cell (ISO, C.E.); ValueError else."""
    text = thai_to_arabic_digits(text.strip())
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        ce = year - 543 if year > 2400 else year
        check_be_year(ce + 543)
        return date(ce, month, day)
    return parse_be_date(text)


def parse_amount(text: str) -> Decimal:
    """'12,500.00', '12500 บาท', Thai digits; InvalidOperation when it is not a number."""
    cleaned = thai_to_arabic_digits(text).replace(",", "").replace("บาท", "").strip()
    amount = Decimal(cleaned)
    if not amount.is_finite():
        raise InvalidOperation(text)
    return amount


def mapped_values(
    raw: dict[str, str | None], mapping: dict[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """(field → its cell, spacing tidied; field → the file's header feeding it). A field fed by
    several columns (brand and model) joins their cells with a space."""
    values: dict[str, str] = {}
    column_of: dict[str, str] = {}
    for header, target in mapping.items():
        cell = " ".join((raw.get(header) or "").split())
        if target in values:
            values[target] = " ".join(part for part in (values[target], cell) if part)
            continue
        values[target] = cell
        column_of[target] = header
    return values, column_of


def parse_row(
    line: int, raw: dict[str, str | None], mapping: dict[str, str]
) -> ImportedAsset | list[RowError]:
    """One data row of the file: the mapped fields parsed, or the errors found in it."""
    values, column_of = mapped_values(raw, mapping)
    errors: list[RowError] = []
    for target, text in values.items():
        try:
            check_text(text, target, IMPORT_FIELDS.get(target))
        except ValidationError as refused:
            errors.append(RowError(line, column_of[target], refused.message_id, refused.params))
    for name in REQUIRED_FIELDS:
        if not values.get(name):
            errors.append(RowError(line, column_of.get(name, ""), N_("This cell is empty.")))
    acquired_on = value = stock = None
    if values.get("acquired_on"):
        try:
            acquired_on = parse_import_date(values["acquired_on"])
        except ValueError:
            errors.append(RowError(line, column_of["acquired_on"],
                                   N_("“{text}” is not a date like 15/01/2567."),
                                   {"text": values["acquired_on"]}))  # fmt: skip
    if values.get("value"):
        try:
            value = parse_amount(values["value"])
        except InvalidOperation:
            errors.append(RowError(line, column_of["value"], N_("“{text}” is not an amount."),
                                   {"text": values["value"]}))  # fmt: skip
    if values.get("stock_quantity"):
        digits = thai_to_arabic_digits(values["stock_quantity"]).replace(",", "")
        if re.fullmatch("[0-9]{1,9}", digits):  # not str.isdigit: "²" is a digit to it
            stock = int(digits)
        else:
            errors.append(RowError(line, column_of["stock_quantity"],
                                   N_("“{text}” is not a whole number."),
                                   {"text": values["stock_quantity"]}))  # fmt: skip
    if errors:
        return errors
    return ImportedAsset(line, values, acquired_on, value, stock)


def is_blank(raw: dict[str, str | None]) -> bool:
    return not any((value or "").strip() for value in raw.values())


@dataclass(frozen=True)
class ImportTable:
    """A file read into rows: its headers in order and each row by header."""

    name: str
    headers: list[str]
    rows: list[dict[str, str | None]]


@dataclass(frozen=True)
class ImportPreview:
    assets: list[ImportedAsset]
    errors: list[RowError]
    unmapped: list[str]  # headers that feed no field
    # named in the file but not in the database: created on the user's confirmation
    new_divisions: list[str] = field(default_factory=list)
    new_categories: list[str] = field(default_factory=list)

    @property
    def creates(self) -> bool:
        return bool(self.new_divisions or self.new_categories)

    @property
    def ok(self) -> bool:
        return not self.errors
