"""Turn the NACC's table of a year's OIT items (CSV/XLSX rows keyed by header) into catalogue
data (how the year's present items map onto the imported ones: domain/ita/item_mapping.py).

Headers as offices write them, in Thai or English: รหัส/code, รายการ/ชื่อรายการ/name,
หมวด/กลุ่ม/group, ตัวชี้วัดย่อย/sub_indicator ("9.1" with or without its name), ตัวชี้วัด/indicator
(its number, "9"), บทบาท/role. All or nothing: the first bad row is refused by row and column.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.catalogue import normalise_oit_code
from nongbon_ita.domain.ita.catalogue_data import (
    ItemData,
    ItemRole,
    SubIndicatorData,
    check_roles,
    parse_role,
    parse_sub_number,
)
from nongbon_ita.domain.ita.measure_import import split_indicator

COLUMNS = ("code", "name", "group", "sub_indicator", "indicator", "role")
HEADERS = {
    "รหัส": "code", "code": "code", "รายการ": "name", "ชื่อรายการ": "name", "name": "name",
    "หมวด": "group", "กลุ่ม": "group", "group": "group", "ตัวชี้วัดย่อย": "sub_indicator",
    "sub_indicator": "sub_indicator", "ตัวชี้วัด": "indicator", "indicator": "indicator",
    "บทบาท": "role", "role": "role",
}  # fmt: skip
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u00a0 \t\r\n"


@dataclass(frozen=True)
class ImportedCatalogue:
    items: tuple[ItemData, ...]
    sub_indicators: tuple[SubIndicatorData, ...]


def _key(header: str) -> str:
    cleaned = " ".join(header.strip(_INVISIBLE).casefold().split())
    return HEADERS.get(cleaned, HEADERS.get(cleaned.replace(" ", "_").replace("-", "_"), ""))


def _problem(message_id: str, row: int, column: str, **params: object) -> ValidationError:
    return ValidationError(message_id, field=column, row=row, column=column, **params)


def _row(
    cells: Mapping[str, str], names: Mapping[str, str], row: int
) -> tuple[ItemData, SubIndicatorData | None]:
    try:
        code = normalise_oit_code(cells["code"])
    except ValidationError:
        raise _problem(N_("Row {row}, column {column}: an item code is written O1, O2 …, not "
                          "“{value}”."), row, names["code"], value=cells["code"][:40]) from None  # fmt: skip
    sub: SubIndicatorData | None = None
    indicator: int | None = None
    if cells["sub_indicator"]:
        parsed = parse_sub_number(cells["sub_indicator"])
        if parsed is None:
            raise _problem(N_("Row {row}, column {column}: write the sub-indicator as 9.1 (with "
                              "or without its name), not “{value}”."), row,
                           names["sub_indicator"], value=cells["sub_indicator"][:40])  # fmt: skip
        sub = SubIndicatorData(parsed[0], parsed[1], parsed[2])
        indicator = parsed[0]
    if cells["indicator"]:
        split = split_indicator(cells["indicator"])
        if split is None or split[0] < 1 or (indicator is not None and split[0] != indicator):
            raise _problem(N_("Row {row}, column {column}: write the indicator as its number "
                              "(9), matching the sub-indicator, not “{value}”."), row,
                           names["indicator"], value=cells["indicator"][:40])  # fmt: skip
        indicator = split[0]
    try:
        role = parse_role(cells["role"], row)
    except ValidationError:
        raise _problem(N_("Row {row}, column {column}: the role is one of {roles}, not "
                          "“{value}”."), row, names["role"],
                       roles=", ".join(r.value for r in ItemRole), value=cells["role"][:40]) from None  # fmt: skip
    item = ItemData(code, cells["name"], cells["group"], sub.label if sub else "", indicator, role)
    return item, sub


def parse_catalogue_table(rows: Sequence[Mapping[str, str | None]]) -> ImportedCatalogue:
    names: dict[str, str] = {}
    for header in rows[0] if rows else ():
        if (key := _key(header)) and key not in names:
            names[key] = header
    if "code" not in names:
        raise ValidationError(N_("The file has no column “{column}” (or “{thai}”)."),
                              field="code", column="code", thai="รหัส")  # fmt: skip
    shown = {key: names.get(key, key).strip(_INVISIBLE) for key in COLUMNS}
    items: list[ItemData] = []
    subs: dict[str, SubIndicatorData] = {}
    for index, raw in enumerate(rows, start=1):
        cells = {k: (raw.get(names[k]) or "").strip(_INVISIBLE) if k in names else ""
                 for k in COLUMNS}  # fmt: skip
        if not any(cells.values()):
            continue
        item, sub = _row(cells, shown, index)
        if any(i.code == item.code for i in items):
            raise _problem(N_("Row {row}, column {column}: item {code} is listed twice."),
                           index, shown["code"], code=item.code)  # fmt: skip
        items.append(item)
        if sub is not None and (sub.name or sub.label not in subs):
            subs[sub.label] = sub
    if not items:
        raise ValidationError(N_("The file holds no OIT items."))
    check_roles(tuple(items))
    ordered = sorted(subs.values(), key=lambda s: (s.indicator, s.number))
    return ImportedCatalogue(tuple(items), tuple(ordered))
