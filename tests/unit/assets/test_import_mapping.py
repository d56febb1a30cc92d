"""Recognising the office's columns and parsing its rows (pure)."""

from datetime import date
from decimal import Decimal

import pytest

from nongbon_ita.domain.assets.import_mapping import (
    ImportedAsset,
    auto_mapping,
    header_key,
    parse_import_date,
    parse_row,
)

THAI_HEADERS = ["หมายเลขครุภัณฑ์", "รายการ", "ประเภท", "ยี่ห้อ/รุ่น", "หมายเลขเครื่อง", "หน่วยนับ",
                "วันที่ได้มา", "ราคา", "แหล่งงบประมาณ", "สถานที่ตั้ง", "หน่วยงานรับผิดชอบ"]  # fmt: skip


def test_the_thai_headers_of_the_issue_are_all_recognised() -> None:
    mapping = auto_mapping([*THAI_HEADERS, "หมายเหตุ"])
    assert set(mapping) == set(THAI_HEADERS)
    assert mapping["หมายเลขครุภัณฑ์"] == "asset_number"
    assert mapping["หน่วยงานรับผิดชอบ"] == "division"


def test_english_field_names_spacing_and_bom_are_recognised() -> None:
    assert auto_mapping(["\ufeffAsset_Number", " name ", "Serial"]) == {
        "\ufeffAsset_Number": "asset_number", " name ": "name", "Serial": "serial"}  # fmt: skip


def test_a_field_is_fed_by_its_first_column_only() -> None:
    assert auto_mapping(["รายการ", "ชื่อครุภัณฑ์"]) == {"รายการ": "name"}


def test_the_header_key_ignores_order_and_spacing() -> None:
    assert header_key(["ราคา", "รายการ"]) == header_key([" รายการ", "ราคา "])
    assert header_key(["ราคา"]) != header_key(["รายการ"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/01/2567", date(2024, 1, 15)),
        ("๑๕/๐๑/๒๕๖๗", date(2024, 1, 15)),
        ("2024-01-15T00:00:00", date(2024, 1, 15)),  # an Excel date cell (C.E.)
        ("2567-01-15", date(2024, 1, 15)),  # ISO text typed in B.E.
    ],
)
def test_import_dates(text: str, expected: date) -> None:
    assert parse_import_date(text) == expected


def test_a_good_row_is_parsed() -> None:
    mapping = {"เลข": "asset_number", "ชื่อ": "name", "ราคา": "value", "คงเหลือ": "stock_quantity"}
    parsed = parse_row(2, {"เลข": "1", "ชื่อ": " โต๊ะ  พับ ", "ราคา": "12,500.50 บาท",
                           "คงเหลือ": "๑๒"}, mapping)  # fmt: skip
    assert isinstance(parsed, ImportedAsset)
    assert parsed.values["name"] == "โต๊ะ พับ"
    assert parsed.value == Decimal("12500.50") and parsed.stock_quantity == 12


def test_a_bad_row_lists_every_error_with_its_column() -> None:
    mapping = {"เลข": "asset_number", "ชื่อ": "name", "วันที่": "acquired_on", "ราคา": "value"}
    errors = parse_row(7, {"เลข": "", "ชื่อ": "โต๊ะ", "วันที่": "31/02/2567", "ราคา": "x"}, mapping)
    assert isinstance(errors, list)
    assert [(e.row, e.column) for e in errors] == [(7, "เลข"), (7, "วันที่"), (7, "ราคา")]
