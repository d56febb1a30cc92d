"""Complaint fixtures: a staff member, a complaint officer and a way to file complaints."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import (
    ComplaintIdentity,
    ComplaintSummary,
    NewComplaint,
)
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services

PLANTED = ComplaintIdentity(
    name="นายปลูกฝัง ลับสุดยอด",
    address="๙๙ หมู่ที่ ๗ ตำบลหนองบอน",
    phone="0899990001",
    email="secret.witness@example.com",
    id_number="1101700230708",
    accused="นายถูกร้อง ลับเฉพาะ",
)


@pytest.fixture
def staff(user_with: Callable[..., CurrentUser]) -> CurrentUser:
    return user_with(Role.STAFF)


@pytest.fixture
def officer(user_with: Callable[..., CurrentUser]) -> CurrentUser:
    return user_with(Role.COMPLAINT_OFFICER)


@pytest.fixture
def file_complaint(services: Services, staff: CurrentUser) -> Callable[..., ComplaintSummary]:
    def make(category: Category = Category.CORRUPTION, **changes: object) -> ComplaintSummary:
        fields: dict[str, object] = {
            "received_at": datetime(2024, 1, 15, 3, 0, tzinfo=UTC),
            "channel": Channel.WALK_IN,
            "category": category,
            "subject": "เจ้าหน้าที่เรียกรับเงินค่าธรรมเนียมเกินอัตรา",
            "details": "ผู้ร้องแจ้งว่าถูกเรียกเก็บเงินเพิ่มโดยไม่มีใบเสร็จ",
            "identity": PLANTED,
        }
        fields.update(changes)
        return services.complaints.intake.receive(staff, NewComplaint(**fields))  # type: ignore[arg-type]

    return make
