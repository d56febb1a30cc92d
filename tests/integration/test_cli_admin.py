"""The command line as people script it: exit codes, one-line messages, no tracebacks."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from nongbon_ita.cli import main
from tests.conftest import PASSWORD


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str]:
    code = main(list(words))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "office.sqlite3"
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    code, out = run(capsys, "--db", str(path), "init", "--office-name", "องค์การบริหารส่วนตำบลหนองบอน",
                    "--district", "อำเภอโกสุมพิสัย", "--province", "มหาสารคาม", "--admin", "boss")  # fmt: skip
    assert code == 0, out
    return path


def test_init_prints_a_recovery_code_and_refuses_to_overwrite(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "--db", str(db), "init", "--office-name", "x", "--district", "y",
                    "--province", "z", "--admin", "boss")  # fmt: skip
    assert code == 2 and "มีอยู่แล้ว" in out


def test_users_add_with_roles_and_its_refusals(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "first-pass-1")
    code, out = run(capsys, "users", "add", "somchai", "--full-name", "นายสมชาย", "--roles",
                    "staff,approver", "--user", "boss", "--db", str(db))  # fmt: skip
    assert code == 0, out
    code, out = run(capsys, "--db", str(db), "--lang", "en", "users", "add", "x2", "--full-name", "X",
                    "--roles", "wizard", "--user", "boss")  # fmt: skip
    assert code == 2 and "Unknown role: wizard" in out
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "first-pass-1")  # somchai acts now
    code, out = run(capsys, "--db", str(db), "users", "add", "x3", "--full-name", "X",
                    "--roles", "staff", "--user", "somchai")  # fmt: skip
    assert code == 2 and "passwd --user somchai" in out  # the temporary password first
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "somchai-own-1")
    assert run(capsys, "--db", str(db), "passwd", "--user", "somchai")[0] == 0
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "somchai-own-1")
    code, out = run(capsys, "--db", str(db), "--lang", "en", "users", "add", "x3", "--full-name", "X",
                    "--roles", "staff", "--user", "somchai")  # fmt: skip
    assert code == 2 and "not allowed" in out


def test_failed_cli_logins_count_toward_the_lockout(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "wrong-password")
    for _ in range(5):
        code, out = run(capsys, "--db", str(db), "--lang", "en", "users", "add", "a1", "--full-name",
                        "A", "--roles", "staff", "--user", "boss")  # fmt: skip
        assert code == 2 and "Wrong user name or password" in out
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    code, out = run(capsys, "--db", str(db), "--lang", "en", "users", "add", "a1", "--full-name", "A",
                    "--roles", "staff", "--user", "boss")  # fmt: skip
    assert code == 2 and "locked" in out


def test_check_names_the_first_broken_event_after_tampering(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "--db", str(db), "--lang", "en", "check")
    assert code == 0 and "intact" in out
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_event SET actor = 'mallory' WHERE seq = 1")
    code, out = run(capsys, "--db", str(db), "--lang", "en", "check")
    assert code == 1 and "event 1" in out


def test_check_catches_a_deleted_last_event(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(db) as conn:
        last = conn.execute("SELECT max(seq) FROM audit_event").fetchone()[0]
        conn.execute("DELETE FROM audit_event WHERE seq = ?", (last,))
    code, out = run(capsys, "--db", str(db), "--lang", "en", "check")
    assert code == 1 and f"event {last}" in out


def test_backup_and_restore_keep_the_old_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.sqlite3"
    code, out = run(capsys, "--db", str(db), "backup", "--out", str(copy), "--user", "boss")
    assert code == 0, out
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM app_user").fetchone()[0] == 1
    code, out = run(capsys, "--db", str(db), "restore", str(copy), "--user", "boss")
    assert code == 0, out
    assert list(tmp_path.glob("office.sqlite3.before-restore-*.bak"))
    assert run(capsys, "--db", str(db), "check")[0] == 0
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    code, out = run(capsys, "--db", str(db), "--lang", "en", "restore", str(junk), "--user", "boss")
    assert code == 2 and "not a nongbon-ita database" in out


def test_reset_admin_with_the_recovery_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.sqlite3"
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    code, out = run(capsys, "--db", str(path), "--lang", "en", "init", "--office-name", "อบต.ทดสอบ",
                    "--district", "ก", "--province", "ข", "--admin", "boss")  # fmt: skip
    recovery = out.strip().split()[-1]
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "brand-new-pass")
    monkeypatch.setenv("NONGBON_ITA_RECOVERY_CODE", "AAAA-BBBB")
    code, out = run(capsys, "--db", str(path), "--lang", "en", "reset-admin")
    assert code == 2 and "recovery code is wrong" in out
    monkeypatch.setenv("NONGBON_ITA_RECOVERY_CODE", recovery.lower())
    code, out = run(capsys, "--db", str(path), "reset-admin")
    assert code == 0, out
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "brand-new-pass")
    code, out = run(
        capsys, "--db", str(path), "backup", "--out", str(tmp_path / "b.sqlite3"), "--user", "boss"
    )
    assert code == 0, out


@pytest.mark.parametrize(
    "words",
    [
        ["check"],  # a missing database
        ["print", "o43", "--year", "25x7", "--out", "x.pdf"],
        ["frobnicate"],
        ["users"],
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: list[str]
) -> None:
    code, out = run(capsys, "--db", str(tmp_path / "none.sqlite3"), *words)
    assert code == 2
    assert out.strip() and "Traceback" not in out and len(out.strip().splitlines()) == 1


def test_a_real_process_never_shows_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "NONGBON_ITA_PASSWORD": ""}
    result = subprocess.run(
        [sys.executable, "-m", "nongbon_ita", "--db", str(tmp_path / "x.sqlite3"), "users", "add", "a",
         "--full-name", "A", "--roles", "staff", "--user", "admin"],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_backup_and_restore_named_users_must_be_admins(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "clerk-pass-1")
    assert run(capsys, "--db", str(db), "users", "add", "clerk", "--full-name", "เสมียน",
               "--roles", "staff", "--user", "boss")[0] == 0  # fmt: skip
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "clerk-pass-1")
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "clerk-own-1")
    assert run(capsys, "--db", str(db), "passwd", "--user", "clerk")[0] == 0
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "clerk-own-1")
    code, out = run(capsys, "--db", str(db), "--lang", "en", "backup", "--out", str(tmp_path / "b.sqlite3"),
                    "--user", "clerk")  # fmt: skip
    assert code == 2 and "not allowed to back up" in out
    assert not (tmp_path / "b.sqlite3").exists()
    code, out = run(capsys, "--db", str(db), "--lang", "en", "restore", str(db), "--user", "clerk")
    assert code == 2 and "not allowed to restore" in out


def test_kept_files_travel_with_backup_and_restore(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    with sqlite3.connect(demo_db) as conn:
        (stored,) = conn.execute(
            "SELECT stored_path FROM ita_evidence WHERE kind = 'file' ORDER BY id").fetchone()  # fmt: skip
    evidence = demo_db.with_name(demo_db.name + ".files") / "evidence" / stored
    original = evidence.read_bytes()
    copy = tmp_path / "backups" / "copy.sqlite3"
    copy.parent.mkdir()
    assert (
        run(capsys, "--db", str(demo_db), "backup", "--out", str(copy), "--user", "admin")[0] == 0
    )
    assert (copy.parent / "copy.sqlite3.files" / "evidence" / stored).read_bytes() == original
    evidence.write_text("changed", encoding="utf-8")
    assert run(capsys, "--db", str(demo_db), "restore", str(copy), "--user", "admin")[0] == 0
    assert evidence.read_bytes() == original
    kept = list(tmp_path.glob("demo.sqlite3.before-restore-*.bak.files"))
    assert kept and (kept[0] / "evidence" / stored).read_text(encoding="utf-8") == "changed"


def test_the_windowed_program_keeps_only_global_options() -> None:
    from nongbon_ita.cli.main import gui_options

    words = ["--db", "D:\\office.sqlite3", "check", "--lang=en", "--out", "x.pdf"]
    assert gui_options(words) == ["--db", "D:\\office.sqlite3", "--lang=en"]


def test_a_busy_database_outside_a_transaction_is_one_thai_line_and_exit_2(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from nongbon_ita.services import maintenance

    def busy(*_args: object) -> None:
        raise OperationalError(
            "PRAGMA integrity_check", {}, sqlite3.OperationalError("database is locked")
        )

    monkeypatch.setattr(maintenance, "run_check", busy)
    code, out = run(capsys, "--db", str(db), "check")
    assert code == 2
    assert out.strip() == "ฐานข้อมูลกำลังถูกใช้งาน… รอสักครู่แล้วลองใหม่"
