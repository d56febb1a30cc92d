"""Concurrent submissions, complaint intakes and backups: every one succeeds, numbers per
fiscal year are unique and gapless, backup names are unique (issue 12: IntegrityError in about
half of the trials)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from nongbon_ita.db.models import ComplaintRow, LoanRow
from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import NewComplaint
from nongbon_ita.services import auto_backup
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

PROCESSES, EACH = 3, 4
# one user per process: the same user in two programs is test_sessions.py's scenario
SUPPLY, CLERKS = ("supply", "supply2", "supply3"), ("clerk", "clerk2", "clerk3")


def _submit_many(drafts: list[int], who: int) -> Job:
    def prepare(services: Services):  # type: ignore[no-untyped-def]
        supply = services.auth.login(SUPPLY[who], PASSWORD)
        return lambda: [services.loans.submit(supply, loan).number_text for loan in drafts]

    return prepare


def test_concurrent_submissions_get_unique_gapless_numbers(office_db: Path | str) -> None:
    services = open_file(office_db)
    paper = new_asset(services, "7530-001-0009", consumable=True)
    supply = services.auth.login("supply", PASSWORD)
    drafts = [  # a consumable: the requests never clash on dates; numbered on submission
        services.loans.create_request(
            supply, request_of(paper, f"ผู้ยืม {k}", today() + timedelta(days=4 * k))
        ).id
        for k in range(PROCESSES * EACH)
    ]
    services.ctx.database.dispose()
    shares = [drafts[who::PROCESSES] for who in range(PROCESSES)]
    outcomes = race(office_db, [_submit_many(shares[who], who) for who in range(PROCESSES)])
    assert [o.error or o.refused for o in outcomes] == [""] * PROCESSES
    services = open_file(office_db)
    with services.ctx.reading() as session:
        numbers = sorted(n for n in session.scalars(select(LoanRow.number)) if n is not None)
    services.ctx.database.dispose()
    assert numbers == list(range(1, PROCESSES * EACH + 1))


def _intake_many(who: int) -> Job:
    def prepare(services: Services):  # type: ignore[no-untyped-def]
        clerk = services.auth.login(CLERKS[who], PASSWORD)

        def run() -> list[str]:
            done = []
            for k in range(EACH):
                complaint = NewComplaint(datetime.now(UTC), Channel.WALK_IN, Category.GENERAL,
                                         f"ถนนชำรุด หมู่ {who} จุดที่ {k}", anonymous=True)  # fmt: skip
                summary = services.complaints.intake.receive(clerk, complaint)
                done.append(f"{summary.number}/{summary.fiscal_year}")
            return done

        return run

    return prepare


def test_concurrent_complaint_intakes_get_unique_gapless_numbers(office_db: Path | str) -> None:
    outcomes = race(office_db, [_intake_many(who) for who in range(PROCESSES)])
    assert [o.error or o.refused for o in outcomes] == [""] * PROCESSES
    services = open_file(office_db)
    with services.ctx.reading() as session:
        numbers = sorted(session.scalars(select(ComplaintRow.number)))
    services.ctx.database.dispose()
    assert numbers == list(range(1, PROCESSES * EACH + 1))


def _backup(folder: Path, moment: datetime) -> Job:
    def prepare(services: Services):  # type: ignore[no-untyped-def]
        return lambda: auto_backup.take_backup(services.ctx, "keeper", folder, moment).name

    return prepare


def test_backups_at_the_same_second_get_their_own_files(
    office_db: Path | str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    moment = datetime(2026, 12, 3, 9, 30, 0)  # the same second for everyone: the names collide
    outcomes = race(office_db, [_backup(folder, moment) for _ in range(PROCESSES)])
    assert [o.error or o.refused for o in outcomes] == [""] * PROCESSES
    names = sorted(o.value for o in outcomes)
    assert len(set(names)) == PROCESSES
    assert sorted(p.name for p in folder.glob("*.sqlite3")) == names
    assert len(auto_backup.list_backups(folder)) == PROCESSES


def _import(path: Path, user: str) -> Job:
    def prepare(services: Services):  # type: ignore[no-untyped-def]
        supply = services.auth.login(user, PASSWORD)
        return lambda: services.assets.files.import_file(supply, path)[0]

    return prepare


def test_two_imports_of_one_file_add_it_once(office_db: Path | str, tmp_path: Path) -> None:
    register = tmp_path / "register.csv"
    rows = "".join(f"7080-009-{n:04d},เต็นท์ผ้าใบ หลังที่ {n},หลัง\n" for n in range(1, 41))
    register.write_text("หมายเลขครุภัณฑ์,รายการ,หน่วยนับ\n" + rows, encoding="utf-8")
    outcomes = race(office_db, [_import(register, user) for user in ("supply", "supply2")])
    assert [o.error for o in outcomes] == ["", ""]
    assert sorted(o.value for o in outcomes if not o.refused) == [40]
    assert [o.refused for o in outcomes if o.refused] == [
        "Nothing was imported: {count} errors; the first is in row {row}, column “{column}”."
    ]
