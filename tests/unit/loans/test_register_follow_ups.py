"""The loan register's follow-up column: only follow-ups made by the register's cut-off, only
for items still out then; the memo's ส่วนราชการ line keeps the office's phone on it."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime

from nongbon_ita.domain.loans import FollowUpMethod
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.loans.handling import ItemReturn
from nongbon_ita.services.loans.register import RegisterQuery
from tests.conftest import Clock

from .conftest import Office


def _text(pdf: bytes, *options: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdftotext", *options, f.name, "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip


def test_follow_ups_after_the_cut_off_or_of_items_back_on_time_do_not_show(
    office: Office, clock: Clock
) -> None:
    loans = office.services.loans
    clock.moment = datetime(2023, 12, 1, 3, tzinfo=UTC)
    loan = office.lent((office.tent, 1), (office.projector, 1), start=date(2023, 12, 1), days=2)
    tent = next(i for i in loan.items if i.asset_id == office.tent)
    clock.moment = datetime(2023, 12, 2, 3, tzinfo=UTC)
    loans.return_items(office.supply, loan.id, [ItemReturn(tent.id)], "ผู้ใหญ่บ้าน")  # on time
    clock.moment = datetime(2023, 12, 10, 3, tzinfo=UTC)
    loans.record_follow_up(office.supply, loan.id, date(2023, 12, 10), FollowUpMethod.MEMO)
    clock.moment = datetime(2024, 1, 20, 3, tzinfo=UTC)
    loans.record_follow_up(office.supply, loan.id, date(2024, 1, 20), FollowUpMethod.PHONE)
    quarter = loans.register(office.finance, RegisterQuery(2567, from_month=10, to_month=12))
    shown = {ln.item.asset_id: ln.follow_up_on for ln in quarter.lines}
    assert shown == {office.tent: None, office.projector: date(2023, 12, 10)}
    year = loans.register(office.finance, RegisterQuery(2567))
    assert {ln.item.asset_id: ln.follow_up_on for ln in year.lines}[office.projector] == date(
        2024, 1, 20)  # fmt: skip
    text = _text(loans.register_pdf(office.finance, RegisterQuery(2567, from_month=10,
                                                                   to_month=12)))  # fmt: skip
    assert "วันที่\nติดตามทวง" in text and "๑๐ ธ.ค. ๖๖" in text  # the column's header, its date
    assert "๒๐ ม.ค. ๖๗" not in text.split("พิมพ์เมื่อ")[0] and "ติดตามทวง ๑๐" not in text
    assert not text.startswith("ร่าง")  # the quarter is over: no draft mark


def test_the_memo_keeps_the_office_phone_on_the_unit_line(
    office: Office, clock: Clock, admin: CurrentUser
) -> None:
    services = office.services
    profile = services.office.profile()
    services.office.update_profile(admin, replace(profile, phone="0 4372 6000"))
    loan = office.lent(days=2)
    clock.moment = datetime(2024, 1, 20, 3, tzinfo=UTC)
    text = _text(services.loans.overdue_memo(office.supply, loan.id).pdf, "-layout")
    (unit,) = [line for line in text.splitlines() if "ส่วนราชการ" in line]
    assert "โทร. ๐ ๔๓๗๒ ๖๐๐๐" in unit
