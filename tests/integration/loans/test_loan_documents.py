"""The loan CLI commands on the demo database: form, register (PDF, XLSX), memo; refusals."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from nongbon_ita.cli import main


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")))


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "nongbon-demo")


def test_loan_form_register_and_memo(demo_db: Path, tmp_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(demo_db) as conn:
        overdue = conn.execute(
            "SELECT number || '/' || fiscal_year FROM loan WHERE status = 'handed_out' "
            "AND due_date < date('now', '-3 days') ORDER BY id DESC LIMIT 1").fetchone()[0]  # fmt: skip
    db = ["--db", str(demo_db)]
    form, memo = tmp_path / "form.pdf", tmp_path / "memo.pdf"
    assert main([*db, "print", "loan-form", "--loan", "1/2567", "--out", str(form),
                 "--user", "supply_officer"]) == 0  # fmt: skip
    text = _text(form)
    assert "ใบยืมพัสดุ" in text and "เลขที่ ๑/๒๕๖๗" in text and "ผู้อนุมัติ" in text
    assert "นายวีระ พัสดุดี" in text  # the supply officer named from the office's officials
    assert main([*db, "print", "overdue-memo", "--loan", overdue, "--out", str(memo),
                 "--user", "supply_officer"]) == 0  # fmt: skip
    memo_text = _text(memo)
    for words in ("บันทึกข้อความ", "ส่วนราชการ", "ติดตามทวงพัสดุที่ยืม", "จึงเรียนมาเพื่อโปรดดำเนินการ"):
        assert words in memo_text
    register = tmp_path / "register.pdf"
    assert main([*db, "print", "loan-register", "--year", "2567", "--from-month", "10",
                 "--to-month", "12", "--out", str(register), "--user", "finance_reviewer"]) == 0  # fmt: skip
    reg_text = _text(register)
    assert "ทะเบียนคุมการยืมพัสดุ" in reg_text and "ผลการตรวจสอบของกองคลัง" in reg_text
    assert "ระหว่างวันที่ ๑ ตุลาคม ๒๕๖๖ ถึงวันที่ ๓๑ ธันวาคม ๒๕๖๖" in reg_text
    xlsx = tmp_path / "register.xlsx"
    assert main([*db, "export", "loan-register", "--year", "๒๕๖๗", "--out", str(xlsx),
                 "--user", "finance_reviewer"]) == 0  # fmt: skip
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert sheet is not None and sheet.max_row > 100


def test_refusals_exit_2(demo_db: Path, tmp_path: Path) -> None:
    db = ["--db", str(demo_db)]
    out = str(tmp_path / "x.pdf")
    assert (
        main([*db, "print", "loan-form", "--loan", "1/2567", "--out", out, "--user", "staff"]) == 2
    )
    assert main([*db, "print", "loan-form", "--loan", "12-2567", "--out", out,
                 "--user", "supply_officer"]) == 2  # fmt: skip
    assert main([*db, "print", "loan-register", "--year", "2567", "--from-month", "13",
                 "--out", out, "--user", "supply_officer"]) == 2  # fmt: skip
