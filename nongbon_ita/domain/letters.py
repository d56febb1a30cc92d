"""Outgoing letters (หนังสือส่ง) and their register (ทะเบียนหนังสือส่ง).

Every letter the app prints to someone — a complaint's receipt and outcome, a loan's follow-up
memo — is issued once: it gets its date (the day of the event it answers) and its number, and
is kept in the register with whom it went to, its subject and the record it belongs to. A
reprint is the same letter: same date, same number. Numbers run from 1 in each fiscal year
after the office's letter code ("ที่ มค ๘๑๑๐๑/๑๒"); an office that numbers from its paper
register chooses numbering by hand, and its letters print a dotted blank to fill in (or the
number the clerk gave).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.loans.permissions import LOAN_READERS
from nongbon_ita.domain.permissions import Permission
from nongbon_ita.domain.roles import Role

BLANK_NUMBER = "……………"  # dotted: written in by hand


class LetterKind(StrEnum):
    COMPLAINT_RECEIPT = "complaint_receipt"
    COMPLAINT_OUTCOME = "complaint_outcome"
    OVERDUE_MEMO = "overdue_memo"

    @property
    def thai(self) -> str:
        return _KIND_THAI[self]


_KIND_THAI = {
    LetterKind.COMPLAINT_RECEIPT: "ตอบรับเรื่องร้องเรียน",
    LetterKind.COMPLAINT_OUTCOME: "แจ้งผลการพิจารณาเรื่องร้องเรียน",
    LetterKind.OVERDUE_MEMO: "ติดตามทวงพัสดุที่ยืม",
}


class RecordKind(StrEnum):
    COMPLAINT = "complaint"
    LOAN = "loan"

    @property
    def thai(self) -> str:
        return "เรื่องร้องเรียน" if self is RecordKind.COMPLAINT else "ใบยืมพัสดุ"


class NumberingMode(StrEnum):
    APP = "app"  # the register gives each letter the next number of its fiscal year
    HAND = "hand"  # the clerk numbers from the office's paper register: a dotted blank


@dataclass(frozen=True)
class LetterDraft:
    """What a letter is about, before it is issued (or found issued already)."""

    kind: LetterKind
    record_kind: RecordKind
    record_id: int
    record_text: str  # the record's own number: "5/2569" (a complaint), "12/2569" (a loan)
    issued_on: date  # the day of the event the letter answers
    addressee: str  # as the register shows it (never a complainant's name: see services)
    subject: str
    hand_number: str = ""  # a number the clerk gave (numbering by hand)


@dataclass(frozen=True)
class OutgoingLetter:
    id: int
    fiscal_year: int
    number: int | None  # given by the register; None: numbered by hand (or left blank)
    hand_number: str
    issued_on: date
    kind: LetterKind
    record_kind: RecordKind
    record_text: str
    addressee: str
    subject: str

    @property
    def number_text(self) -> str:
        """The number after the office's code, "" when none was given (Western digits)."""
        return str(self.number) if self.number is not None else self.hand_number

    def reference(self, letter_code: str) -> str:
        """What follows "ที่": "มค 81101/12", or the code and a dotted blank to fill in."""
        number = self.number_text or BLANK_NUMBER
        code = letter_code.strip()
        return f"{code}/{number}" if code else number


class LetterOperation:
    VIEW_REGISTER = Permission(
        "letters.register",
        N_("print the register of outgoing letters"),
        LOAN_READERS | {Role.COMPLAINT_OFFICER},
    )
    CONFIGURE = Permission(
        "letters.configure", N_("choose how outgoing letters are numbered"), frozenset({Role.ADMIN})
    )
