"""One office workstation for bench_workstations.py: the office it works in (prepare), and a
client process doing the daily mix with a clerk's pause between its operations (Client)."""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections import defaultdict
from datetime import timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("NONGBON_ITA_CHEAP_HASHING", "1")

from sqlalchemy import event, insert, select, text

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation, location_of_text
from nongbon_ita.db.models import AssetRow, LoanItemRow, LoanRow
from nongbon_ita.domain.assets.records import AssetDraft
from nongbon_ita.domain.errors import DomainError, ValidationError
from nongbon_ita.domain.loans import (
    Borrower,
    BorrowerKind,
    ItemRequest,
    LoanRequest,
    PurposeType,
    UseScope,
)
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.loans.handling import ItemReturn
from nongbon_ita.services.loans.queries import LoanFilter
from nongbon_ita.services.registry import Services

PASSWORD = "password-1"
PUMPS, FILLER = 30, 2000


class TimeUp(Exception):
    """The run's time is over: the client stops between two operations."""


NAMES = ("นายสมหมาย ใจงาม", "นางบุญเรือน ศรีสมบูรณ์", "กลุ่มแม่บ้าน หมู่ ๓", "นายทองดี มีสุข")


def services_at(location: DatabaseLocation) -> Services:
    return Services.over(ServiceContext(open_database(location), hashing=HashingCost.cheap()))


def fresh(location: DatabaseLocation) -> None:
    if location.file is not None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{location.file}{suffix}").unlink(missing_ok=True)
        return
    import psycopg

    url = location.url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def prepare(location: DatabaseLocation) -> list[int]:
    """An office with a supply officer and an approver, 30 pumps to compete for, 2,000 other
    assets to search through; returns the pumps' ids."""
    fresh(location)
    services = services_at(location)
    office = OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม")
    services.setup.initialise(office, "admin", "ผู้ดูแล", PASSWORD)
    admin = services.auth.login("admin", PASSWORD)
    services.users.create_user(admin, "supply", "เจ้าหน้าที่พัสดุ",
                               frozenset({Role.SUPPLY_OFFICER, Role.STAFF}), PASSWORD)  # fmt: skip
    services.users.create_user(admin, "approver", "ปลัด", frozenset({Role.APPROVER}), PASSWORD)
    supply = services.auth.login("supply", PASSWORD)
    pumps = [services.assets.create(supply, AssetDraft(f"4320-001-{i:04d}",
                                                       f"เครื่องสูบน้ำ แบบหอยโข่ง เครื่องที่ {i}",
                                                       unit="เครื่อง")).id
             for i in range(1, PUMPS + 1)]  # fmt: skip
    with services.ctx.transaction() as session:
        last = session.scalar(select(AssetRow.id).order_by(AssetRow.id.desc()).limit(1)) or 0
        now = services.ctx.now()
        session.execute(insert(AssetRow), [
            dict(id=last + i, asset_number=f"7110-{i:06d}", name=f"โต๊ะพับ หลังที่ {i}", unit="ตัว",
                 status="available", lendable=True, consumable=False, created_at=now,
                 updated_at=now, version=1) for i in range(1, FILLER + 1)])  # fmt: skip
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT setval(pg_get_serial_sequence('asset', 'id'), "
                                 "(SELECT max(id) FROM asset))"))  # fmt: skip
    services.ctx.database.dispose()
    return pumps


