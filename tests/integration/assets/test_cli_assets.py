"""`assets import`, `print asset-labels` and `export assets` on the demo database."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest

from nongbon_ita.cli import main
from tests.conftest import PASSWORD


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)


def test_the_demo_register(demo_db: Path) -> None:
    from nongbon_ita.app import open_services
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.domain.assets.records import AssetFilters, AssetStatus

    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    assert 280 <= services.assets.count() <= 320
    assert services.assets.count("เครื่องสูบน้ำ") >= 5 and services.assets.count("เต็นท์") >= 10
    assert services.assets.count(filters=AssetFilters(status=AssetStatus.IN_REPAIR)) > 0
    assert services.assets.count(filters=AssetFilters(lendable=True)) > 100
    assert services.assets.count(filters=AssetFilters(consumable=True)) >= 5
    assert services.assets.by_number("416-67-0001").category_name == "ครุภัณฑ์คอมพิวเตอร์"
    services.ctx.database.dispose()


def test_import_says_what_it_could_not_place(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "register.csv"
    path.write_text("หมายเลขครุภัณฑ์,รายการ,หน่วยงานรับผิดชอบ,หมายเหตุ\n"
                    "999-67-0001,โต๊ะประชุม,กองคลัง,ห้องประชุม\n", encoding="cp874")  # fmt: skip
    args = ["--db", str(demo_db), "--lang", "en", "assets", "import", str(path),
            "--user", "supply_officer"]  # fmt: skip
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Columns not placed (ignored): หมายเหตุ" in out and "Imported 1 assets" in out
    assert main(args) == 2  # the same numbers again: refused, naming row and column
    err = capsys.readouterr().err
    assert "Row 2, column “หมายเลขครุภัณฑ์”" in err and "Nothing was imported" in err


def test_import_refuses_a_staff_user_and_a_bad_file(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "register.csv"
    path.write_text("หมายเลขครุภัณฑ์,รายการ\n1,โต๊ะ\n", encoding="utf-8")
    assert main(["--db", str(demo_db), "assets", "import", str(path), "--user", "staff"]) == 2
    assert main(["--db", str(demo_db), "assets", "import", str(tmp_path / "x.pdf"),
                 "--user", "supply_officer"]) == 2  # fmt: skip


def test_print_labels_of_a_category_and_export(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "labels.pdf"
    assert main(["--db", str(demo_db), "print", "asset-labels", "--category",
                 "ครุภัณฑ์การเกษตร", "--out", str(out)]) == 0  # fmt: skip
    text = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "เครื่องสูบน้ำ" in text and "420-" in text and "416-" not in text
    assert main(["--db", str(demo_db), "print", "asset-labels", "--category", "ไม่มี",
                 "--out", str(out)]) == 2  # fmt: skip
    xlsx = tmp_path / "assets.xlsx"
    assert main(["--db", str(demo_db), "export", "assets", "--out", str(xlsx)]) == 0
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.max_row - 1 >= 280


def test_import_lists_missing_divisions_and_creates_them_with_create_missing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "elaas.csv"
    path.write_bytes("รหัสทรัพย์สิน,ชื่อทรัพย์สิน,ประเภททรัพย์สิน,ราคาต่อหน่วย (บาท),ส่วนราชการ\r\n"
                     "999-68-0001,โดรนพ่นยา,ครุภัณฑ์อากาศยาน,\"95,000.00\",งานป้องกันภัย\r\n"
                     .encode("cp874"))  # fmt: skip
    args = ["--db", str(demo_db), "--lang", "en", "assets", "import", str(path),
            "--user", "supply_officer"]  # fmt: skip
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "divisions: งานป้องกันภัย" in err and "categories: ครุภัณฑ์อากาศยาน" in err
    assert "--create-missing" in err
    assert main([*args, "--create-missing"]) == 0
    out = capsys.readouterr().out
    assert "Created divisions: งานป้องกันภัย" in out and "Imported 1 assets" in out
