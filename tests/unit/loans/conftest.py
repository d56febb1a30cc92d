"""Loans on an in-memory office: a requester, a supply officer, an approver, a finance reviewer,
and a small register (a tent limited to 7 days, a projector, paper by the ream)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from nongbon_ita.domain.assets.records import AssetCategory, AssetDraft
from nongbon_ita.domain.loans import (
    Borrower,
    BorrowerKind,
    ItemRequest,
    LoanRequest,
    PurposeType,
    UseScope,
)
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services

TODAY = date(2024, 1, 15)  # the clock fixture's day in Bangkok


@dataclass
class Office:
    services: Services
    staff: CurrentUser
    supply: CurrentUser
    approver: CurrentUser
    finance: CurrentUser
    tent: int
    projector: int
    paper: int

    def request(
        self, *items: tuple[int, int], start: date = TODAY, days: int = 3,
        borrower: Borrower | None = None, purpose_type: PurposeType = PurposeType.OFFICIAL,
        purpose: str = "ประชุมประชาคมหมู่บ้าน",
    ) -> LoanRequest:  # fmt: skip
        return LoanRequest(
            borrower or Borrower(BorrowerKind.VILLAGER, "นายสมหมาย ใจงาม", "ผู้ใหญ่บ้าน",
                                 "บ้านหนองบอน หมู่ ๑", "081-234-5678"),
            purpose_type, purpose, "ศาลากลางบ้าน", UseScope.OFF_SITE, start,
            start + timedelta(days=days - 1),
            tuple(ItemRequest(a, q) for a, q in (items or ((self.tent, 1),))),
        )  # fmt: skip

    def approved(self, *items: tuple[int, int], **kw: object):  # type: ignore[no-untyped-def]
        loans = self.services.loans
        loan = loans.create_request(self.supply, self.request(*items, **kw), submit=True)  # type: ignore[arg-type]
        return loans.approve(self.approver, loan.id)

    def lent(self, *items: tuple[int, int], **kw: object):  # type: ignore[no-untyped-def]
        loan = self.approved(*items, **kw)
        return self.services.loans.hand_out(self.supply, loan.id, [i.id for i in loan.items])


@pytest.fixture
def office(services: Services, user_with) -> Office:  # type: ignore[no-untyped-def]
    supply = user_with(Role.SUPPLY_OFFICER)
    assets = services.assets
    tents = assets.categories.save(supply, AssetCategory(0, "เต็นท์", 7))
    tent = assets.create(supply, AssetDraft("7080-001-0001", "เต็นท์ผ้าใบ ขนาด ๔x๘ ม.",
                                            category_id=tents.id, unit="หลัง",
                                            value=Decimal("12500.00")))  # fmt: skip
    projector = assets.create(supply, AssetDraft("4810-002-0001", "เครื่องฉายภาพ", unit="เครื่อง",
                                                 brand_model="Epson EB-X06", serial="X4K123",
                                                 value=Decimal("18900")))  # fmt: skip
    paper = assets.create(supply, AssetDraft("7530-001-0009", "กระดาษ A4", unit="รีม",
                                             consumable=True, stock_quantity=50,
                                             value=Decimal("120")))  # fmt: skip
    return Office(services, user_with(Role.STAFF), supply, user_with(Role.APPROVER),
                  user_with(Role.FINANCE_REVIEWER), tent.id, projector.id, paper.id)  # fmt: skip
