"""One user in two programs at once; a print while someone holds the write lock; a writer that
waits too long gets the Thai busy message, exit 2, never SQL (issue 12)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from sqlalchemy import select

from nongbon_ita.db.models import UserRow
from nongbon_ita.services.registry import Services
from tests.conftest import PASSWORD
from tests.integration.concurrency.conftest import (
    Job,
    new_asset,
    open_file,
    race,
    request_of,
    today,
)


def _same_user_request(asset: int, who: int) -> Job:
    def prepare(services: Services):  # type: ignore[no-untyped-def]
        def run() -> str:  # logs in at the same moment as the other program, then writes
            supply = services.auth.login("supply", PASSWORD)
            loan = services.loans.create_request(
                supply, request_of(asset, f"ผู้ยืม {who}", today()), submit=True
            )
            return loan.number_text

        return run

    return prepare


def _version_of(path: Path | str, username: str) -> int:
    services = open_file(path)
    with services.ctx.reading() as session:
        version = session.scalar(select(UserRow.version).where(UserRow.username == username))
    services.ctx.database.dispose()
    return int(version or 0)


def test_one_user_in_two_programs_is_never_a_stale_edit(office_db: Path | str) -> None:
    services = open_file(office_db)
    paper = new_asset(services, "7530-001-0001", consumable=True)
    services.ctx.database.dispose()
    before = _version_of(office_db, "supply")
    for _trial in range(3):
        outcomes = race(office_db, [_same_user_request(paper, who) for who in range(2)])
        assert [o.error or o.refused for o in outcomes] == ["", ""]
    assert _version_of(office_db, "supply") == before  # a login is not an edit


def _cli(path: Path | str, *words: str, timeout_ms: int = 1500) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NONGBON_ITA_PASSWORD": PASSWORD,
           "NONGBON_ITA_BUSY_TIMEOUT_MS": str(timeout_ms)}  # fmt: skip
    command = [sys.executable, "-m", "nongbon_ita", "--db", str(path), *words]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def _approved_loan(path: Path | str) -> str:
    services = open_file(path)
    asset = new_asset(services, "4810-002-0001")
    supply = services.auth.login("supply", PASSWORD)
    loan = services.loans.create_request(supply, request_of(asset, "นายหนึ่ง", today()), True)
    services.loans.approve(services.auth.login("approver1", PASSWORD), loan.id)
    other = services.loans.create_request(
        supply, request_of(new_asset(services, "4810-002-0002"), "นายสอง", today()), True
    )
    services.ctx.database.dispose()
    return f"{loan.number_text} {other.number_text}"


def test_a_print_runs_while_a_long_write_holds_the_lock(office_file: Path, tmp_path: Path) -> None:
    """SQLite only: the lock held is the file's own write lock (BEGIN IMMEDIATE); the server's
    equivalent, an advisory lock held elsewhere, is in test_server_busy.py."""
    printed, waiting = _approved_loan(office_file).split()
    with closing(sqlite3.connect(office_file, isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")  # a long import, holding the write lock
        holder.execute("UPDATE setting SET value = value WHERE key = 'none'")
        started = time.monotonic()
        out = tmp_path / "form.pdf"
        print_run = _cli(office_file, "print", "loan-form", "--loan", printed, "--out", str(out),
                         "--user", "supply")  # fmt: skip
        write_run = _cli(office_file, "loans", "approve", waiting, "--user", "approver2")
        held_for = time.monotonic() - started
        holder.execute("ROLLBACK")
    assert print_run.returncode == 0, print_run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert write_run.returncode == 2, write_run.stderr
    assert "ฐานข้อมูลกำลังถูกใช้งาน" in write_run.stderr
    assert "SELECT" not in write_run.stderr and "sqlite" not in write_run.stderr.lower()
    assert held_for > 1.5  # the writer did wait for its (test-sized) busy timeout
    after = _cli(office_file, "loans", "approve", waiting, "--user", "approver2")
    assert after.returncode == 0, after.stderr  # once the lock is free, the same command works
