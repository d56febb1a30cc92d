"""A new office's first import: its register (hand-kept or an e-LAAS export) names divisions and
categories the database does not have yet; they are listed, created on confirmation, all or
nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.assets.files import read_table

# the columns of an e-LAAS asset register export, units in brackets and a "ลำดับ" column
ELAAS_HEADERS = ["ลำดับ", "รหัสทรัพย์สิน", "ชื่อทรัพย์สิน", "ประเภททรัพย์สิน", "ยี่ห้อ", "รุ่น/แบบ",
                 "หมายเลขและทะเบียน", "วันที่ได้มา", "ราคาต่อหน่วย (บาท)", "แหล่งที่มาของเงิน",
                 "ส่วนราชการ", "สถานที่ใช้งาน", "หมายเหตุ"]  # fmt: skip
ELAAS_ROWS = [
    ["1", "416-66-0001", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", "ครุภัณฑ์คอมพิวเตอร์", "Acer", "Aspire 5",
     "NXA1234", "12/03/2566", "22,000.00", "เงินงบประมาณ", "กองคลัง", "ห้องการเงิน", ""],
    ["2", "416-66-0002", "เครื่องพิมพ์เลเซอร์", "ครุภัณฑ์คอมพิวเตอร์", "Brother", "HL-L2370",
     "", "12/03/2566", "4,500.00", "เงินงบประมาณ", "กองคลัง", "ห้องการเงิน", ""],
    ["3", "035-65-0001", "เครื่องสูบน้ำ", "ครุภัณฑ์การเกษตร", "Mitsubishi", "", "", "05/10/2565",
     "18,900.00", "เงินอุดหนุน", "กองช่าง", "โรงเก็บพัสดุ", "ใช้งานได้"],
    ["4", "035-65-0002", "เต็นท์ผ้าใบ", "ครุภัณฑ์งานบ้านงานครัว", "", "", "", "05/10/2565",
     "9,500.00", "เงินงบประมาณ", "สำนักปลัด", "โรงเก็บพัสดุ", ""],
]  # fmt: skip


@pytest.fixture
def officer(user_with):
    return user_with(Role.SUPPLY_OFFICER)


def write_csv(path: Path, headers: list[str], rows: list[list[str]], encoding: str) -> Path:
    lines = [",".join(f'"{cell}"' for cell in row) for row in [headers, *rows]]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.mark.parametrize("kind", ["csv-cp874", "xlsx"])
def test_an_elaas_export_is_placed_and_lists_what_it_would_create(
    services, officer, tmp_path: Path, kind: str
) -> None:
    path = (write_csv(tmp_path / "elaas.csv", ELAAS_HEADERS, ELAAS_ROWS, "cp874")
            if kind == "csv-cp874" else
            write_xlsx(tmp_path / "elaas.xlsx", ELAAS_HEADERS, ELAAS_ROWS))  # fmt: skip
    table = read_table(path)
    mapping = services.assets.files.suggest_mapping(table.headers)
    assert mapping == {
        "รหัสทรัพย์สิน": "asset_number", "ชื่อทรัพย์สิน": "name", "ประเภททรัพย์สิน": "category",
        "ยี่ห้อ": "brand_model", "รุ่น/แบบ": "brand_model", "หมายเลขและทะเบียน": "serial",
        "วันที่ได้มา": "acquired_on", "ราคาต่อหน่วย (บาท)": "value",
        "แหล่งที่มาของเงิน": "budget_source", "ส่วนราชการ": "division",
        "สถานที่ใช้งาน": "location",
    }  # fmt: skip
    preview = services.assets.files.preview(table, mapping)
    assert preview.ok and len(preview.assets) == 4
    assert preview.new_divisions == ["กองคลัง", "กองช่าง", "สำนักปลัด"]
    assert preview.new_categories == ["ครุภัณฑ์คอมพิวเตอร์", "ครุภัณฑ์การเกษตร",
                                      "ครุภัณฑ์งานบ้านงานครัว"]  # fmt: skip


def test_without_confirmation_nothing_is_created_and_the_refusal_lists_it(
    services, officer, tmp_path: Path
) -> None:
    table = read_table(write_csv(tmp_path / "r.csv", ELAAS_HEADERS, ELAAS_ROWS, "cp874"))
    mapping = services.assets.files.suggest_mapping(table.headers)
    with pytest.raises(ValidationError) as refused:
        services.assets.files.import_table(officer, table, mapping)
    assert "กองช่าง" in refused.value.params["missing"]
    assert "ครุภัณฑ์การเกษตร" in refused.value.params["missing"]
    assert services.assets.count() == 0
    assert services.office.divisions() == [] and services.assets.categories.list() == []


def test_confirmed_import_creates_them_once_and_links_every_row(
    services, officer, tmp_path: Path
) -> None:
    table = read_table(write_xlsx(tmp_path / "r.xlsx", ELAAS_HEADERS, ELAAS_ROWS))
    mapping = services.assets.files.suggest_mapping(table.headers)
    assert services.assets.files.import_table(officer, table, mapping, create_missing=True) == 4
    divisions = {d.name: d.id for d in services.office.divisions()}
    assert sorted(divisions) == ["กองคลัง", "กองช่าง", "สำนักปลัด"]
    assert len(services.assets.categories.list()) == 3
    laptop = services.assets.by_number("416-66-0001")
    assert laptop.brand_model == "Acer Aspire 5" and laptop.serial == "NXA1234"
    assert laptop.value == Decimal("22000.00") and laptop.acquired_on == date(2023, 3, 12)
    assert laptop.location == "ห้องการเงิน" and laptop.budget_source == "เงินงบประมาณ"
    assert laptop.division_id == divisions["กองคลัง"]
    assert services.assets.by_number("035-65-0001").division_id == divisions["กองช่าง"]


def test_a_bad_row_creates_no_division_either(services, officer, tmp_path: Path) -> None:
    rows = [*ELAAS_ROWS, ["5", "416-66-0001", "ซ้ำ", "", "", "", "", "", "", "", "กองใหม่", "", ""]]
    table = read_table(write_csv(tmp_path / "r.csv", ELAAS_HEADERS, rows, "cp874"))
    mapping = services.assets.files.suggest_mapping(table.headers)
    with pytest.raises(ValidationError):
        services.assets.files.import_table(officer, table, mapping, create_missing=True)
    assert services.office.divisions() == [] and services.assets.count() == 0


def test_hand_kept_header_variants_are_placed(services, officer, tmp_path: Path) -> None:
    headers = ["หมายเลขครุภัณฑ์", "รายการ", "ประเภท", "ยี่ห้อ / รุ่น", "ราคา (บาท)", "มูลค่า [บาท]",
               "ที่ตั้ง", "หน่วยงานที่รับผิดชอบ :", "วันที่ได้รับ"]  # fmt: skip
    mapping = services.assets.files.suggest_mapping(headers)
    assert mapping == {"หมายเลขครุภัณฑ์": "asset_number", "รายการ": "name", "ประเภท": "category",
                       "ยี่ห้อ / รุ่น": "brand_model", "ราคา (บาท)": "value", "ที่ตั้ง": "location",
                       "หน่วยงานที่รับผิดชอบ :": "division", "วันที่ได้รับ": "acquired_on"}  # fmt: skip
