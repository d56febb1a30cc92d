"""Issue an outgoing letter, or find the one already issued: called inside the transaction of
the print that needs it (complaint letters, the overdue memo).

Numbers are gapless and unique per fiscal year: the next number is taken under the sequence's
write lock (db/locks.py), then written in the same transaction, as loan and complaint numbers
are; the unique (fiscal_year, number) constraint backs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.locks import numbering, take_write_lock
from nongbon_ita.db.models import OutgoingLetterRow
from nongbon_ita.domain.calendar import fiscal_year, thai_to_arabic_digits
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.letters import (
    LetterDraft,
    LetterKind,
    NumberingMode,
    OutgoingLetter,
    RecordKind,
)
from nongbon_ita.domain.text import check_text
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.settings_store import get_setting

NUMBERING = "letters.numbering"  # setting: NumberingMode


@dataclass(frozen=True)
class PrintedLetter:
    """A printed letter and the register's entry for it (what the GUI tells the clerk)."""

    pdf: bytes
    letter: OutgoingLetter
    reference: str  # "มค 81101/12" (or the code and a dotted blank)


def numbering_mode(session: Session) -> NumberingMode:
    value = get_setting(session, NUMBERING)
    return NumberingMode(value) if value in {m.value for m in NumberingMode} else NumberingMode.APP


def letter_of(row: OutgoingLetterRow) -> OutgoingLetter:
    return OutgoingLetter(
        id=row.id, fiscal_year=row.fiscal_year, number=row.number, hand_number=row.hand_number,
        issued_on=row.issued_on, kind=LetterKind(row.kind),
        record_kind=RecordKind(row.record_kind), record_text=row.record_text,
        addressee=row.addressee, subject=row.subject,
    )  # fmt: skip


def latest_issued(session: Session, kind: LetterKind, record_kind: RecordKind,
                  record_id: int) -> OutgoingLetterRow | None:  # fmt: skip
    return session.scalar(
        select(OutgoingLetterRow)
        .where(OutgoingLetterRow.kind == kind.value,
               OutgoingLetterRow.record_kind == record_kind.value,
               OutgoingLetterRow.record_id == record_id)
        .order_by(OutgoingLetterRow.id.desc()).limit(1)
    )  # fmt: skip


def _hand_number(text: str) -> str:
    """The clerk's number, kept in Western digits (documents print Thai digits)."""
    number = thai_to_arabic_digits(check_text(text.strip(), "letter_number", N_("Letter number")))
    if len(number) > 50:
        raise ValidationError(N_("The letter number is too long (at most 50 characters)."),
                              field="letter_number")  # fmt: skip
    return number


def issue_letter(ctx: ServiceContext, session: Session, actor: CurrentUser, draft: LetterDraft,
                 *, new: bool = False) -> OutgoingLetter:  # fmt: skip
    """The letter `draft` describes: the one already issued for its record (a reprint), unless
    `new`; otherwise issued now, numbered by the register or by hand."""
    hand = _hand_number(draft.hand_number) if draft.hand_number.strip() else ""
    row = None if new else latest_issued(session, draft.kind, draft.record_kind, draft.record_id)
    if row is not None:
        return letter_of(_reprinted(ctx, session, actor, row, hand))
    year = fiscal_year(draft.issued_on)
    number = None
    if not hand and numbering_mode(session) is NumberingMode.APP:
        take_write_lock(session, numbering("letter", year))  # the next number is ours alone
        last = session.scalar(select(func.max(OutgoingLetterRow.number))
                              .where(OutgoingLetterRow.fiscal_year == year))  # fmt: skip
        number = int(last or 0) + 1
    row = OutgoingLetterRow(
        fiscal_year=year, number=number, hand_number=hand, issued_on=draft.issued_on,
        kind=draft.kind.value, record_kind=draft.record_kind.value, record_id=draft.record_id,
        record_text=draft.record_text, addressee=draft.addressee[:300],
        subject=draft.subject[:500], issued_by_user_id=actor.id, issued_at=ctx.now(),
    )  # fmt: skip
    session.add(row)
    session.flush()
    record_event(ctx, session, actor.username, "letter.issued", "outgoing_letter", row.id,
                 after={"kind": draft.kind.value, "record": draft.record_text,
                        "number": row.number, "hand_number": hand,
                        "issued_on": draft.issued_on.isoformat()})  # fmt: skip
    return letter_of(row)


def _reprinted(ctx: ServiceContext, session: Session, actor: CurrentUser,
               row: OutgoingLetterRow, hand: str) -> OutgoingLetterRow:  # fmt: skip
    """A reprint is identical; only a letter left blank may take the number the clerk gives."""
    if not hand or hand == row.hand_number:
        return row
    if row.number is not None or row.hand_number:
        raise ValidationError(
            N_("This letter was issued as number {number}: a reprint keeps its number."),
            field="letter_number", number=row.number if row.number is not None else row.hand_number,
        )  # fmt: skip
    row.hand_number = hand
    session.flush()
    record_event(ctx, session, actor.username, "letter.numbered", "outgoing_letter", row.id,
                 after={"hand_number": hand})  # fmt: skip
    return row
