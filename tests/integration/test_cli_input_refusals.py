"""Issue 13's smaller findings on the command line: each is exit 2 with a Thai reason, never a
traceback or exit 1, and nothing is written (no file, no `.partial`)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from nongbon_ita.cli import main
from nongbon_ita.i18n import translate
from tests.conftest import PASSWORD

LONG = "9" * 5000  # int() refuses more than 4,300 digits with a ValueError


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str]:
    code = main(list(words))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def logged_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.delenv("NONGBON_ITA_LANG", raising=False)


@pytest.mark.parametrize(
    "words",
    [
        ("print", "o43", "--year", "²⁵⁶⁷"),
        ("print", "o43", "--year", LONG),
        ("export", "measures", "--year", "٢٥٦٨"),
        ("print", "loan-register", "--year", "2567", "--from-month", "¹", "--user", "admin"),
        ("print", "loan-register", "--year", "2567", "--to-month", LONG, "--user", "admin"),
        ("print", "asset-labels", "--grid", f"{LONG}x8"),
        ("print", "asset-labels", "--grid", "3x8", "--size", f"{LONG}x37"),
        ("print", "loan-form", "--loan", f"{LONG}/2567", "--user", "supply_officer"),
        ("print", "complaint-receipt", "--complaint", f"{LONG}/2567", "--user", "admin"),
        ("complaints", "purge-identities", "--older-than-years", LONG, "--user", "admin"),
    ],
)
def test_odd_digits_and_over_long_numbers_are_refused(
    demo_db: Path, tmp_path: Path, logged_in: None, capsys: pytest.CaptureFixture[str],
    words: tuple[str, ...],
) -> None:  # fmt: skip
    out = tmp_path / "out.pdf"
    extra = () if words[0] == "complaints" else ("--out", str(out))
    code, text = run(capsys, "--db", str(demo_db), *words, *extra)
    assert code == 2, text
    assert "Traceback" not in text
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_purge_with_zero_years_is_refused_not_taken_for_ten(
    demo_db: Path, logged_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(demo_db) as con:
        before = con.execute("SELECT count(*) FROM complaint_identity WHERE purged_at IS NULL")
        kept = before.fetchone()[0]
    code, text = run(capsys, "--db", str(demo_db), "complaints", "purge-identities",
                     "--older-than-years", "0", "--user", "complaint_officer")  # fmt: skip
    assert code == 2 and "1 ถึง 100" in text, text
    with sqlite3.connect(demo_db) as con:
        after = con.execute("SELECT count(*) FROM complaint_identity WHERE purged_at IS NULL")
        assert after.fetchone()[0] == kept


def test_a_folder_as_db_or_out_is_refused(
    demo_db: Path, tmp_path: Path, logged_in: None, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    code, text = run(capsys, "--db", str(folder), "export", "assets", "--out",
                     str(tmp_path / "a.xlsx"))  # fmt: skip
    assert code == 2 and "Traceback" not in text, text
    code, text = run(capsys, "--db", str(demo_db), "export", "assets", "--out", str(folder))
    assert code == 2 and "โฟลเดอร์" in text, text
    assert folder.is_dir() and not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("command", ["verify", "transfer", "export"])
def test_a_file_name_too_long_for_the_file_system_is_refused(
    command: str, demo_db: Path, tmp_path: Path, logged_in: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    name = str(tmp_path / ("ก" * 300 + ".pdf"))  # 900 bytes: over every file system's 255
    words = {
        "verify": ("verify", name),
        "transfer": ("transfer", "--from", name, "--to", str(tmp_path / "new.sqlite3"),
                     "--user", "admin"),
        "export": ("export", "assets", "--out", name),
    }[command]  # fmt: skip
    code, text = run(capsys, "--db", str(demo_db), *words)
    assert code == 2 and "ยาวเกิน" in text and "Traceback" not in text, text
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(("ก", "new"))]
    assert not list(tmp_path.glob("*.partial"))


def _existing(tmp_path: Path) -> Path:
    out = tmp_path / "assets.xlsx"
    out.write_bytes(b"yesterday's export")
    return out


def test_a_full_disk_leaves_the_old_file_and_no_partial(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = _existing(tmp_path)
    real = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        real(self, data[:100])  # part of it went out before the disk filled up
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    code, text = run(capsys, "--db", str(demo_db), "export", "assets", "--out", str(out))
    assert code == 2 and "ดิสก์เต็ม" in text, text
    assert out.read_bytes() == b"yesterday's export"
    assert not list(tmp_path.glob("*.partial"))


def test_an_output_open_in_another_program_is_refused_with_a_reason(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = _existing(tmp_path)

    def locked(self: Path, target: Path) -> Path:  # what Windows says while Excel holds it
        raise PermissionError(errno.EACCES, "The process cannot access the file", str(target))

    monkeypatch.setattr(Path, "replace", locked)
    code, text = run(capsys, "--db", str(demo_db), "export", "assets", "--out", str(out))
    assert code == 2 and "เปิดอยู่ในโปรแกรมอื่น" in text, text
    assert out.read_bytes() == b"yesterday's export"
    assert not list(tmp_path.glob("*.partial"))
    code, text = run(capsys, "--db", str(demo_db), "export", "measures", "--year", "2568",
                     "--out", str(out))  # fmt: skip
    assert code == 2 and "เปิดอยู่ในโปรแกรมอื่น" in text, text
    assert not list(tmp_path.glob("*.partial"))


@pytest.mark.parametrize("damage", ["garbage", "unreadable"])
def test_a_damaged_translation_cache_falls_back_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    damage: str,
) -> None:  # fmt: skip
    cache = tmp_path / "cache"
    monkeypatch.setattr(translate, "user_cache", lambda kind: cache / kind)
    translate.set_language("th")  # builds the cached .mo
    (mo,) = (cache / "i18n").glob("th-*.mo")
    if damage == "garbage":
        mo.write_bytes(b"\x95\x04\x12\xde" + b"\xff" * 40)  # the magic number, then nonsense
    else:
        real = Path.read_bytes

        def refused(self: Path) -> bytes:
            if cache in self.parents:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", refused)
    code, text = run(capsys, "--db", str(tmp_path / "none.sqlite3"), "print", "o43", "--year",
                     "abc", "--out", str(tmp_path / "o.pdf"))  # fmt: skip
    assert code == 2 and "ปีงบประมาณ" in text, text  # still Thai: rebuilt from the catalog


def test_a_temporary_password_allows_only_changing_it(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from sqlalchemy import select

    from nongbon_ita.app import open_services
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.db.models import ComplaintRow

    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    try:
        admin = services.auth.login("admin", PASSWORD)
        officer = next(u for u in services.users.list_users(admin)
                       if u.username == "complaint_officer")  # fmt: skip
        services.users.reset_password(admin, officer.id, "temporary-123")
        with services.ctx.reading() as session:
            number = session.scalar(select(ComplaintRow.register_text).where(
                ComplaintRow.anonymous.is_(False)).limit(1))  # fmt: skip
    finally:
        services.ctx.database.dispose()
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "temporary-123")
    monkeypatch.delenv("NONGBON_ITA_LANG", raising=False)
    letter = tmp_path / "receipt.pdf"
    receipt = ("--db", str(demo_db), "print", "complaint-receipt", "--complaint", number,
               "--user", "complaint_officer", "--out", str(letter))  # fmt: skip
    code, text = run(capsys, *receipt)
    assert code == 2 and "passwd --user complaint_officer" in text and "รหัสผ่านชั่วคราว" in text
    assert not letter.exists()
    code, text = run(capsys, "--db", str(demo_db), "complaints", "purge-identities",
                     "--older-than-years", "50", "--user", "complaint_officer")  # fmt: skip
    assert code == 2 and "passwd" in text
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "temporary-123")
    code, text = run(capsys, "--db", str(demo_db), "passwd", "--user", "complaint_officer")
    assert code == 2, text  # the same password again is no change
    monkeypatch.setenv("NONGBON_ITA_NEW_PASSWORD", "my-own-secret")
    code, text = run(capsys, "--db", str(demo_db), "passwd", "--user", "complaint_officer")
    assert code == 0, text
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "my-own-secret")
    code, text = run(capsys, *receipt)
    assert code == 0 and letter.exists(), text
