"""`check` verifies every kept file (ITA evidence, complaint attachments) against its SHA-256:
a changed or deleted file fails the check and is named — an attachment only by its complaint's
register number, never by its file name (which may name the complainant)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nongbon_ita.app import open_services
from nongbon_ita.cli import main
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint
from nongbon_ita.domain.kept_files import FileProblem, KeptKind
from nongbon_ita.services.kept_files import check_kept_files
from tests.conftest import PASSWORD

SECRET_FILE = "หนังสือร้องเรียนของนายปกปิด ชื่อจริง.pdf"


def check(db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(db), "--lang", "en", "check"])
    return code, capsys.readouterr().out


def attach_a_letter(db: Path, tmp_path: Path) -> str:
    """A corruption complaint with the complainant's letter attached; returns its number."""
    letter = tmp_path / SECRET_FILE
    letter.write_bytes(b"%PDF-1.4 letter of complaint")
    services = open_services(DatabaseLocation.for_file(db), must_exist=True)
    try:
        officer = services.auth.login("complaint_officer", PASSWORD)
        summary = services.complaints.intake.receive(officer, NewComplaint(
            datetime.now(UTC), Channel.LETTER, Category.CORRUPTION, "เรื่องทดสอบไฟล์แนบ",
            "รายละเอียด", identity=ComplaintIdentity(name="นายปกปิด ชื่อจริง")), [letter])  # fmt: skip
        return f"{summary.number}/{summary.fiscal_year}"
    finally:
        services.ctx.database.dispose()


def test_every_kept_file_is_checked(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = attach_a_letter(demo_db, tmp_path)
    with closing(sqlite3.connect(demo_db)) as connection:
        evidence = connection.execute(
            "SELECT COUNT(*) FROM ita_evidence WHERE kind = 'file'").fetchone()[0]  # fmt: skip
    assert evidence > 0  # the demo keeps evidence files
    code, out = check(demo_db, capsys)
    assert code == 0, out
    assert f"Kept files OK: {evidence + 1} evidence files and attachments unchanged." in out
    assert number


def test_a_changed_or_missing_file_fails_the_check_and_is_named(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = attach_a_letter(demo_db, tmp_path)
    files = demo_db.with_name(demo_db.name + ".files")
    with closing(sqlite3.connect(demo_db)) as connection:
        name, stored = connection.execute(
            "SELECT file_name, stored_path FROM ita_evidence WHERE kind = 'file' ORDER BY id"
        ).fetchone()
        (attached,) = connection.execute("SELECT stored_path FROM complaint_attachment").fetchone()
    (files / "evidence" / stored).write_text("แก้ไขภายหลัง", encoding="utf-8")
    (files / "complaints" / attached).unlink()
    code, out = check(demo_db, capsys)
    assert code == 1
    assert f"Evidence file {name}: changed after it was added." in out
    assert f"of complaint {number}: missing from the data folder." in out
    assert "ปกปิด" not in out and "Kept files OK" not in out

    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    try:
        found = check_kept_files(services.ctx)
    finally:
        services.ctx.database.dispose()
    assert [(i.kind, i.problem) for i in found.issues] == [
        (KeptKind.EVIDENCE, FileProblem.CHANGED),
        (KeptKind.ATTACHMENT, FileProblem.MISSING),
    ]


def test_the_check_speaks_thai_too(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with closing(sqlite3.connect(demo_db)) as connection:
        (stored,) = connection.execute(
            "SELECT stored_path FROM ita_evidence WHERE kind = 'file' ORDER BY id").fetchone()  # fmt: skip
    (demo_db.with_name(demo_db.name + ".files") / "evidence" / stored).unlink()
    capsys.readouterr()
    assert main(["--db", str(demo_db), "check"]) == 1
    out = capsys.readouterr().out
    assert "ไฟล์หลักฐาน" in out and "ไม่พบในโฟลเดอร์ข้อมูล" in out


def test_a_changed_oit_file_fails_the_check_and_is_named_by_its_item(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    chart = tmp_path / "แผนผังโครงสร้าง อบต.หนองบอน.pdf"
    chart.write_bytes(b"%PDF-1.4 organisation chart")
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    assert main(["--db", str(demo_db), "--lang", "en", "oit", "set", "--year", "2569",
                 "--item", "O1", "--add-file", str(chart), "--user", "ita_coordinator"]) == 0  # fmt: skip
    before, out = check(demo_db, capsys)
    assert before == 0, out
    with closing(sqlite3.connect(demo_db)) as connection:
        (stored,) = connection.execute(
            "SELECT files FROM ita_oit_evidence WHERE files <> ''").fetchone()  # fmt: skip
    kept = demo_db.with_name(demo_db.name + ".files") / "evidence" / stored
    kept.write_bytes(b"%PDF-1.4 a different chart")
    code, out = check(demo_db, capsys)
    assert code == 1
    assert f"Evidence file O1 2569: {chart.name}: changed after it was added." in out
    kept.unlink()
    code, out = check(demo_db, capsys)
    assert code == 1
    assert f"Evidence file O1 2569: {chart.name}: missing from the data folder." in out
