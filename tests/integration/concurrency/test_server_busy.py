"""On the server, a writer that waits too long for a lock another workstation holds gets the
Thai busy message and exit 2 (never SQL), while a print goes on; once the lock is free the same
command works."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
import pytest

from nongbon_ita.db.locks import BOOKING, _key_number
from tests.backends import backends
from tests.integration.concurrency.test_sessions import _approved_loan, _cli

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


@pytest.mark.parametrize("office_db", ON_PG, indirect=True)
def test_a_print_runs_while_another_workstation_holds_the_booking_lock(
    office_db: str, tmp_path: Path
) -> None:
    printed, waiting = _approved_loan(office_db).split()
    with psycopg.connect(office_db) as holder:  # a long approval elsewhere, holding BOOKING
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (_key_number(BOOKING),))
        started = time.monotonic()
        out = tmp_path / "form.pdf"
        print_run = _cli(office_db, "print", "loan-form", "--loan", printed, "--out", str(out),
                         "--user", "supply")  # fmt: skip
        write_run = _cli(office_db, "loans", "approve", waiting, "--user", "approver2")
        held_for = time.monotonic() - started
        holder.rollback()
    assert print_run.returncode == 0, print_run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert write_run.returncode == 2, write_run.stderr
    assert "ฐานข้อมูลกำลังถูกใช้งาน" in write_run.stderr
    assert "SELECT" not in write_run.stderr and "psycopg" not in write_run.stderr
    assert held_for > 1.5  # the writer did wait for its (test-sized) busy timeout
    after = _cli(office_db, "loans", "approve", waiting, "--user", "approver2")
    assert after.returncode == 0, after.stderr
