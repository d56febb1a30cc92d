"""The overdue memo is a letter: issued on its first print (that day, the register's number),
reprinted identically later, a new one only for the next follow-up."""

from __future__ import annotations

import re
import subprocess
import tempfile
from datetime import UTC, date, datetime

from nongbon_ita.services.loans.handling import ItemReturn
from tests.conftest import Clock
from tests.unit.loans.conftest import Office


def _text(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdftotext", "-raw", f.name, "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip


def test_a_memo_keeps_its_date_number_and_list_when_reprinted(office: Office, clock: Clock) -> None:
    loans = office.services.loans
    loan = office.lent(days=2)  # due 16 Jan 2024
    clock.moment = datetime(2024, 1, 20, 3, tzinfo=UTC)
    first = loans.overdue_memo(office.supply, loan.id)
    assert (first.letter.issued_on, first.letter.number) == (date(2024, 1, 20), 1)
    (item,) = loans.get(office.supply, loan.id).items
    clock.moment = datetime(2024, 1, 26, 3, tzinfo=UTC)
    loans.return_items(office.supply, loan.id, [ItemReturn(item.id)], "นายสมหมาย ใจงาม")
    again = loans.overdue_memo(office.supply, loan.id)  # returned since: the memo is the same
    assert again.letter == first.letter
    text = _text(again.pdf)
    assert "๒๐ มกราคม ๒๕๖๗" in text and "๒๖ มกราคม" not in text
    assert "เลยกำหนดส่งคืนมาแล้ว ๔ วัน" in text and "เต็นท์ผ้าใบ" in text
    assert first.reference == "1" and re.search(r"ที่\s+๑\s+วันที่", text)  # no letter code set


def test_the_next_follow_up_issues_a_new_memo(office: Office, clock: Clock) -> None:
    loans = office.services.loans
    loan = office.lent(days=2)
    clock.moment = datetime(2024, 1, 20, 3, tzinfo=UTC)
    loans.overdue_memo(office.supply, loan.id)
    clock.moment = datetime(2024, 1, 27, 3, tzinfo=UTC)
    second = loans.overdue_memo(office.supply, loan.id, new=True)
    assert (second.letter.issued_on, second.letter.number) == (date(2024, 1, 27), 2)
    assert loans.overdue_memo(office.supply, loan.id).letter == second.letter
    assert loans.suggest_memo_number(loan.id) == second.reference
