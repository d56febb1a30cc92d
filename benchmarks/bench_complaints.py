"""Complaint timings on 50,000 complaints against issue 5's targets (a script, not a test).

    /work/venv/bin/python benchmarks/bench_complaints.py

Prints: the O29 statistics PDF of a fiscal year (≤ 2 s), the list's first screen (≤ 200 ms) and a
substring search (≤ 100 ms). The rows are bulk-inserted (the search index's triggers run), then
read through the services as the GUI and the CLI do.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("NONGBON_ITA_CHEAP_HASHING", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nongbon_ita.app import open_services
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models import ComplaintRow
from nongbon_ita.domain.calendar import fiscal_year
from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome, Status
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.complaints.queries import ComplaintFilter

COUNT = 50_000
SUBJECTS = ("ไฟฟ้าส่องสว่างดับ", "ถนนชำรุดเป็นหลุมบ่อ", "ขยะตกค้าง", "น้ำประปาไม่ไหล",
            "เรียกรับเงินค่าธรรมเนียม", "จัดซื้อวัสดุราคาสูง")  # fmt: skip


def _rows(rng: random.Random) -> list[dict[str, object]]:
    start = date(2022, 10, 1)
    numbers: dict[int, int] = {}
    rows = []
    for i in range(COUNT):
        day = start + timedelta(days=rng.randrange(4 * 365))
        year = fiscal_year(day)
        numbers[year] = numbers.get(year, 0) + 1
        status = rng.choice(list(Status))
        finished = status in (Status.CONCLUDED, Status.INFORMED, Status.CLOSED)
        rows.append({
            "fiscal_year": year, "number": numbers[year], "register_text": f"{numbers[year]}/{year}",
            "public_code": f"B{i:08d}", "received_at": datetime(day.year, day.month, day.day, 3,
                                                                 tzinfo=UTC),
            "received_on": day, "channel": rng.choice(list(Channel)).value,
            "category": rng.choice(list(Category)).value, "confidential": False,
            "subject": f"{rng.choice(SUBJECTS)} หมู่ที่ {rng.randint(1, 12)} เรื่องที่ {i}",
            "details": "ผู้ร้องแจ้งว่าเหตุการณ์เกิดขึ้นต่อเนื่อง ขอให้ตรวจสอบและแก้ไขโดยเร็ว",
            "place": "", "anonymous": False, "status": status.value,
            "outcome": rng.choice(list(Outcome)).value if finished else "",
            "referred_to": "", "rejection_reason": "", "receipt_due_on": day,
            "due_on": day + timedelta(days=21), "paused_days": 0,
            "closed_on": day + timedelta(days=rng.randint(5, 40)) if status is Status.CLOSED
            else None, "version": 1, "created_at": datetime.now(UTC),
            "updated_at": datetime.now(UTC),
        })  # fmt: skip
    return rows


def _timed(label: str, target: float, work, repeat: int = 3) -> None:  # type: ignore[no-untyped-def]
    best = min(_once(work) for _ in range(repeat))
    verdict = "ok" if best <= target else "SLOW"
    print(f"{label:<44} {best * 1000:8.1f} ms   target ≤ {target * 1000:.0f} ms   {verdict}")


def _once(work) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-complaints-"))
    services = open_services(DatabaseLocation.for_file(folder / "bench.sqlite3"))
    services.setup.initialise(OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน",
                                            "โกสุมพิสัย", "มหาสารคาม"), "admin", "ผู้ดูแล",
                              "bench-password")  # fmt: skip
    admin = services.auth.login("admin", "bench-password")
    services.users.create_user(admin, "staff", "เจ้าหน้าที่", frozenset({Role.STAFF}),
                               "bench-password")  # fmt: skip
    staff = services.auth.login("staff", "bench-password")
    services.complaints.queries.page(staff, ComplaintFilter(text="สร้างดัชนี"))  # builds the index
    started = time.perf_counter()
    with services.ctx.transaction() as session:
        session.execute(ComplaintRow.__table__.insert(), _rows(random.Random(5)))
    print(f"inserted {COUNT:,} complaints in {time.perf_counter() - started:.1f} s")
    queries = services.complaints.queries
    _timed("O29 statistics PDF, fiscal year 2567", 2.0,
           lambda: services.complaints.stats.pdf(staff, 2567))  # fmt: skip
    _timed("list: first screen (200 rows + count)", 0.2, lambda: queries.page(staff))
    _timed("search 'หลุมบ่อ' (substring, FTS5 trigram)", 0.1,
           lambda: queries.page(staff, ComplaintFilter(text="หลุมบ่อ")))  # fmt: skip
    _timed("search a register number '4321/2567'", 0.1,
           lambda: queries.page(staff, ComplaintFilter(text="4321/2567")))  # fmt: skip
    _timed("dashboard: complaints due", 0.2, lambda: queries.due(staff))
    services.ctx.database.dispose()


if __name__ == "__main__":
    main()
