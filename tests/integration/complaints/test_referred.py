"""Referred complaints end to end on the demo database: intake with the referring body's
reference, finding it by that reference, the outcome letter addressed to the referring body and
quoting the reference, the statistics by channel, a Traffy Fondue export imported twice, and the
holiday list on the command line."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from nongbon_ita.app import open_services
from nongbon_ita.cli import main
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models import AuditEventRow, ComplaintRow
from nongbon_ita.domain.calendar import fiscal_year
from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint, Referral
from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.services.registry import Services

PASSWORD = "nongbon-demo"
REFERENCE = "มค 0017.3/4321"
REPORT_TO = "ผู้อำนวยการศูนย์ดำรงธรรมจังหวัดมหาสารคาม"
COMPLAINANT = "นายส่งต่อ ผ่านศูนย์"
SHOTS = Path("/tmp/complaints-shots")


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip


def _open(db: Path) -> Services:
    return open_services(DatabaseLocation.for_file(db))


def _count(db: Path, channel: str) -> int:
    services = _open(db)
    with services.ctx.reading() as session:
        n = session.scalar(select(func.count(ComplaintRow.id))
                           .where(ComplaintRow.channel == channel))  # fmt: skip
    services.ctx.database.dispose()
    return int(n or 0)


def test_a_referred_complaint_from_intake_to_the_letter_quoting_its_reference(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    services = _open(demo_db)
    staff = services.auth.login("staff", PASSWORD)
    officer = services.auth.login("complaint_officer", PASSWORD)
    now = services.ctx.now() - timedelta(hours=1)
    today = services.complaints.queries.today()
    referral = Referral(REFERENCE, today - timedelta(days=3), today + timedelta(days=20),
                        REPORT_TO)  # fmt: skip
    new = NewComplaint(now, Channel.DAMRONGDHAMMA, Category.GENERAL, "ไฟฟ้าส่องสว่างดับทั้งซอย",
                       identity=ComplaintIdentity(name=COMPLAINANT), referral=referral)  # fmt: skip
    c = services.complaints.intake.receive(staff, new)
    assert (c.reference, c.referral_due_on, c.channel_name) == (
        REFERENCE,
        today + timedelta(days=20),
        "ศูนย์ดำรงธรรม",
    )
    with pytest.raises(ValidationError) as twice:  # the same reference registers once
        services.complaints.intake.receive(staff, new)
    assert twice.value.field == "reference"
    with pytest.raises(ValidationError) as bare:  # a referred channel needs its reference
        services.complaints.intake.receive(staff, NewComplaint(
            now, Channel.NACC, Category.CORRUPTION, "เรื่องที่ ป.ป.ช. ส่งมา"))  # fmt: skip
    assert bare.value.field == "reference"
    found = services.complaints.queries.find_by_reference(officer, "0017.3/4321")
    assert [f.id for f in found] == [c.id]
    from nongbon_ita.services.complaints.queries import ComplaintFilter

    assert c.id in {
        r.id
        for r in services.complaints.queries.page(staff, ComplaintFilter(text="0017.3/4321")).rows
    }  # the search box finds it too
    detail = services.complaints.queries.detail(officer, c.id)
    assert detail.referral == referral
    flow = services.complaints.workflow
    division = services.office.divisions()[0].id
    for step in (lambda v: flow.accept(officer, c.id, v),
                 lambda v: flow.assign(officer, c.id, v, division, officer.id),
                 lambda v: flow.start_investigation(officer, c.id, v),
                 lambda v: flow.conclude(officer, c.id, v, Outcome.SUBSTANTIATED, "",
                                         "ซ่อมไฟฟ้าส่องสว่างแล้วเสร็จ")):  # fmt: skip
        step(None)
    with services.ctx.reading() as session:
        payloads = " ".join(str(r.payload) for r in session.scalars(select(AuditEventRow)))
    services.ctx.database.dispose()
    assert COMPLAINANT not in payloads
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    db = ["--db", str(demo_db)]
    assert main([*db, "complaints", "find", "--reference", "4321", "--user",
                 "complaint_officer"]) == 0  # fmt: skip
    line = capsys.readouterr().out.strip()
    register = f"{c.number}/{c.fiscal_year}"
    assert line.startswith(register) and REFERENCE in line and COMPLAINANT not in line
    out = tmp_path / "outcome.pdf"
    assert main([*db, "print", "complaint-outcome", "--complaint", register, "--out", str(out),
                 "--user", "complaint_officer"]) == 0  # fmt: skip
    text = " ".join(_text(out).split())
    assert f"เรียน {REPORT_TO}" in text
    assert f"อ้างถึง เรื่องร้องเรียนผ่านศูนย์ดำรงธรรม เลขที่ {REFERENCE}" in text
    assert COMPLAINANT not in text  # the referring body is answered, not the complainant
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out),
                    str(SHOTS / "referred-outcome")], check=True)  # fmt: skip


TRAFFY = """ticket_id,type,organization,comment,photo,photo_after,coords,address,subdistrict,district,province,timestamp,state,star,count_reopen,last_activity
2026-KX7P2Q,"{ถนน,น้ำท่วม}",อบต.หนองบอน,ถนนหน้าโรงเรียนเป็นหลุมลึก น้ำขังทุกครั้งที่ฝนตก,,,"103.1,16.2",หมู่ 3 บ้านหนองบอน,หนองบอน,โกสุมพิสัย,มหาสารคาม,2026-11-02 08:14:55.1+07,รอรับเรื่อง,,0,2026-11-02 08:14:55.1+07
2026-QW3E4R,{ไฟฟ้า},อบต.หนองบอน,ไฟกิ่งดับสามต้นติดกัน,,,"103.1,16.2",หมู่ 5,หนองบอน,โกสุมพิสัย,มหาสารคาม,2026-11-05 19:02:10.4+07,กำลังดำเนินการ,,0,2026-11-06 09:00:00+07
2026-ZX9C8V,{ความสะอาด},อบต.หนองบอน,ขยะไม่ได้เก็บสองสัปดาห์,,,"103.1,16.2",หมู่ 1,หนองบอน,โกสุมพิสัย,มหาสารคาม,2026-11-20 07:45:00+07,รอรับเรื่อง,,0,2026-11-20 07:45:00+07
"""


def test_a_traffy_export_imported_twice_adds_each_ticket_once(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    db = ["--db", str(demo_db)]
    export = tmp_path / "traffy.csv"
    export.write_text(TRAFFY, encoding="utf-8-sig")
    before = _count(demo_db, "traffy")
    command = [*db, "complaints", "import", str(export), "--channel", "traffy", "--user",
               "complaint_officer"]  # fmt: skip
    assert main(command) == 0
    assert "3" in capsys.readouterr().out
    assert _count(demo_db, "traffy") == before + 3
    assert main(command) == 0  # again: nothing new
    again = capsys.readouterr().out
    assert "0" in again and "3" in again
    assert _count(demo_db, "traffy") == before + 3
    services = _open(demo_db)
    officer = services.auth.login("complaint_officer", PASSWORD)
    [ticket] = services.complaints.queries.find_by_reference(officer, "2026-KX7P2Q")
    detail = services.complaints.queries.detail(officer, ticket.id)
    services.ctx.database.dispose()
    assert ticket.subject.startswith("ถนน, น้ำท่วม: ถนนหน้าโรงเรียน")
    assert detail.place == "หมู่ 3 บ้านหนองบอน" and ticket.anonymous
    assert (ticket.received_on.isoformat(), ticket.channel_name) == ("2026-11-02", "Traffy Fondue")
    # the statistics count the channel by its name (PDF and XLSX)
    xlsx = tmp_path / "o29.xlsx"
    year = str(fiscal_year(ticket.received_on))
    assert main([*db, "export", "complaint-stats", "--year", year, "--out", str(xlsx)]) == 0
    sheet = load_workbook(xlsx)["ช่องทาง"]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True)}
    assert rows["Traffy Fondue"][3] >= 3 and "สำนักงาน ป.ป.ท." in rows
    pdf = tmp_path / "o29.pdf"
    assert main([*db, "print", "complaint-stats", "--year", year, "--out", str(pdf)]) == 0
    assert "Traffy Fondue" in _text(pdf)


def test_an_export_with_a_bad_row_imports_nothing(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    book = Workbook()
    sheet = book.active
    sheet.append(["เลขที่เรื่อง", "วันที่รับเรื่อง", "เรื่อง", "รายละเอียด", "ช่องที่ไม่ใช้"])
    sheet.append(["1111-000101", "02/11/2569 09:30", "ขอให้ซ่อมถนน", "ถนนชำรุด", "x"])
    sheet.append(["1111-000102", "ไม่ทราบวัน", "ไฟดับ", "ไฟกิ่งดับ", "x"])
    sheet.append(["1111-000101", "03/11/2569", "ซ้ำ", "ซ้ำ", "x"])
    path = tmp_path / "1111.xlsx"
    book.save(path)
    before = _count(demo_db, "1111")
    command = ["--db", str(demo_db), "complaints", "import", str(path), "--channel", "1111",
               "--user", "complaint_officer"]  # fmt: skip
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "3" in err and "วันที่รับเรื่อง" in err  # row 3's date, row 4's repeated reference
    assert _count(demo_db, "1111") == before
    sheet.delete_rows(3, 2)
    book.save(path)
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "ช่องที่ไม่ใช้" in out  # the column it left out is named
    assert _count(demo_db, "1111") == before + 1
    assert main([*command[:6], "--channel", "walk_in", "--user", "complaint_officer"]) == 2


def test_the_holiday_list_says_where_each_day_came_from(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    services = _open(demo_db)
    officer = services.auth.login("complaint_officer", PASSWORD)
    from datetime import date

    services.complaints.settings.add_holiday(officer, date(2026, 6, 5), "วันหยุดท้องถิ่นหนองบอน")
    services.complaints.settings.remove_holiday(officer, date(2026, 12, 31))
    services.ctx.database.dispose()
    assert main(["--db", str(demo_db), "complaints", "holidays", "--year", "2569"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "02/01/2569\tวันหยุดพิเศษ (เพิ่มเติม)\tholidays" in lines
    assert "13/05/2569\tวันพืชมงคล\tholidays" in lines
    assert "05/06/2569\tวันหยุดท้องถิ่นหนองบอน\toffice" in lines
    assert not any(line.startswith("31/12/2569") for line in lines)  # the office works
    assert not any(line.startswith("01/05/2569") for line in lines)  # Labour Day
    assert main(["--db", str(demo_db), "complaints", "holidays", "--year", "2570"]) == 0
    assert any(line.startswith("21/02/2570\tวันมาฆบูชา") for line in capsys.readouterr().out
               .splitlines())  # fmt: skip
    assert main(["--db", str(demo_db), "complaints", "holidays", "--year", "69"]) == 2
