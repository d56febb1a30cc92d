"""Loans GUI tests: an office with a supply officer, an approver, a finance reviewer and a small
register; dialogs answered by `fill` hooks instead of blocking; screenshots to /tmp/loans-shots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from nongbon_ita.domain.assets.records import AssetCategory, AssetDraft
from nongbon_ita.domain.loans import (
    Borrower,
    BorrowerKind,
    ItemRequest,
    Loan,
    LoanRequest,
    PurposeType,
    UseScope,
)
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.loans import common
from nongbon_ita.services.registry import Services

SHOTS = Path("/tmp/loans-shots")
PASSWORD = "password-1234"


@dataclass
class Office:
    services: Services
    supply: CurrentUser
    approver: CurrentUser
    finance: CurrentUser
    tent: int
    projector: int
    paper: int

    def today(self) -> date:
        return self.services.loans.today()

    def lent(self, *items: tuple[int, int], start: date | None = None, days: int = 3,
             name: str = "นายสมหมาย ใจงาม") -> Loan:  # fmt: skip
        loans = self.services.loans
        start = start or self.today()
        request = LoanRequest(
            Borrower(BorrowerKind.VILLAGER, name, "ผู้ใหญ่บ้าน", "บ้านหนองบอน หมู่ ๑", "081-234-5678"),
            PurposeType.COMMUNITY, "งานบุญประจำปี", "ศาลากลางบ้าน", UseScope.OFF_SITE, start,
            start + timedelta(days=days - 1), tuple(ItemRequest(a, q) for a, q in items),
        )  # fmt: skip
        loan = loans.create_request(self.supply, request, submit=True)
        loan = loans.approve(self.approver, loan.id)
        return loans.hand_out(self.supply, loan.id, [i.id for i in loan.items])


def _user(services: Services, admin: CurrentUser, name: str, full: str, role: Role) -> CurrentUser:
    services.users.create_user(admin, name, full, frozenset({role}), PASSWORD)
    return services.auth.login(name, PASSWORD)


@pytest.fixture
def office(services: Services, admin: CurrentUser) -> Office:
    supply = _user(services, admin, "wira", "นายวีระ พัสดุดี", Role.SUPPLY_OFFICER)
    approver = _user(services, admin, "prayut", "นายประยุทธ์ อนุมัติดี", Role.APPROVER)
    finance = _user(services, admin, "kanda", "นางกานดา การคลัง", Role.FINANCE_REVIEWER)
    assets = services.assets
    tents = assets.categories.save(supply, AssetCategory(0, "เต็นท์", 7))
    tent = assets.create(supply, AssetDraft("7080-001-0001", "เต็นท์ผ้าใบ ขนาด ๔x๘ ม.", tents.id,
                                            unit="หลัง", value=Decimal("12500")))  # fmt: skip
    projector = assets.create(supply, AssetDraft("4810-002-0001", "เครื่องฉายภาพ", unit="เครื่อง",
                                                 brand_model="Epson EB-X06", serial="X4K123",
                                                 value=Decimal("18900")))  # fmt: skip
    paper = assets.create(supply, AssetDraft("7530-001-0009", "กระดาษ A4", unit="รีม",
                                             consumable=True, stock_quantity=50))  # fmt: skip
    return Office(services, supply, approver, finance, tent.id, projector.id, paper.id)


@dataclass
class Dialogs:
    """Each dialog the code opens is handed to `fill` (a hook per dialog class name) and then
    answered: the hook accepts it through the dialog's own OK, or it is rejected."""

    hooks: dict[str, Callable[[QDialog], None]] = field(default_factory=dict)
    seen: list[QDialog] = field(default_factory=list)

    def run(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        hook = self.hooks.get(type(dialog).__name__)
        if hook is not None:
            hook(dialog)
        return int(dialog.result() == QDialog.DialogCode.Accepted)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    found = Dialogs()
    monkeypatch.setattr(common, "exec_dialog", found.run)
    monkeypatch.setattr(common, "open_preview", lambda preview: found.seen.append(preview))
    return found


@pytest.fixture
def snap() -> Callable[[QWidget, str], Path]:
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(widget: QWidget, name: str) -> Path:
        if not widget.isVisible():
            widget.show()
        QApplication.processEvents()
        path = SHOTS / f"{name}.png"
        assert widget.grab().save(str(path))
        return path

    return take
