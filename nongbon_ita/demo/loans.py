"""About 1,200 loans from fiscal year 2566 to today for the demo database (deterministic choices,
dates up to today so the dashboard's overdue list is live).

Written in bulk (Core inserts, one transaction, one audit event per loan) so the demo stays fast;
the bookings respect the rules: a durable item is in one loan at a time, lost items are not lent
again, borrowers with an overdue loan borrow nothing after it fell due.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select

from nongbon_ita.db.models import (
    AssetCategoryRow,
    AssetRow,
    LiabilityRow,
    LoanFollowUpRow,
    LoanItemRow,
    LoanReturnRow,
    LoanRow,
    UserRow,
)
from nongbon_ita.db.models_loans import LoanReviewRow
from nongbon_ita.domain.assets.records import AssetStatus
from nongbon_ita.domain.calendar import fiscal_month_range, fiscal_year, fiscal_year_range
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.registry import Services

SEED = 2570
FIRST_DAY = date(2022, 10, 3)  # fiscal year 2566
AGENCIES = (("โรงเรียนบ้านหนองบอน", "ผู้อำนวยการโรงเรียน", "043-761-101"),
            ("โรงพยาบาลส่งเสริมสุขภาพตำบลหนองบอน", "ผู้อำนวยการ รพ.สต.", "043-761-202"),
            ("ศูนย์พัฒนาเด็กเล็กบ้านหนองบอน", "หัวหน้าศูนย์", "043-761-303"),
            ("สถานีตำรวจภูธรโกสุมพิสัย", "สารวัตรป้องกันปราบปราม", "043-761-404"))  # fmt: skip
VILLAGERS = (("นายสมหมาย ใจงาม", "ผู้ใหญ่บ้าน หมู่ ๑", "081-204-1101"),
             ("นางบุญเรือน ศรีสมบูรณ์", "ประธานกลุ่มแม่บ้าน หมู่ ๓", "089-117-2203"),
             ("นายทองดี มีสุข", "ประธาน อสม. ตำบลหนองบอน", "086-552-3304"),
             ("นายเสถียร พรมมา", "ผู้ใหญ่บ้าน หมู่ ๕", "093-448-5505"),
             ("กลุ่มผู้สูงอายุตำบลหนองบอน", "ประธานชมรม", "087-331-6606"),
             ("คณะกรรมการวัดบ้านโนนสว่าง", "มัคนายก", "095-662-7707"))  # fmt: skip
LATE_VILLAGERS = (("นายประยูร แก้วกล้า", "ผู้ช่วยผู้ใหญ่บ้าน หมู่ ๒", "080-771-8808"),
                  ("นางสำเนียง บุญมา", "ประธานกลุ่มทอผ้า หมู่ ๔", "082-993-9909"),
                  ("นายวิชัย คำแก้ว", "ประธานกลุ่มเยาวชน หมู่ ๖", "061-224-1010"),
                  ("นายสุรชัย นามวงศ์", "สมาชิกสภา อบต. หมู่ ๗", "062-335-1111"))  # fmt: skip
PURPOSES = ("จัดประชุมประชาคมหมู่บ้าน", "จัดงานบุญประจำปีของหมู่บ้าน", "จัดกิจกรรมวันเด็กแห่งชาติ",
            "จัดอบรมผู้สูงอายุ", "ประชุมคณะกรรมการกองทุนหมู่บ้าน", "รณรงค์ป้องกันไข้เลือดออก",
            "จัดงานกีฬาตำบล", "ออกหน่วยบริการประชาชนเคลื่อนที่", "ประชุมผู้ปกครองนักเรียน",
            "ฝึกอบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน")  # fmt: skip
PLACES = ("ศาลากลางบ้าน หมู่ ๑", "วัดบ้านหนองบอน", "โรงเรียนบ้านหนองบอน", "ห้องประชุม อบต.",
          "สนามกีฬาตำบลหนองบอน", "ศาลาประชาคม หมู่ ๕")  # fmt: skip


@dataclass
class _Asset:
    id: int
    value: Decimal | None
    consumable: bool
    max_days: int | None
    free_from: date = FIRST_DAY
    gone: bool = False  # lost, or out with an overdue borrower for good


@dataclass
class _Batch:
    loans: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    returns: list[dict[str, Any]] = field(default_factory=list)
    liabilities: list[dict[str, Any]] = field(default_factory=list)
    follow_ups: list[dict[str, Any]] = field(default_factory=list)
    statuses: dict[int, AssetStatus] = field(default_factory=dict)
    numbers: dict[int, int] = field(default_factory=dict)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), UTC)  # 09:00 Bangkok is 02:00 UTC


class _Builder:
    def __init__(self, rng: random.Random, assets: list[_Asset], users: dict[str, tuple[int, str, str]],
                 today: date) -> None:  # fmt: skip
        self.rng, self.assets, self.users, self.today = rng, assets, users, today
        self.b = _Batch()
        self.ids = {"loan": 0, "item": 0, "ret": 0}

    def _next(self, kind: str) -> int:
        self.ids[kind] += 1
        return self.ids[kind]

    def _borrower(self, late: bool) -> dict[str, Any]:
        rng = self.rng
        if late:
            name, position, phone = rng.choice(LATE_VILLAGERS)
            return dict(borrower_kind="villager", borrower_name=name, borrower_position=position,
                        borrower_organization="ตำบลหนองบอน", borrower_phone=phone)  # fmt: skip
        kind = rng.choices(("staff", "agency", "villager"), (3, 2, 5))[0]
        if kind == "staff":
            uid, name, position = self.users[
                rng.choice(("staff", "ita_coordinator", "complaint_officer"))
            ]
            return dict(borrower_kind=kind, borrower_user_id=uid, borrower_name=name,
                        borrower_position=position, borrower_organization="สำนักปลัด",
                        borrower_phone="043-761-000")  # fmt: skip
        name, position, phone = rng.choice(AGENCIES if kind == "agency" else VILLAGERS)
        org = name if kind == "agency" else "ตำบลหนองบอน"
        return dict(borrower_kind=kind, borrower_name=name, borrower_position=position,
                    borrower_organization=org, borrower_phone=phone)  # fmt: skip

    def _pick(self, start: date, count: int) -> list[_Asset]:
        free = [a for a in self.assets if not a.gone and a.free_from <= start and not a.consumable]
        picked = self.rng.sample(free, min(count, len(free)))
        if self.rng.random() < 0.08:
            picked += [a for a in self.assets if a.consumable][:1]
        return picked

    def loan(self, start: date, late: bool = False) -> None:
        rng, today = self.rng, self.today
        count = rng.choices((1, 2, 3, 4, 6, 10), (40, 25, 15, 10, 6, 4))[0]
        picked = self._pick(start, count)
        if not picked:
            return
        limits = [a.max_days for a in picked if a.max_days] or [7]
        due = start + timedelta(days=rng.randint(0, min(limits) - 1))
        submitted = start - timedelta(days=rng.randint(1, 5))
        loan_id = self._next("loan")
        year = fiscal_year(submitted)
        self.b.numbers[year] = number = self.b.numbers.get(year, 0) + 1
        supply, approver = self.users["supply_officer"][0], self.users["approver"][0]
        row: dict[str, Any] = dict(
            id=loan_id, fiscal_year=year, number=number, status="closed",
            **{"borrower_user_id": None, **self._borrower(late)},
            purpose_type=rng.choice(("official", "community")), purpose=rng.choice(PURPOSES),
            place_of_use=rng.choice(PLACES), use_scope=rng.choice(("premises", "off_site", "off_site")),
            start_date=start, due_date=due, submitted_at=_at(submitted, 2),
            approver_user_id=approver, decided_at=_at(submitted, 6), refusal_reason="",
            created_by_user_id=supply, cancelled_at=None, closed_at=None,
        )  # fmt: skip
        fate = rng.random()
        if start > today:  # booked ahead: waiting for approval or approved
            row["status"] = "submitted" if fate < 0.4 else "approved"
            if row["status"] == "submitted":
                row["approver_user_id"] = row["decided_at"] = None
            self._items(loan_id, picked, None, due)
        elif fate < 0.05 and not late:
            row.update(status="refused", refusal_reason="พัสดุติดภารกิจของ อบต. ในวันดังกล่าว")
            self._items(loan_id, picked, None, due, hold=False)
        elif fate < 0.08 and not late:
            row.update(status="cancelled", cancelled_at=_at(start - timedelta(days=1), 3))
            self._items(loan_id, picked, None, due, hold=False)
        else:
            self._lent(row, picked, late)
        self.b.loans.append(row)

    def _items(self, loan_id: int, picked: list[_Asset], out: datetime | None, due: date,
               hold: bool = True) -> list[int]:  # fmt: skip
        ids = []
        for asset in picked:
            item_id = self._next("item")
            qty = self.rng.randint(2, 10) if asset.consumable else 1
            self.b.items.append(dict(id=item_id, loan_id=loan_id, asset_id=asset.id, quantity=qty,
                                     value_at_loan=asset.value if out else None, handed_out_at=out,
                                     handed_out_by_user_id=self.users["supply_officer"][0] if out else None,
                                     note=""))  # fmt: skip
            if hold and not asset.consumable:
                asset.free_from = max(asset.free_from, due + timedelta(days=1))
            ids.append(item_id)
        return ids

    def _lent(self, row: dict[str, Any], picked: list[_Asset], late: bool) -> None:
        rng, today, start, due = self.rng, self.today, row["start_date"], row["due_date"]
        item_ids = self._items(row["id"], picked, _at(start, 2), due)
        supply = self.users["supply_officer"][0]
        partly = not late and today - timedelta(days=25) < due < today and rng.random() < 0.4
        back_all = not late and not partly and due < today - timedelta(days=1)
        if not back_all:
            row["status"] = "handed_out"
        returned_on = min(today, due + timedelta(days=rng.choice((0, 0, 0, 0, 1, 2, 5))))
        for n, (asset, item_id) in enumerate(zip(picked, item_ids, strict=True)):
            if not back_all and not (partly and n % 2 == 0):
                if not asset.consumable:
                    asset.free_from, asset.gone = date.max, True
                    self.b.statuses[asset.id] = AssetStatus.ON_LOAN
                continue
            condition = rng.choices(("good", "damaged", "lost"), (96, 3, 1))[0]
            if asset.consumable:
                condition = "good"
            ret_id = self._next("ret")
            qty = next(i["quantity"] for i in self.b.items if i["id"] == item_id)
            self.b.returns.append(dict(id=ret_id, loan_item_id=item_id, returned_on=returned_on,
                                       quantity=qty, condition=condition,
                                       returned_by=row["borrower_name"], received_by_user_id=supply,
                                       note=""))  # fmt: skip
            asset.free_from = max(asset.free_from, returned_on + timedelta(days=1))
            if condition != "good":
                self._liability(ret_id, asset, condition, returned_on)
        if not back_all and len(picked) == 1 and partly:  # its one item came back: closed
            back_all = True
            row["status"] = "closed"
        if back_all:
            row["closed_at"] = _at(returned_on, 8)
        if due < today - timedelta(days=3) and row["status"] == "handed_out":
            for k in range(rng.randint(1, 2)):
                day = due + timedelta(days=3 + 4 * k)
                if day <= today:
                    self.b.follow_ups.append(dict(
                        loan_id=row["id"], followed_up_on=day, method="memo" if k == 0 else "phone",
                        note="ส่งบันทึกข้อความติดตามทวง" if k == 0 else "โทรแจ้งให้นำพัสดุมาคืน",
                        memo_number="",  # the memo's number: from the register (_write)
                        recorded_by_user_id=supply))  # fmt: skip

    def _liability(self, ret_id: int, asset: _Asset, condition: str, on: date) -> None:
        recent = on > self.today - timedelta(days=60)
        if condition == "lost":
            asset.gone, asset.free_from = True, date.max
            self.b.statuses[asset.id] = AssetStatus.LOST
            remedy, amount = "pay", asset.value
        else:
            if recent:
                asset.free_from = date.max
                self.b.statuses[asset.id] = AssetStatus.IN_REPAIR
            else:
                asset.free_from = max(asset.free_from, on + timedelta(days=30))
            remedy, amount = "repair", Decimal(self.rng.randrange(300, 3000, 50))
        self.b.liabilities.append(dict(loan_return_id=ret_id, remedy=remedy, amount=amount,
                                       settled_on=None if recent else on + timedelta(days=20),
                                       note=""))  # fmt: skip


def _assets(services: Services) -> list[_Asset]:
    with services.ctx.reading() as session:
        found = session.execute(
            select(AssetRow.id, AssetRow.value, AssetRow.consumable, AssetCategoryRow.max_loan_days)
            .outerjoin(AssetCategoryRow, AssetRow.category_id == AssetCategoryRow.id)
            .where(AssetRow.lendable.is_(True), AssetRow.status == AssetStatus.AVAILABLE.value)
            .order_by(AssetRow.id)
        ).all()  # fmt: skip
    return [_Asset(i, v, c, d) for i, v, c, d in found]


def add_demo_loans(services: Services, today: date | None = None) -> int:
    """Returns the number of loans written."""
    today = today or date.today()
    rng = random.Random(SEED)
    with services.ctx.reading() as session:
        users = {u: (i, n, p) for i, u, n, p in session.execute(
            select(UserRow.id, UserRow.username, UserRow.full_name, UserRow.position))}  # fmt: skip
    builder = _Builder(rng, _assets(services), users, today)
    day = FIRST_DAY
    while day <= today + timedelta(days=20):
        for _ in range(rng.choice((0, 1, 0, 1, 1, 2, 1, 0))):  # about 1,200 in all
            builder.loan(day)
        day += timedelta(days=1)
    for k in range(12):  # overdue as of today, by borrowers who borrow nothing afterwards
        builder.loan(today - timedelta(days=rng.randint(4, 70) + k), late=True)
    return _write(services, builder.b, today)


def _write(services: Services, b: _Batch, today: date) -> int:
    ctx = services.ctx
    code = services.office.profile().letter_code
    with ctx.transaction() as session:
        _memo_letters(session, b, code)  # before the follow-ups are written: their numbers
        for table, rows in ((LoanRow, b.loans), (LoanItemRow, b.items), (LoanReturnRow, b.returns),
                            (LiabilityRow, b.liabilities), (LoanFollowUpRow, b.follow_ups)):  # fmt: skip
            if rows:
                session.execute(insert(table), rows)
        for asset_id, status in b.statuses.items():
            services.assets.set_status(session, asset_id, status)
        finance = session.scalar(select(UserRow).where(UserRow.username == "finance_reviewer"))
        for year, months in ((2567, None), (2568, (10, 3))):  # a year, then a half year
            span = fiscal_year_range(year) if months is None else fiscal_month_range(year, *months)
            session.add(LoanReviewRow(
                fiscal_year=year, period_start=span.start, period_end=span.end,
                reviewer_user_id=finance.id if finance else 1,
                reviewer_name=finance.full_name if finance else "",
                reviewer_position=finance.position if finance else "",
                reviewed_at=_at(span.end + timedelta(days=12), 3),
                note="ตรวจสอบทะเบียนคุมการยืมแล้ว ถูกต้อง"))  # fmt: skip
        for row in b.loans:
            record_event(ctx, session, "supply_officer", "loan.demo_created", "loan", row["id"],
                         after={"status": row["status"], "number": row["number"],
                                "fiscal_year": row["fiscal_year"]})  # fmt: skip
    return len(b.loans)


def _memo_letters(session: Any, b: _Batch, letter_code: str) -> None:
    """Each follow-up by memo was a memo issued that day: it is in the register of outgoing
    letters (numbered per fiscal year in date order) and the follow-up records its number."""
    from nongbon_ita.db.models import OutgoingLetterRow
    from nongbon_ita.domain.letters import LetterKind, RecordKind

    loans = {row["id"]: row for row in b.loans}
    memos = sorted((f for f in b.follow_ups if f["method"] == "memo"),
                   key=lambda f: (f["followed_up_on"], f["loan_id"]))  # fmt: skip
    numbers: dict[int, int] = {}
    for follow in memos:
        loan, day = loans[follow["loan_id"]], follow["followed_up_on"]
        year = fiscal_year(day)
        numbers[year] = number = numbers.get(year, 0) + 1
        follow["memo_number"] = f"{letter_code}/{number}" if letter_code else str(number)
        session.add(OutgoingLetterRow(
            fiscal_year=year, number=number, hand_number="", issued_on=day,
            kind=LetterKind.OVERDUE_MEMO.value, record_kind=RecordKind.LOAN.value, record_id=loan["id"],
            record_text=f"{loan['number']}/{loan['fiscal_year']}", addressee=loan["borrower_name"],
            subject=LetterKind.OVERDUE_MEMO.thai, issued_by_user_id=follow["recorded_by_user_id"],
            issued_at=_at(day, 3)))  # fmt: skip
