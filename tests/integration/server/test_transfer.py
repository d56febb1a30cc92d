"""`nongbon-ita transfer`: an office moves from its SQLite file to the server and back — every
row with its id, the audit chain still verifying, the kept files — and a target that already
holds data is refused with nothing changed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from nongbon_ita.cli import main
from nongbon_ita.db.copy import app_tables
from tests.backends import PgTestDatabase, backends
from tests.conftest import PASSWORD

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server
CHANGES = {"audit_event", "setting", "app_user"}  # a login and the transfer write to these


def sqlite_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        return {t.name: conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
                for t in app_tables()}  # fmt: skip


def pg_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {t.name: conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]  # type: ignore[index]
                for t in app_tables()}  # fmt: skip


def password_hashes(rows: list[tuple[str, str]]) -> dict[str, str]:
    return dict(rows)


@pytest.mark.parametrize("backend", ON_PG)
def test_an_office_moves_to_the_server_and_back_with_its_chain_and_files(
    backend: str,
    demo_db: Path,
    pg_database: PgTestDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pg_database.empty()
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_FILES", str(tmp_path / "shared"))
    before = sqlite_counts(demo_db)
    assert (
        main(["transfer", "--from", str(demo_db), "--to", pg_database.url, "--user", "admin"]) == 0
    )
    out = capsys.readouterr().out
    assert "บันทึกการใช้งานสมบูรณ์" in out and "ไม่ถูกแก้ไข" in out  # chain and files verified
    on_server = pg_counts(pg_database.url)
    assert {k: v for k, v in on_server.items() if k not in CHANGES} == {
        k: v for k, v in before.items() if k not in CHANGES}  # fmt: skip
    assert on_server["audit_event"] == before["audit_event"] + 2  # the admin's login, the transfer
    kept = sorted(p.name for p in (tmp_path / "shared").rglob("*") if p.is_file())
    assert kept and kept == sorted(
        p.name for p in demo_db.with_name(demo_db.name + ".files").rglob("*") if p.is_file()
    )
    with closing(sqlite3.connect(demo_db)) as conn:
        hashes = password_hashes(
            conn.execute("SELECT username, password_hash FROM app_user").fetchall()
        )
    with psycopg.connect(pg_database.url) as conn:
        moved = password_hashes(
            conn.execute("SELECT username, password_hash FROM app_user").fetchall()
        )
    assert moved == hashes  # everyone logs in with the password they had

    back = tmp_path / "back" / "office.sqlite3"
    back.parent.mkdir()
    assert main(["transfer", "--from", pg_database.url, "--to", str(back), "--user", "admin"]) == 0
    assert "บันทึกการใช้งานสมบูรณ์" in capsys.readouterr().out
    assert main(["--db", str(back), "check"]) == 0
    returned = sqlite_counts(back)
    assert {k: v for k, v in returned.items() if k != "audit_event"} == {
        k: v for k, v in pg_counts(pg_database.url).items() if k != "audit_event"}  # fmt: skip
    assert (back.with_name("office.sqlite3.files") / "evidence").is_dir()


@pytest.mark.parametrize("backend", ON_PG)
def test_a_target_holding_data_is_refused_and_left_as_it_was(
    backend: str,
    demo_db: Path,
    pg_database: PgTestDatabase,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pg_database.empty()
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    assert (
        main(["transfer", "--from", str(demo_db), "--to", pg_database.url, "--user", "admin"]) == 0
    )
    counts = pg_counts(pg_database.url)
    capsys.readouterr()
    assert (
        main(["transfer", "--from", str(demo_db), "--to", pg_database.url, "--user", "admin"]) == 2
    )
    assert "ไม่ว่าง" in capsys.readouterr().err
    assert pg_counts(pg_database.url) == counts


def test_an_existing_file_is_never_a_target(
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert main(["transfer", "--from", str(demo_db), "--to", str(other), "--user", "admin"]) == 2
    assert "มีอยู่แล้ว" in capsys.readouterr().err
    assert main(["transfer", "--from", str(demo_db), "--to", str(demo_db), "--user", "admin"]) == 2


def test_only_an_admin_transfers(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", "nongbon-demo")
    target = tmp_path / "copy.sqlite3"
    assert main(["transfer", "--from", str(demo_db), "--to", str(target), "--user", "staff"]) == 2
    assert not target.exists()
