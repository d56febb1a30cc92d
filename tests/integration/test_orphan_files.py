"""Issue 13, findings 5 and 6 and reset-admin: a kill between a file write and its commit leaves
a file `check` names (never by its name) and `check --repair` removes; the purge removes files
whatever happened before; the timeline hides an attachment's name from those who may not see it;
the recovery code is not read from argv and works once."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nongbon_ita.app import open_services
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint
from nongbon_ita.domain.complaints.workflow import ActionKind
from tests.integration.safety_helpers import run

SECRET = "หนังสือของนายปกปิด ชื่อจริง.pdf"


@pytest.fixture
def admin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import PASSWORD

    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)


def receive_with_letter(db: Path, tmp_path: Path, when: datetime | None = None) -> int:
    from tests.conftest import PASSWORD

    letter = tmp_path / SECRET
    letter.write_bytes(b"%PDF-1.4 " + os.urandom(8))
    services = open_services(DatabaseLocation.for_file(db), must_exist=True)
    try:
        if when is not None:
            services.ctx.clock = lambda: when
        officer = services.auth.login("complaint_officer", PASSWORD)
        summary = services.complaints.intake.receive(officer, NewComplaint(
            when or datetime.now(UTC), Channel.LETTER, Category.CORRUPTION, "เรื่องทดสอบ",
            "รายละเอียด", identity=ComplaintIdentity(name="นายปกปิด ชื่อจริง")), [letter])  # fmt: skip
        return summary.id
    finally:
        services.ctx.database.dispose()


def age(path: Path, hours: float = 2) -> None:
    past = time.time() - hours * 3600
    os.utime(path, (past, past))


def test_a_file_left_by_a_killed_intake_is_named_and_repaired(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], admin_env: None
) -> None:
    # the copy happened, the commit never came (the process was killed in between)
    leftover = demo_db.with_name(demo_db.name + ".files") / "complaints" / "2567" / "99" / (
        "0123456789ab-" + SECRET.replace(" ", "_"))  # fmt: skip
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"%PDF letter")
    age(leftover)
    code, out = run(capsys, "--db", str(demo_db), "check")
    assert code == 1 and "no record" in out and "ปกปิด" not in out
    code, out = run(capsys, "--db", str(demo_db), "check", "--repair")
    assert code == 2 and "--user" in out and leftover.exists()
    code, out = run(capsys, "--db", str(demo_db), "check", "--repair", "--user", "admin")
    assert not leftover.exists()
    code, out = run(capsys, "--db", str(demo_db), "check")
    assert code == 0, out


def test_the_purge_removes_files_a_killed_purge_left_behind(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import PASSWORD

    complaint = receive_with_letter(demo_db, tmp_path, datetime(2012, 5, 1, 3, 0, tzinfo=UTC))
    files = demo_db.with_name(demo_db.name + ".files") / "complaints"
    (letter,) = [p for p in files.rglob("*") if p.is_file() and "ปกปิด" in p.name]
    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    try:
        officer = services.auth.login("complaint_officer", PASSWORD)
        with monkeypatch.context() as patched:  # killed after the commit, before the unlink
            patched.setattr(Path, "unlink", lambda self, missing_ok=False: None)
            services.complaints.purge.purge(officer, 10, with_attachments=True)
        assert letter.exists()
        age(letter)
        services.complaints.purge.purge(officer, 10, with_attachments=True)
        assert not letter.exists()
        assert complaint
    finally:
        services.ctx.database.dispose()


def test_the_timeline_hides_an_attachments_name_from_admin_and_staff(
    demo_db: Path, tmp_path: Path
) -> None:
    from tests.conftest import PASSWORD

    complaint = receive_with_letter(demo_db, tmp_path)
    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    try:
        for name, sees in (("admin", False), ("staff", False), ("complaint_officer", True)):
            user = services.auth.login(name, PASSWORD)
            detail = services.complaints.queries.detail(user, complaint)
            notes = [e.note for e in detail.timeline if e.kind is ActionKind.ATTACHMENT]
            assert notes and all((SECRET in n) is sees for n in notes), name
    finally:
        services.ctx.database.dispose()


def test_reset_admin_reads_the_code_from_the_environment_and_it_works_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    admin_env: None,
) -> None:  # fmt: skip
    db = tmp_path / "r.sqlite3"
    code, out = run(capsys, "--db", str(db), "init", "--office-name", "อบต.ทดสอบ",
                    "--district", "ก", "--province", "ข", "--admin", "boss")  # fmt: skip
    recovery = out.strip().split()[-1]
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "brand-new-pass")
    code, out = run(capsys, "--db", str(db), "reset-admin", "--recovery-code", recovery)
    assert code == 2 and "NONGBON_ITA_RECOVERY_CODE" in out
    monkeypatch.setenv("NONGBON_ITA_RECOVERY_CODE", recovery)
    code, out = run(capsys, "--db", str(db), "reset-admin")
    assert code == 0, out
    fresh = out.strip().split()[-1]
    assert fresh != recovery  # a new code replaces the used one
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "another-new-pass")
    code, out = run(capsys, "--db", str(db), "reset-admin")
    assert code == 2 and "recovery code is wrong" in out
    monkeypatch.setenv("NONGBON_ITA_RECOVERY_CODE", fresh)
    assert run(capsys, "--db", str(db), "reset-admin")[0] == 0
