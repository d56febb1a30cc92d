"""On the server, a writer that waits too long for a lock another workstation holds gets the
Thai busy message and exit 2 (never SQL), while a print goes on; once the lock is free the same
command works. A loan step waits only for the assets it books: another asset's approval goes
through meanwhile."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
import pytest

from nongbon_ita.db.locks import WRITE, _key_number, booking
from tests.backends import backends
from tests.conftest import PASSWORD
from tests.integration.concurrency.conftest import new_asset, open_file, request_of, today
from tests.integration.concurrency.test_sessions import _approved_loan, _cli

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


@pytest.mark.parametrize("office_db", ON_PG, indirect=True)
def test_a_print_runs_while_another_workstation_holds_the_write_lock(
    office_db: str, tmp_path: Path
) -> None:
    printed, waiting = _approved_loan(office_db).split()
    with psycopg.connect(office_db) as holder:  # a long import elsewhere, holding WRITE
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (_key_number(WRITE),))
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


def _two_submitted(office_db: str) -> tuple[int, str, str]:
    """Two submitted loans of two assets: the first one's asset id and both numbers."""
    services = open_file(office_db)
    supply = services.auth.login("supply", PASSWORD)
    held = new_asset(services, "4810-003-0001")
    first = services.loans.create_request(supply, request_of(held, "นายหนึ่ง", today()), True)
    free = new_asset(services, "4810-003-0002")
    second = services.loans.create_request(supply, request_of(free, "นายสอง", today()), True)
    services.ctx.database.dispose()
    return held, first.number_text, second.number_text


@pytest.mark.parametrize("office_db", ON_PG, indirect=True)
def test_an_approval_waits_only_for_the_asset_it_books(office_db: str) -> None:
    held, waiting, other = _two_submitted(office_db)
    with psycopg.connect(office_db) as holder:  # a long step elsewhere on the first asset
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (_key_number(booking(held)),))
        other_run = _cli(office_db, "loans", "approve", other, "--user", "approver2")
        waiting_run = _cli(office_db, "loans", "approve", waiting, "--user", "approver2")
        holder.rollback()
    assert other_run.returncode == 0, other_run.stderr  # another asset: not held up
    assert waiting_run.returncode == 2, waiting_run.stderr
    assert "ฐานข้อมูลกำลังถูกใช้งาน" in waiting_run.stderr
    after = _cli(office_db, "loans", "approve", waiting, "--user", "approver2")
    assert after.returncode == 0, after.stderr
