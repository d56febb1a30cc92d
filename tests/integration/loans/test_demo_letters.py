"""The demo's loans: nothing fully returned is left handed out (or followed up), and each
follow-up by memo is a memo in the register of outgoing letters, under its number."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def test_demo_loans_returned_are_closed_and_memos_are_registered(demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as conn:
        back_but_out = conn.execute(
            "SELECT count(*) FROM loan l WHERE l.status = 'handed_out' AND NOT EXISTS ("
            " SELECT 1 FROM loan_item i WHERE i.loan_id = l.id AND i.quantity >"
            " (SELECT coalesce(sum(r.quantity), 0) FROM loan_return r"
            "  WHERE r.loan_item_id = i.id))").fetchone()[0]  # fmt: skip
        memos = conn.execute(
            "SELECT f.memo_number, o.number, o.issued_on, f.followed_up_on FROM loan_follow_up f"
            " LEFT JOIN outgoing_letter o ON o.record_kind = 'loan' AND o.record_id = f.loan_id"
            " AND o.issued_on = f.followed_up_on WHERE f.method = 'memo'").fetchall()  # fmt: skip
        code = conn.execute("SELECT letter_code FROM office_profile").fetchone()[0]
    assert back_but_out == 0
    assert memos and all(number is not None for _m, number, _i, _f in memos)
    assert all(memo == f"{code}/{number}" for memo, number, _i, _f in memos)
