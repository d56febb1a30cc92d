"""Loan steps on different assets run side by side (on the server they share no lock but the
audit chain's head, taken at commit): every step succeeds, numbers stay unique and gapless,
and the audit chain still verifies with one event per step, numbered without a gap."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from nongbon_ita.db.models import LoanRow
from nongbon_ita.services.audit import check_chain
from nongbon_ita.services.loans.handling import ItemReturn
from nongbon_ita.services.registry import Services
from tests.conftest import PASSWORD
from tests.integration.concurrency.conftest import (
    Job,
    new_asset,
    open_file,
    race,
    request_of,
    today,
)

SUPPLY = ("supply", "supply2", "supply3")
APPROVER = ("approver1", "approver2", "approver1")
ROUNDS = 3
STEPS = ("loan.created", "loan.approved", "loan.handed_out", "loan.returned")


def _cycles(asset: int, who: int) -> Job:
    def prepare(services: Services):  # type: ignore[no-untyped-def]
        supply = services.auth.login(SUPPLY[who], PASSWORD)
        approver = services.auth.login(APPROVER[who], PASSWORD)

        def run() -> list[str]:
            loans, done = services.loans, []
            for k in range(ROUNDS):
                loan = loans.create_request(supply, request_of(asset, f"ผู้ยืม {who}-{k}", today()),
                                            submit=True)  # fmt: skip
                loan = loans.approve(approver, loan.id)
                loan = loans.hand_out(supply, loan.id, [i.id for i in loan.items])
                back = [ItemReturn(i.id) for i in loan.items]
                done.append(loans.return_items(supply, loan.id, back, "ผู้ยืม").status.value)
            return done

        return run

    return prepare


def test_loan_steps_on_different_assets_run_side_by_side(office_db: Path | str) -> None:
    services = open_file(office_db)
    assets = [new_asset(services, f"4320-009-{who:04d}") for who in range(len(SUPPLY))]
    with services.ctx.reading() as session:
        events_before = check_chain(session).events
    services.ctx.database.dispose()
    outcomes = race(office_db, [_cycles(asset, who) for who, asset in enumerate(assets)])
    assert [o.error or o.refused for o in outcomes] == [""] * len(SUPPLY)
    assert [o.value for o in outcomes] == [["closed"] * ROUNDS] * len(SUPPLY)
    services = open_file(office_db)
    with services.ctx.reading() as session:
        chain = check_chain(session)
        numbers = sorted(n for n in session.scalars(select(LoanRow.number)) if n is not None)
    services.ctx.database.dispose()
    assert chain.ok, chain
    logins = 2 * len(SUPPLY)
    assert chain.events == events_before + logins + len(SUPPLY) * ROUNDS * len(STEPS)
    assert numbers == list(range(1, len(SUPPLY) * ROUNDS + 1))
