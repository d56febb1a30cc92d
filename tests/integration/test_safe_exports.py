"""Every XLSX export (issue 13 finding 7, issue 15 item 8): text stays text, stored data never
breaks an export, dates are real B.E.-formatted dates, money is a number, headers are frozen and
repeated in print on A4 landscape.

The planted values are written straight into the demo database (as an old version or another
tool could have left them), then exported through the command line.
"""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from nongbon_ita.cli import main
from nongbon_ita.reports.xlsx import DATE_FORMAT, MONEY_FORMAT
from tests.conftest import PASSWORD

FORMULAS = ('=HYPERLINK("http://evil.example","ดูรายละเอียด")', "+1+1", "-2+3", "@SUM(A1)")
BROKEN = "ชื่อ\x00มี\x07อักขระ\x1bควบคุม\u202eกลับด้าน"


def _plant(db: Path) -> None:
    with sqlite3.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM asset ORDER BY asset_number LIMIT 5")]
        for asset_id, text in zip(ids, (*FORMULAS, BROKEN), strict=True):
            con.execute("UPDATE asset SET name = ? WHERE id = ?", (text, asset_id))
        con.execute("UPDATE loan SET borrower_name = ?", (FORMULAS[0],))
        con.execute("UPDATE ita_measure SET issue = ?, plan = ? WHERE fiscal_year = 2568",
                    (FORMULAS[0], BROKEN))  # fmt: skip
        con.execute("UPDATE office_profile SET name = ?", ("=" + BROKEN,))


def _export(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    outs = {k: tmp_path / f"{k}.xlsx" for k in ("assets", "measures", "loans", "o29")}
    base = ["--db", str(db), "export"]
    assert main([*base, "assets", "--out", str(outs["assets"])]) == 0
    assert main([*base, "measures", "--year", "2568", "--out", str(outs["measures"])]) == 0
    assert main([*base, "loan-register", "--year", "2567", "--out", str(outs["loans"]),
                 "--user", "finance_reviewer"]) == 0  # fmt: skip
    assert main([*base, "complaint-stats", "--year", "2567", "--out", str(outs["o29"])]) == 0
    return outs


@pytest.fixture
def exports(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    _plant(demo_db)
    return _export(demo_db, tmp_path, monkeypatch)


def test_no_export_holds_a_formula_and_typed_text_keeps_its_quote_prefix(
    exports: dict[str, Path],
) -> None:
    for name, path in exports.items():
        with zipfile.ZipFile(path) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
            assert sheets, name
            for sheet in sheets:
                assert b"<f>" not in archive.read(sheet), f"{name}: a formula in {sheet}"
        book = openpyxl.load_workbook(path)
        texts = [c for ws in book.worksheets for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str)]  # fmt: skip
        assert texts and all(c.data_type == "s" and c.quotePrefix for c in texts), name
    assets = openpyxl.load_workbook(exports["assets"]).active
    names = {row[1] for row in assets.iter_rows(min_row=2, values_only=True)}
    assert set(FORMULAS) <= names  # the text itself is unchanged, so it imports back
    loans = openpyxl.load_workbook(exports["loans"]).active
    assert FORMULAS[0] in {row[7] for row in loans.iter_rows(min_row=3, values_only=True)}


def test_control_and_bidi_characters_in_stored_data_never_break_an_export(
    exports: dict[str, Path],
) -> None:
    assets = openpyxl.load_workbook(exports["assets"]).active
    names = [row[1] for row in assets.iter_rows(min_row=2, values_only=True)]
    assert "ชื่อ\ufffdมี\ufffdอักขระ\ufffdควบคุม\ufffdกลับด้าน" in names
    measures = openpyxl.load_workbook(exports["measures"])["มาตรการ"]
    plans = {row[5] for row in measures.iter_rows(min_row=2, values_only=True)}
    assert "ชื่อ\ufffdมี\ufffdอักขระ\ufffdควบคุม\ufffdกลับด้าน" in plans


def test_dates_are_real_be_dates_and_money_is_a_number(exports: dict[str, Path]) -> None:
    assets = openpyxl.load_workbook(exports["assets"]).active
    dated = [row[6] for row in assets.iter_rows(min_row=2) if row[6].value is not None]
    assert dated and all(isinstance(c.value, datetime) for c in dated)
    assert {c.number_format for c in dated} == {DATE_FORMAT}
    valued = [row[7] for row in assets.iter_rows(min_row=2) if row[7].value is not None]
    assert valued and all(isinstance(c.value, int | float) for c in valued)
    assert {c.number_format for c in valued} == {MONEY_FORMAT}
    loans = openpyxl.load_workbook(exports["loans"]).active
    lent = [row[6] for row in loans.iter_rows(min_row=3) if isinstance(row[0].value, int)]
    assert lent and all(isinstance(c.value, datetime) for c in lent)
    assert {c.number_format for c in lent} == {DATE_FORMAT}
    assert lent[0].value.year == 2023  # C.E. inside; the format shows 2566/2567


def test_every_sheet_is_frozen_sized_and_printed_a4_landscape_with_titles(
    exports: dict[str, Path],
) -> None:
    for name, path in exports.items():
        book = openpyxl.load_workbook(path)
        for ws in book.worksheets:
            where = f"{name}/{ws.title}"
            assert ws.freeze_panes is not None and ws.freeze_panes != "A1", where
            header_row = int(ws.freeze_panes[1:]) - 1
            assert ws.print_title_rows == f"$1:${header_row}", where
            assert ws.page_setup.orientation == "landscape", where
            assert str(ws.page_setup.paperSize) == "9", where  # A4
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where
            assert ws.column_dimensions["A"].width > 0 and ws.column_dimensions["B"].width > 0
    loans = openpyxl.load_workbook(exports["loans"]).active
    assert loans.freeze_panes == "A3"  # the title line and the header row stay in view
    assert str(loans["A1"].value).startswith("ทะเบียนคุมการยืมพัสดุ")