class Client:
    """One workstation: its own connection, the supply officer and the approver logged in.

    `think` (ms, low and high): before each operation the client pauses a time drawn uniformly
    in that range, as a clerk reads the screen and clicks; (0, 0) hammers without a pause.
    `warm`: the print path is warmed at start, as the GUI does in the background once its window
    is shown (reports/warm.py), so the first print costs what a workstation's first print does.
    """

    def __init__(
        self,
        location: DatabaseLocation,
        pumps: list[int],
        seed: int,
        think: tuple[float, float] = (0.0, 0.0),
        warm: bool = True,
    ) -> None:
        if warm:
            from nongbon_ita.reports.warm import warm_up

            warm_up()
        self.think = think
        self.deadline = float("inf")  # time.monotonic() after which no operation starts
        self.services = services_at(location)
        self.times: dict[str, list[float]] = defaultdict(list)
        self.waits: dict[str, list[float]] = defaultdict(list)
        self.waited = 0.0  # ms spent in lock statements during the current operation
        self._watch_locks()
        self.errors: list[str] = []
        self.supply = self.timed("log in", lambda: self.services.auth.login("supply", PASSWORD))
        self.approver = self.timed("log in", lambda: self.services.auth.login("approver", PASSWORD))
        self.rng = random.Random(seed)
        self.pumps = pumps
        self.refused = 0
        self.done: dict[int, str] = {}  # loan id → the status this client last set successfully

    def _watch_locks(self) -> None:
        """Time the statements that take a write lock (db/locks.py): the wait for a lock."""
        engine = self.services.ctx.database.engine
        started: list[float] = []

        def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if "advisory_xact_lock" in statement or statement.startswith("BEGIN IMMEDIATE"):
                started.append(time.perf_counter())

        def after(*_args: Any) -> None:
            if started:
                self.waited += (time.perf_counter() - started.pop()) * 1000

        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "after_cursor_execute", after)

    def pause(self) -> None:
        low, high = self.think
        if high > 0:
            time.sleep(self.rng.uniform(low, high) / 1000)

    def timed(self, name: str, work: Any) -> Any:
        self.waited = 0.0
        started = time.perf_counter()
        try:
            result = work()
        except ValidationError:
            self.refused += 1  # a rule said no (booked already): the right answer under contention
            return None
        except DomainError as error:  # busy, stale edit: an error for this benchmark
            self.errors.append(f"{name}: {type(error).__name__}: {error.message_id}")
            return None
        except Exception as error:
            self.errors.append(f"{name}: {type(error).__name__}: {error}")
            return None
        self.times[name].append((time.perf_counter() - started) * 1000)
        self.waits[name].append(self.waited)
        return result

    def request(self) -> LoanRequest:
        today = self.services.ctx.today()
        start = (
            today if self.rng.random() < 0.5 else today + timedelta(days=self.rng.randint(1, 20))
        )
        return LoanRequest(
            Borrower(BorrowerKind.VILLAGER, self.rng.choice(NAMES), "", "บ้านหนองบอน หมู่ ๑",
                     "081-234-5678"),
            PurposeType.OFFICIAL, "สูบน้ำเข้าแปลงนาช่วงฝนทิ้งช่วง", "ทุ่งนาหมู่ ๑", UseScope.OFF_SITE,
            start, start + timedelta(days=self.rng.randint(0, 2)),
            (ItemRequest(self.rng.choice(self.pumps), 1),),
        )  # fmt: skip

    def step(self, name: str, work: Any) -> Any:
        """One operation after the clerk's pause (the pause is not part of its time)."""
        self.pause()
        if time.monotonic() >= self.deadline:
            raise TimeUp
        return self.timed(name, work)

    def one_round(self) -> None:
        loans = self.services.loans
        self.step("search", lambda: (
            self.services.assets.search(text="สูบน้ำ", limit=100),
            loans.list_loans(self.supply, LoanFilter(self.rng.choice(NAMES)[3:8]), limit=100)))  # fmt: skip
        loan = self.step("request", lambda: loans.create_request(self.supply, self.request(), True))
        if loan is None:
            return
        self.done[loan.id] = "submitted"
        self.step(
            "open",
            lambda: (loans.get(self.approver, loan.id), loans.history(self.approver, loan.id)),
        )
        loan = self.step("approve", lambda: loans.approve(self.approver, loan.id))
        if loan is None:
            return
        self.done[loan.id] = "approved"
        # a program's first print lays out texts no print of it has laid out yet (and without
        # the warm-up it loads the fonts and the word list): reported apart
        first = "first print" not in self.times
        self.step("first print" if first else "print",
                   lambda: loans.loan_form_pdf(self.supply, loan.id))  # fmt: skip
        if loan.start_date != self.services.ctx.today():
            return
        items = [item.id for item in loan.items]
        loan = self.step("hand out", lambda: loans.hand_out(self.supply, loan.id, items))
        if loan is None:
            return
        self.done[loan.id] = "handed_out"
        back = [ItemReturn(item_id) for item_id in items]
        loan = self.step(
            "return", lambda: loans.return_items(self.supply, loan.id, back, "นายสมหมาย")
        )
        if loan is not None:
            self.done[loan.id] = loan.status.value


def run_client(
    url: str, pumps: list[int], seed: int, seconds: float, think: tuple[float, float],
    warm: bool, start: Any, out: Any,
) -> None:  # fmt: skip
    """One client process; `start` (a barrier) lets every client begin its rounds together,
    once all have warmed up and logged in: no client's round meets another's start-up."""
    try:
        try:
            client = Client(location_of_text(url), pumps, seed, think, warm)
        finally:
            start.wait(timeout=600)
        if client.supply is not None and client.approver is not None:  # else: its errors say why
            client.deadline = time.monotonic() + seconds
            with contextlib.suppress(TimeUp):
                while True:
                    client.one_round()
        client.services.ctx.database.dispose()
        out.put((dict(client.times), dict(client.waits), client.errors, client.refused,
                 client.done))  # fmt: skip
    except Exception as error:
        out.put(({}, {}, [f"client: {type(error).__name__}: {error}"], 0, {}))


def double_bookings(services: Services) -> int:
    """Pairs of approvals of one durable asset for overlapping days where the first loan was not
    closed (everything back) before the second was approved."""
    with services.ctx.reading() as session:
        rows = session.execute(
            select(LoanItemRow.asset_id, LoanRow.start_date, LoanRow.due_date, LoanRow.decided_at,
                   LoanRow.closed_at).join(LoanRow, LoanRow.id == LoanItemRow.loan_id)
            .where(LoanRow.approver_user_id.is_not(None), LoanRow.cancelled_at.is_(None))
        ).all()  # fmt: skip
    by_asset: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_asset[row[0]].append(row)
    found = 0
    for bookings in by_asset.values():
        bookings.sort(key=lambda r: r[3])
        for i, first in enumerate(bookings):
            for second in bookings[i + 1 :]:
                overlap = first[1] <= second[2] and second[1] <= first[2]
                if overlap and (first[4] is None or first[4] > second[3]):
                    found += 1
    return found


def lost_updates(services: Services, done: dict[int, str]) -> int:
    with services.ctx.reading() as session:
        stored = dict(session.execute(select(LoanRow.id, LoanRow.status)).all())
    return sum(1 for loan_id, status in done.items() if stored.get(loan_id) != status)
