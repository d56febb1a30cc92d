"""The complaint commands on the demo database: statistics, letters, purge."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from nongbon_ita.app import open_services
from nongbon_ita.cli import main
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models import ComplaintRow


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


def test_demo_complaints_cover_every_channel_category_and_outcome(demo_db: Path) -> None:
    services = open_services(DatabaseLocation.for_file(demo_db))
    with services.ctx.reading() as session:
        rows = session.execute(select(ComplaintRow.channel, ComplaintRow.category,
                                      ComplaintRow.outcome, ComplaintRow.fiscal_year,
                                      ComplaintRow.status)).all()  # fmt: skip
    services.ctx.database.dispose()
    assert 130 <= len(rows) <= 170
    from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome, Status

    assert {r[0] for r in rows} == {c.value for c in Channel}
    assert {r[1] for r in rows} == {c.value for c in Category}
    assert {r[2] for r in rows} >= {o.value for o in Outcome}
    assert {r[3] for r in rows} >= {2566, 2567, 2568, 2569}
    assert {r[4] for r in rows} == {s.value for s in Status}


def test_statistics_and_letters_from_the_command_line(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "nongbon-demo")
    db = ["--db", str(demo_db)]
    out = tmp_path / "o29.pdf"
    assert main([*db, "print", "complaint-stats", "--year", "2568", "--out", str(out)]) == 0
    text = _text(out)
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" in text and "จำแนกตามช่องทาง" in text
    assert main([*db, "print", "complaint-stats", "--year", "2568", "--half", "1",
                 "--out", str(out)]) == 0  # fmt: skip
    assert "รอบ ๖ เดือนแรก (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘)" in _text(out)
    xlsx = tmp_path / "o29.xlsx"
    assert main([*db, "export", "complaint-stats", "--year", "2568", "--out", str(xlsx)]) == 0
    assert xlsx.read_bytes()[:2] == b"PK"
    services = open_services(DatabaseLocation.for_file(demo_db))
    with services.ctx.reading() as session:
        number = session.scalar(select(ComplaintRow.register_text).where(
            ComplaintRow.anonymous.is_(False), ComplaintRow.status == "closed",
            ComplaintRow.fiscal_year == 2568).limit(1))  # fmt: skip
    services.ctx.database.dispose()
    letter = tmp_path / "outcome.pdf"
    assert main([*db, "print", "complaint-outcome", "--complaint", number, "--user",
                 "complaint_officer", "--letter-number", "123", "--out", str(letter)]) == 0  # fmt: skip
    text = _text(letter)
    assert "แจ้งผลการพิจารณาเรื่องร้องเรียน" in text and "ที่ มค ๘๑๑๐๑/๑๒๓" in text
    assert "ขอแสดงความนับถือ" in text
    assert main([*db, "print", "complaint-receipt", "--complaint", "9999/2568", "--user",
                 "complaint_officer", "--out", str(letter)]) == 2  # fmt: skip
    assert main([*db, "print", "complaint-receipt", "--complaint", "abc", "--user",
                 "complaint_officer", "--out", str(letter)]) == 2  # fmt: skip
    assert main([*db, "complaints", "purge-identities", "--older-than-years", "3", "--user",
                 "admin"]) == 0  # fmt: skip
    assert main([*db, "check"]) == 0
    capsys.readouterr()
