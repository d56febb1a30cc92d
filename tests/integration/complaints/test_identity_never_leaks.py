"""Planted identities reach the letters to the complainant and nothing else: not the statistics
(PDF text, XLSX cells), not the audit payloads, not the logs, not the command line's output."""

from __future__ import annotations

import io
import logging
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from nongbon_ita.app import open_services
from nongbon_ita.cli import main
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models import AuditEventRow, ComplaintIdentityRow
from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome
from nongbon_ita.domain.complaints.records import HIDDEN, ComplaintIdentity, NewComplaint
from nongbon_ita.domain.errors import PermissionDenied
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.audit import check_chain
from nongbon_ita.services.registry import Services

PASSWORD = "nongbon-demo"
PLANTED = ComplaintIdentity(
    name="นายปลูกฝัง ลับสุดยอด", address="๙๙ หมู่ที่ ๗ บ้านซ่อนเร้น", phone="0899990001",
    email="secret.witness@example.com", id_number="1101700230708", accused="นายถูกร้อง ลับเฉพาะ",
)  # fmt: skip
SECRETS = [v for v in (PLANTED.name, PLANTED.address, PLANTED.phone, PLANTED.email,
                       PLANTED.id_number, PLANTED.accused, "ปลูกฝัง", "ถูกร้อง")]  # fmt: skip


def assert_clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into {where}"


@pytest.fixture
def office_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Services]]:
    path = tmp_path / "office.sqlite3"
    services = open_services(DatabaseLocation.for_file(path))
    services.setup.initialise(OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน",
                                            "โกสุมพิสัย", "มหาสารคาม"), "admin", "ผู้ดูแล",
                              PASSWORD)  # fmt: skip
    admin = services.auth.login("admin", PASSWORD)
    for name, role in (("staff", Role.STAFF), ("officer", Role.COMPLAINT_OFFICER)):
        services.users.create_user(admin, name, "ผู้ใช้", frozenset({role}), PASSWORD)
        # the first login's forced change (kept the same here: the CLI reads PASSWORD)
        services.auth.change_own_password(services.auth.login(name, PASSWORD), PASSWORD, PASSWORD)
    staff = services.auth.login("staff", PASSWORD)
    officer = services.auth.login("officer", PASSWORD)
    division = services.office.add_division(admin, "สำนักปลัด")
    flow = services.complaints.workflow
    now = datetime.now(UTC)
    for i, category in enumerate((Category.CORRUPTION, Category.GENERAL, Category.CORRUPTION)):
        c = services.complaints.intake.receive(staff, NewComplaint(
            now, Channel.WEBSITE, category, f"เรื่องทดสอบที่ {i}", "รายละเอียดไม่ระบุตัวบุคคล",
            identity=PLANTED))  # fmt: skip
        if i == 0:
            c = flow.accept(officer, c.id, c.version)
            c = flow.assign(officer, c.id, c.version, division.id, officer.id)
            c = flow.start_investigation(officer, c.id, c.version)
            flow.conclude(officer, c.id, c.version, Outcome.SUBSTANTIATED)
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    yield path, services
    services.ctx.database.dispose()


