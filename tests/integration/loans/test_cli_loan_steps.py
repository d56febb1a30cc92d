"""The loan workflow from the command line: request → approve → hand out → return, and the
refusals (a double booking, a bad date, an unknown loan) as one Thai line with exit 2."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from nongbon_ita.app import open_services
from nongbon_ita.cli import main
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.assets.records import AssetDraft
from nongbon_ita.domain.calendar import fiscal_year, office_date, to_be
from tests.conftest import PASSWORD


def _be(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{to_be(day.year)}"


@pytest.fixture
def office(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """The demo office with a new tent nobody has booked yet."""
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    supply = services.auth.login("supply_officer", PASSWORD)
    services.assets.create(supply, AssetDraft("7080-777-0001", "เต็นท์ผ้าใบ ขนาด ๔x๘ ม.",
                                              unit="หลัง", value=Decimal("12500")))  # fmt: skip
    services.ctx.database.dispose()
    return demo_db, "7080-777-0001"


def run(capsys: pytest.CaptureFixture[str], db: Path, *words: str) -> tuple[int, str]:
    code = main(["--db", str(db), *words])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_request_approve_hand_out_return(office, capsys) -> None:  # type: ignore[no-untyped-def]
    db, tent = office
    today = office_date(datetime.now(UTC))
    span = ["--from", _be(today), "--to", _be(today + timedelta(days=2))]
    code, out = run(capsys, db, "loans", "request", "--borrower-user", "staff", "--asset", tent,
                    *span, "--purpose", "ประชุมประชาคมหมู่บ้าน", "--user", "staff")  # fmt: skip
    assert code == 0, out
    number = out.split()[1]  # "ส่งคำขอยืมเลขที่ 12/2570 เพื่อขออนุมัติแล้ว"
    assert number.endswith(f"/{fiscal_year(today)}"), out
    code, out = run(capsys, db, "loans", "request", "--borrower-name", "นายดำ ขยัน",
                    "--borrower-phone", "0812345678", "--asset", tent, *span, "--purpose",
                    "งานบุญประจำปี", "--purpose-type", "community", "--user", "supply_officer")  # fmt: skip
    assert code == 0, out
    rival = out.split()[1]
    code, out = run(capsys, db, "loans", "approve", number, "--user", "approver")
    assert code == 0 and "อนุมัติแล้ว" in out, out
    code, out = run(capsys, db, "loans", "approve", rival, "--user", "approver")
    assert code == 2 and number in out  # booked: the message names the loan that holds it
    code, out = run(capsys, db, "loans", "refuse", rival, "--reason", "ซ้ำ", "--user", "approver")
    assert code == 0 and "ไม่อนุมัติ" in out, out
    code, out = run(capsys, db, "loans", "hand-out", number, "--user", "supply_officer")
    assert code == 0 and "จ่ายพัสดุแล้ว" in out, out
    code, out = run(capsys, db, "loans", "return", number, "--asset", tent, "--condition",
                    "damaged", "--user", "supply_officer")  # fmt: skip
    assert code == 0 and "ปิดเรื่องแล้ว" in out, out
    code, out = run(capsys, db, "loans", "cancel", number, "--user", "supply_officer")
    assert code == 2 and "Traceback" not in out


def test_refusals_are_one_line_and_exit_2(office, capsys) -> None:  # type: ignore[no-untyped-def]
    db, tent = office
    code, out = run(capsys, db, "loans", "request", "--borrower-user", "staff", "--asset", tent,
                    "--from", "32/12/2569", "--to", "01/01/2570", "--purpose", "x",
                    "--user", "staff")  # fmt: skip
    assert (code, out.strip()) == (2, "32/12/2569 ไม่ใช่วันที่แบบ พ.ศ. เช่น 15/01/2570")
    code, out = run(capsys, db, "loans", "approve", "999/2570", "--user", "approver")
    assert code == 2 and "999/2570" in out
    code, out = run(capsys, db, "--lang", "en", "loans", "return", "1/2570", "--condition",
                    "lost", "--user", "supply_officer")  # fmt: skip
    assert (code, out.strip()) == (2, "Name the item (--asset) whose condition you give.")
