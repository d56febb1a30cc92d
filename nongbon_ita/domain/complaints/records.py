"""Complaint records as the services hand them out. Identities travel apart (ComplaintIdentity)
and only to users allowed to see them; everyone else gets `identity=None` and sees HIDDEN."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from nongbon_ita.domain.calendar import RegisterNumber
from nongbon_ita.domain.complaints.deadlines import DeadlineState, DeadlineUnit
from nongbon_ita.domain.complaints.kinds import Category, Outcome, Status, Track
from nongbon_ita.domain.complaints.workflow import ActionKind

HIDDEN = "ปกปิด"  # what a user who may not see an identity reads in its place


@dataclass(frozen=True)
class ComplaintIdentity:
    """Who complained and who is complained about: personal data (PDPA), kept in its own table."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    accused: str = ""  # the people or units complained about

    FIELDS = ("name", "address", "phone", "email", "id_number", "accused")

    def filled_fields(self) -> list[str]:
        """Names (never values) of the fields that hold something: what audit payloads carry."""
        return [name for name in self.FIELDS if getattr(self, name).strip()]

    def complainant_fields(self) -> list[str]:
        return [f for f in self.filled_fields() if f != "accused"]


@dataclass(frozen=True)
class Referral:
    """A complaint another body passed on (Traffy Fondue, 1111, ศูนย์ดำรงธรรม, ป.ป.ช. …): its
    reference, quoted back in the outcome letter. Not an identity: the referring body is an
    agency, and its letter (an attachment) is kept like any other."""

    reference: str = ""  # the referring body's number, e.g. "มค 0017.3/1234" or "2026-KX7P2Q"
    dated: date | None = None  # the date of its letter or ticket
    due_on: date | None = None  # the referring body's own deadline, when it gives one
    report_to: str = ""  # who must be told the outcome: the outcome letter's addressee

    @property
    def given(self) -> bool:
        return bool(self.reference or self.report_to)


@dataclass(frozen=True)
class NewComplaint:
    """What the intake form collects; `channel` is a channel's code (see channels.py)."""

    received_at: datetime
    channel: str
    category: Category
    subject: str
    details: str = ""
    place: str = ""
    anonymous: bool = False
    identity: ComplaintIdentity = field(default_factory=ComplaintIdentity)
    referral: Referral = field(default_factory=Referral)


@dataclass(frozen=True)
class ComplaintSummary:
    """A list row: no identity, no details."""

    id: int
    number: int
    fiscal_year: int
    public_code: str
    received_at: datetime
    received_on: date
    channel: str  # the code
    channel_name: str  # as the office names it (Thai)
    category: Category
    subject: str
    status: Status
    outcome: Outcome | None
    due_on: date
    deadline: DeadlineState
    anonymous: bool
    version: int
    reference: str = ""  # the referring body's reference, if referred
    referral_due_on: date | None = None  # the referring body's own deadline

    @property
    def register(self) -> RegisterNumber:
        return RegisterNumber(self.number, self.fiscal_year)

    @property
    def track(self) -> Track:
        return self.category.track


@dataclass(frozen=True)
class TimelineEntry:
    occurred_at: datetime
    kind: ActionKind
    note: str
    actor: str  # the user's full name


@dataclass(frozen=True)
class Attachment:
    id: int
    file_name: str
    sha256: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class ComplaintDetail:
    summary: ComplaintSummary
    details: str
    place: str
    referred_to: str
    rejection_reason: str
    division_id: int | None
    division_name: str
    officer_user_id: int | None
    officer_name: str
    receipt_due_on: date
    acknowledged_on: date | None
    paused_since: date | None
    paused_days: int
    concluded_on: date | None
    informed_on: date | None
    closed_on: date | None
    identity: ComplaintIdentity | None  # None: hidden from this user
    identity_purged: bool
    referral: Referral = field(default_factory=Referral)
    timeline: tuple[TimelineEntry, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    outcome_days: int = 15  # the office's rule the deadline was counted with
    outcome_unit: DeadlineUnit = DeadlineUnit.WORKING

    @property
    def identity_visible(self) -> bool:
        return self.identity is not None

    def shown(self, field_name: str) -> str:
        """An identity field as this user may read it."""
        if self.identity is None:
            return HIDDEN
        return str(getattr(self.identity, field_name))
