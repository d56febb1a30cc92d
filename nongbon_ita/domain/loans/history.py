"""A loan's history: every step of its life as one record, oldest first. The services build it
from what the loan itself records and from the loan's audit events (which alone keep a draft's
edits, a cancellation's reason, an extension's old due date and a liability's settlements)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.loans.enums import FollowUpMethod, Remedy, ReturnCondition


class LoanEventKind(StrEnum):
    CREATED = "created"  # saved as a draft
    UPDATED = "updated"  # the draft changed
    SUBMITTED = "submitted"  # sent for approval (and numbered)
    APPROVED = "approved"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    EXTENDED = "extended"  # a later due date, approved
    HANDED_OUT = "handed_out"  # one item
    RETURNED = "returned"  # some or all of one item
    LIABILITY_OPENED = "liability_opened"  # by a damaged or lost return
    LIABILITY_UPDATED = "liability_updated"  # remedy, amount or settlement recorded
    FOLLOWED_UP = "followed_up"
    CLOSED = "closed"  # everything handed out is back

    @property
    def label_id(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    LoanEventKind.CREATED: N_("Request drafted"),
    LoanEventKind.UPDATED: N_("Draft changed"),
    LoanEventKind.SUBMITTED: N_("Submitted for approval"),
    LoanEventKind.APPROVED: N_("Approved"),
    LoanEventKind.REFUSED: N_("Refused"),
    LoanEventKind.CANCELLED: N_("Cancelled"),
    LoanEventKind.EXTENDED: N_("Due date extended"),
    LoanEventKind.HANDED_OUT: N_("Handed out"),
    LoanEventKind.RETURNED: N_("Returned"),
    LoanEventKind.LIABILITY_OPENED: N_("Liability opened"),
    LoanEventKind.LIABILITY_UPDATED: N_("Liability updated"),
    LoanEventKind.FOLLOWED_UP: N_("Followed up"),
    LoanEventKind.CLOSED: N_("Closed"),
}


@dataclass(frozen=True)
class LoanEvent:
    """One step. Only the fields its kind uses are filled; the rest keep their empty defaults."""

    at: datetime  # aware: when the step was recorded
    kind: LoanEventKind
    who: str = ""  # the full name of the user who did it; "" when nothing records it
    timed: bool = True  # False: only the day is known (rows written outside the services)
    reason: str = ""  # refusal, cancellation, extension
    old_start: date | None = None  # a draft's change of dates
    new_start: date | None = None
    old_due: date | None = None  # an extension or a draft's change of dates
    new_due: date | None = None
    asset_number: str = ""  # the item of a hand-out, return or liability
    item_name: str = ""
    quantity: int | None = None
    unit: str = ""
    condition: ReturnCondition | None = None
    returned_by: str = ""  # who brought items back, as typed (often not a user)
    on: date | None = None  # the day the user gave: returned on, followed up on
    method: FollowUpMethod | None = None
    memo_number: str = ""
    remedy: Remedy | None = None
    amount: Decimal | None = None
    settled_on: date | None = None
    note: str = ""

    @property
    def day(self) -> date:
        """The office's day of the step."""
        return office_date(self.at)

    @property
    def dated_apart(self) -> bool:
        """The user gave a day other than the day it was recorded (a return entered later)."""
        return self.on is not None and self.on != self.day
