"""Loans at scale: 100,000 assets and 500,000 loans (bulk Core inserts into a temporary SQLite
file), then the loan list's first screen, a Thai substring search, and the register PDF of
5,000 loans (time and peak RSS, measured in a child process so the figure is the PDF's own).

Targets (issue 4): list ≤ 200 ms, search ≤ 100 ms, register PDF ≤ 5 s within 300 MB RSS.
`--db postgresql://…` measures the list and the search on a PostgreSQL server instead (issue 12;
its tables are dropped and made afresh).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("NONGBON_ITA_CHEAP_HASHING", "1")

from sqlalchemy import insert

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation, location_of_text
from nongbon_ita.db.models import AssetRow, LoanItemRow, LoanRow
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.loans.queries import LoanFilter
from nongbon_ita.services.registry import Services

ASSETS, LOANS = 100_000, 500_000
NAMES = ("นายสมหมาย ใจงาม", "โรงเรียนบ้านหนองบอน", "นางบุญเรือน ศรีสมบูรณ์", "กลุ่มแม่บ้าน หมู่ ๓",
         "นายทองดี มีสุข", "รพ.สต.หนองบอน")  # fmt: skip
PURPOSES = ("จัดประชุมประชาคมหมู่บ้าน", "จัดงานบุญประจำปี", "อบรมผู้สูงอายุ", "งานกีฬาตำบล")


def fill(services: Services) -> None:
    rng = random.Random(4)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    # straight through the engine, not ctx.transaction: the app would seal all 600,000 rows in
    # one audit event at commit (row_seals.py), which is not what this bench measures
    with services.ctx.database.engine.begin() as session:
        session.execute(insert(AssetRow), [
            dict(id=i, asset_number=f"416-{i // 1000:03d}-{i:06d}", name=f"เต็นท์ผ้าใบ หลังที่ {i}",
                 unit="หลัง", status="available", lendable=True, consumable=False,
                 created_at=now, updated_at=now, version=1) for i in range(1, ASSETS + 1)])  # fmt: skip
        for start in range(0, LOANS, 50_000):
            loans, items = [], []
            for i in range(start + 1, start + 50_001):
                day = date(2020, 10, 1) + timedelta(days=i % 2000)
                loans.append(dict(
                    id=i, fiscal_year=2567, number=i, status="closed", borrower_kind="villager",
                    borrower_name=f"{rng.choice(NAMES)} {i % 977}", purpose=rng.choice(PURPOSES),
                    place_of_use="ศาลากลางบ้าน", start_date=day, due_date=day + timedelta(days=3),
                    created_at=now, updated_at=now, version=1))  # fmt: skip
                items.append(dict(loan_id=i, asset_id=rng.randint(1, ASSETS), quantity=1,
                                  created_at=now, updated_at=now, version=1))  # fmt: skip
            session.execute(insert(LoanRow), loans)
            session.execute(insert(LoanItemRow), items)


def timed(label: str, target_ms: float, work) -> None:  # type: ignore[no-untyped-def]
    work()  # warm the caches once, as a user's second look would
    started = time.perf_counter()
    work()
    ms = (time.perf_counter() - started) * 1000
    print(
        f"{label}: {ms:.0f} ms (target ≤ {target_ms:.0f} ms) {'OK' if ms <= target_ms else 'SLOW'}"
    )


def main() -> int:
    if "--db" in sys.argv:
        from workstation_client import fresh

        location = location_of_text(sys.argv[sys.argv.index("--db") + 1])
        fresh(location)
    else:
        folder = Path(tempfile.mkdtemp(prefix="bench-loans-"))
        location = DatabaseLocation.for_file(folder / "bench.sqlite3")
    database = open_database(location)
    services = Services.over(ServiceContext(database, hashing=HashingCost.cheap()))
    services.setup.initialise(OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน",
                                            "โกสุมพิสัย", "มหาสารคาม"), "admin", "ผู้ดูแล", "password-1")  # fmt: skip
    admin = services.auth.login("admin", "password-1")
    services.users.create_user(admin, "supply", "เจ้าหน้าที่พัสดุ", frozenset({Role.SUPPLY_OFFICER}),
                               "password-1")  # fmt: skip
    officer = services.auth.login("supply", "password-1")
    started = time.perf_counter()
    fill(services)
    services.loans.list_loans(officer, LoanFilter("สมหมาย"), limit=1)  # builds the search index
    if location.is_server:  # the planner needs the new rows' statistics, as autovacuum would give
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"{location.shown}: filled {ASSETS:,} assets and {LOANS:,} loans in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    timed("loan list, first screen (100 rows)", 200,
          lambda: services.loans.list_loans(officer, LoanFilter(), limit=100))  # fmt: skip
    timed("substring search 'บุญเรือน'", 100,
          lambda: services.loans.list_loans(officer, LoanFilter("บุญเรือน"), limit=100))  # fmt: skip
    timed("search by number '4711/2567'", 100,
          lambda: services.loans.list_loans(officer, LoanFilter("4711/2567"), limit=100))  # fmt: skip
    database.dispose()
    if location.is_server:
        return 0
    return subprocess.run([sys.executable, __file__, "--pdf"], check=False).returncode


def _peak_mb() -> float:
    """This process's peak RSS (VmHWM: ru_maxrss would count the parent's peak after fork)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def register_pdf(count: int = 5000) -> int:
    """The register of `count` loans (1–2 items each, most returned, some damaged)."""
    from decimal import Decimal

    from nongbon_ita.domain.calendar import fiscal_year_range
    from nongbon_ita.domain.loans import (
        Borrower,
        BorrowerKind,
        Liability,
        Loan,
        LoanItem,
        LoanReturn,
        LoanStatus,
        PurposeType,
        Remedy,
        ReturnCondition,  # fmt: skip
        UseScope,
    )
    from nongbon_ita.domain.loans.register import LoanRegister, register_lines, totals_of
    from nongbon_ita.domain.office import SignatureBlock
    from nongbon_ita.reports.documents.loan_register import render_loan_register

    rng, loans = random.Random(1), []
    for i in range(count):
        start = date(2023, 10, 1) + timedelta(days=rng.randrange(330))
        items = []
        for k in range(rng.choice((1, 1, 2))):
            returns: tuple[LoanReturn, ...] = ()
            if rng.random() < 0.8:
                cond = ReturnCondition.DAMAGED if rng.random() < 0.05 else ReturnCondition.GOOD
                owed = (
                    Liability(1, 1, Remedy.REPAIR, Decimal("500"), None)
                    if cond.value == "damaged"
                    else None
                )
                returns = (LoanReturn(1, 1, start + timedelta(days=3), 1, cond, NAMES[i % 6],
                                      "นายวีระ พัสดุดี", liability=owed),)  # fmt: skip
            items.append(LoanItem(i * 10 + k, 1, f"416-64-{i:04d}", "เต็นท์ผ้าใบ ขนาด 4 x 8 เมตร", 1,
                                  "หลัง", handed_out_at=datetime.combine(start, datetime.min.time(), UTC),
                                  returns=returns))  # fmt: skip
        loans.append(Loan(i, 2567, i + 1, LoanStatus.HANDED_OUT,
                          Borrower(BorrowerKind.VILLAGER, NAMES[i % 6]), PurposeType.OFFICIAL,
                          rng.choice(PURPOSES), "ศาลากลางบ้าน", UseScope.OFF_SITE, start,
                          start + timedelta(days=4), tuple(items), approver="นายประเสริฐ ใจธรรม"))  # fmt: skip
    period = fiscal_year_range(2567)
    lines = register_lines(loans, period, date(2024, 9, 30))
    register = LoanRegister(2567, period, date(2024, 9, 30), tuple(lines), totals_of(lines))
    office = OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม")
    before = _peak_mb()
    started = time.perf_counter()
    pdf = render_loan_register(
        register, office, SignatureBlock("", "นางมาลี คลังทอง", "ผู้อำนวยการกองคลัง")
    )
    seconds = time.perf_counter() - started
    rss = _peak_mb()
    ok = seconds <= 5 and rss <= 300
    print(f"register PDF, {count:,} loans ({len(lines):,} lines, {len(pdf) // 1024} KB): {seconds:.2f} s "
          f"(target ≤ 5 s), peak RSS {rss:.0f} MB (before {before:.0f} MB; target ≤ 300 MB) "
          f"{'OK' if ok else 'SLOW'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(register_pdf() if "--pdf" in sys.argv else main())