def test_who_sees_an_identity(office_db: tuple[Path, Services]) -> None:
    _path, services = office_db
    staff = services.auth.login("staff", PASSWORD)
    officer = services.auth.login("officer", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    queries = services.complaints.queries
    corruption, general = 1, 2
    for user in (staff, admin, officer):
        detail = queries.detail(user, corruption)
        assert detail.shown("name") == HIDDEN and detail.shown("accused") == HIDDEN
    for user in (staff, admin):
        with pytest.raises(PermissionDenied):
            queries.reveal_identity(user, corruption)
    with pytest.raises(PermissionDenied):
        queries.reveal_identity(admin, general)
    assert queries.reveal_identity(staff, general).shown("name") == PLANTED.name
    assert queries.reveal_identity(officer, corruption).identity == PLANTED
    with services.ctx.reading() as session:
        views = session.scalars(select(AuditEventRow.payload).where(
            AuditEventRow.action == "complaint.identity_viewed")).all()  # fmt: skip
    assert len(views) == 2
    assert '"fields":["name","address","phone","email","id_number","accused"]' in views[-1]


def test_identities_appear_nowhere_but_the_letters(
    office_db: tuple[Path, Services], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    path, services = office_db
    caplog.set_level(logging.DEBUG)
    year = services.complaints.queries.page(services.auth.login("staff", PASSWORD)).rows[0]
    fy, db = str(year.fiscal_year), ["--db", str(path)]
    outputs = {name: tmp_path / name for name in ("stats.pdf", "half.pdf", "stats.xlsx",
                                                    "receipt.pdf", "outcome.pdf")}  # fmt: skip
    assert main([*db, "print", "complaint-stats", "--year", fy, "--out",
                 str(outputs["stats.pdf"])]) == 0  # fmt: skip
    half = "1" if year.received_on.month in (10, 11, 12, 1, 2, 3) else "2"
    assert main([*db, "print", "complaint-stats", "--year", fy, "--half", half, "--out",
                 str(outputs["half.pdf"])]) == 0  # fmt: skip
    assert main([*db, "export", "complaint-stats", "--year", fy, "--out",
                 str(outputs["stats.xlsx"])]) == 0  # fmt: skip
    for kind in ("receipt", "outcome"):
        assert main([*db, "print", f"complaint-{kind}", "--complaint", f"1/{fy}", "--user",
                     "officer", "--out", str(outputs[f"{kind}.pdf"])]) == 0  # fmt: skip
    assert main([*db, "print", "complaint-receipt", "--complaint", f"1/{fy}", "--user", "staff",
                 "--out", str(tmp_path / "refused.pdf")]) == 2  # fmt: skip
    assert main([*db, "complaints", "purge-identities", "--older-than-years", "1", "--user",
                 "officer"]) == 0  # fmt: skip
    captured = capsys.readouterr()
    assert_clean(captured.out + captured.err, "the command line's output")
    for name in ("stats.pdf", "half.pdf"):
        text = subprocess.run(["pdftotext", "-raw", str(outputs[name]), "-"], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip
        assert "สถิติเรื่องร้องเรียน" in text and "๓" in text
        assert_clean(text, name)
    book = load_workbook(io.BytesIO(outputs["stats.xlsx"].read_bytes()))
    cells = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows()
                     for c in row if c.value is not None)  # fmt: skip
    assert "รับเรื่อง" in cells
    assert_clean(cells, "the XLSX")
    receipt = subprocess.run(["pdftotext", "-raw", str(outputs["receipt.pdf"]), "-"],
                             check=True, capture_output=True, text=True).stdout  # fmt: skip
    assert PLANTED.name in receipt  # the one place an identity is printed
    assert "พิมพ์เมื่อ" not in receipt  # a letter to a citizen: no internal "printed at" line
    with services.ctx.reading() as session:
        payloads = " ".join(e.payload for e in session.scalars(select(AuditEventRow)))
        assert_clean(payloads, "the audit payloads")
        assert "complaint.receipt_printed" in {e.action for e in session.scalars(
            select(AuditEventRow))}  # fmt: skip
        assert check_chain(session).ok
    assert_clean("\n".join(r.getMessage() for r in caplog.records), "the logs")


def test_purging_blanks_identities_and_keeps_the_chain(office_db: tuple[Path, Services]) -> None:
    path, services = office_db
    officer = services.auth.login("officer", PASSWORD)
    assert services.complaints.purge.purge_identities(officer, 1) == 0  # all are recent
    from datetime import timedelta

    services.ctx.clock = lambda: datetime.now(UTC) + timedelta(days=800)
    assert services.complaints.purge.purge_identities(officer, 2) == 3
    with services.ctx.reading() as session:
        for row in session.scalars(select(ComplaintIdentityRow)):
            assert (row.name, row.phone, row.accused, row.id_number) == ("", "", "", "")
            assert row.purged_at is not None
        assert check_chain(session).ok
    detail = services.complaints.queries.reveal_identity(officer, 1)
    assert detail.identity == ComplaintIdentity() and detail.identity_purged
    # gone from the disk too: not in SQLite's free space, not in an old page left in the WAL
    for kept in (path, path.with_name(path.name + "-wal")):
        if kept.exists():
            raw = kept.read_bytes()
            for secret in SECRETS:
                assert secret.encode() not in raw, f"{secret!r} still on disk in {kept.name}"


def test_purging_with_attachments_removes_them_everywhere(
    office_db: tuple[Path, Services], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import timedelta

    from nongbon_ita.db.models import ComplaintActionRow, ComplaintAttachmentRow
    from nongbon_ita.domain.complaints.workflow import ActionKind

    path, services = office_db
    officer = services.auth.login("officer", PASSWORD)
    letter = tmp_path / f"หนังสือร้องเรียนของ{PLANTED.name}.pdf"
    letter.write_bytes(f"%PDF-1.4 ลงชื่อ {PLANTED.name}".encode())
    services.complaints.attachments.add(officer, 1, [letter])
    kept = list(path.with_name(path.name + ".files").rglob("*.pdf"))
    assert len(kept) == 1
    assert services.complaints.purge.purge(officer, 2).attachments == 0  # nothing is old yet
    services.ctx.clock = lambda: datetime.now(UTC) + timedelta(days=800)
    done = services.complaints.purge.purge(officer, 2, with_attachments=True)
    assert (done.identities, done.attachments) == (3, 1)
    assert not kept[0].exists()
    with services.ctx.reading() as session:
        assert session.scalars(select(ComplaintAttachmentRow)).all() == []
        kinds = set(session.scalars(select(ComplaintActionRow.kind)
                                    .where(ComplaintActionRow.complaint_id == 1)))  # fmt: skip
        assert ActionKind.ATTACHMENTS_REMOVED.value in kinds
        assert check_chain(session).ok
    for raw_file in (path, path.with_name(path.name + "-wal")):
        if raw_file.exists():
            assert "ปลูกฝัง".encode() not in raw_file.read_bytes()  # nor the file's name
    services.ctx.database.dispose()
    capsys.readouterr()
    assert main(["--db", str(path), "--lang", "en", "complaints", "purge-identities",
                 "--older-than-years", "1", "--with-attachments", "--user", "officer"]) == 0  # fmt: skip
    assert "Attachments removed: 0 files." in capsys.readouterr().out
    assert main(["--db", str(path), "check"]) == 0  # no kept file left dangling
