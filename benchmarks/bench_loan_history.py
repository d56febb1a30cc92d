"""A loan's history and the register tab at scale (a temporary SQLite file).

1. History of one loan among 1,000,000 audit events (two per loan for 500,000 loans): the
   detail pane asks for it on every selection. Target ≤ 100 ms (as the list's search).
2. The register tab with 5,000 loans in a fiscal year: how long the GUI thread is busy when
   the year changes (target ≤ 50 ms: the window never freezes) and when the rows arrive.
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models import AssetRow, AuditEventRow, LoanItemRow, LoanRow
from nongbon_ita.domain.assets.records import AssetDraft
from nongbon_ita.domain.loans import (
    Borrower,
    BorrowerKind,
    ItemRequest,
    LoanRequest,
    PurposeType,
    ReturnCondition,
    UseScope,
)
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.loans.handling import ItemReturn
from nongbon_ita.services.registry import Services

EVENTS = int(os.environ.get("BENCH_AUDIT_EVENTS", 1_000_000))
REGISTER_LOANS = 5_000
NOW = datetime(2024, 1, 1, tzinfo=UTC)
PASSWORD = "password-1"


def office(folder: Path) -> tuple[Services, dict[str, object]]:
    database = open_database(DatabaseLocation.for_file(folder / "bench.sqlite3"))
    services = Services.over(ServiceContext(database, hashing=HashingCost.cheap()))
    services.setup.initialise(OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน",
                                            "โกสุมพิสัย", "มหาสารคาม"), "admin", "ผู้ดูแล", PASSWORD)  # fmt: skip
    admin = services.auth.login("admin", PASSWORD)
    users: dict[str, object] = {}
    for login, name, role in (("supply", "นายวีระ พัสดุดี", Role.SUPPLY_OFFICER),
                              ("approver", "นายประยุทธ์ อนุมัติดี", Role.APPROVER),
                              ("finance", "นางกานดา การคลัง", Role.FINANCE_REVIEWER)):  # fmt: skip
        services.users.create_user(admin, login, name, frozenset({role}), PASSWORD)
        users[login] = services.auth.login(login, PASSWORD)
    return services, users


def fill_audit(services: Services) -> None:
    """Other loans' events (the chain's hashes do not matter to a read)."""
    rng = random.Random(7)
    actions = ("loan.created", "loan.approved", "loan.handed_out", "loan.returned")
    with services.ctx.transaction() as session:
        for start in range(0, EVENTS, 100_000):
            session.execute(insert(AuditEventRow), [
                dict(seq=10_000_000 + i, occurred_at=NOW, actor="supply", action=rng.choice(actions),
                     entity="loan", entity_id=str(1_000_000 + i // 2), payload='{"after":{}}',
                     prev_hash="0" * 64, hash="0" * 64)
                for i in range(start, min(start + 100_000, EVENTS))])  # fmt: skip


def one_loan(services: Services, users: dict[str, object]) -> int:
    """A loan with every kind of step, written through the services (its own audit events)."""
    supply, approver = users["supply"], users["approver"]
    loans = services.loans
    asset = services.assets.create(supply, AssetDraft("7080-001-0001", "เต็นท์"))  # type: ignore[arg-type]
    today = loans.today()
    request = LoanRequest(Borrower(BorrowerKind.VILLAGER, "นายสมหมาย ใจงาม", phone="081"),
                          PurposeType.COMMUNITY, "งานบุญ", "ศาลา", UseScope.OFF_SITE, today,
                          today + timedelta(days=2), (ItemRequest(asset.id, 1),))  # fmt: skip
    loan = loans.create_request(supply, request, submit=True)  # type: ignore[arg-type]
    loans.approve(approver, loan.id)  # type: ignore[arg-type]
    loans.extend_due_date(approver, loan.id, today + timedelta(days=4), "งานเลื่อน")  # type: ignore[arg-type]
    loan = loans.hand_out(supply, loan.id, [loan.items[0].id])  # type: ignore[arg-type]
    loans.return_items(supply, loan.id, [ItemReturn(loan.items[0].id, 1, ReturnCondition.DAMAGED)],  # type: ignore[arg-type]
                       "นายสมหมาย ใจงาม")  # fmt: skip
    return loan.id


def fill_register(services: Services, year_start: date) -> None:
    rng = random.Random(5)
    with services.ctx.transaction() as session:
        session.execute(insert(AssetRow), [
            dict(id=100 + i, asset_number=f"416-64-{i:05d}", name=f"เต็นท์ผ้าใบ หลังที่ {i}",
                 unit="หลัง", status="available", lendable=True, consumable=False,
                 created_at=NOW, updated_at=NOW, version=1) for i in range(REGISTER_LOANS)])  # fmt: skip
        loans, items = [], []
        for i in range(REGISTER_LOANS):
            day = year_start + timedelta(days=rng.randrange(300))
            out = datetime.combine(day, datetime.min.time(), UTC)
            loans.append(dict(id=100 + i, fiscal_year=2567, number=100 + i, status="handed_out",
                              borrower_kind="villager", borrower_name=f"ผู้ยืม {i % 97}",
                              purpose="งานบุญ", start_date=day, due_date=day + timedelta(days=3),
                              created_at=NOW, updated_at=NOW, version=1))  # fmt: skip
            items.append(dict(loan_id=100 + i, asset_id=100 + i, quantity=1, handed_out_at=out,
                              created_at=NOW, updated_at=NOW, version=1))  # fmt: skip
        session.execute(insert(LoanRow), loans)
        session.execute(insert(LoanItemRow), items)


def history(services: Services, users: dict[str, object], loan_id: int, label: str) -> None:
    finance = users["finance"]
    services.loans.history(finance, loan_id)  # type: ignore[arg-type]  # warm
    started = time.perf_counter()
    events = services.loans.history(finance, loan_id)  # type: ignore[arg-type]
    ms = (time.perf_counter() - started) * 1000
    print(f"history of one loan ({len(events)} steps) among {EVENTS:,} audit events{label}: "
          f"{ms:.0f} ms (target ≤ 100 ms) {'OK' if ms <= 100 else 'SLOW'}")  # fmt: skip


def register_tab(services: Services, users: dict[str, object]) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from nongbon_ita.gui.loans.register_page import LoanRegisterPage

    app = QApplication.instance() or QApplication([])
    page = LoanRegisterPage(services, users["finance"])  # type: ignore[arg-type]
    page.year.setCurrentIndex(page.year.findData(2567))  # not shown yet: no load

    def wait_loaded() -> None:
        loop = QEventLoop()
        page.loaded.connect(loop.quit)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()

    arrivals: list[float] = []
    show_register = page.show_register

    def timed_show(register) -> None:  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        show_register(register)
        app.processEvents()  # the table lays itself out with the new rows
        arrivals.append((time.perf_counter() - began) * 1000)

    page.show_register = timed_show  # type: ignore[method-assign]
    started = time.perf_counter()
    page.show()  # the first load
    gui_ms = (time.perf_counter() - started) * 1000
    wait_loaded()
    rows_s = time.perf_counter() - started
    started = time.perf_counter()
    page.refresh()  # again, warm
    again_ms = (time.perf_counter() - started) * 1000
    wait_loaded()
    again_s = time.perf_counter() - started
    synchronous = time.perf_counter()
    services.loans.register(users["finance"], page.query())  # type: ignore[arg-type]
    sync_s = time.perf_counter() - synchronous
    busy = max(gui_ms, again_ms, *arrivals)
    print(f"register tab, {page.model.rowCount():,} lines: GUI thread busy {gui_ms:.1f} ms on "
          f"show, {again_ms:.1f} ms on reload, {max(arrivals):.0f} ms putting the rows on screen "
          f"(target ≤ 50 ms each) {'OK' if busy <= 50 else 'SLOW'}; rows on screen after "
          f"{rows_s:.2f} s (reload {again_s:.2f} s); the load alone takes {sync_s:.2f} s, which "
          "the window used to freeze for")  # fmt: skip
    page.close()
    app.processEvents()


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-loan-history-"))
    services, users = office(folder)
    started = time.perf_counter()
    loan_id = one_loan(services, users)
    fill_audit(services)
    fill_register(services, date(2023, 10, 1))
    print(f"filled {EVENTS:,} audit events and {REGISTER_LOANS:,} register loans in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    history(services, users, loan_id, "")  # the schema's ix_audit_event_entity serves it
    register_tab(services, users)
    services.ctx.database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
