"""Outgoing letters issued by several programs at once: the register's numbers of a fiscal year
are unique and gapless (each taken under the sequence's lock inside the issuing transaction)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from nongbon_ita.db.models import OutgoingLetterRow
from nongbon_ita.domain.letters import LetterDraft, LetterKind, RecordKind
from nongbon_ita.services.letters.issue import issue_letter
from nongbon_ita.services.registry import Services
from tests.conftest import PASSWORD
from tests.integration.concurrency.conftest import Job, open_file, race, today

PROCESSES, EACH = 3, 4
CLERKS = ("clerk", "clerk2", "clerk3")


def _issue_many(who: int) -> Job:
    def prepare(services: Services):  # type: ignore[no-untyped-def]
        clerk = services.auth.login(CLERKS[who], PASSWORD)

        def run() -> list[int | None]:
            numbers = []
            for k in range(EACH):
                draft = LetterDraft(LetterKind.OVERDUE_MEMO, RecordKind.LOAN, 100 * who + k,
                                    f"{k}/2570", today(), "ผู้ยืม", "ติดตามทวงพัสดุที่ยืม")  # fmt: skip
                with services.ctx.transaction() as session:
                    numbers.append(issue_letter(services.ctx, session, clerk, draft).number)
            return numbers

        return run

    return prepare


def test_concurrent_letters_get_unique_gapless_numbers(office_db: Path | str) -> None:
    outcomes = race(office_db, [_issue_many(who) for who in range(PROCESSES)])
    assert [o.error or o.refused for o in outcomes] == [""] * PROCESSES
    services = open_file(office_db)
    with services.ctx.reading() as session:
        numbers = sorted(n for n in session.scalars(select(OutgoingLetterRow.number)) if n)
    services.ctx.database.dispose()
    assert numbers == list(range(1, PROCESSES * EACH + 1))
