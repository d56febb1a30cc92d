"""Importing the office's register from CSV/XLSX and exporting it to XLSX."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from nongbon_ita.domain.assets.records import AssetCategory
from nongbon_ita.domain.errors import PermissionDenied, ValidationError
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.assets.files import read_table

HEADER = "หมายเลขครุภัณฑ์,รายการ,ประเภท,วันที่ได้มา,ราคา,หน่วยงานรับผิดชอบ,หมายเหตุ\n"


@pytest.fixture
def officer(user_with):
    return user_with(Role.SUPPLY_OFFICER)


@pytest.fixture
def finance(services, admin):
    return services.office.add_division(admin, "กองคลัง")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_csv_in_every_thai_encoding_imports_with_automatic_mapping(
    services, officer, finance, tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "register.csv"
    path.write_text(HEADER + '416-59-0001,เครื่องพิมพ์,ครุภัณฑ์คอมพิวเตอร์,15/01/2567,"8,900",กองคลัง,\n'
                    "416-59-0002,จอภาพ,ครุภัณฑ์คอมพิวเตอร์,,,,\n", encoding=encoding)  # fmt: skip
    count, unplaced = services.assets.files.import_file(officer, path, create_missing=True)
    assert (count, unplaced) == (2, ["หมายเหตุ"])
    printer = services.assets.by_number("416-59-0001")
    assert printer.acquired_on == date(2024, 1, 15) and printer.value == Decimal("8900")
    assert printer.category_name == "ครุภัณฑ์คอมพิวเตอร์" and printer.division_id == finance.id
    assert [c.name for c in services.assets.categories.list()] == ["ครุภัณฑ์คอมพิวเตอร์"]


def test_xlsx_with_excel_dates_and_a_remembered_mapping(services, officer, tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["รหัส", "ชื่อของ", "ได้มาเมื่อ"])
    sheet.append(["401-55-0001", "โต๊ะพับ", datetime(2023, 10, 2)])
    workbook.save(path)
    table = read_table(path)
    assert services.assets.files.suggest_mapping(table.headers) == {}
    mapping = {"รหัส": "asset_number", "ชื่อของ": "name", "ได้มาเมื่อ": "acquired_on"}
    assert services.assets.files.import_table(officer, table, mapping) == 1
    assert services.assets.by_number("401-55-0001").acquired_on == date(2023, 10, 2)
    assert services.assets.files.suggest_mapping(table.headers) == mapping  # remembered


def test_one_bad_row_imports_nothing_and_every_error_is_listed(
    services, officer, tmp_path: Path
) -> None:
    services.assets.categories.save(officer, AssetCategory(0, "มีอยู่แล้ว"))
    path = tmp_path / "register.csv"
    path.write_text(HEADER + "1,โต๊ะ,ใหม่,,,,\n2,,,,,,\n1,ซ้ำ,,,,,\n3,เก้าอี้,,32/13/2567,,กองไม่มี,\n",
                    encoding="utf-8")  # fmt: skip
    table = read_table(path)
    mapping = services.assets.files.suggest_mapping(table.headers)
    preview = services.assets.files.preview(table, mapping)
    assert [(e.row, e.column) for e in preview.errors] == [
        (3, "รายการ"), (4, "หมายเลขครุภัณฑ์"), (5, "วันที่ได้มา")]  # fmt: skip
    assert (preview.new_divisions, preview.new_categories) == ([], ["ใหม่"])  # row 5 is wrong
    with pytest.raises(ValidationError) as refused:
        services.assets.files.import_table(officer, table, mapping, create_missing=True)
    assert refused.value.params["row"] == 3
    assert services.assets.count() == 0
    assert [c.name for c in services.assets.categories.list()] == ["มีอยู่แล้ว"]


def test_missing_required_columns_and_wrong_files_are_refused(
    services, officer, user_with, tmp_path: Path
) -> None:
    path = tmp_path / "register.csv"
    path.write_text("รายการ\nโต๊ะ\n", encoding="utf-8")
    table = read_table(path)
    preview = services.assets.files.preview(
        table, services.assets.files.suggest_mapping(table.headers)
    )
    assert [e.params["field"] for e in preview.errors] == ["Asset number"]
    with pytest.raises(ValidationError):
        read_table(tmp_path / "register.json")
    with pytest.raises(PermissionDenied):
        services.assets.files.import_table(user_with(Role.STAFF), table, {"รายการ": "name"})


def test_export_has_thai_headers_be_dates_and_imports_back(
    services, officer, tmp_path: Path
) -> None:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + '416-59-0001,เครื่องพิมพ์,คอมพิวเตอร์,15/01/2567,"8,900.50",,\n',
                    encoding="utf-8")  # fmt: skip
    services.assets.files.import_file(officer, path, create_missing=True)
    out = tmp_path / "register.xlsx"
    out.write_bytes(services.assets.files.export_xlsx())
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("หมายเลขครุภัณฑ์", "รายการ", "ประเภท")
    assert rows[1][0] == "416-59-0001" and rows[1][6] == datetime(2024, 1, 15)  # a real date
    assert Decimal(str(rows[1][7])) == Decimal("8900.5")
    table = read_table(out)
    mapping = services.assets.files.suggest_mapping(table.headers)
    assert {"asset_number", "name", "category", "acquired_on", "value"} <= set(mapping.values())
